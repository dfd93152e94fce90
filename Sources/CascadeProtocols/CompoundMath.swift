import CascadeMath

/// Compound v2's mantissa arithmetic (compound-finance/compound-protocol
/// `contracts/ExponentialNoError.sol` and `contracts/Exponential.sol` at Compound 2.9, commit
/// `ae4388e`): an `Exp` is a number scaled by 10¹⁸ (its *mantissa*), and every product or
/// quotient **truncates**.
///
/// The contracts compile with Solidity 0.5, so overflow does not revert by itself: the
/// `ExponentialNoError` helpers `require` and revert with their own strings, which these functions
/// reproduce (`multiplication overflow`, `addition overflow`, `subtraction underflow`,
/// `divide by zero`). The older `CarefulMath` helpers return error codes instead; the model treats
/// those (unreachable with real balances) as reverts too — see `docs/protocols-lending.md`.
public enum CompoundMath {
    /// `expScale` = 10¹⁸.
    public static let expScale = UInt256(1_000_000_000_000_000_000 as UInt64)

    /// `mul_(uint, uint)`: reverts `multiplication overflow`.
    @inlinable
    public static func mul(_ a: UInt256, _ b: UInt256) throws(Revert) -> UInt256 {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        if overflow { throw .reason("multiplication overflow") }
        return product
    }

    /// `add_(uint, uint)`: reverts `addition overflow`.
    @inlinable
    public static func add(_ a: UInt256, _ b: UInt256) throws(Revert) -> UInt256 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        if overflow { throw .reason("addition overflow") }
        return sum
    }

    /// `sub_(uint, uint)`: reverts `subtraction underflow`.
    @inlinable
    public static func sub(_ a: UInt256, _ b: UInt256) throws(Revert) -> UInt256 {
        if b > a { throw .reason("subtraction underflow") }
        return a &- b
    }

    /// `div_(uint, uint)`: ⌊a / b⌋, reverts `divide by zero`.
    @inlinable
    public static func div(_ a: UInt256, _ b: UInt256) throws(Revert) -> UInt256 {
        if b.isZero { throw .reason("divide by zero") }
        return (try? a / b) ?? .zero
    }

    /// `mul_(Exp, Exp)`: ⌊a·b / 10¹⁸⌋.
    @inlinable
    public static func mulExp(_ a: UInt256, _ b: UInt256) throws(Revert) -> UInt256 {
        try mul(a, b).quotientAndRemainder(dividingByLimb: 1_000_000_000_000_000_000).quotient
    }

    /// `div_(Exp, Exp)`: ⌊a·10¹⁸ / b⌋.
    @inlinable
    public static func divExp(_ a: UInt256, _ b: UInt256) throws(Revert) -> UInt256 {
        try div(mul(a, expScale), b)
    }

    /// `mul_ScalarTruncate(Exp, uint)`: ⌊a·scalar / 10¹⁸⌋ (also `mul_(uint, Exp)`).
    @inlinable
    public static func mulScalarTruncate(_ a: UInt256, _ scalar: UInt256) throws(Revert) -> UInt256 {
        try mul(a, scalar).quotientAndRemainder(dividingByLimb: 1_000_000_000_000_000_000).quotient
    }

    /// `mul_ScalarTruncateAddUInt(Exp, uint, uint)`: ⌊a·scalar / 10¹⁸⌋ + addend.
    @inlinable
    public static func mulScalarTruncateAdd(_ a: UInt256, _ scalar: UInt256, _ addend: UInt256) throws(Revert) -> UInt256 {
        try add(mulScalarTruncate(a, scalar), addend)
    }

    /// `divScalarByExpTruncate(uint, Exp)`: ⌊⌊scalar·10¹⁸·10¹⁸ / a⌋ / 10¹⁸⌋ = ⌊scalar·10¹⁸ / a⌋
    /// (how many cTokens `scalar` underlying buys at exchange rate `a`).
    @inlinable
    public static func divScalarByExpTruncate(_ scalar: UInt256, _ a: UInt256) throws(Revert) -> UInt256 {
        try div(mul(mul(expScale, scalar), expScale), a).quotientAndRemainder(dividingByLimb: 1_000_000_000_000_000_000).quotient
    }
}
