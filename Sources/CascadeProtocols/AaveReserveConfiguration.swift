import CascadeMath

/// The risk parameters and switches of one Aave v3 reserve: what `ReserveConfigurationMap` packs
/// into a word on chain, plus the reserve's interest-rate curve.
///
/// Percentages are basis points (10⁴ = 100.00 %), as the contract stores them
/// (aave-dao/aave-v3-origin `src/contracts/protocol/libraries/configuration/ReserveConfiguration.sol`).
/// The liquidation bonus includes the principal: 10 500 means the liquidator receives 105 % of the
/// debt's value in collateral. Caps are in whole tokens, 0 meaning none.
///
/// ```swift
/// // WETH on Aave v3 Ethereum in October 2023 (protocols/aave-v3-ethereum.toml, with sources):
/// // LTV 80.5 %, LT 83 %, bonus 5 %, fee 10 %, reserve factor 15 %, 90 % / 0 / 3.8 % / 80 %.
/// let weth = AaveReserveConfiguration(
///     ltv: 8_050, liquidationThreshold: 8_300, liquidationBonus: 10_500,
///     liquidationProtocolFee: 1_000, reserveFactor: 1_500,
///     interestRateStrategy: .init(optimalUsageRatio: 9_000, baseVariableBorrowRate: 0,
///                                 variableRateSlope1: 380, variableRateSlope2: 8_000))
/// ```
public struct AaveReserveConfiguration: Sendable, Hashable {
    /// Loan to value: the share of the collateral's value that can be borrowed against, bps.
    public var ltv: UInt64
    /// The share of the collateral's value counted in the health factor, bps.
    public var liquidationThreshold: UInt64
    /// Collateral paid per unit of debt repaid in a liquidation, bps including the principal (> 10⁴).
    public var liquidationBonus: UInt64
    /// The share of the liquidation bonus sent to the treasury, bps.
    public var liquidationProtocolFee: UInt64
    /// The share of borrowers' interest kept for the treasury, bps.
    public var reserveFactor: UInt64
    /// Maximum total supply in whole tokens; 0 = no cap.
    public var supplyCap: UInt64
    /// Maximum total variable debt in whole tokens; 0 = no cap.
    public var borrowCap: UInt64
    /// An inactive reserve refuses every action (`ReserveInactive`).
    public var isActive: Bool
    /// A frozen reserve refuses supply and borrow (`ReserveFrozen`) but allows repay, withdraw and liquidation.
    public var isFrozen: Bool
    /// A paused reserve refuses every action, liquidations included (`ReservePaused`).
    public var isPaused: Bool
    /// Whether the asset may be borrowed (`BorrowingNotEnabled`).
    public var borrowingEnabled: Bool
    /// The variable-rate curve.
    public var interestRateStrategy: AaveInterestRateStrategy

    public init(
        ltv: UInt64, liquidationThreshold: UInt64, liquidationBonus: UInt64,
        liquidationProtocolFee: UInt64, reserveFactor: UInt64,
        supplyCap: UInt64 = 0, borrowCap: UInt64 = 0,
        isActive: Bool = true, isFrozen: Bool = false, isPaused: Bool = false, borrowingEnabled: Bool = true,
        interestRateStrategy: AaveInterestRateStrategy
    ) {
        self.ltv = ltv
        self.liquidationThreshold = liquidationThreshold
        self.liquidationBonus = liquidationBonus
        self.liquidationProtocolFee = liquidationProtocolFee
        self.reserveFactor = reserveFactor
        self.supplyCap = supplyCap
        self.borrowCap = borrowCap
        self.isActive = isActive
        self.isFrozen = isFrozen
        self.isPaused = isPaused
        self.borrowingEnabled = borrowingEnabled
        self.interestRateStrategy = interestRateStrategy
    }

    /// `MAX_VALID_BORROW_CAP` and `MAX_VALID_SUPPLY_CAP` (36 bits), whole tokens.
    public static let maxValidCap: UInt64 = 68_719_476_735
    /// `MAX_VALID_LTV`, `…_LIQUIDATION_THRESHOLD`, `…_LIQUIDATION_BONUS` (16 bits), bps.
    public static let maxValid16Bit: UInt64 = 65_535

    /// Everything `PoolConfigurator` and `ReserveConfiguration` would reject, each naming its key
    /// under `key` (e.g. `reserves.WETH`):
    ///
    /// - `configureReserveAsCollateral`: `ltv ≤ liquidation_threshold`; with a non-zero threshold,
    ///   `liquidation_bonus > 10000` and `percentMul(liquidation_threshold, liquidation_bonus) ≤ 10000`
    ///   (enough collateral to pay the bonus when a loan is opened); with a zero threshold, a zero bonus
    ///   (`InvalidReserveParams`);
    /// - `setReserveFactor`, `setLiquidationProtocolFee`: ≤ 10000;
    /// - bit widths: 16-bit percentages, 36-bit caps (`InvalidLtv`, `InvalidSupplyCap`, …);
    /// - the interest-rate curve (``AaveInterestRateStrategy/validationErrors(key:)``).
    public func validationErrors(key: String) -> [ParameterError] {
        var errors: [ParameterError] = []
        func check(_ ok: Bool, _ name: String, _ expected: String, _ found: UInt64) {
            if !ok { errors.append(ParameterError(key: key + "." + name, expected: expected, found: "\(found)")) }
        }
        check(ltv <= Self.maxValid16Bit, "ltv", "≤ 65535 bps", ltv)
        check(liquidationThreshold <= Self.maxValid16Bit, "liquidation_threshold", "≤ 65535 bps", liquidationThreshold)
        check(liquidationBonus <= Self.maxValid16Bit, "liquidation_bonus", "≤ 65535 bps", liquidationBonus)
        check(ltv <= liquidationThreshold, "liquidation_threshold", "≥ ltv (\(ltv))", liquidationThreshold)
        if liquidationThreshold != 0 {
            check(liquidationBonus > 10_000, "liquidation_bonus",
                  "> 10000 bps (more than 100 % of the debt repaid)", liquidationBonus)
            // Both factors are below 2¹⁶ here or already reported; the product fits easily.
            let coverage = (liquidationThreshold &* liquidationBonus &+ 5_000) / 10_000
            if liquidationThreshold <= Self.maxValid16Bit, liquidationBonus <= Self.maxValid16Bit, coverage > 10_000 {
                errors.append(ParameterError(
                    key: key + ".liquidation_bonus",
                    expected: "percentMul(liquidation_threshold, liquidation_bonus) ≤ 10000 "
                        + "(at most \(10_000 * 10_000 / liquidationThreshold) bps with threshold \(liquidationThreshold))",
                    found: "\(liquidationBonus) (product \(coverage))"))
            }
        } else {
            check(liquidationBonus == 0, "liquidation_bonus", "0 when liquidation_threshold is 0", liquidationBonus)
        }
        check(liquidationProtocolFee <= 10_000, "liquidation_protocol_fee", "≤ 10000 bps", liquidationProtocolFee)
        check(reserveFactor <= 10_000, "reserve_factor", "≤ 10000 bps", reserveFactor)
        check(supplyCap <= Self.maxValidCap, "supply_cap", "≤ 68719476735 whole tokens", supplyCap)
        check(borrowCap <= Self.maxValidCap, "borrow_cap", "≤ 68719476735 whole tokens", borrowCap)
        errors += interestRateStrategy.validationErrors(key: key + ".interest_rate")
        return errors
    }
}
