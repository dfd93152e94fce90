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
    /// Collateral-weighted LTV, bps (floor), 0 without collateral.
    public let averageLtv: UInt256
    /// Collateral-weighted liquidation threshold, bps (floor), 0 without collateral.
    public let averageLiquidationThreshold: UInt256
    /// The health factor, wad: `wadDiv(Σ collateralᵢ·LTᵢ, totalDebt) / 10⁴` (half up, then floor);
    /// `2²⁵⁶ − 1` with no debt. Liquidatable below 10¹⁸.
    public let healthFactor: UInt256
    /// Whether some collateral has an LTV of zero (it then blocks withdrawing other collateral).
    public let hasZeroLtvCollateral: Bool

    public init(totalCollateralBase: UInt256, totalDebtBase: UInt256, averageLtv: UInt256,
                averageLiquidationThreshold: UInt256, healthFactor: UInt256, hasZeroLtvCollateral: Bool) {
        self.totalCollateralBase = totalCollateralBase
        self.totalDebtBase = totalDebtBase
        self.averageLtv = averageLtv
        self.averageLiquidationThreshold = averageLiquidationThreshold
        self.healthFactor = healthFactor
        self.hasZeroLtvCollateral = hasZeroLtvCollateral
    }

    /// The empty account (`userConfig.isEmpty()`): zeros and the maximal health factor.
    public static let empty = AaveAccountData(
        totalCollateralBase: .zero, totalDebtBase: .zero, averageLtv: .zero,
        averageLiquidationThreshold: .zero, healthFactor: .max, hasZeroLtvCollateral: false)
}
