import CascadeChain
import CascadeMath
import CascadeProtocols

extension Liquidator {
    /// The Compound `liquidateBorrow` of `user`'s borrow in market `borrowedID` seizing its
    /// cTokens of market `collateralID`, for at most `repayAmount`, sized against the stored
    /// state (as `eth_call` on the last block would), or `nil` when it would fail or move nothing
    /// (``CompoundQuoteBasis``: close factor, the borrower's cTokens, the seize share). Gas: the
    /// schedule's `liquidateBorrow`.
    static func compoundQuote(_ comptroller: CompoundComptroller, user: Address, collateralID: Int, borrowedID: Int,
                              repayAmount: UInt256, prices: AssetPrices, ledger: TokenLedger) -> LiquidationQuote? {
        CompoundQuoteBasis(comptroller, borrower: user, collateralID: collateralID, borrowedID: borrowedID,
                           prices: prices, ledger: ledger)?.quote(repayAmount)
    }

    /// The (borrowed, collateral) pairs of Compound borrower `owner` that a liquidation can take:
    /// each entered market it borrows from, with each entered market it holds cTokens of, in
    /// `accountAssets` order.
    static func compoundPairs(_ owner: Address, comptroller: CompoundComptroller, prices: AssetPrices,
                              ledger: TokenLedger) -> [CompoundQuoteBasis] {
        let entered = comptroller.accountAssets[owner] ?? []
        var pairs: [CompoundQuoteBasis] = []
        for borrowedID in entered where (try? comptroller.markets[borrowedID].borrowBalanceStored(owner))?.isZero == false {
            for collateralID in entered where !comptroller.markets[collateralID].balance(of: owner).isZero {
                if let basis = CompoundQuoteBasis(comptroller, borrower: owner, collateralID: collateralID, borrowedID: borrowedID,
                                                  prices: prices, ledger: ledger) {
                    pairs.append(basis)
                }
            }
        }
        return pairs
    }

    /// The best liquidation of Compound borrower `owner`, who has a shortfall
    /// (``CompoundShortfalls``), or `nil` when no pair pays. `marketUSD` holds the USD price of
    /// a whole underlying token of each market, by the Comptroller's index (``compoundMarketUSD(_:view:)``).
    /// The pairs' quote bases are kept while the shortfalls' ``CompoundShortfalls/generation``
    /// stands: only capital and market prices change between blocks then.
    mutating func compoundOpportunity(_ owner: Address, comptroller: CompoundComptroller, view: AgentView, ethUSD: Double,
                                      marketUSD: [Double?], capital: (Address) -> UInt256) -> Opportunity? {
        let generation = view.positions.compoundShortfalls.generation
        if compoundBases.generation != generation { compoundBases = (generation, [:]) }
        let pairs: [CompoundQuoteBasis]
        if let known = compoundBases.pairs[owner] {
            pairs = known
        } else {
            pairs = Self.compoundPairs(owner, comptroller: comptroller, prices: view.state.compoundPrices, ledger: view.state.ledger)
            compoundBases.pairs[owner] = pairs
        }
        var best: Opportunity?
        for index in pairs.indices {
            let available = capital(pairs[index].borrowed.underlying.address)
            guard !available.isZero,
                  let debtUSD = marketUSD[pairs[index].borrowedIndex], let collateralUSD = marketUSD[pairs[index].collateralIndex],
                  pairs[index].grossProfitBound(collateralUSD: collateralUSD, debtUSD: debtUSD, available: available)
                    > configuration.minProfitUSD
            else { continue }
            let basis = pairs[index]
            let found = sized(collateralUSD: collateralUSD, debtUSD: debtUSD, ethUSD: ethUSD) { amount in
                basis.quote(min(amount, available))
            }
            if let found, best.map({ found.grossProfitUSD > $0.grossProfitUSD }) ?? true { best = found }
        }
        return best
    }

    /// Whether the capital left could make any Compound liquidation gross more than the minimum
    /// profit, whoever the borrower: some market pair's
    /// ``CompoundQuoteBasis/grossProfitBound(seizeRatio:protocolSeizeShare:exchangeRate:collateralDecimals:borrowedDecimals:collateralUSD:debtUSD:repayCap:)``
    /// with the capital as the only cap exceeds it. A liquidator left with a few dollars passes
    /// over every borrower in shortfall without looking at one.
    func compoundWorthwhile(_ comptroller: CompoundComptroller, view: AgentView, marketUSD: [Double?],
                            capital: (Address) -> UInt256) -> Bool {
        let prices = view.state.compoundPrices, ledger = view.state.ledger
        for (borrowedID, borrowed) in comptroller.markets.enumerated() {
            let available = capital(borrowed.underlying.address)
            guard !available.isZero, let debtUSD = marketUSD[borrowedID] else { continue }
            for (collateralID, collateral) in comptroller.markets.enumerated() {
                guard let collateralUSD = marketUSD[collateralID],
                      let ratio = try? comptroller.liquidateCalculateSeizeTokens(
                        borrowed: borrowedID, collateral: collateralID, actualRepayAmount: CompoundMath.expScale,
                        prices: prices, ledger: ledger),
                      let rate = try? collateral.exchangeRateStored(cash: collateral.cash(in: ledger)) else { continue }
                let bound = CompoundQuoteBasis.grossProfitBound(
                    seizeRatio: ratio, protocolSeizeShare: collateral.configuration.protocolSeizeShareMantissa, exchangeRate: rate,
                    collateralDecimals: Int(collateral.underlying.decimals), borrowedDecimals: Int(borrowed.underlying.decimals),
                    collateralUSD: collateralUSD, debtUSD: debtUSD, repayCap: available)
                if bound > configuration.minProfitUSD { return true }
            }
        }
        return false
    }

    /// The USD price of a whole underlying token of each of the Comptroller's markets, by index:
    /// the market price when the liquidator trades the token, else the Compound oracle's; `nil`
    /// for a token it does not trade or without a price.
    func compoundMarketUSD(_ comptroller: CompoundComptroller, view: AgentView) -> [Double?] {
        comptroller.markets.map { usdPrice($0.underlying, oracleUSD: Self.compoundUSD(view.state.compoundPrices, $0.underlying), view) }
    }

    /// The oracle's USD price of a whole `token` from Compound's `getUnderlyingPrice` units
    /// (USD · 10^(36 − decimals)).
    static func compoundUSD(_ prices: AssetPrices, _ token: Token) -> Double? {
        prices[token.address].map { $0.doubleValue / Double.powerOfTen(36 - Int(token.decimals)) }
    }
}
