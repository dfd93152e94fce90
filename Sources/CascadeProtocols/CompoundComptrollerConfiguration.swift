import CascadeMath

/// Comptroller-wide parameters of a Compound v2 deployment. Mantissas are scaled by 10¹⁸.
public struct CompoundComptrollerConfiguration: Sendable, Hashable {
    /// The protocol instance's name in traces, e.g. `"compound-v2"`.
    public var name: String
    /// `closeFactorMantissa`: the share of one borrow a single liquidation may repay (0.5 on mainnet).
    public var closeFactorMantissa: UInt256
    /// `liquidationIncentiveMantissa`: collateral seized per unit of debt repaid (1.08; 1.05 before
    /// March 2020).
    public var liquidationIncentiveMantissa: UInt256
    /// `seizeGuardianPaused`: seizing reverts `seize is paused` (liquidations impossible).
    public var seizePaused: Bool
    /// Gas per call.
    public var gasSchedule: CompoundGasSchedule

    public init(name: String = "compound-v2",
                closeFactorMantissa: UInt256 = UInt256(500_000_000_000_000_000 as UInt64),
                liquidationIncentiveMantissa: UInt256 = UInt256(1_080_000_000_000_000_000 as UInt64),
                seizePaused: Bool = false, gasSchedule: CompoundGasSchedule = .default) {
        self.name = name
        self.closeFactorMantissa = closeFactorMantissa
        self.liquidationIncentiveMantissa = liquidationIncentiveMantissa
        self.seizePaused = seizePaused
        self.gasSchedule = gasSchedule
    }

    /// What the deployment rejects, keyed under `key` (e.g. `comptroller`): close factor in
    /// (0, 1], liquidation incentive ≥ 1 (the Comptroller's old `_setCloseFactor` bounds, 0.05–0.9,
    /// and `liquidationIncentiveMaxMantissa`, 1.5, were dropped in later versions; only the
    /// economic bounds are kept here).
    public func validationErrors(key: String) -> [ParameterError] {
        var errors: [ParameterError] = []
        if closeFactorMantissa.isZero || closeFactorMantissa > CompoundMath.expScale {
            errors.append(ParameterError(key: key + ".close_factor", expected: "in (0, 1e18]", found: "\(closeFactorMantissa)"))
        }
        if liquidationIncentiveMantissa < CompoundMath.expScale {
            errors.append(ParameterError(key: key + ".liquidation_incentive", expected: "≥ 1e18 (at least the debt repaid)",
                                         found: "\(liquidationIncentiveMantissa)"))
        }
        return errors
    }
}
