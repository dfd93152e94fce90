import CascadeChain
import CascadeMath

/// A Compound v2 deployment: the Comptroller and its cToken markets, with `mint`, `borrow`,
/// `repayBorrow` and `liquidateBorrow` as the CTokens run them, in Compound's truncating mantissa
/// arithmetic.
///
/// Models compound-finance/compound-protocol as deployed from Compound 2.9 (July 2021, commit
/// `ae4388e` for `CToken.sol`; `Comptroller.sol` of commit `9e93e85`): CTokens that *return error
/// codes* for most failures rather than reverting. Set the markets' protocol seize share to 0 and
/// the incentive to 1.05 for the 2020 deployments. See `docs/protocols-lending.md`.
///
/// Failure modes of `liquidateBorrow`:
///
/// | kind | when | error code or revert string |
/// | --- | --- | --- |
/// | error code (tx succeeds, interest stays accrued) | the Comptroller rejects: no shortfall, repay above the close factor, a zero price | `COMPTROLLER_REJECTION` / `LIQUIDATE_COMPTROLLER_REJECTION`, detail `INSUFFICIENT_SHORTFALL`, `TOO_MUCH_REPAY`, `PRICE_ERROR` |
/// | error code | liquidator is the borrower | `INVALID_ACCOUNT_PAIR` / `LIQUIDATE_LIQUIDATOR_IS_BORROWER` |
/// | error code | repay amount 0 or 2²⁵⁶ − 1 | `INVALID_CLOSE_AMOUNT_REQUESTED` / `LIQUIDATE_CLOSE_AMOUNT_IS_ZERO`, `…_IS_UINT_MAX` |
/// | revert | the liquidator's `transferFrom` fails (allowance, balance) | the token's reason |
/// | revert | the repayment exceeds the borrow or total borrows | `REPAY_BORROW_NEW_ACCOUNT_BORROW_BALANCE_CALCULATION_FAILED`, `…_TOTAL_BALANCE_…` |
/// | revert | the borrower holds fewer cTokens than the seizure | `LIQUIDATE_SEIZE_TOO_MUCH` |
/// | revert | seizing is paused | `seize is paused` |
/// | revert | the collateral is not a listed cToken | `cTokenCollateral is not a listed market` (on chain: a failed call) |
/// | revert | the borrow rate is above the maximum | `borrow rate is absurdly high` |
///
/// A failure with an error code is **not** a revert: ``liquidateBorrow(borrower:repayAmount:cTokenCollateral:target:context:prices:ledger:)``
/// returns a ``CompoundReceipt`` whose ``CompoundReceipt/failure`` is set, the call costs
/// ``CompoundGasSchedule/failedWithErrorCode``, nothing is repaid or seized, but both markets'
/// interest accrual stays written, as on chain.
///
/// Atomicity: a call that reverts leaves the Comptroller, the markets and the ledger exactly as
/// they were (``CompoundJournal``).
public struct CompoundComptroller: Sendable, Equatable {
    /// Deployment-wide parameters.
    public var configuration: CompoundComptrollerConfiguration
    /// The listed markets in listing order (`allMarkets`).
    public internal(set) var markets: [CompoundMarket] = []
    /// Market index by cToken address.
    public internal(set) var marketIDs: [Address: Int] = [:]
    /// `accountAssets`: the markets each account entered, in the order it entered them.
    public internal(set) var accountAssets: [Address: [Int]] = [:]

    public init(configuration: CompoundComptrollerConfiguration) {
        self.configuration = configuration
    }

    // MARK: Setup

    /// Lists a market (`_supportMarket`), initialised at `blockNumber`. Listing a cToken twice is
    /// a programmer error.
    public mutating func listMarket(cToken: Address, underlying: Token, configuration: CompoundMarketConfiguration,
                                    blockNumber: UInt64) {
        precondition(marketIDs[cToken] == nil, "market \(cToken) listed twice")
        marketIDs[cToken] = markets.count
        markets.append(CompoundMarket(cToken: cToken, underlying: underlying, configuration: configuration,
                                      blockNumber: blockNumber))
    }

    /// `enterMarkets(cTokens)` for `account`: its supplies in those markets count as collateral.
    /// Returns one code per market, as the Comptroller does (`MARKET_NOT_LISTED` for unknown ones).
    /// (`ContractCall` has no `enterMarkets` case yet; scenarios call this directly.)
    @discardableResult
    public mutating func enterMarkets(_ cTokens: [Address], account: Address) -> [CompoundComptrollerError] {
        cTokens.map { cToken in
            guard let id = marketIDs[cToken] else { return .marketNotListed }
            if !accountAssets[account, default: []].contains(id) { accountAssets[account, default: []].append(id) }
            return .noError
        }
    }

    // MARK: Views

    /// The market of `cToken`, if listed.
    public func market(_ cToken: Address) -> CompoundMarket? {
        marketIDs[cToken].map { markets[$0] }
    }

    /// Whether `account` entered the market of `cToken` (`checkMembership`).
    public func checkMembership(_ account: Address, cToken: Address) -> Bool {
        guard let id = marketIDs[cToken] else { return false }
        return accountAssets[account]?.contains(id) ?? false
    }

    /// `getAccountLiquidity(account)`: `(error, liquidity, shortfall)` in USD mantissa, from stored
    /// balances, borrow indexes and exchange rates (no accrual).
    public func accountLiquidity(of account: Address, prices: AssetPrices, ledger: TokenLedger) throws(Revert)
        -> (error: CompoundComptrollerError, liquidity: UInt256, shortfall: UInt256) {
        try hypotheticalAccountLiquidity(of: account, modify: nil, redeemTokens: .zero, borrowAmount: .zero,
                                         prices: prices, ledger: ledger)
    }

    /// `getHypotheticalAccountLiquidityInternal(account, cTokenModify, redeemTokens, borrowAmount)`.
    ///
    /// For each market the account entered, in entry order: `tokensToDenom =
    /// mulExp(mulExp(collateralFactor, exchangeRate), price)`; `sumCollateral +=
    /// ⌊tokensToDenom · cTokenBalance / 10¹⁸⌋`; `sumBorrowPlusEffects += ⌊price · borrowBalance / 10¹⁸⌋`;
    /// for the modified market also `⌊tokensToDenom · redeemTokens⌋` and `⌊price · borrowAmount⌋`.
    /// A missing or zero price returns `PRICE_ERROR`. Liquidity is `sumCollateral − sumBorrow` when
    /// positive, shortfall the opposite. Prices are the oracle's `getUnderlyingPrice`: USD ·
    /// 10^(36 − underlying decimals), keyed by the underlying's address in `prices`.
    public func hypotheticalAccountLiquidity(
        of account: Address, modify: Int?, redeemTokens: UInt256, borrowAmount: UInt256,
        prices: AssetPrices, ledger: TokenLedger
    ) throws(Revert) -> (error: CompoundComptrollerError, liquidity: UInt256, shortfall: UInt256) {
        var sumCollateral = UInt256.zero
        var sumBorrowPlusEffects = UInt256.zero
        for id in accountAssets[account] ?? [] {
            let market = markets[id]
            let cTokenBalance = market.balance(of: account)
            let borrowBalance = try market.borrowBalanceStored(account)
            let exchangeRate = try market.exchangeRateStored(cash: market.cash(in: ledger))
            guard let price = prices[market.underlying.address], !price.isZero else { return (.priceError, .zero, .zero) }
            let tokensToDenom = try CompoundMath.mulExp(
                CompoundMath.mulExp(market.configuration.collateralFactorMantissa, exchangeRate), price)
            sumCollateral = try CompoundMath.mulScalarTruncateAdd(tokensToDenom, cTokenBalance, sumCollateral)
            sumBorrowPlusEffects = try CompoundMath.mulScalarTruncateAdd(price, borrowBalance, sumBorrowPlusEffects)
            if id == modify {
                sumBorrowPlusEffects = try CompoundMath.mulScalarTruncateAdd(tokensToDenom, redeemTokens, sumBorrowPlusEffects)
                sumBorrowPlusEffects = try CompoundMath.mulScalarTruncateAdd(price, borrowAmount, sumBorrowPlusEffects)
            }
        }
        if sumCollateral > sumBorrowPlusEffects { return (.noError, sumCollateral &- sumBorrowPlusEffects, .zero) }
        return (.noError, .zero, sumBorrowPlusEffects &- sumCollateral)
    }

    /// `liquidateCalculateSeizeTokens(cTokenBorrowed, cTokenCollateral, actualRepayAmount)`:
    /// `seizeTokens = ⌊divExp(mulExp(incentive, priceBorrowed), mulExp(priceCollateral,
    /// exchangeRate)) · repay / 10¹⁸⌋`, i.e. repay · incentive · priceBorrowed / (priceCollateral ·
    /// exchangeRate), truncating at each step. `nil` (`PRICE_ERROR`) when a price is missing or zero.
    public func liquidateCalculateSeizeTokens(borrowed: Int, collateral: Int, actualRepayAmount: UInt256,
                                              prices: AssetPrices, ledger: TokenLedger) throws(Revert) -> UInt256? {
        guard let priceBorrowed = prices[markets[borrowed].underlying.address], !priceBorrowed.isZero,
              let priceCollateral = prices[markets[collateral].underlying.address], !priceCollateral.isZero
        else { return nil }
        let exchangeRate = try markets[collateral].exchangeRateStored(cash: markets[collateral].cash(in: ledger))
        let numerator = try CompoundMath.mulExp(configuration.liquidationIncentiveMantissa, priceBorrowed)
        let denominator = try CompoundMath.mulExp(priceCollateral, exchangeRate)
        let ratio = try CompoundMath.divExp(numerator, denominator)
        return try CompoundMath.mulScalarTruncate(ratio, actualRepayAmount)
    }

    // MARK: Calls

    /// Runs `call` as a transaction to the cToken at `target` from `context.sender`.
    ///
    /// Handles `mint`, `borrow`, `repayBorrow` and `liquidateBorrow`. A call that fails with an
    /// error code succeeds here too (the transaction did), with a `Failure` event; a revert
    /// throws and changes nothing — charge ``revertGas(for:)``.
    public mutating func execute(_ call: ContractCall, target: Address, context: CallContext, prices: AssetPrices,
                                 ledger: inout TokenLedger) throws(Revert) -> CallOutcome {
        switch call {
        case .compoundMint(let mintAmount):
            return try mint(mintAmount: mintAmount, target: target, context: context, ledger: &ledger).outcome
        case .compoundBorrow(let borrowAmount):
            return try borrow(borrowAmount: borrowAmount, target: target, context: context, prices: prices,
                              ledger: &ledger).outcome
        case .compoundRepayBorrow(let repayAmount):
            return try repayBorrow(repayAmount: repayAmount, target: target, context: context, ledger: &ledger).outcome
        case let .compoundLiquidateBorrow(borrower, repayAmount, cTokenCollateral):
            return try liquidateBorrow(borrower: borrower, repayAmount: repayAmount, cTokenCollateral: cTokenCollateral,
                                       target: target, context: context, prices: prices, ledger: &ledger).outcome
        default:
            throw .reason("function \(call.name) is not part of a Compound v2 cToken")
        }
    }

    /// Gas burned by a call that reverts.
    public func revertGas(for call: ContractCall) -> UInt64 {
        configuration.gasSchedule.revertedCall
    }

    // MARK: Internals shared by the calls

    /// The market id of the cToken a transaction is sent to (a transaction to anything else reverts here).
    func marketID(_ cToken: Address) throws(Revert) -> Int {
        guard let id = marketIDs[cToken] else { throw .reason("\(cToken) is not a listed cToken") }
        return id
    }

    /// Runs `body` with a fresh journal; rolls everything back if it throws.
    mutating func transact<Result>(
        _ ledger: inout TokenLedger,
        _ body: (inout CompoundComptroller, inout CompoundJournal, inout TokenLedger) throws(Revert) -> Result
    ) throws(Revert) -> Result {
        var journal = CompoundJournal()
        do {
            return try body(&self, &journal, &ledger)
        } catch {
            journal.rollback(&self, &ledger)
            throw error
        }
    }

    /// `accrueInterest()` of market `id`, journalled; nothing when already accrued this block.
    mutating func accrueInterest(_ id: Int, blockNumber: UInt64, ledger: TokenLedger, _ journal: inout CompoundJournal) throws(Revert) {
        if markets[id].accrualBlockNumber == blockNumber { return }
        let (borrows, reserves, index) = try markets[id].accrued(at: blockNumber, cash: markets[id].cash(in: ledger))
        journal.saveTotals(id, of: self)
        markets[id].totalBorrows = borrows
        markets[id].totalReserves = reserves
        markets[id].borrowIndex = index
        markets[id].accrualBlockNumber = blockNumber
    }

    /// Sets `account`'s cTokens in market `id`, journalled.
    mutating func setTokens(_ value: UInt256, _ id: Int, _ account: Address, _ journal: inout CompoundJournal) {
        journal.saveTokens(id, account, of: self)
        markets[id].accountTokens[account] = value
    }

    /// Sets `account`'s borrow snapshot in market `id` to (`principal`, current borrow index), journalled.
    mutating func setBorrow(_ principal: UInt256, _ id: Int, _ account: Address, _ journal: inout CompoundJournal) {
        journal.saveBorrow(id, account, of: self)
        markets[id].accountBorrows[account] = CompoundBorrowSnapshot(principal: principal, interestIndex: markets[id].borrowIndex)
    }

    /// `addToMarketInternal`, journalled.
    mutating func addToMarket(_ id: Int, _ account: Address, _ journal: inout CompoundJournal) {
        if accountAssets[account]?.contains(id) == true { return }
        journal.saveMembership(account, of: self)
        accountAssets[account, default: []].append(id)
    }

    /// Runs `body`, turning any revert into a revert with `message` — a `require(mathErr ==
    /// NO_ERROR, message)` around CarefulMath.
    static func required<T>(_ message: String, _ body: () throws(Revert) -> T) throws(Revert) -> T {
        do { return try body() } catch { throw .reason(message) }
    }

    /// An underlying amount of market `id` for an event.
    func amount(_ value: UInt256, _ id: Int) -> EventValue {
        .amount(value, of: markets[id].underlying)
    }

    /// A cToken amount (8 decimals) for an event.
    func cTokens(_ value: UInt256, _ id: Int) -> EventValue {
        .amount(value, symbol: "c" + markets[id].underlying.symbol, decimals: 8)
    }

    /// An event from this deployment.
    func event(_ name: String, _ fields: [EventField]) -> ProtocolEvent {
        ProtocolEvent(source: configuration.name, name: name, fields: fields)
    }

    /// The `Failure(error, info, detail)` event.
    func failureEvent(_ failure: CompoundFailure) -> ProtocolEvent {
        event("Failure", [
            EventField("error", .integer(UInt256(UInt64(failure.error.rawValue)))),
            EventField("info", .integer(UInt256(UInt64(failure.info.rawValue)))),
            EventField("detail", .integer(failure.detail)),
            EventField("reason", .text(failure.description)),
        ])
    }

    /// A receipt for a call that failed with `failure`.
    func failed(_ failure: CompoundFailure) -> CompoundReceipt {
        CompoundReceipt(failure: failure, gasUsed: configuration.gasSchedule.failedWithErrorCode, events: [failureEvent(failure)])
    }
}
