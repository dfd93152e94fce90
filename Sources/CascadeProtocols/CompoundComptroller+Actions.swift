import CascadeChain
import CascadeMath

extension CompoundComptroller {
    /// `CErc20.mint(mintAmount)` on the cToken at `target` (`mintInternal`, `mintFresh`):
    /// accrues interest, pulls `mintAmount` with `transferFrom` (the sender must have approved the
    /// cToken) and credits `⌊mintAmount · 10¹⁸ / exchangeRate⌋` cTokens, the exchange rate being
    /// read before the transfer. Emits `Mint`.
    public mutating func mint(mintAmount: UInt256, target: Address, context: CallContext,
                              ledger: inout TokenLedger) throws(Revert) -> CompoundReceipt {
        try transact(&ledger) { (c: inout CompoundComptroller, journal: inout CompoundJournal, ledger: inout TokenLedger) throws(Revert) in
            let id = try c.marketID(target)
            let minter = context.sender
            try c.accrueInterest(id, blockNumber: context.blockNumber, ledger: ledger, &journal)
            // mintAllowed: every market here is listed; mint pauses are not modelled.
            let exchangeRate = try c.markets[id].exchangeRateStored(cash: c.markets[id].cash(in: ledger))
            try journal.ledger.transferFrom(mintAmount, of: c.markets[id].underlying.address, owner: minter,
                                            spender: target, to: target, ledger: &ledger)
            let mintTokens = try Self.required("MINT_EXCHANGE_CALCULATION_FAILED") { () throws(Revert) in
                try CompoundMath.divScalarByExpTruncate(mintAmount, exchangeRate)
            }
            let totalSupply = try Self.required("MINT_NEW_TOTAL_SUPPLY_CALCULATION_FAILED") { () throws(Revert) in
                try CompoundMath.add(c.markets[id].totalSupply, mintTokens)
            }
            let balance = try Self.required("MINT_NEW_ACCOUNT_BALANCE_CALCULATION_FAILED") { () throws(Revert) in
                try CompoundMath.add(c.markets[id].balance(of: minter), mintTokens)
            }
            journal.saveTotals(id, of: c)
            c.markets[id].totalSupply = totalSupply
            c.setTokens(balance, id, minter, &journal)
            return CompoundReceipt(failure: nil, amount: mintAmount, gasUsed: c.configuration.gasSchedule.mint, events: [
                c.event("Mint", [
                    EventField("minter", .address(minter)),
                    EventField("mintAmount", c.amount(mintAmount, id)),
                    EventField("mintTokens", c.cTokens(mintTokens, id)),
                ]),
            ])
        }
    }

    /// `CErc20.borrow(borrowAmount)` on the cToken at `target` (`borrowInternal`, `borrowFresh`).
    ///
    /// Accrues interest, then `borrowAllowed`: enters the market if needed (that membership stays
    /// even if the borrow then fails), `PRICE_ERROR` for a zero price, `market borrow cap reached`
    /// (revert) at the cap, and `INSUFFICIENT_LIQUIDITY` when the hypothetical account liquidity
    /// with the new borrow shows a shortfall — each returned as `COMPTROLLER_REJECTION` /
    /// `BORROW_COMPTROLLER_REJECTION`. Then `TOKEN_INSUFFICIENT_CASH` / `BORROW_CASH_NOT_AVAILABLE`
    /// when the market's cash is short. On success the borrow snapshot becomes
    /// `(borrowBalanceStored + amount, borrowIndex)`, the amount is sent, `Borrow` is emitted.
    public mutating func borrow(borrowAmount: UInt256, target: Address, context: CallContext, prices: AssetPrices,
                                ledger: inout TokenLedger) throws(Revert) -> CompoundReceipt {
        try transact(&ledger) { (c: inout CompoundComptroller, journal: inout CompoundJournal, ledger: inout TokenLedger) throws(Revert) in
            let id = try c.marketID(target)
            let borrower = context.sender
            try c.accrueInterest(id, blockNumber: context.blockNumber, ledger: ledger, &journal)

            // borrowAllowed
            c.addToMarket(id, borrower, &journal)
            let underlying = c.markets[id].underlying.address
            guard let price = prices[underlying], !price.isZero else {
                return c.failed(CompoundFailure(rejectedBy: .priceError, .borrowComptrollerRejection))
            }
            _ = price
            if !c.markets[id].configuration.borrowCap.isZero {
                let next = try CompoundMath.add(c.markets[id].totalBorrows, borrowAmount)
                guard next < c.markets[id].configuration.borrowCap else { throw .reason("market borrow cap reached") }
            }
            let (error, _, shortfall) = try c.hypotheticalAccountLiquidity(
                of: borrower, modify: id, redeemTokens: .zero, borrowAmount: borrowAmount, prices: prices, ledger: ledger)
            if error != .noError { return c.failed(CompoundFailure(rejectedBy: error, .borrowComptrollerRejection)) }
            if !shortfall.isZero {
                return c.failed(CompoundFailure(rejectedBy: .insufficientLiquidity, .borrowComptrollerRejection))
            }

            // borrowFresh
            if c.markets[id].cash(in: ledger) < borrowAmount {
                return c.failed(CompoundFailure(.tokenInsufficientCash, .borrowCashNotAvailable))
            }
            let accountBorrowsNew = try CompoundMath.add(c.markets[id].borrowBalanceStored(borrower), borrowAmount)
            let totalBorrowsNew = try CompoundMath.add(c.markets[id].totalBorrows, borrowAmount)
            try journal.ledger.transfer(borrowAmount, of: underlying, from: target, to: borrower, ledger: &ledger)
            c.setBorrow(accountBorrowsNew, id, borrower, &journal)
            journal.saveTotals(id, of: c)
            c.markets[id].totalBorrows = totalBorrowsNew
            return CompoundReceipt(failure: nil, amount: borrowAmount, gasUsed: c.configuration.gasSchedule.borrow, events: [
                c.event("Borrow", [
                    EventField("borrower", .address(borrower)),
                    EventField("borrowAmount", c.amount(borrowAmount, id)),
                    EventField("accountBorrows", c.amount(accountBorrowsNew, id)),
                    EventField("totalBorrows", c.amount(totalBorrowsNew, id)),
                ]),
            ])
        }
    }

    /// `CErc20.repayBorrow(repayAmount)` on the cToken at `target`: the sender repays its own
    /// borrow; `2²⁵⁶ − 1` repays all of it. Accrues interest, pulls the amount with `transferFrom`,
    /// then `accountBorrows − amount` and `totalBorrows − amount`, which revert
    /// (`REPAY_BORROW_NEW_ACCOUNT_BORROW_BALANCE_CALCULATION_FAILED`, `…_TOTAL_BALANCE_…`) when the
    /// repayment is larger. Emits `RepayBorrow`.
    public mutating func repayBorrow(repayAmount: UInt256, target: Address, context: CallContext,
                                     ledger: inout TokenLedger) throws(Revert) -> CompoundReceipt {
        try transact(&ledger) { (c: inout CompoundComptroller, journal: inout CompoundJournal, ledger: inout TokenLedger) throws(Revert) in
            let id = try c.marketID(target)
            try c.accrueInterest(id, blockNumber: context.blockNumber, ledger: ledger, &journal)
            var events: [ProtocolEvent] = []
            let actual = try c.repayBorrowFresh(id, payer: context.sender, borrower: context.sender, repayAmount: repayAmount,
                                                journal: &journal, ledger: &ledger, events: &events)
            return CompoundReceipt(failure: nil, amount: actual, gasUsed: c.configuration.gasSchedule.repayBorrow, events: events)
        }
    }

    /// `repayBorrowFresh(payer, borrower, repayAmount)` after accrual: returns the amount repaid.
    /// (`repayBorrowAllowed` cannot fail here: every market is listed.)
    mutating func repayBorrowFresh(_ id: Int, payer: Address, borrower: Address, repayAmount: UInt256,
                                   journal: inout CompoundJournal, ledger: inout TokenLedger,
                                   events: inout [ProtocolEvent]) throws(Revert) -> UInt256 {
        let accountBorrows = try markets[id].borrowBalanceStored(borrower)
        let amount = repayAmount == .max ? accountBorrows : repayAmount
        try journal.ledger.transferFrom(amount, of: markets[id].underlying.address, owner: payer,
                                        spender: markets[id].cToken, to: markets[id].cToken, ledger: &ledger)
        guard accountBorrows >= amount else { throw .reason("REPAY_BORROW_NEW_ACCOUNT_BORROW_BALANCE_CALCULATION_FAILED") }
        guard markets[id].totalBorrows >= amount else { throw .reason("REPAY_BORROW_NEW_TOTAL_BALANCE_CALCULATION_FAILED") }
        let accountBorrowsNew = accountBorrows &- amount
        let totalBorrowsNew = markets[id].totalBorrows &- amount
        setBorrow(accountBorrowsNew, id, borrower, &journal)
        journal.saveTotals(id, of: self)
        markets[id].totalBorrows = totalBorrowsNew
        events.append(event("RepayBorrow", [
            EventField("payer", .address(payer)),
            EventField("borrower", .address(borrower)),
            EventField("repayAmount", self.amount(amount, id)),
            EventField("accountBorrows", self.amount(accountBorrowsNew, id)),
            EventField("totalBorrows", self.amount(totalBorrowsNew, id)),
        ]))
        return amount
    }
}
