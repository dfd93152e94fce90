import CascadeChain
import CascadeMath
import CascadeProtocols

/// A liquidation bot for one lending protocol (Aave v3 or Compound v2) with one account.
///
/// Each block it
///
/// 1. **observes**: the liquidatable borrowers by the on-chain oracle prices — liquidations are
///    judged by the protocol's oracle, never the market — as the block loop keeps them for every
///    liquidator, checked exactly: Aave, health factor below 1 at the next block's timestamp
///    (``AaveUnhealthy``); Compound, a shortfall (``CompoundShortfalls``). For every liquidatable
///    borrower it has no liquidation pending on, deepest first, until its capital (less what
///    its pending liquidations repay) is committed, it sizes the most profitable
///    (collateral, debt) pair exactly as the protocol will execute it (``LiquidationQuote``:
///    close factor, collateral available, Aave's dust rule, Compound's seizable cTokens), capped
///    by its capital, and keeps it when the gross profit exceeds the minimum;
/// 2. **acts** on the observation made `latency` blocks earlier: for each borrower, deepest
///    first, unless a transaction of its own on that borrower is pending or was sent after that
///    observation, it prices gas with its ``GasStrategy`` (contest: the position, so rivals'
///    pending bids are visible and `escalate` outbids them), and sends when
///    `grossProfit − gasCost > minProfitUSD` and its unspent capital covers the repayment.
///
/// **Profit** (USD, floating point — a decision, never a balance), with collateral and debt
/// valued at the *market* prices of their symbols (the oracle's when the market has none):
///
///     seized = collateralReceived · P_collateral,  repaid = debtRepaid · P_debt
///     grossProfit = seized − repaid − saleImpact(seized)
///     saleImpact(s) = s · min(1, 0.01 · s / depthUSD2Percent)
///     gasCost = expectedGas · (baseFee + tip, or gasPrice) / 10¹⁸ · P_ETH
///
/// The impact is that of a linear order book that a sale of `depthUSD2Percent` moves 2 % (the
/// market model's `depth_usd_2pct` convention): the sale fills on average `1 % · s / depth` below
/// the price. Because it grows with the square of the size, the liquidator also prices the
/// impact-optimal repayment `(β − 1) · depth / (0.02 · β²)` (USD, `β = seized / repaid`) and sends
/// the smaller one when it pays more than the largest allowed.
///
/// **Capital** is the debt token the account holds in the ledger (funded and approved to the pool
/// or the cTokens at setup); repayments of its pending transactions are spent already. Seized
/// collateral stays in the account: selling it is the market model's business.
///
/// **Latency**: what it sends after block `n` was decided from the state after block
/// `n − latency` (a slow detection pipeline); the fee bid and its own pending transactions are
/// current. Observations wait in a queue of at most `latency + 1` entries.
public struct Liquidator: Sendable {
    /// The protocol liquidated.
    public enum Target: Sendable, Hashable {
        /// The Aave v3 pool (``ChainState/aave``).
        case aave
        /// The Compound v2 markets (``ChainState/compound``).
        case compound
    }

    /// How the liquidator values an asset and sells it as seized collateral.
    public struct Asset: Sendable, Hashable {
        /// Market symbol of the asset's price (e.g. `"ETH"` for WETH).
        public var symbol: String
        /// USD of sales that move the asset's market price down 2 % (> 0; the market model's
        /// `depth_usd_2pct`).
        public var depthUSD2Percent: Double

        public init(symbol: String, depthUSD2Percent: Double) {
            self.symbol = symbol
            self.depthUSD2Percent = depthUSD2Percent
        }
    }

    /// The liquidator's parameters.
    public struct Configuration: Sendable, Hashable {
        /// The protocol.
        public var target: Target
        /// The assets it trades, by underlying token address: it repays only debts and seizes
        /// only collateral listed here.
        public var assets: [Address: Asset]
        /// Market symbol of ether, which values gas.
        public var ethSymbol: String
        /// The least profit after gas worth a transaction (USD).
        public var minProfitUSD: Double
        /// Blocks between the state it decides on and the block it sends after.
        public var latency: UInt64
        /// Gas pricing.
        public var gas: GasStrategy

        public init(target: Target, assets: [Address: Asset], ethSymbol: String = "ETH", minProfitUSD: Double,
                    latency: UInt64, gas: GasStrategy) {
            self.target = target
            self.assets = assets
            self.ethSymbol = ethSymbol
            self.minProfitUSD = minProfitUSD
            self.latency = latency
            self.gas = gas
        }
    }

    /// A liquidation worth sending, as observed.
    struct Opportunity: Sendable {
        let quote: LiquidationQuote
        /// Seized value − repaid value − sale impact (USD).
        let grossProfitUSD: Double
        /// The market price of ether when observed (USD).
        let ethUSD: Double
    }

    /// The opportunities found after one block, deepest borrower first.
    struct Observation: Sendable {
        let block: UInt64
        let opportunities: [Opportunity]
    }

    /// The liquidator's account.
    public private(set) var account: AgentAccount
    /// Its parameters.
    public let configuration: Configuration
    private var inFlight = InFlight()
    private var observations: [Observation] = []
    /// The block after which it last sent a liquidation of each borrower (kept while an
    /// observation that cannot show that liquidation may still be acted on).
    private var lastSent: [Address: UInt64] = [:]
    /// Compound quote bases of the borrowers evaluated, for one generation of the shortfalls.
    var compoundBases: (generation: UInt64, pairs: [Address: [CompoundQuoteBasis]]) = (0, [:])

    public init(account: AgentAccount, configuration: Configuration) {
        precondition(configuration.assets.values.allSatisfy { $0.depthUSD2Percent > 0 }, "market depth must be positive")
        self.account = account
        self.configuration = configuration
    }

    /// The transactions the liquidator sends after the last block.
    public mutating func act(_ view: AgentView) -> [AgentTransaction] {
        inFlight.refresh(&account, view: view)
        var sent = inFlight.rebid(configuration.gas, account: &account, view: view)
        observations.append(observe(view))
        guard let observation = takeObservation(at: view.blockNumber) else { return sent }
        var committed = committedCapital(view.state)
        for opportunity in observation.opportunities {
            guard inFlight.hasRoom(view) else { break }
            send(opportunity, observedAt: observation.block, view: view, committed: &committed, into: &sent)
        }
        lastSent = lastSent.filter { $0.value > observation.block }
        return sent
    }

    // MARK: Observing

    private mutating func observe(_ view: AgentView) -> Observation {
        var opportunities: [Opportunity] = []
        guard let ethUSD = view.market.price(configuration.ethSymbol), ethUSD > 0 else {
            return Observation(block: view.blockNumber, opportunities: [])
        }
        var committed = committedCapital(view.state)
        let balances = view.state.ledger
        let owner = account.address
        func capital(_ token: Address) -> UInt256 {
            let balance = balances.balance(of: owner, in: token), spent = committed[token] ?? .zero
            return balance > spent ? balance &- spent : .zero
        }
        // Every opportunity needs capital in its debt asset: once none is left (none at all, or
        // all committed to the opportunities kept), nothing further is worth looking at. Nor once
        // it has planned as many as it has room to send (``InFlight/room(_:)``).
        func hasCapital() -> Bool { configuration.assets.keys.contains { !capital($0).isZero } }
        let room = inFlight.room(view)
        var capitalLeft = room > 0 && hasCapital()
        func keep(_ found: Opportunity?) {
            guard let found else { return }
            let token = found.quote.debtAsset.address
            committed[token] = (committed[token] ?? .zero) &+ found.quote.debtToCover
            opportunities.append(found)
            capitalLeft = opportunities.count < room && hasCapital()
        }
        guard capitalLeft else { return Observation(block: view.blockNumber, opportunities: []) }
        // A borrower it already has a liquidation pending on is not planned again: sending would
        // refuse it, and its plan would hold capital that the pending repayment holds already.
        func isPending(_ borrower: Address) -> Bool {
            contest(borrower, state: view.state).map(inFlight.contains) ?? false
        }
        switch configuration.target {
        case .aave:
            // Health factors below 1 at the next block's timestamp, checked once for every
            // liquidator (``AaveUnhealthy``).
            guard let pool = view.state.aave else { break }
            let unhealthy = view.positions.aaveUnhealthy
            precondition(unhealthy.timestamp == view.nextTimestamp, "the Aave set must be computed at the next block's timestamp")
            guard !unhealthy.owners.isEmpty else { break }
            // A borrower who owes only reserves the liquidator holds no capital in, or too little
            // to make any liquidation pay (e.g. once it spent its stablecoins and holds the seized
            // collateral), is passed over unsized.
            let valuations = aaveValuations(pool, view: view), rules = pool.configuration.liquidationRules
            var accounts = AaveAccounts(pool, view: view)
            var worthwhile = worthwhileReserves(valuations, rules: rules, capital: capital)
            for (borrower, borrowingMask) in zip(unhealthy.owners, unhealthy.borrowingMasks) where borrower != owner && !isPending(borrower) {
                guard capitalLeft, worthwhile & unhealthy.borrowed != 0 else { break }
                guard borrowingMask & worthwhile != 0, let account = accounts.accountData(of: borrower) else { continue }
                guard let found = aaveOpportunity(borrower, position: pool.position(of: borrower), account: account, pool: pool,
                                                  view: view, valuations: valuations, ethUSD: ethUSD, capital: capital) else { continue }
                keep(found)
                // Only the capital in the debt token spent has changed.
                worthwhile = worthwhileReserves(worthwhile, token: found.quote.debtAsset.address, valuations, rules: rules,
                                                capital: capital)
            }
        case .compound:
            // The shortfalls were checked exactly on the last block's state, once for every
            // liquidator (``CompoundShortfalls``).
            guard let comptroller = view.state.compound else { break }
            let owners = view.positions.compoundShortfalls.owners
            guard !owners.isEmpty else { break }
            let marketUSD = compoundMarketUSD(comptroller, view: view)
            // Capital too small for any liquidation to pay: nobody is looked at.
            var worthwhile = compoundWorthwhile(comptroller, view: view, marketUSD: marketUSD, capital: capital)
            for borrower in owners where borrower != owner && !isPending(borrower) {
                guard capitalLeft, worthwhile else { break }
                let found = compoundOpportunity(borrower, comptroller: comptroller, view: view, ethUSD: ethUSD, marketUSD: marketUSD,
                                                capital: capital)
                keep(found)
                if found != nil { worthwhile = compoundWorthwhile(comptroller, view: view, marketUSD: marketUSD, capital: capital) }
            }
        }
        return Observation(block: view.blockNumber, opportunities: opportunities)
    }

    /// The newest queued observation made at least `latency` blocks before `block`, dropping it
    /// and every older one.
    private mutating func takeObservation(at block: UInt64) -> Observation? {
        guard block >= configuration.latency,
              let index = observations.lastIndex(where: { $0.block <= block - configuration.latency }) else { return nil }
        let observation = observations[index]
        observations.removeFirst(index + 1)
        return observation
    }

    /// The more profitable of the largest liquidation `quote` allows (close factor, capital) and
    /// the one at the impact-optimal repayment, or `nil` when neither's gross profit exceeds the
    /// minimum. `quote` sizes the liquidation for at most the amount given; prices are USD per
    /// whole token.
    func sized(collateralUSD: Double, debtUSD: Double, ethUSD: Double,
               quote: (UInt256) -> LiquidationQuote?) -> Opportunity? {
        guard let largest = quote(.max), let collateral = configuration.assets[largest.collateralAsset.address] else { return nil }
        let depth = collateral.depthUSD2Percent
        func value(_ quote: LiquidationQuote) -> (seized: Double, repaid: Double) {
            (Self.wholeTokens(quote.collateralReceived, decimals: quote.collateralAsset.decimals) * collateralUSD,
             Self.wholeTokens(quote.debtRepaid, decimals: quote.debtAsset.decimals) * debtUSD)
        }
        let (seized, repaid) = value(largest)
        var best = Opportunity(quote: largest, grossProfitUSD: Self.grossProfit(seizedUSD: seized, repaidUSD: repaid, depthUSD2Percent: depth),
                               ethUSD: ethUSD)
        let premium = seized / repaid
        let optimalUSD = (premium - 1) * depth / (0.02 * premium * premium)
        if premium > 1, optimalUSD < repaid,
           let amount = UInt256(truncating: optimalUSD / debtUSD * Double.powerOfTen(Int(largest.debtAsset.decimals))),
           let smaller = quote(amount) {
            let (seized, repaid) = value(smaller)
            let profit = Self.grossProfit(seizedUSD: seized, repaidUSD: repaid, depthUSD2Percent: depth)
            if profit > best.grossProfitUSD { best = Opportunity(quote: smaller, grossProfitUSD: profit, ethUSD: ethUSD) }
        }
        return best.grossProfitUSD > configuration.minProfitUSD ? best : nil
    }

    /// USD per whole `token`: the market price of its configured symbol, else the oracle's;
    /// `nil` when the liquidator does not trade the token or it has no price.
    func usdPrice(_ token: Token, oracleUSD: Double?, _ view: AgentView) -> Double? {
        guard let asset = configuration.assets[token.address] else { return nil }
        return view.market.price(asset.symbol) ?? oracleUSD
    }

    // MARK: Profit

    /// `seizedUSD − repaidUSD − saleImpact(seizedUSD)`: the liquidation's profit before gas (USD).
    public static func grossProfit(seizedUSD: Double, repaidUSD: Double, depthUSD2Percent: Double) -> Double {
        seizedUSD - repaidUSD - saleImpact(usd: seizedUSD, depthUSD2Percent: depthUSD2Percent)
    }

    /// The cost of selling `usd` of an asset whose market a sale of `depthUSD2Percent` USD moves
    /// 2 %: with the price walking down linearly the sale fills on average `1 % · usd / depth`
    /// below the starting price, so the cost is `usd · min(1, 0.01 · usd / depth)` (USD; at most
    /// the whole proceeds).
    public static func saleImpact(usd: Double, depthUSD2Percent: Double) -> Double {
        usd * min(1, 0.01 * usd / depthUSD2Percent)
    }

    /// `amount / 10^decimals`.
    static func wholeTokens(_ amount: UInt256, decimals: UInt8) -> Double {
        amount.doubleValue / Double.powerOfTen(Int(decimals))
    }

    // MARK: Sending

    private mutating func send(_ opportunity: Opportunity, observedAt: UInt64, view: AgentView,
                               committed: inout [Address: UInt256], into sent: inout [AgentTransaction]) {
        let quote = opportunity.quote
        guard let contest = contest(quote.borrower, state: view.state), !inFlight.contains(contest),
              lastSent[quote.borrower].map({ $0 < observedAt }) ?? true else { return }
        let token = quote.debtAsset.address
        let balance = view.state.ledger.balance(of: account.address, in: token)
        let spent = committed[token] ?? .zero
        guard balance >= spent, balance &- spent >= quote.debtToCover else { return }
        let (fee, _) = view.fee(configuration.gas, contest: contest, sender: account.address)
        let pricePaid = fee.effectiveGasPrice(baseFee: view.baseFee) ?? fee.maxFeePerGas
        let gasUSD = Double(quote.gas.expected) * pricePaid.doubleValue / 1e18 * opportunity.ethUSD
        guard opportunity.grossProfitUSD - gasUSD > configuration.minProfitUSD else { return }
        let transaction = account.send(quote.call, to: quote.to, fee: fee, gas: quote.gas, contest: contest)
        inFlight.add(transaction)
        sent.append(transaction)
        committed[token] = spent &+ quote.debtToCover
        lastSent[quote.borrower] = view.blockNumber
    }

    /// The contest of liquidating `borrower` in the target protocol.
    private func contest(_ borrower: Address, state: ChainState) -> Contest? {
        let name = switch configuration.target {
        case .aave: state.aave?.configuration.name
        case .compound: state.compound?.configuration.name
        }
        return name.map { .position(protocolName: $0, owner: borrower) }
    }

    /// What the pending liquidations will pay, by debt token.
    private func committedCapital(_ state: ChainState) -> [Address: UInt256] {
        var committed: [Address: UInt256] = [:]
        for transaction in inFlight.transactions {
            switch transaction.call {
            case let .aaveLiquidationCall(_, debtAsset, _, debtToCover, _):
                committed[debtAsset] = (committed[debtAsset] ?? .zero) &+ debtToCover
            case let .compoundLiquidateBorrow(_, repayAmount, _):
                guard let token = state.compound?.market(transaction.to)?.underlying.address else { continue }
                committed[token] = (committed[token] ?? .zero) &+ repayAmount
            default:
                continue
            }
        }
        return committed
    }
}
