/// Which of Aave v3's liquidation rule sets a deployment runs.
///
/// Both sets use the same arithmetic (that of aave-v3-origin v3.7, see `docs/protocols-lending.md`);
/// they differ in how much may be liquidated and what happens to debt left without collateral.
public enum AaveLiquidationRules: String, Sendable, Hashable, CaseIterable {
    /// v3.0–v3.2 (aave-v3-origin v3.2.0 `LiquidationLogic._calculateDebt`): close factor 50 % of
    /// the *reserve's* debt when `HF > 0.95`, 100 % at or below; no dust rule; debt left without
    /// collateral stays on the account.
    case v3_0 = "v3.0"
    /// v3.3+ (`LiquidationLogic.executeLiquidationCall`): the whole reserve debt may be liquidated,
    /// except that when the reserve's collateral and debt are both worth ≥ $2,000
    /// (`MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD`) and `HF > 0.95`, the cap is 50 % of the account's
    /// *total* debt value; a partial liquidation must leave ≥ $1,000 (`MIN_LEFTOVER_BASE`) of both
    /// collateral and debt or revert `MustNotLeaveDust`; when no collateral is left the remaining
    /// debt, in every reserve, is burned and booked as the reserves' deficit.
    case v3_3 = "v3.3"
}
