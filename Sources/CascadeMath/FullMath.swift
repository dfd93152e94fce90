/// Full-precision multiply-then-divide, as Uniswap v3's `FullMath`
/// (Uniswap/v3-core `contracts/libraries/FullMath.sol`): the product `a·b` is kept at 512 bits,
/// so the result is exact whenever it fits 256 bits, even when `a·b` does not.
public enum FullMath {
    /// ⌊a·b / denominator⌋ with a 512-bit intermediate.
    ///
    /// Reverts (``Revert/divisionByZero``) when `denominator == 0` and (``Revert/overflow``) when
    /// the result is ≥ 2²⁵⁶, as `FullMath.mulDiv` (there: a bare `require`).
    /// - Complexity: one 256×256 multiplication and a 512/256 division (GMP `mpn_tdiv_qr` when
    ///   the product or the denominator exceeds one limb).
    @inlinable
    public static func mulDiv(_ a: UInt256, _ b: UInt256, _ denominator: UInt256) throws(Revert) -> UInt256 {
        try mulDivRemainder(a, b, denominator).quotient
    }

    /// ⌈a·b / denominator⌉ with a 512-bit intermediate, as `FullMath.mulDivRoundingUp`:
    /// reverts like ``mulDiv(_:_:_:)``, and also when rounding up passes 2²⁵⁶ − 1.
    @inlinable
    public static func mulDivRoundingUp(_ a: UInt256, _ b: UInt256, _ denominator: UInt256) throws(Revert) -> UInt256 {
        let (quotient, remainder) = try mulDivRemainder(a, b, denominator)
        if remainder.isZero { return quotient }
        return try quotient + .one
    }

    /// ⌊a·b / denominator⌋ and (a·b) mod denominator.
    @inlinable
    public static func mulDivRemainder(_ a: UInt256, _ b: UInt256, _ denominator: UInt256) throws(Revert) -> (quotient: UInt256, remainder: UInt256) {
        if denominator.isZero { throw .divisionByZero }
        let (high, low) = a.multipliedFullWidth(by: b)
        if high.isZero { return try low.quotientAndRemainder(dividingBy: denominator) }
        if high >= denominator { throw .overflow }
        return UInt256.divideWide(high: high, low: low, by: denominator)
    }
}
