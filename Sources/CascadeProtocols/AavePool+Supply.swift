import CascadeChain
import CascadeMath

extension AavePool {
    /// `Pool.supply` (`SupplyLogic.executeSupply`): deposits `amount` of `asset` from the sender
    /// and credits `onBehalfOf` with `rayDivFloor(amount, liquidityIndex)` scaled aTokens.
    ///
    /// In order: `updateState`; the scaled amount; `validateSupply` — `InvalidAmount` (scaled amount
    /// zero), `ReserveInactive`, `ReservePaused`, `ReserveFrozen`, `SupplyToAToken` (`onBehalfOf`
    /// is the pool), `SupplyCapExceeded` (`rayMulFloor(scaledSupply + scaled + accruedToTreasury,
    /// index) > cap · unit`); rates with `amount` added; `transferFrom(sender → pool, amount)`
    /// (the sender must have approved the pool); the mint; on a first supply the reserve becomes
    /// collateral when its LTV is non-zero. Emits `Supply`.
    public mutating func supply(asset: Address, amount: UInt256, onBehalfOf: Address, referralCode: UInt16 = 0,
                                context: CallContext, ledger: inout TokenLedger) throws(Revert) -> CallOutcome {
        try transact(&ledger) { (pool: inout AavePool, journal: inout AaveJournal, ledger: inout TokenLedger) throws(Revert) in
            let id = try pool.reserveID(asset)
            try pool.updateState(id, at: context.timestamp, &journal)
            let reserve = pool.reserves[id]
            let scaledAmount = try AaveMathUtils.aTokenMintScaledAmount(amount, liquidityIndex: reserve.liquidityIndex)

            let config = reserve.configuration
            guard !scaledAmount.isZero else { throw .reason("InvalidAmount") }
            guard config.isActive else { throw .reason("ReserveInactive") }
            guard !config.isPaused else { throw .reason("ReservePaused") }
            guard !config.isFrozen else { throw .reason("ReserveFrozen") }
            guard onBehalfOf != pool.configuration.address else { throw .reason("SupplyToAToken") }
            if config.supplyCap != 0 {
                let supplied = try AaveMathUtils.aTokenBalance(
                    reserve.scaledATokenTotalSupply + scaledAmount + reserve.accruedToTreasury,
                    liquidityIndex: reserve.liquidityIndex)
                guard supplied <= (try UInt256(config.supplyCap) * reserve.assetUnit) else { throw .reason("SupplyCapExceeded") }
            }

            try pool.updateInterestRates(id, added: amount, taken: .zero, &journal)
            try journal.ledger.transferFrom(amount, of: asset, owner: context.sender, spender: pool.configuration.address,
                                            to: pool.configuration.address, ledger: &ledger)

            let becomesCollateral = config.ltv != 0
            try pool.modifyPosition(onBehalfOf, &journal) { (position: inout AaveUserPosition) throws(Revert) in
                let before = position.scaledATokenBalance(id)
                position.setScaledATokenBalance(try before + scaledAmount, id)
                if before.isZero, becomesCollateral { position.setUsingAsCollateral(id, true) }
            }
            pool.reserves[id].scaledATokenTotalSupply = try pool.reserves[id].scaledATokenTotalSupply + scaledAmount

            return CallOutcome(gasUsed: pool.configuration.gasSchedule.supply, events: [
                pool.event("Supply", [
                    EventField("reserve", .address(asset)),
                    EventField("user", .address(context.sender)),
                    EventField("onBehalfOf", .address(onBehalfOf)),
                    EventField("amount", pool.amount(amount, id)),
                    EventField("referralCode", .integer(UInt256(UInt64(referralCode)))),
                ]),
            ])
        }
    }

    /// `Pool.withdraw` (`SupplyLogic.executeWithdraw`): burns the sender's aTokens and sends the
    /// underlying to `to`. `amount = 2²⁵⁶ − 1` withdraws the whole balance
    /// (`rayMulFloor(scaled, index)`); otherwise `rayDivCeil(amount, index)` scaled aTokens burn.
    ///
    /// In order: `WithdrawToAToken` (`to` is the pool); `updateState`; `validateWithdraw` —
    /// `InvalidAmount`, `NotEnoughAvailableUserBalance`, `ReserveInactive`, `ReservePaused`; rates
    /// with the amount taken (more than the reserve's liquidity reverts with an underflow); the burn
    /// and the transfer; if the reserve was collateral: the flag is cleared at a zero balance, and
    /// an account with debt must keep `HF ≥ 1` (`HealthFactorLowerThanLiquidationThreshold`) and,
    /// holding zero-LTV collateral, may only withdraw zero-LTV assets (`LtvValidationFailed`).
    /// Emits `Withdraw`.
    public mutating func withdraw(asset: Address, amount: UInt256, to: Address, context: CallContext,
                                  prices: AssetPrices, ledger: inout TokenLedger) throws(Revert) -> CallOutcome {
        try transact(&ledger) { (pool: inout AavePool, journal: inout AaveJournal, ledger: inout TokenLedger) throws(Revert) in
            let id = try pool.reserveID(asset)
            guard to != pool.configuration.address else { throw .reason("WithdrawToAToken") }
            try pool.updateState(id, at: context.timestamp, &journal)
            let reserve = pool.reserves[id]
            let user = context.sender
            let scaledUserBalance = pool.position(of: user).scaledATokenBalance(id)

            let scaledToWithdraw: UInt256
            let amountToWithdraw: UInt256
            if amount == .max {
                scaledToWithdraw = scaledUserBalance
                amountToWithdraw = try AaveMathUtils.aTokenBalance(scaledUserBalance, liquidityIndex: reserve.liquidityIndex)
            } else {
                scaledToWithdraw = try AaveMathUtils.aTokenBurnScaledAmount(amount, liquidityIndex: reserve.liquidityIndex)
                amountToWithdraw = amount
            }
            guard !scaledToWithdraw.isZero else { throw .reason("InvalidAmount") }
            guard scaledToWithdraw <= scaledUserBalance else { throw .reason("NotEnoughAvailableUserBalance") }
            guard reserve.configuration.isActive else { throw .reason("ReserveInactive") }
            guard !reserve.configuration.isPaused else { throw .reason("ReservePaused") }

            try pool.updateInterestRates(id, added: .zero, taken: amountToWithdraw, &journal)

            var zeroBalanceAfterBurn = false
            try pool.modifyPosition(user, &journal) { (position: inout AaveUserPosition) throws(Revert) in
                let after = try scaledUserBalance - scaledToWithdraw
                position.setScaledATokenBalance(after, id)
                zeroBalanceAfterBurn = after.isZero
            }
            pool.reserves[id].scaledATokenTotalSupply = try pool.reserves[id].scaledATokenTotalSupply - scaledToWithdraw
            try journal.ledger.transfer(amountToWithdraw, of: asset, from: pool.configuration.address, to: to, ledger: &ledger)

            let position = pool.position(of: user)
            if position.isUsingAsCollateral(id) {
                if zeroBalanceAfterBurn {
                    try pool.modifyPosition(user, &journal) { (position: inout AaveUserPosition) throws(Revert) in
                        position.setUsingAsCollateral(id, false)
                    }
                }
                if position.isBorrowingAny {
                    // validateHFAndLtvzero
                    let data = try pool.calculateUserAccountData(pool.position(of: user), prices: prices, timestamp: context.timestamp)
                    guard data.healthFactor >= AavePoolConfiguration.healthFactorLiquidationThreshold else {
                        throw .reason("HealthFactorLowerThanLiquidationThreshold")
                    }
                    if data.hasZeroLtvCollateral, reserve.configuration.ltv != 0 { throw .reason("LtvValidationFailed") }
                }
            }

            return CallOutcome(gasUsed: pool.configuration.gasSchedule.withdraw, events: [
                pool.event("Withdraw", [
                    EventField("reserve", .address(asset)),
                    EventField("user", .address(user)),
                    EventField("to", .address(to)),
                    EventField("amount", pool.amount(amountToWithdraw, id)),
                ]),
            ])
        }
    }
}
