import CascadeMath

/// An account's totals across the Aave v3 pool, as `GenericLogic.calculateUserAccountData`
/// returns them (aave-dao/aave-v3-origin `src/contracts/protocol/libraries/logic/GenericLogic.sol`).
///
/// Values in the base currency are the oracle's unit (USD with 8 decimals on the Ethereum pools):
/// collateral per reserve is `⌊rayMulFloor(scaled, income) · price / 10^decimals⌋` (floor), debt per
/// reserve `mulDivCeil(rayMulCeil(scaled, debtIndex), price, 10^decimals)` (ceil).
public struct AaveAccountData: Sendable, Hashable {
    /// Σ collateral value, base currency.
    public let totalCollateralBase: UInt256
    /// Σ debt value, base currency.
    public let totalDebtBase: UInt256
    /// Σ collateral valueᵢ · LTVᵢ (base currency × bps), the numerator of ``averageLtv``.
    public let ltvWeightedSum: UInt256
    /// Σ collateral valueᵢ · liquidation thresholdᵢ (base currency × bps), the numerator of the
    /// health factor and of ``averageLiquidationThreshold``.
    public let liquidationThresholdWeightedSum: UInt256
    /// The health factor, wad: `wadDiv(liquidationThresholdWeightedSum, totalDebt) / 10⁴` (half up,
    /// then floor); `2²⁵⁶ − 1` with no debt. Liquidatable below 10¹⁸.
    public let healthFactor: UInt256
    /// Whether some collateral has an LTV of zero (it then blocks withdrawing other collateral).
    public let hasZeroLtvCollateral: Bool

    public init(totalCollateralBase: UInt256, totalDebtBase: UInt256, ltvWeightedSum: UInt256,
                liquidationThresholdWeightedSum: UInt256, healthFactor: UInt256, hasZeroLtvCollateral: Bool) {
        self.totalCollateralBase = totalCollateralBase
        self.totalDebtBase = totalDebtBase
        self.ltvWeightedSum = ltvWeightedSum
        self.liquidationThresholdWeightedSum = liquidationThresholdWeightedSum
        self.healthFactor = healthFactor
        self.hasZeroLtvCollateral = hasZeroLtvCollateral
    }

    /// Collateral-weighted LTV, bps: `⌊ltvWeightedSum / totalCollateral⌋`, 0 without collateral.
    /// (Computed on demand: the health factor does not need it.)
    public var averageLtv: UInt256 { Self.average(ltvWeightedSum, totalCollateralBase) }

    /// Collateral-weighted liquidation threshold, bps (floor), 0 without collateral.
    public var averageLiquidationThreshold: UInt256 { Self.average(liquidationThresholdWeightedSum, totalCollateralBase) }

    private static func average(_ sum: UInt256, _ total: UInt256) -> UInt256 {
        guard !total.isZero, let (quotient, _) = try? sum.quotientAndRemainder(dividingBy: total) else { return .zero }
        return quotient
    }

    /// The empty account (`userConfig.isEmpty()`): zeros and the maximal health factor.
    public static let empty = AaveAccountData(
        totalCollateralBase: .zero, totalDebtBase: .zero, ltvWeightedSum: .zero,
        liquidationThresholdWeightedSum: .zero, healthFactor: .max, hasZeroLtvCollateral: false)
}
