import CascadeChain
import CascadeMath

extension CompoundComptroller {
    /// `CErc20.liquidateBorrow(borrower, repayAmount, cTokenCollateral)` sent to the borrowed
    /// market's cToken at `target` (`CToken.liquidateBorrowInternal`, `liquidateBorrowFresh`,
    /// `seizeInternal`; `Comptroller.liquidateBorrowAllowed`, `liquidateCalculateSeizeTokens`).
    ///
    /// 1. Accrue interest on the borrowed market, then on the collateral market (both stay
    ///    accrued even when the liquidation then fails with an error code).
    /// 2. `liquidateBorrowAllowed`: the borrower's shortfall from `getAccountLiquidity` (stored
    ///    values; other markets are not accrued) must be non-zero, else `INSUFFICIENT_SHORTFALL`;
    ///    `repayAmount ≤ ⌊closeFactor · borrowBalanceStored / 10¹⁸⌋`, else `TOO_MUCH_REPAY`.
    /// 3. `INVALID_ACCOUNT_PAIR` when the liquidator is the borrower; `INVALID_CLOSE_AMOUNT_REQUESTED`
    ///    for 0 or 2²⁵⁶ − 1.
    /// 4. `repayBorrowFresh(liquidator, borrower, repayAmount)`: the liquidator pays.
    /// 5. `seizeTokens` per ``liquidateCalculateSeizeTokens(borrowed:collateral:actualRepayAmount:prices:ledger:)``
    ///    with the collateral market's exchange rate *after* the repayment (it moves when the
    ///    collateral market is the borrowed one); `require(balance ≥ seizeTokens,
    ///    "LIQUIDATE_SEIZE_TOO_MUCH")`.
    /// 6. Seize: `protocolSeizeTokens = ⌊seizeTokens · protocolSeizeShare / 10¹⁸⌋` leave the supply
    ///    and add `⌊exchangeRate · protocolSeizeTokens / 10¹⁸⌋` underlying to the reserves; the
    ///    liquidator receives the rest as cTokens. Emits `RepayBorrow`, `ReservesAdded` (with a
    ///    seize share), `LiquidateBorrow`.
    ///
    /// Returns a receipt with ``CompoundReceipt/failure`` set for error-code failures; throws for
    /// reverts (see the table on ``CompoundComptroller``).
    public mutating func liquidateBorrow(
        borrower: Address, repayAmount: UInt256, cTokenCollateral: Address, target: Address,
        context: CallContext, prices: AssetPrices, ledger: inout TokenLedger
    ) throws(Revert) -> CompoundReceipt {
        try transact(&ledger) { (c: inout CompoundComptroller, journal: inout CompoundJournal, ledger: inout TokenLedger) throws(Revert) in
            let borrowedID = try c.marketID(target)
            let liquidator = context.sender
            try c.accrueInterest(borrowedID, blockNumber: context.blockNumber, ledger: ledger, &journal)
            guard let collateralID = c.marketIDs[cTokenCollateral] else {
                throw .reason("cTokenCollateral is not a listed market")
            }
            try c.accrueInterest(collateralID, blockNumber: context.blockNumber, ledger: ledger, &journal)

            // liquidateBorrowAllowed
            let borrowBalance = try c.markets[borrowedID].borrowBalanceStored(borrower)
            let (error, _, shortfall) = try c.accountLiquidity(of: borrower, prices: prices, ledger: ledger)
            if error != .noError { return c.failed(CompoundFailure(rejectedBy: error, .liquidateComptrollerRejection)) }
            if shortfall.isZero {
                return c.failed(CompoundFailure(rejectedBy: .insufficientShortfall, .liquidateComptrollerRejection))
            }
            let maxClose = try CompoundMath.mulScalarTruncate(c.configuration.closeFactorMantissa, borrowBalance)
            if repayAmount > maxClose {
                return c.failed(CompoundFailure(rejectedBy: .tooMuchRepay, .liquidateComptrollerRejection))
            }

            // liquidateBorrowFresh
            if borrower == liquidator { return c.failed(CompoundFailure(.invalidAccountPair, .liquidateLiquidatorIsBorrower)) }
            if repayAmount.isZero {
                return c.failed(CompoundFailure(.invalidCloseAmountRequested, .liquidateCloseAmountIsZero))
            }
            if repayAmount == .max {
                return c.failed(CompoundFailure(.invalidCloseAmountRequested, .liquidateCloseAmountIsUintMax))
            }
            var events: [ProtocolEvent] = []
            let actualRepayAmount = try c.repayBorrowFresh(
                borrowedID, payer: liquidator, borrower: borrower, repayAmount: repayAmount,
                journal: &journal, ledger: &ledger, events: &events)

            guard let seizeTokens = try c.liquidateCalculateSeizeTokens(
                borrowed: borrowedID, collateral: collateralID, actualRepayAmount: actualRepayAmount,
                prices: prices, ledger: ledger)
            else { throw .reason("LIQUIDATE_COMPTROLLER_CALCULATE_AMOUNT_SEIZE_FAILED") }
            let borrowerTokens = c.markets[collateralID].balance(of: borrower)
            guard borrowerTokens >= seizeTokens else { throw .reason("LIQUIDATE_SEIZE_TOO_MUCH") }

            // seizeInternal
            guard !c.configuration.seizePaused else { throw .reason("seize is paused") }
            let protocolSeizeTokens = try CompoundMath.mulScalarTruncate(
                seizeTokens, c.markets[collateralID].configuration.protocolSeizeShareMantissa)
            let liquidatorSeizeTokens = try CompoundMath.sub(seizeTokens, protocolSeizeTokens)
            let exchangeRate = try c.markets[collateralID].exchangeRateStored(cash: c.markets[collateralID].cash(in: ledger))
            let protocolSeizeAmount = try CompoundMath.mulScalarTruncate(exchangeRate, protocolSeizeTokens)
            let totalReservesNew = try CompoundMath.add(c.markets[collateralID].totalReserves, protocolSeizeAmount)
            let totalSupplyNew = try CompoundMath.sub(c.markets[collateralID].totalSupply, protocolSeizeTokens)
            let liquidatorTokensNew = try Self.required("token seizure failed") { () throws(Revert) in
                try CompoundMath.add(c.markets[collateralID].balance(of: liquidator), liquidatorSeizeTokens)
            }
            journal.saveTotals(collateralID, of: c)
            c.markets[collateralID].totalReserves = totalReservesNew
            c.markets[collateralID].totalSupply = totalSupplyNew
            c.setTokens(borrowerTokens &- seizeTokens, collateralID, borrower, &journal)
            c.setTokens(liquidatorTokensNew, collateralID, liquidator, &journal)

            if !protocolSeizeTokens.isZero {
                events.append(c.event("ReservesAdded", [
                    EventField("benefactor", .address(cTokenCollateral)),
                    EventField("addAmount", c.amount(protocolSeizeAmount, collateralID)),
                    EventField("newTotalReserves", c.amount(totalReservesNew, collateralID)),
                ]))
            }
            events.append(c.event("LiquidateBorrow", [
                EventField("liquidator", .address(liquidator)),
                EventField("borrower", .address(borrower)),
                EventField("repayAmount", c.amount(actualRepayAmount, borrowedID)),
                EventField("cTokenCollateral", .address(cTokenCollateral)),
                EventField("seizeTokens", c.cTokens(seizeTokens, collateralID)),
            ]))
            return CompoundReceipt(
                failure: nil, amount: actualRepayAmount, seizeTokens: seizeTokens, protocolSeizeTokens: protocolSeizeTokens,
                gasUsed: c.configuration.gasSchedule.liquidateBorrow, events: events)
        }
    }
}
