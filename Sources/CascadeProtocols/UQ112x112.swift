import CascadeMath

/// Uniswap v2's binary fixed-point number: a `uint224` holding a value times 2¹¹² (112 integer
/// bits, 112 fractional bits).
///
/// Restates `UQ112x112.sol` (Uniswap/v2-core `contracts/libraries/`, `encode` and `uqdiv`) and the
/// parts of `FixedPoint.sol` (Uniswap/lib, used by v2-periphery's oracles) that read prices:
/// `fraction`, `mul` and `decode144`. Prices are exact integers; nothing here rounds up.
///
/// ```swift
/// let price = UQ112x112.fraction(2_000, 1)   // 2000 · 2¹¹²
/// try UQ112x112.mulDecode(price, 3)          // ⌊2000 · 2¹¹² · 3 / 2¹¹²⌋ = 6000
/// ```
public enum UQ112x112 {
    /// 2¹¹², the fixed-point one (`Q112` in the source).
    public static let q112: UInt256 = UInt256.one << 112

    /// The largest `uint112`, 2¹¹² − 1: the bound of a pair's reserves.
    public static let maxUInt112: UInt256 = q112 &- 1

    /// `encode(y)`: `y · 2¹¹²` for a `uint112` `y`; never overflows 224 bits.
    @inlinable
    public static func encode(_ y: UInt256) -> UInt256 { y << 112 }

    /// `fraction(numerator, denominator)` = `encode(numerator).uqdiv(denominator)`:
    /// ⌊numerator · 2¹¹² / denominator⌋ for `uint112` operands, rounding down.
    ///
    /// The pair only calls this with non-zero reserves (`_update` and the oracle library skip
    /// empty pools); a zero denominator is a programmer error here (`FixedPoint: DIV_BY_ZERO` on
    /// chain).
    ///
    /// - Complexity: one 224-by-112-bit division.
    @inlinable
    public static func fraction(_ numerator: UInt256, _ denominator: UInt256) -> UInt256 {
        precondition(!denominator.isZero, "UQ112x112.fraction by zero")
        return (try? encode(numerator) / denominator) ?? .zero
    }

    /// `FixedPoint.mul(self, y).decode144()`: ⌊x · y / 2¹¹²⌋, the amount out for `y` in at the
    /// price `x`. Reverts `FixedPoint: MULTIPLICATION_OVERFLOW` when `x · y` exceeds 256 bits.
    @inlinable
    public static func mulDecode(_ x: UInt256, _ y: UInt256) throws(Revert) -> UInt256 {
        let (product, overflow) = x.multipliedReportingOverflow(by: y)
        if overflow { throw .reason("FixedPoint: MULTIPLICATION_OVERFLOW") }
        return product >> 112
    }
}
