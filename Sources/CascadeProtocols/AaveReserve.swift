import CascadeMath

/// One Aave v3 reserve: its parameters and its state — indexes, rates, totals, virtual balance,
/// treasury accrual and deficit (aave-dao/aave-v3-origin `DataTypes.ReserveData`, updated by
/// `src/contracts/protocol/libraries/logic/ReserveLogic.sol`).
///
/// Units: indexes and rates are rays (10²⁷); rates are annual. Amounts are raw units of the
/// underlying (`10^decimals` per token). Scaled amounts are amounts divided by an index (aTokens by
/// the liquidity index, variable debt by the variable borrow index); the aToken and debt-token
/// totals are kept here, each holder's scaled balance in ``AaveUserPosition``.
public struct AaveReserve: Sendable, Hashable {
    /// The underlying token.
    public let asset: Token
    /// The reserve's position in the pool's reserve list (its bit in ``AaveUserPosition``'s masks).
    public let id: Int
    /// The risk parameters and switches.
    public var configuration: AaveReserveConfiguration

    /// Cumulated supply income since listing, ray (starts at 1 RAY; linear between updates).
    public internal(set) var liquidityIndex: UInt256
    /// Cumulated variable-debt interest since listing, ray (starts at 1 RAY; compounded between updates).
    public internal(set) var variableBorrowIndex: UInt256
    /// The supply rate set by the last action, ray a year.
    public internal(set) var currentLiquidityRate: UInt256
    /// The variable borrow rate set by the last action, ray a year.
    public internal(set) var currentVariableBorrowRate: UInt256
    /// `block.timestamp` of the last ``updateState(at:)`` that moved the indexes.
    public internal(set) var lastUpdateTimestamp: UInt64
    /// Scaled aTokens owed to the treasury and not yet minted (`accruedToTreasury`).
    public internal(set) var accruedToTreasury: UInt256
    /// The underlying the pool accounts for (`virtualUnderlyingBalance`): supplies and repayments
    /// in, borrows and withdrawals out. Tokens sent to the pool outside an action are not counted.
    public internal(set) var virtualUnderlyingBalance: UInt256
    /// Debt written off with no collateral left behind it (v3.3+ `deficit`), raw units.
    public internal(set) var deficit: UInt256
    /// Σ scaled aToken balances (the aToken's `scaledTotalSupply`), excluding ``accruedToTreasury``.
    public internal(set) var scaledATokenTotalSupply: UInt256
    /// Σ scaled variable-debt balances (the debt token's `scaledTotalSupply`).
    public internal(set) var scaledVariableDebtTotalSupply: UInt256
    /// `10^decimals`.
    public let assetUnit: UInt256
    /// `10^decimals` with its reciprocal, for decimals ≤ 19 (every listed asset so far).
    @usableFromInline let assetUnitDivisor: LimbDivisor?

    /// A freshly initialised reserve (`ReserveLogic.init`): both indexes at 1 RAY, no rates, no
    /// balances, last updated at `timestamp`.
    public init(asset: Token, id: Int, configuration: AaveReserveConfiguration, timestamp: UInt64) {
        self.asset = asset
        self.id = id
        self.configuration = configuration
        liquidityIndex = WadRayMath.ray
        variableBorrowIndex = WadRayMath.ray
        currentLiquidityRate = .zero
        currentVariableBorrowRate = AaveInterestRateStrategy.ray(
            fromBasisPoints: configuration.interestRateStrategy.baseVariableBorrowRate)
        lastUpdateTimestamp = timestamp
        accruedToTreasury = .zero
        virtualUnderlyingBalance = .zero
        deficit = .zero
        scaledATokenTotalSupply = .zero
        scaledVariableDebtTotalSupply = .zero
        var unit = UInt256.one
        for _ in 0..<asset.decimals { unit = unit &* 10 }
        assetUnit = unit
        assetUnitDivisor = asset.decimals <= 19 ? LimbDivisor(unit.w0) : nil
    }

    /// An amount's value in the base currency, rounded down: `⌊amount · price / 10^decimals⌋`.
    /// Reverts when `amount · price` overflows (checked multiplication; the division is unchecked).
    @inlinable @inline(__always)
    public func baseValue(_ amount: UInt256, price: UInt256) throws(Revert) -> UInt256 {
        try Self.baseValue(amount, price: price, unit: assetUnit, divisor: assetUnitDivisor, roundingUp: false)
    }

    /// An amount's value in the base currency, rounded up: `MathUtils.mulDivCeil(amount, price,
    /// 10^decimals)`. Reverts when `amount · price` overflows.
    @inlinable @inline(__always)
    public func baseValueRoundingUp(_ amount: UInt256, price: UInt256) throws(Revert) -> UInt256 {
        try Self.baseValue(amount, price: price, unit: assetUnit, divisor: assetUnitDivisor, roundingUp: true)
    }

    /// `amount · price / unit`, floor or ceil, dividing with `divisor`'s reciprocal when given.
    @inlinable @inline(__always)
    static func baseValue(_ amount: UInt256, price: UInt256, unit: UInt256, divisor: LimbDivisor?,
                          roundingUp: Bool) throws(Revert) -> UInt256 {
        let product = try amount * price
        guard let divisor else { return try product.divided(by: unit, rounding: roundingUp ? .up : .down) }
        let (q, r) = product.quotientAndRemainder(dividingBy: divisor)
        return roundingUp && r != 0 ? q &+ .one : q
    }

    /// `getNormalizedIncome`: the liquidity index as of `timestamp` without writing it —
    /// `rayMul(calculateLinearInterest(rate, last), liquidityIndex)`, or the stored index when
    /// updated in the same second.
    @inlinable @inline(__always)
    public func normalizedIncome(at timestamp: UInt64) throws(Revert) -> UInt256 {
        if timestamp == lastUpdateTimestamp { return liquidityIndex }
        return try WadRayMath.rayMul(
            AaveMathUtils.calculateLinearInterest(rate: currentLiquidityRate, from: lastUpdateTimestamp, to: timestamp),
            liquidityIndex)
    }

    /// `getNormalizedDebt`: the variable borrow index as of `timestamp` without writing it —
    /// `rayMul(calculateCompoundedInterest(rate, last), variableBorrowIndex)`, or the stored index
    /// when updated in the same second.
    @inlinable @inline(__always)
    public func normalizedVariableDebt(at timestamp: UInt64) throws(Revert) -> UInt256 {
        if timestamp == lastUpdateTimestamp { return variableBorrowIndex }
        return try WadRayMath.rayMul(
            AaveMathUtils.calculateCompoundedInterest(rate: currentVariableBorrowRate, from: lastUpdateTimestamp, to: timestamp),
            variableBorrowIndex)
    }

    /// The aToken total supply as `IERC20.totalSupply()` reports it:
    /// `rayMulFloor(scaledTotalSupply, normalizedIncome)` (treasury accrual not included).
    public func aTokenTotalSupply(at timestamp: UInt64) throws(Revert) -> UInt256 {
        try AaveMathUtils.aTokenBalance(scaledATokenTotalSupply, liquidityIndex: normalizedIncome(at: timestamp))
    }

    /// The total variable debt: `rayMulCeil(scaledTotalSupply, normalizedVariableDebt)`.
    public func totalVariableDebt(at timestamp: UInt64) throws(Revert) -> UInt256 {
        try AaveMathUtils.vTokenBalance(scaledVariableDebtTotalSupply, variableBorrowIndex: normalizedVariableDebt(at: timestamp))
    }

    /// `ReserveLogic.updateState`: brings the indexes to `timestamp` and books the treasury's
    /// share of the interest; nothing when already updated this second.
    ///
    /// `_updateIndexes`: the liquidity index moves only when the liquidity rate is non-zero
    /// (linear interest, `rayMul` half up); the variable borrow index only when there is variable
    /// debt (compounded interest, `rayMul` half up). `_accrueToTreasury`: with a non-zero reserve
    /// factor, `accrued = rayMulFloor(scaledDebt, newBorrowIndex − oldBorrowIndex)`,
    /// `toMint = percentMul(accrued, reserveFactor)` (half up), and `rayDivFloor(toMint,
    /// newLiquidityIndex)` scaled aTokens are added to ``accruedToTreasury``.
    public mutating func updateState(at timestamp: UInt64) throws(Revert) {
        if timestamp == lastUpdateTimestamp { return }
        let previousBorrowIndex = variableBorrowIndex
        if !currentLiquidityRate.isZero {
            let cumulated = try AaveMathUtils.calculateLinearInterest(
                rate: currentLiquidityRate, from: lastUpdateTimestamp, to: timestamp)
            liquidityIndex = try WadRayMath.rayMul(cumulated, liquidityIndex)
        }
        if !scaledVariableDebtTotalSupply.isZero {
            let cumulated = try AaveMathUtils.calculateCompoundedInterest(
                rate: currentVariableBorrowRate, from: lastUpdateTimestamp, to: timestamp)
            variableBorrowIndex = try WadRayMath.rayMul(cumulated, variableBorrowIndex)
        }
        if configuration.reserveFactor != 0 {
            let totalDebtAccrued = try WadRayMath.rayMulFloor(
                scaledVariableDebtTotalSupply, variableBorrowIndex - previousBorrowIndex)
            let amountToMint = try PercentageMath.percentMul(totalDebtAccrued, UInt256(configuration.reserveFactor))
            if !amountToMint.isZero {
                accruedToTreasury = try accruedToTreasury
                    + AaveMathUtils.aTokenMintScaledAmount(amountToMint, liquidityIndex: liquidityIndex)
            }
        }
        lastUpdateTimestamp = timestamp
    }

    /// `ReserveLogic.updateInterestRatesAndVirtualBalance`: new rates from the reserve's strategy
    /// after an action that added or took liquidity, then the virtual balance moved by the flows
    /// (checked: taking more than the virtual balance reverts with ``Revert/underflow``).
    ///
    /// Call it after the action's debt-token mint or burn: the strategy sees the new total debt,
    /// `rayMulCeil(scaledVariableDebtTotalSupply, variableBorrowIndex)`, and the deficit as `unbacked`.
    public mutating func updateInterestRatesAndVirtualBalance(liquidityAdded: UInt256, liquidityTaken: UInt256) throws(Revert) {
        let totalVariableDebt = try AaveMathUtils.vTokenBalance(
            scaledVariableDebtTotalSupply, variableBorrowIndex: variableBorrowIndex)
        let (liquidityRate, variableRate) = try configuration.interestRateStrategy.calculateInterestRates(
            unbacked: deficit, liquidityAdded: liquidityAdded, liquidityTaken: liquidityTaken,
            totalDebt: totalVariableDebt, reserveFactor: configuration.reserveFactor,
            virtualUnderlyingBalance: virtualUnderlyingBalance)
        currentLiquidityRate = liquidityRate
        currentVariableBorrowRate = variableRate
        if !liquidityAdded.isZero { virtualUnderlyingBalance = try virtualUnderlyingBalance + liquidityAdded }
        if !liquidityTaken.isZero { virtualUnderlyingBalance = try virtualUnderlyingBalance - liquidityTaken }
    }
}
