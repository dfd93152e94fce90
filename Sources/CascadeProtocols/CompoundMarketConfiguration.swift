import CascadeMath

/// The parameters of one Compound v2 market (a cToken listed in the Comptroller). Mantissas are
/// scaled by 10¹⁸ (10¹⁸ = 100 %).
public struct CompoundMarketConfiguration: Sendable, Hashable {
    /// `markets[cToken].collateralFactorMantissa`: the share of the collateral's value that can be
    /// borrowed against and that counts for liquidity (≤ 0.9).
    public var collateralFactorMantissa: UInt256
    /// `reserveFactorMantissa`: the share of interest kept as reserves (≤ 1).
    public var reserveFactorMantissa: UInt256
    /// `initialExchangeRateMantissa`: underlying per cToken before any mint, scaled by
    /// `10^(18 + underlyingDecimals − 8)` (cTokens have 8 decimals; 0.02 underlying per cToken is
    /// `2·10^(8 + underlyingDecimals)`, e.g. 2e26 for an 18-decimal asset, 2e14 for USDC).
    public var initialExchangeRateMantissa: UInt256
    /// `protocolSeizeShareMantissa`: the share of seized cTokens added to reserves (2.8 % from
    /// Compound 2.9, July 2021; 0 before — set 0 to model 2020).
    public var protocolSeizeShareMantissa: UInt256
    /// `borrowCaps[cToken]`, underlying units; 0 = none.
    public var borrowCap: UInt256
    /// The interest-rate model.
    public var interestRateModel: CompoundJumpRateModel

    public init(collateralFactorMantissa: UInt256, reserveFactorMantissa: UInt256,
                initialExchangeRateMantissa: UInt256, protocolSeizeShareMantissa: UInt256 = CompoundMarketConfiguration.protocolSeizeShare2021,
                borrowCap: UInt256 = .zero, interestRateModel: CompoundJumpRateModel) {
        self.collateralFactorMantissa = collateralFactorMantissa
        self.reserveFactorMantissa = reserveFactorMantissa
        self.initialExchangeRateMantissa = initialExchangeRateMantissa
        self.protocolSeizeShareMantissa = protocolSeizeShareMantissa
        self.borrowCap = borrowCap
        self.interestRateModel = interestRateModel
    }

    /// 2.8 %, `protocolSeizeShareMantissa` of Compound 2.9 (`CTokenInterfaces.sol`).
    public static let protocolSeizeShare2021 = UInt256(28_000_000_000_000_000 as UInt64)
    /// `collateralFactorMaxMantissa` = 0.9 (`Comptroller._setCollateralFactor`).
    public static let collateralFactorMax = UInt256(900_000_000_000_000_000 as UInt64)
    /// `reserveFactorMaxMantissa` = 1 (`CToken._setReserveFactorFresh`).
    public static let reserveFactorMax = CompoundMath.expScale

    /// What the Comptroller and the CToken would reject, keyed under `key` (e.g. `markets.cETH`):
    /// `collateral_factor ≤ 0.9`, `reserve_factor ≤ 1`, `initial_exchange_rate > 0`,
    /// `protocol_seize_share < 1`, and a kink ≤ 1.
    public func validationErrors(key: String) -> [ParameterError] {
        var errors: [ParameterError] = []
        func check(_ ok: Bool, _ name: String, _ expected: String, _ found: UInt256) {
            if !ok { errors.append(ParameterError(key: key + "." + name, expected: expected, found: "\(found)")) }
        }
        check(collateralFactorMantissa <= Self.collateralFactorMax, "collateral_factor",
              "≤ 0.9e18 (collateralFactorMaxMantissa)", collateralFactorMantissa)
        check(reserveFactorMantissa <= Self.reserveFactorMax, "reserve_factor", "≤ 1e18", reserveFactorMantissa)
        check(!initialExchangeRateMantissa.isZero, "initial_exchange_rate", "> 0", initialExchangeRateMantissa)
        check(protocolSeizeShareMantissa < CompoundMath.expScale, "protocol_seize_share", "< 1e18", protocolSeizeShareMantissa)
        check(interestRateModel.kink <= CompoundMath.expScale, "interest_rate.kink", "≤ 1e18", interestRateModel.kink)
        return errors
    }
}
