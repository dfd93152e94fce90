/// Aave's percentage arithmetic, in basis points of 10⁴ = 100.00 %.
///
/// Reproduces `PercentageMath.sol` of Aave v3 (aave/aave-v3-core
/// `contracts/protocol/libraries/math/PercentageMath.sol`; aave-dao/aave-v3-origin
/// `src/contracts/protocol/libraries/math/PercentageMath.sol`). Both operations round half up
/// and revert (bare `revert(0, 0)` on chain; ``Revert/overflow`` / ``Revert/divisionByZero``
/// here) when the intermediate overflows 256 bits. The `…Floor`/`…Ceil` variants come from
/// aave-v3-origin v3.5+ (`percentDivFloor` from after v3.6): their overflow check covers the
/// product only, not a rounding term.
public enum PercentageMath {
    /// 10⁴ = 100.00 %.
    @inlinable public static var percentageFactor: UInt256 { UInt256(w0: 0x2710, w1: 0x0, w2: 0x0, w3: 0x0) }
    /// 5·10³ = 50.00 %.
    @inlinable public static var halfPercentageFactor: UInt256 { UInt256(w0: 0x1388, w1: 0x0, w2: 0x0, w3: 0x0) }

    /// `value · percentage / 10⁴`, half up: ⌊(value·percentage + 5000) / 10⁴⌋.
    /// Reverts when `value·percentage + 5000` overflows (never when `percentage == 0`).
    @inlinable
    public static func percentMul(_ value: UInt256, _ percentage: UInt256) throws(Revert) -> UInt256 {
        let numerator = try value * percentage + halfPercentageFactor
        return numerator.quotientAndRemainder(dividingBy: LimbDivisor.e4).quotient
    }

    /// `value · 10⁴ / percentage`, half up: ⌊(value·10⁴ + ⌊percentage/2⌋) / percentage⌋.
    /// Reverts when `percentage == 0` or the numerator overflows.
    @inlinable
    public static func percentDiv(_ value: UInt256, _ percentage: UInt256) throws(Revert) -> UInt256 {
        if percentage.isZero { throw .divisionByZero }
        return try (value * percentageFactor).divided(by: percentage, rounding: .halfUp)
    }

    /// `value · percentage / 10⁴` rounded down (`percentMulFloor`). Reverts when `value·percentage` overflows.
    @inlinable
    public static func percentMulFloor(_ value: UInt256, _ percentage: UInt256) throws(Revert) -> UInt256 {
        try percentMul(value, percentage, rounding: .down)
    }

    /// `value · percentage / 10⁴` rounded up (`percentMulCeil`). Reverts when `value·percentage` overflows.
    @inlinable
    public static func percentMulCeil(_ value: UInt256, _ percentage: UInt256) throws(Revert) -> UInt256 {
        try percentMul(value, percentage, rounding: .up)
    }

    /// `value · 10⁴ / percentage` rounded down (`percentDivFloor`). Reverts when `percentage == 0` or `value·10⁴` overflows.
    @inlinable
    public static func percentDivFloor(_ value: UInt256, _ percentage: UInt256) throws(Revert) -> UInt256 {
        try percentDiv(value, percentage, rounding: .down)
    }

    /// `value · 10⁴ / percentage` rounded up (`percentDivCeil`). Reverts when `percentage == 0` or `value·10⁴` overflows.
    @inlinable
    public static func percentDivCeil(_ value: UInt256, _ percentage: UInt256) throws(Revert) -> UInt256 {
        try percentDiv(value, percentage, rounding: .up)
    }

    /// `value · percentage / 10⁴` with the given rounding (the half-up form is ``percentMul(_:_:)``).
    @inlinable
    public static func percentMul(_ value: UInt256, _ percentage: UInt256, rounding: Rounding) throws(Revert) -> UInt256 {
        try (value * percentage).divided(by: percentageFactor, rounding: rounding)
    }

    /// `value · 10⁴ / percentage` with the given rounding (the half-up form is ``percentDiv(_:_:)``).
    @inlinable
    public static func percentDiv(_ value: UInt256, _ percentage: UInt256, rounding: Rounding) throws(Revert) -> UInt256 {
        if percentage.isZero { throw .divisionByZero }
        return try (value * percentageFactor).divided(by: percentage, rounding: rounding)
    }
}
