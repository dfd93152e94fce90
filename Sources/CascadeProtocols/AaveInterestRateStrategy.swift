import CascadeMath

/// Aave v3's variable-rate curve for one reserve: a base rate plus slope 1 up to the optimal
/// usage ratio, and slope 2 beyond it.
///
/// Restates `DefaultReserveInterestRateStrategyV2.calculateInterestRates` (aave-dao/aave-v3-origin
/// `src/contracts/misc/DefaultReserveInterestRateStrategyV2.sol`). The parameters are stored as the
/// contract stores them, in basis points (`InterestRateData`: 10⁴ = 100 %), and turned into rays
/// (`_bpsToRay`: × 10²³) when used. Rates are annual, in ray (10²⁷ = 100 % a year).
///
/// ```swift
/// // USDC-like: 0 % base, 6.5 % up to 92 % usage, then +60 %.
/// let usdc = AaveInterestRateStrategy(optimalUsageRatio: 9_200, baseVariableBorrowRate: 0,
///                                     variableRateSlope1: 650, variableRateSlope2: 6_000)
/// ```
public struct AaveInterestRateStrategy: Sendable, Hashable {
    /// The kink: usage ratio above which slope 2 applies, in bps (1 %…99 %).
    public var optimalUsageRatio: UInt64
    /// The variable borrow rate at 0 % usage, bps a year.
    public var baseVariableBorrowRate: UInt64
    /// The rate added between 0 % and the optimal usage, bps a year.
    public var variableRateSlope1: UInt64
    /// The rate added between the optimal usage and 100 %, bps a year.
    public var variableRateSlope2: UInt64

    public init(optimalUsageRatio: UInt64, baseVariableBorrowRate: UInt64,
                variableRateSlope1: UInt64, variableRateSlope2: UInt64) {
        self.optimalUsageRatio = optimalUsageRatio
        self.baseVariableBorrowRate = baseVariableBorrowRate
        self.variableRateSlope1 = variableRateSlope1
        self.variableRateSlope2 = variableRateSlope2
    }

    /// `MIN_OPTIMAL_POINT` (1 %) and `MAX_OPTIMAL_POINT` (99 %), bps.
    public static let optimalPointRange: ClosedRange<UInt64> = 1_00...99_00
    /// `MAX_BORROW_RATE`: base + slope 1 + slope 2 may not exceed 1000 % a year, bps.
    public static let maxBorrowRate: UInt64 = 1000_00

    /// bps → ray (`_bpsToRay`: n · 10²³).
    @inlinable
    static func ray(fromBasisPoints bps: UInt64) -> UInt256 {
        UInt256(bps) &* UInt256(UInt128(100_000_000_000_000_000_000_000))
    }

    /// The liquidity (supply) rate and the variable borrow rate after an action, both ray a year.
    ///
    /// - Parameters:
    ///   - unbacked: the reserve's deficit (v3.3+ passes `reserve.deficit` as `unbacked`).
    ///   - liquidityAdded, liquidityTaken: the action's flows (supply/repay add, borrow/withdraw take).
    ///   - totalDebt: the reserve's total variable debt after the action.
    ///   - reserveFactor: bps.
    ///   - virtualUnderlyingBalance: the reserve's virtual balance before the flows.
    ///
    /// With no debt: `(0, base)`. Otherwise, with `available = virtual + added − taken` (checked:
    /// reverts with ``Revert/underflow`` when more is taken than there is):
    /// `borrowUsage = rayDiv(debt, available + debt)`, `supplyUsage = rayDiv(debt, available + debt + unbacked)`;
    /// below the kink `rate = base + rayDiv(rayMul(slope1, borrowUsage), optimal)`, above it
    /// `rate = base + slope1 + rayMul(slope2, rayDiv(borrowUsage − optimal, RAY − optimal))`;
    /// `liquidityRate = percentMul(rayMul(rate, supplyUsage), 10⁴ − reserveFactor)`. All half up.
    public func calculateInterestRates(
        unbacked: UInt256, liquidityAdded: UInt256, liquidityTaken: UInt256, totalDebt: UInt256,
        reserveFactor: UInt64, virtualUnderlyingBalance: UInt256
    ) throws(Revert) -> (liquidityRate: UInt256, variableBorrowRate: UInt256) {
        let base = Self.ray(fromBasisPoints: baseVariableBorrowRate)
        if totalDebt.isZero { return (.zero, base) }
        let optimal = Self.ray(fromBasisPoints: optimalUsageRatio)
        let slope1 = Self.ray(fromBasisPoints: variableRateSlope1)
        let slope2 = Self.ray(fromBasisPoints: variableRateSlope2)

        let availableLiquidity = try virtualUnderlyingBalance + liquidityAdded - liquidityTaken
        let availableLiquidityPlusDebt = try availableLiquidity + totalDebt
        let borrowUsageRatio = try WadRayMath.rayDiv(totalDebt, availableLiquidityPlusDebt)
        let supplyUsageRatio = try WadRayMath.rayDiv(totalDebt, availableLiquidityPlusDebt + unbacked)

        var variableBorrowRate = base
        if borrowUsageRatio > optimal {
            let excess = try WadRayMath.rayDiv(borrowUsageRatio - optimal, WadRayMath.ray - optimal)
            variableBorrowRate = try variableBorrowRate + slope1 + WadRayMath.rayMul(slope2, excess)
        } else {
            variableBorrowRate = try variableBorrowRate
                + WadRayMath.rayDiv(WadRayMath.rayMul(slope1, borrowUsageRatio), optimal)
        }
        let liquidityRate = try PercentageMath.percentMul(
            WadRayMath.rayMul(variableBorrowRate, supplyUsageRatio),
            PercentageMath.percentageFactor - UInt256(reserveFactor))
        return (liquidityRate, variableBorrowRate)
    }

    /// What `_setInterestRateParams` would reject (`InvalidOptimalUsageRatio`,
    /// `Slope2MustBeGteSlope1`, `InvalidMaxRate`), keyed under `key` (e.g.
    /// `reserves.USDC.interest_rate`).
    public func validationErrors(key: String) -> [ParameterError] {
        var errors: [ParameterError] = []
        if !Self.optimalPointRange.contains(optimalUsageRatio) {
            errors.append(ParameterError(
                key: key + ".optimal_usage_ratio", expected: "between 100 and 9900 bps (1 %…99 %)",
                found: "\(optimalUsageRatio)"))
        }
        if variableRateSlope1 > variableRateSlope2 {
            errors.append(ParameterError(
                key: key + ".variable_rate_slope2", expected: "≥ variable_rate_slope1 (\(variableRateSlope1))",
                found: "\(variableRateSlope2)"))
        }
        let (sum12, o1) = baseVariableBorrowRate.addingReportingOverflow(variableRateSlope1)
        let (sum, o2) = sum12.addingReportingOverflow(variableRateSlope2)
        if o1 || o2 || sum > Self.maxBorrowRate {
            errors.append(ParameterError(
                key: key, expected: "base + slope1 + slope2 ≤ 100000 bps (1000 % a year)",
                found: o1 || o2 ? "an overflowing sum" : "\(sum)"))
        }
        return errors
    }
}
