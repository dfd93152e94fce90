import CascadeChain
import CascadeMath
import CascadeProtocols

extension Liquidator {
    /// The Compound `liquidateBorrow` of `user`'s borrow in market `borrowedID` seizing its
    /// cTokens of market `collateralID`, for at most `repayAmount`, sized against the stored
    /// state (as `eth_call` on the last block would), or `nil` when it would fail or move nothing.
    ///
    /// The repayment is capped by the close factor (`⌊closeFactor · borrowBalanceStored⌋`; the
    /// borrow only grows until execution, so the cap holds then) and by the borrower's cTokens:
    /// with `ratio = liquidateCalculateSeizeTokens(10¹⁸)` (the Comptroller's exact seize ratio),
    /// at most `⌊((cTokens + 1) · 10¹⁸ − 1) / ratio⌋`, the largest repayment whose seizure
    /// (`⌊ratio · repay / 10¹⁸⌋`) fits (`LIQUIDATE_SEIZE_TOO_MUCH` otherwise). The collateral
    /// received is the seized cTokens less the protocol's seize share, at the stored exchange rate.
    /// Gas: the schedule's `liquidateBorrow`.
    static func compoundQuote(_ comptroller: CompoundComptroller, user: Address, collateralID: Int, borrowedID: Int,
                              repayAmount: UInt256, prices: AssetPrices, ledger: TokenLedger) -> LiquidationQuote? {
        let borrowed = comptroller.markets[borrowedID]
        let collateral = comptroller.markets[collateralID]
        do throws(Revert) {
            guard !comptroller.configuration.seizePaused else { return nil }
            let maxRepay = try CompoundMath.mulScalarTruncate(
                comptroller.configuration.closeFactorMantissa, borrowed.borrowBalanceStored(user))
            let tokens = collateral.balance(of: user)
            guard let ratio = try comptroller.liquidateCalculateSeizeTokens(
                borrowed: borrowedID, collateral: collateralID, actualRepayAmount: CompoundMath.expScale,
                prices: prices, ledger: ledger), !ratio.isZero else { return nil }
            let fitting = try ((tokens + .one) * CompoundMath.expScale - .one) / ratio
            let repay = min(repayAmount, maxRepay, fitting)
            guard !repay.isZero, let seizeTokens = try comptroller.liquidateCalculateSeizeTokens(
                borrowed: borrowedID, collateral: collateralID, actualRepayAmount: repay, prices: prices, ledger: ledger)
            else { return nil }
            let protocolTokens = try CompoundMath.mulScalarTruncate(seizeTokens, collateral.configuration.protocolSeizeShareMantissa)
            let exchangeRate = try collateral.exchangeRateStored(cash: collateral.cash(in: ledger))
            let received = try CompoundMath.mulScalarTruncate(exchangeRate, seizeTokens - protocolTokens)
            guard !received.isZero else { return nil }
            return LiquidationQuote(
                borrower: user,
                call: .compoundLiquidateBorrow(borrower: user, repayAmount: repay, cTokenCollateral: collateral.cToken),
                to: borrowed.cToken, debtAsset: borrowed.underlying, debtToCover: repay, debtRepaid: repay, maxRepay: maxRepay,
                collateralAsset: collateral.underlying, collateralReceived: received,
                gas: GasEstimate(gasUsed: comptroller.configuration.gasSchedule.liquidateBorrow))
        } catch {
            return nil
        }
    }

    /// The best liquidation of Compound borrower `owner`, who has a shortfall
    /// (``CompoundShortfalls``), or `nil` when no pair pays.
    func compoundOpportunity(_ owner: Address, comptroller: CompoundComptroller, view: AgentView, ethUSD: Double,
                             capital: (Address) -> UInt256) -> Opportunity? {
        let prices = view.state.compoundPrices
        let ledger = view.state.ledger
        let entered = comptroller.accountAssets[owner] ?? []
        var best: Opportunity?
        for borrowedID in entered {
            let borrowed = comptroller.markets[borrowedID]
            let available = capital(borrowed.underlying.address)
            guard !available.isZero, (try? borrowed.borrowBalanceStored(owner))?.isZero == false,
                  let debtUSD = usdPrice(borrowed.underlying, oracleUSD: Self.compoundUSD(prices, borrowed.underlying), view)
            else { continue }
            for collateralID in entered where !comptroller.markets[collateralID].balance(of: owner).isZero {
                let collateral = comptroller.markets[collateralID].underlying
                guard let collateralUSD = usdPrice(collateral, oracleUSD: Self.compoundUSD(prices, collateral), view) else { continue }
                let found = sized(collateralUSD: collateralUSD, debtUSD: debtUSD, ethUSD: ethUSD) { amount in
                    Self.compoundQuote(comptroller, user: owner, collateralID: collateralID, borrowedID: borrowedID,
                                       repayAmount: min(amount, available), prices: prices, ledger: ledger)
                }
                if let found, best.map({ found.grossProfitUSD > $0.grossProfitUSD }) ?? true { best = found }
            }
        }
        return best
    }

    /// The oracle's USD price of a whole `token` from Compound's `getUnderlyingPrice` units
    /// (USD · 10^(36 − decimals)).
    static func compoundUSD(_ prices: AssetPrices, _ token: Token) -> Double? {
        prices[token.address].map { $0.doubleValue / Double.powerOfTen(36 - Int(token.decimals)) }
    }
}
