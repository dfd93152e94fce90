/// How a fixed-point operation rounds the exact rational result `n / d` to an integer.
///
/// Each modelled protocol rounds in its own way; the fixed-point namespaces name theirs:
///
/// | rounding  | result                     | used by                                                  |
/// | --------- | -------------------------- | -------------------------------------------------------- |
/// | `.down`   | ⌊n / d⌋                    | Maker `dss` (`wmul`, `rmul`, `rdiv`), Uniswap v2, Compound, Aave v3.3 `…Floor` |
/// | `.halfUp` | ⌊(n + ⌊d / 2⌋) / d⌋        | Aave `WadRayMath`, `PercentageMath`, Maker `rpow` steps  |
/// | `.up`     | ⌈n / d⌉                    | Aave v3.3 `…Ceil`, Uniswap v3 `mulDivRoundingUp`         |
///
/// All values are unsigned, so "down" is both toward zero and toward −∞.
@frozen
public enum Rounding: Sendable, Hashable, CaseIterable {
    /// Toward zero: ⌊n / d⌋.
    case down
    /// To nearest, ties away from zero: ⌊(n + ⌊d / 2⌋) / d⌋ with the addition checked.
    case halfUp
    /// Toward +∞: ⌈n / d⌉.
    case up
}

extension UInt256 {
    /// `numerator / divisor` rounded as `rounding` says, for a numerator that is already an
    /// exact 256-bit value. `.halfUp` adds ⌊divisor / 2⌋ first and so reverts
    /// (``Revert/overflow``) when that sum passes 2²⁵⁶ − 1 — the overflow check of Aave's
    /// assembly. Throws ``Revert/divisionByZero`` when `divisor == 0`.
    @inlinable
    public func divided(by divisor: UInt256, rounding: Rounding) throws(Revert) -> UInt256 {
        switch rounding {
        case .down:
            return try self / divisor
        case .halfUp:
            if divisor.isZero { throw .divisionByZero }
            // ⌊divisor / 2⌋, a one-bit shift written out (the general `>>` is not inlined).
            let half = UInt256(w0: divisor.w0 &>> 1 | divisor.w1 &<< 63, w1: divisor.w1 &>> 1 | divisor.w2 &<< 63,
                               w2: divisor.w2 &>> 1 | divisor.w3 &<< 63, w3: divisor.w3 &>> 1)
            return try (self + half) / divisor
        case .up:
            let (q, r) = try quotientAndRemainder(dividingBy: divisor)
            return r.isZero ? q : q &+ .one // q < 2²⁵⁶ − 1 whenever r ≠ 0 and divisor ≥ 2
        }
    }
}
