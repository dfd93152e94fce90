import CascadeChain
import CascadeMath

extension AavePool {
    /// `DataTypes.InterestRateMode.VARIABLE`, the only mode v3.2+ accepts.
    public static let variableRateMode = UInt256(2 as UInt64)

    /// `Pool.borrow` (`BorrowLogic.executeBorrow`): mints `rayDivCeil(amount, variableBorrowIndex)`
    /// scaled debt to `onBehalfOf` and sends `amount` of the underlying to the sender.
    ///
    /// In order: `updateState`; `validateBorrow` — `InvalidAmount` (scaled amount zero),
    /// `ReserveInactive`, `ReservePaused`, `ReserveFrozen`, `BorrowingNotEnabled`, `InvalidAmount`
    /// again when the aToken supply is below the amount, `InvalidInterestRateModeSelected` (mode ≠ 2),
    /// `BorrowCapExceeded`; the mint (borrowing flag set); rates with the amount taken (more than
    /// the reserve's liquidity reverts with an underflow); the transfer; then `validateHFAndLtv`
    /// on the new position — `LtvValidationFailed` (average LTV zero),
    /// `HealthFactorLowerThanLiquidationThreshold`, `CollateralCannotCoverNewBorrow`
    /// (`collateral < percentDivCeil(debt, avgLtv)`). Emits `Borrow`.
    ///
    /// Credit delegation is not modelled: borrowing on behalf of another account reverts
    /// `InsufficientBorrowAllowance` (as with a zero allowance on chain).
    public mutating func borrow(asset: Address, amount: UInt256, interestRateMode: UInt256 = AavePool.variableRateMode,
                                referralCode: UInt16 = 0, onBehalfOf: Address, context: CallContext,
                                prices: AssetPrices, ledger: inout TokenLedger) throws(Revert) -> CallOutcome {
        try transact(&ledger) { (pool: inout AavePool, journal: inout AaveJournal, ledger: inout TokenLedger) throws(Revert) in
            let id = try pool.reserveID(asset)
            try pool.updateState(id, at: context.timestamp, &journal)
            let reserve = pool.reserves[id]
            let config = reserve.configuration
            let index = reserve.variableBorrowIndex
            let amountScaled = try AaveMathUtils.vTokenMintScaledAmount(amount, variableBorrowIndex: index)

            guard !amountScaled.isZero else { throw .reason("InvalidAmount") }
            let borrowedAmount = try AaveMathUtils.vTokenBalance(amountScaled, variableBorrowIndex: index)
            guard config.isActive else { throw .reason("ReserveInactive") }
            guard !config.isPaused else { throw .reason("ReservePaused") }
            guard !config.isFrozen else { throw .reason("ReserveFrozen") }
            guard config.borrowingEnabled else { throw .reason("BorrowingNotEnabled") }
            guard try reserve.aTokenTotalSupply(at: context.timestamp) >= borrowedAmount else { throw .reason("InvalidAmount") }
            guard interestRateMode == Self.variableRateMode else { throw .reason("InvalidInterestRateModeSelected") }
            if config.borrowCap != 0 {
                let totalDebt = try AaveMathUtils.vTokenBalance(
                    reserve.scaledVariableDebtTotalSupply + amountScaled, variableBorrowIndex: index)
                guard totalDebt <= (try UInt256(config.borrowCap) * reserve.assetUnit) else { throw .reason("BorrowCapExceeded") }
            }
            guard onBehalfOf == context.sender else { throw .reason("InsufficientBorrowAllowance") }

            try pool.modifyPosition(onBehalfOf, &journal) { (position: inout AaveUserPosition) throws(Revert) in
                position.setScaledVariableDebt(try position.scaledVariableDebt(id) + amountScaled, id)
                position.setBorrowing(id, true)
            }
            pool.reserves[id].scaledVariableDebtTotalSupply = try pool.reserves[id].scaledVariableDebtTotalSupply + amountScaled
            try pool.updateInterestRates(id, added: .zero, taken: amount, &journal)
            try journal.ledger.transfer(amount, of: asset, from: pool.configuration.address, to: context.sender, ledger: &ledger)

            // validateHFAndLtv
            let data = try pool.calculateUserAccountData(pool.position(of: onBehalfOf), prices: prices, timestamp: context.timestamp)
            guard !data.averageLtv.isZero else { throw .reason("LtvValidationFailed") }
            guard data.healthFactor >= AavePoolConfiguration.healthFactorLiquidationThreshold else {
                throw .reason("HealthFactorLowerThanLiquidationThreshold")
            }
            guard data.totalCollateralBase >= (try PercentageMath.percentDivCeil(data.totalDebtBase, data.averageLtv)) else {
                throw .reason("CollateralCannotCoverNewBorrow")
            }

            return CallOutcome(gasUsed: pool.configuration.gasSchedule.borrow, events: [
                pool.event("Borrow", [
                    EventField("reserve", .address(asset)),
                    EventField("user", .address(context.sender)),
                    EventField("onBehalfOf", .address(onBehalfOf)),
                    EventField("amount", pool.amount(amount, id)),
                    EventField("interestRateMode", .integer(Self.variableRateMode)),
                    EventField("borrowRate", .fixedPoint(pool.reserves[id].currentVariableBorrowRate, decimals: 27, unit: "ray/year")),
                    EventField("referralCode", .integer(UInt256(UInt64(referralCode)))),
                ]),
            ])
        }
    }

    /// `Pool.repay` (`BorrowLogic.executeRepay`, paying with the underlying): the sender repays
    /// up to `amount` of `onBehalfOf`'s variable debt; `2²⁵⁶ − 1` repays it all (only on one's own
    /// behalf). `rayDivFloor(payback, variableBorrowIndex)` scaled debt burns.
    ///
    /// In order: `updateState`; `validateRepay` — `InvalidAmount` (zero),
    /// `InvalidInterestRateModeSelected`, `NoExplicitAmountToRepayOnBehalf`, `ReserveInactive`,
    /// `ReservePaused`, `NoDebtOfSelectedType`; `payback = min(amount, debt)` with
    /// `debt = rayMulCeil(scaled, index)`; the burn (`InvalidBurnAmount` when it scales to zero;
    /// borrowing flag cleared at zero); rates with the payback added;
    /// `transferFrom(sender → pool, payback)`. Emits `Repay`.
    public mutating func repay(asset: Address, amount: UInt256, interestRateMode: UInt256 = AavePool.variableRateMode,
                               onBehalfOf: Address, context: CallContext, ledger: inout TokenLedger) throws(Revert) -> CallOutcome {
        try transact(&ledger) { (pool: inout AavePool, journal: inout AaveJournal, ledger: inout TokenLedger) throws(Revert) in
            let id = try pool.reserveID(asset)
            try pool.updateState(id, at: context.timestamp, &journal)
            let reserve = pool.reserves[id]
            let index = reserve.variableBorrowIndex
            let userDebtScaled = pool.position(of: onBehalfOf).scaledVariableDebt(id)
            let userDebt = try AaveMathUtils.vTokenBalance(userDebtScaled, variableBorrowIndex: index)

            guard !amount.isZero else { throw .reason("InvalidAmount") }
            guard interestRateMode == Self.variableRateMode else { throw .reason("InvalidInterestRateModeSelected") }
            guard amount != .max || context.sender == onBehalfOf else { throw .reason("NoExplicitAmountToRepayOnBehalf") }
            guard reserve.configuration.isActive else { throw .reason("ReserveInactive") }
            guard !reserve.configuration.isPaused else { throw .reason("ReservePaused") }
            guard !userDebtScaled.isZero else { throw .reason("NoDebtOfSelectedType") }

            let paybackAmount = min(amount, userDebt)
            let scaledBurn = try AaveMathUtils.vTokenBurnScaledAmount(paybackAmount, variableBorrowIndex: index)
            guard !scaledBurn.isZero else { throw .reason("InvalidBurnAmount") }
            try pool.modifyPosition(onBehalfOf, &journal) { (position: inout AaveUserPosition) throws(Revert) in
                let after = try userDebtScaled - scaledBurn
                position.setScaledVariableDebt(after, id)
                if after.isZero { position.setBorrowing(id, false) }
            }
            pool.reserves[id].scaledVariableDebtTotalSupply = try pool.reserves[id].scaledVariableDebtTotalSupply - scaledBurn
            try pool.updateInterestRates(id, added: paybackAmount, taken: .zero, &journal)
            try journal.ledger.transferFrom(paybackAmount, of: asset, owner: context.sender, spender: pool.configuration.address,
                                            to: pool.configuration.address, ledger: &ledger)

            return CallOutcome(gasUsed: pool.configuration.gasSchedule.repay, events: [
                pool.event("Repay", [
                    EventField("reserve", .address(asset)),
                    EventField("user", .address(onBehalfOf)),
                    EventField("repayer", .address(context.sender)),
                    EventField("amount", pool.amount(paybackAmount, id)),
                    EventField("useATokens", .bool(false)),
                ]),
            ])
        }
    }
}
