import CascadeMath

/// Aave v3's interest and base-currency helpers (aave-dao/aave-v3-origin
/// `src/contracts/protocol/libraries/math/MathUtils.sol`) and the scaled-balance conversions of
/// `TokenMath` (`src/contracts/protocol/libraries/helpers/TokenMath.sol`, v3.5+), which round
/// in the protocol's favour.
public enum AaveMathUtils {
    /// `SECONDS_PER_YEAR = 365 days` (leap years ignored).
    public static let secondsPerYear: UInt64 = 365 * 24 * 60 * 60

    /// `calculateLinearInterest`: `RAY + ⌊rate · Δt / SECONDS_PER_YEAR⌋`, ray. The supply side
    /// accrues simple interest between updates. `rate · Δt` and the sum are checked; Δt < 0
    /// reverts (``Revert/underflow``) as `block.timestamp − lastUpdateTimestamp` does.
    @inlinable
    public static func calculateLinearInterest(rate: UInt256, from lastUpdate: UInt64, to now: UInt64) throws(Revert) -> UInt256 {
        guard now >= lastUpdate else { throw .underflow }
        let result = try rate * UInt256(now &- lastUpdate)
        return try WadRayMath.ray + result.quotientAndRemainder(dividingByLimb: secondsPerYear).quotient
    }

    /// `calculateCompoundedInterest`: the three-term binomial approximation of `(1 + rate/year)^Δt`,
    /// ray: with `x = ⌊rate · Δt / SECONDS_PER_YEAR⌋`,
    /// `RAY + x + rayMul(x, ⌊x/2⌋ + rayMul(x, ⌊x/6⌋))` — the v3.4+ form, which folds the second and
    /// third terms into one nested `rayMul` (half up). `RAY` when Δt = 0.
    ///
    /// The Solidity body is `unchecked` (its comment argues it cannot overflow for rates below
    /// 2¹²⁸); here the additions are checked, which changes nothing for any reachable rate, and the
    /// `rayMul`s revert on overflow as their assembly does.
    @inlinable
    public static func calculateCompoundedInterest(rate: UInt256, from lastUpdate: UInt64, to now: UInt64) throws(Revert) -> UInt256 {
        guard now >= lastUpdate else { throw .underflow }
        let exp = now &- lastUpdate
        if exp == 0 { return WadRayMath.ray }
        let x = try (rate * UInt256(exp)).quotientAndRemainder(dividingByLimb: secondsPerYear).quotient
        let xOver2 = x >> 1
        let xOver6 = x.quotientAndRemainder(dividingByLimb: 6).quotient
        let inner = try xOver2 + WadRayMath.rayMul(x, xOver6)
        return try WadRayMath.ray + x + WadRayMath.rayMul(x, inner)
    }

    /// `MathUtils.mulDivCeil`: ⌈a·b / c⌉. Reverts when `c == 0` or when `a·b` overflows 256 bits
    /// (no 512-bit intermediate, unlike ``FullMath``).
    @inlinable
    public static func mulDivCeil(_ a: UInt256, _ b: UInt256, _ c: UInt256) throws(Revert) -> UInt256 {
        if c.isZero { throw .divisionByZero }
        return try (a * b).divided(by: c, rounding: .up)
    }

    // MARK: TokenMath (v3.5+): scaled balances, rounded in the protocol's favour

    /// aTokens to mint for a supply: `rayDivFloor(amount, liquidityIndex)`.
    @inlinable
    public static func aTokenMintScaledAmount(_ amount: UInt256, liquidityIndex: UInt256) throws(Revert) -> UInt256 {
        try WadRayMath.rayDivFloor(amount, liquidityIndex)
    }

    /// aTokens to burn for a withdrawal or a seizure: `rayDivCeil(amount, liquidityIndex)`.
    @inlinable
    public static func aTokenBurnScaledAmount(_ amount: UInt256, liquidityIndex: UInt256) throws(Revert) -> UInt256 {
        try WadRayMath.rayDivCeil(amount, liquidityIndex)
    }

    /// aTokens to move for a transfer (incl. `transferOnLiquidation`): `rayDivCeil(amount, liquidityIndex)`.
    @inlinable
    public static func aTokenTransferScaledAmount(_ amount: UInt256, liquidityIndex: UInt256) throws(Revert) -> UInt256 {
        try WadRayMath.rayDivCeil(amount, liquidityIndex)
    }

    /// An aToken balance: `rayMulFloor(scaled, liquidityIndex)`.
    @inlinable
    public static func aTokenBalance(_ scaled: UInt256, liquidityIndex: UInt256) throws(Revert) -> UInt256 {
        try WadRayMath.rayMulFloor(scaled, liquidityIndex)
    }

    /// Variable-debt tokens to mint for a borrow: `rayDivCeil(amount, variableBorrowIndex)`.
    @inlinable
    public static func vTokenMintScaledAmount(_ amount: UInt256, variableBorrowIndex: UInt256) throws(Revert) -> UInt256 {
        try WadRayMath.rayDivCeil(amount, variableBorrowIndex)
    }

    /// Variable-debt tokens to burn for a repayment: `rayDivFloor(amount, variableBorrowIndex)`.
    @inlinable
    public static func vTokenBurnScaledAmount(_ amount: UInt256, variableBorrowIndex: UInt256) throws(Revert) -> UInt256 {
        try WadRayMath.rayDivFloor(amount, variableBorrowIndex)
    }

    /// A debt balance: `rayMulCeil(scaled, variableBorrowIndex)`.
    @inlinable
    public static func vTokenBalance(_ scaled: UInt256, variableBorrowIndex: UInt256) throws(Revert) -> UInt256 {
        try WadRayMath.rayMulCeil(scaled, variableBorrowIndex)
    }
}
