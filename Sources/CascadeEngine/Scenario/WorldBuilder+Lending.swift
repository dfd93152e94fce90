import CascadeAgents
import CascadeChain
import CascadeMath
import CascadeProtocols
import Foundation

/// Building the Aave v3, Compound v2 and Uniswap v2 parts of a world (docs/scenarios-lending.md).
///
/// In order: ``deployLending(_:identities:ledger:symbols:tokens:)`` lists the reserves and markets,
/// creates the pairs and the feeds and registers their tokens, before ``CascadeAgents/ChainState``
/// exists (it routes them from its initialiser); ``initialiseLending(_:contracts:scenario:identities:market:)``
/// signs each feed's first round at the start price one block before the start, seeds the
/// liquidity and mints each pair's reserves to it; ``openLendingPopulations(_:scenario:seed:identities:market:agents:)``
/// opens the positions through the protocols' own `supply`/`mint` and `borrow`;
/// ``lendingAgents(_:state:contracts:scenario:identities:)`` funds and creates liquidators, arbitrageurs
/// and feed relayers. Every amount is exact: what an action needs is minted to its account first.
///
/// **Amounts.** USD figures become raw token units at the start market price of the token's
/// `[tokens]` symbol, `⌊usd / price · 10^decimals⌋` (floating point, then truncated): a position
/// of debt `D` and collateral ratio `r` borrows `⌊D / P_debt · 10^d⌋` and supplies
/// `⌊D · r / P_collateral · 10^c⌋`.
///
/// **Addresses.** Owners who never sign, passive suppliers, liquidity providers, feeds and cTokens
/// get ``Identities/address(_:)`` addresses; accounts that sign (defending owners, agents,
/// reporters) derive their keys (``Identities/signer(_:index:)``), both from the scenario's seed.
extension WorldBuilder {
    /// The lending contracts, deployed before the chain state that routes them.
    struct LendingContracts {
        var aave: AavePool?
        var aaveAddress: Address?
        var compound: CompoundComptroller?
        var pairs: [UniswapV2Pair] = []
        var feeds: [LendingPriceFeed] = []
        /// The reporters of each feed, in ``feeds`` order.
        var reporters: [[Signer]] = []
    }

    /// Random streams of lending population `p`: positions `1_000 + 3p`, who defends `1_001 + 3p`,
    /// the defenders' reactions `1_002 + 3p` (Maker populations use streams below 1,000).
    static func lendingStream(population: Int, part: UInt64) -> UInt64 { 1_000 + 3 * UInt64(population) + part }

    /// Lists the Aave reserves and Compound markets, creates the pairs (empty) and the feeds (no
    /// round yet), and registers the tokens not registered yet (Maker's DAI and collateral are
    /// shared) with their market symbols.
    static func deployLending(_ scenario: Scenario, identities: Identities, ledger: inout TokenLedger, symbols: inout [Address: String],
                              tokens: inout [Address: Token]) -> LendingContracts {
        let setup = scenario.lending
        let start = scenario.chain.startTimestamp
        var contracts = LendingContracts()
        for token in setup.tokens where ledger.tokens[token.address] == nil {
            ledger.register(token)
            tokens[token.address] = token
            if let symbol = scenario.tokenPrices[token.symbol] { symbols[token.address] = symbol }
        }
        if let aave = setup.aave {
            var pool = AavePool(configuration: aave.definition.pool)
            for reserve in aave.definition.reserves {
                pool.listReserve(reserve.token, configuration: reserve.configuration, timestamp: start)
            }
            contracts.aave = pool
            contracts.aaveAddress = aave.definition.pool.address
        }
        if let compound = setup.compound {
            var comptroller = CompoundComptroller(configuration: compound.definition.comptroller)
            for market in compound.definition.markets {
                comptroller.listMarket(cToken: cTokenAddress(identities, market: market.name), underlying: market.underlying,
                                       configuration: market.configuration, blockNumber: 0)
            }
            contracts.compound = comptroller
        }
        if let uniswap = setup.uniswap {
            for pair in uniswap.definition.pairs {
                contracts.pairs.append(UniswapV2Pair(address: pair.address, tokenA: pair.tokenA, tokenB: pair.tokenB, ledger: &ledger,
                                                     gas: uniswap.definition.gasSchedule, source: "uniswap-v2 \(pair.name)"))
            }
        }
        for (index, spec) in setup.feeds.enumerated() {
            let reporters = (0..<spec.reporters).map {
                identities.signer("feed-reporter/\(spec.symbol)", index: UInt64($0))
            }
            let feed = PushPriceFeed(
                address: identities.address("feed/\(spec.symbol)"),
                feedID: Bytes32(ascii: "\(spec.symbol)/USD") ?? Bytes32(ascii: "feed \(index)")!,
                decimals: 8, reporters: reporters.map(\.address), quorum: spec.quorum,
                deviationThresholdBps: spec.deviationBps, heartbeat: spec.heartbeatSeconds, source: "feed \(spec.symbol)")
            let assets = spec.tokens.map { token in
                LendingPriceFeed.Asset(token: token, cToken: contracts.compound?.markets.first { $0.underlying.address == token.address }?.cToken)
            }
            contracts.feeds.append(LendingPriceFeed(feed: feed, assets: assets))
            contracts.reporters.append(reporters)
        }
        return contracts
    }

    /// Signs each feed's first round at the start price (observed and included one block time
    /// before the start, by `quorum` reporters), then seeds `[liquidity]` and each pair's reserves.
    static func initialiseLending(_ state: inout ChainState, contracts: LendingContracts, scenario: Scenario, identities: Identities,
                                  market: MarketModel) throws(BuildError) {
        let start = scenario.chain.startTimestamp
        for (index, spec) in scenario.lending.feeds.enumerated() {
            let before = start - scenario.chain.blockTimeSeconds  // the loader requires a later start with feeds
            let price = UInt256(truncating: market.price(market.index(of: spec.symbol)!) * 1e8) ?? .zero
            let signers = Array(contracts.reporters[index].prefix(spec.quorum))
            do throws(Revert) {
                try state.setUp { (setup: inout ChainState.Setup) throws(Revert) in
                    let signing = scenario.signsTransactions
                    let call = setup.feeds[index].feed.makeReport(price: price, timestamp: before, signers: signers, signing: signing)
                    _ = try setup.feeds[index].feed.execute(call, context: CallContext(sender: signers[0].address, blockNumber: 0,
                                                                                       timestamp: before, vouchesForSignatures: !signing))
                }
            } catch {
                throw BuildError(key: "feeds.\(spec.symbol)", message: "the first round reverted: \(error)")
            }
        }
        for spec in scenario.lending.liquidity {
            try supplyLiquidity(spec, state: &state, scenario: scenario, identities: identities, market: market)
        }
        if let uniswap = scenario.lending.uniswap {
            for (index, pair) in uniswap.definition.pairs.enumerated() {
                var reserves = (pair.reserveA, pair.reserveB)
                if let spec = scenario.lending.liquidity.first(where: { $0.venue == .uniswapPair(name: pair.name) }) {
                    reserves = (rawAmount(usd: spec.usd, of: pair.tokenA, scenario: scenario, market: market),
                                rawAmount(usd: spec.usd, of: pair.tokenB, scenario: scenario, market: market))
                }
                let provider = identities.address("liquidity/\(uniswap.name)/\(pair.name)")
                do throws(Revert) {
                    try state.setUp { (setup: inout ChainState.Setup) throws(Revert) in
                        try setup.ledger.mint(reserves.0, of: pair.tokenA.address, to: pair.address)
                        try setup.ledger.mint(reserves.1, of: pair.tokenB.address, to: pair.address)
                        var ledger = setup.ledger
                        _ = try setup.pairs[index].mint(to: provider, context: CallContext(sender: provider, blockNumber: 0, timestamp: start),
                                                        ledger: &ledger)
                        setup.ledger = ledger
                    }
                } catch {
                    throw BuildError(key: "protocols.\(uniswap.name)", message: "seeding pair \(pair.name) reverted: \(error)")
                }
            }
        }
    }

    /// Supplies `spec.usd` of an Aave reserve or a Compound market from a passive supplier.
    private static func supplyLiquidity(_ spec: LiquiditySpec, state: inout ChainState, scenario: Scenario, identities: Identities,
                                        market: MarketModel) throws(BuildError) {
        let supplier = identities.address(spec.key)
        let context = CallContext(sender: supplier, blockNumber: 0, timestamp: scenario.chain.startTimestamp)
        do throws(Revert) {
            switch spec.venue {
            case .aaveReserve(let token):
                let amount = rawAmount(usd: spec.usd, of: token, scenario: scenario, market: market)
                try state.setUp { (setup: inout ChainState.Setup) throws(Revert) in
                    var ledger = setup.ledger, pool = setup.aave
                    try ledger.mint(amount, of: token.address, to: supplier)
                    try ledger.approve(amount, of: token.address, owner: supplier, spender: pool.configuration.address)
                    _ = try pool.supply(asset: token.address, amount: amount, onBehalfOf: supplier, context: context, ledger: &ledger)
                    setup.ledger = ledger
                    setup.aave = pool
                }
            case let .compoundMarket(name, token):
                let amount = rawAmount(usd: spec.usd, of: token, scenario: scenario, market: market)
                let cToken = cTokenAddress(identities, market: name)
                try state.setUp { (setup: inout ChainState.Setup) throws(Revert) in
                    var ledger = setup.ledger, comptroller = setup.compound
                    try ledger.mint(amount, of: token.address, to: supplier)
                    try ledger.approve(amount, of: token.address, owner: supplier, spender: cToken)
                    let receipt = try comptroller.mint(mintAmount: amount, target: cToken, context: context, ledger: &ledger)
                    if let failure = receipt.failure { throw Revert.reason("\(failure)") }
                    setup.ledger = ledger
                    setup.compound = comptroller
                }
            case .uniswapPair:
                return  // the pair's reserves are minted with the pair (initialiseLending)
            }
        } catch {
            throw BuildError(key: spec.key, message: "supplying the liquidity reverted: \(error)")
        }
    }

    // MARK: - Populations

    /// Opens every lending population's positions; appends a ``CascadeAgents/Borrower`` group for
    /// each Aave population whose owners defend. Returns every owner, for the position indexes.
    static func openLendingPopulations(_ state: inout ChainState, scenario: Scenario, seed: UInt64, identities: Identities, market: MarketModel,
                                       agents: inout [Agent]) throws(BuildError) -> [Address] {
        var owners: [Address] = []
        for (index, population) in scenario.lending.populations.enumerated() {
            let specs = PopulationGenerator.generate(population.configuration,
                                                     random: SplitMix64(seed: seed).derived(stream: lendingStream(population: index, part: 0)))
            switch population.market {
            case let .aave(collateral, debt):
                var defenders: [Borrower.Owner] = []
                owners += try openAave(specs, population: population, collateral: collateral.token, debt: debt.token, state: &state,
                                       scenario: scenario, seed: seed, identities: identities, market: market, populationIndex: index, defenders: &defenders)
                if let rules = population.owners, !defenders.isEmpty {
                    agents.append(.borrowers(Borrower(
                        market: .aave(collateral: collateral.token.address, debt: debt.token.address), gas: rules.gas, owners: defenders,
                        random: SplitMix64(seed: seed).derived(stream: lendingStream(population: index, part: 2)))))
                }
            case let .compound(collateral, debt):
                owners += try openCompound(specs, population: population, collateral: collateral, debt: debt, state: &state,
                                           scenario: scenario, identities: identities, market: market)
            }
        }
        return owners
    }

    /// Aave positions: each owner supplies its collateral and borrows its debt. Defending owners
    /// (a share `defend_share`) sign with their own accounts, approve the pool without limit and
    /// hold their budget: top-ups get `budget_share` of their collateral minted on top, repayers
    /// keep the borrowed tokens (their budget is `budget_share` of the debt).
    private static func openAave(_ specs: [PositionSpec], population: LendingPopulationSpec, collateral: Token, debt: Token,
                                 state: inout ChainState, scenario: Scenario, seed: UInt64, identities: Identities, market: MarketModel, populationIndex: Int,
                                 defenders: inout [Borrower.Owner]) throws(BuildError) -> [Address] {
        var behaviour = SplitMix64(seed: seed).derived(stream: lendingStream(population: populationIndex, part: 1))
        let start = scenario.chain.startTimestamp
        var owners: [Address] = []
        owners.reserveCapacity(specs.count)
        var failed: (index: Int, spec: PositionSpec, error: Revert)?
        do throws(Revert) {
            try state.setUp { (setup: inout ChainState.Setup) throws(Revert) in
                var ledger = setup.ledger, pool = setup.aave
                let prices = setup.state.aavePrices
                let spender = pool.configuration.address
                for (index, spec) in specs.enumerated() {
                    let borrowed = rawAmount(usd: spec.debtUSD, of: debt, scenario: scenario, market: market)
                    let supplied = rawAmount(usd: spec.collateralUSD, of: collateral, scenario: scenario, market: market)
                    var owner = identities.address("\(population.name)/owner/\(index)")
                    var spare = UInt256.zero, allowance = supplied
                    if let rules = population.owners, Distributions.unitInterval(using: &behaviour) < rules.defendShare {
                        let repays = Distributions.unitInterval(using: &behaviour) < rules.repayShare
                        let account = identities.account("\(population.name)/owner", index: UInt64(index),
                                                   chainID: scenario.chainID, signs: scenario.signsTransactions)
                        owner = account.address
                        let budget = UInt256(truncating: (repays ? borrowed : supplied).doubleValue * rules.budgetShare) ?? .zero
                        if !repays { spare = budget }
                        allowance = .max
                        try ledger.approve(.max, of: debt.address, owner: owner, spender: spender)
                        defenders.append(Borrower.Owner(account: account, profile: Borrower.Profile(
                            defence: repays ? .repay : .topUp, threshold: rules.threshold, target: rules.target, budget: budget,
                            latencyBlocks: rules.latencyBlocks, probabilityPerBlock: rules.probabilityPerBlock)))
                    }
                    let context = CallContext(sender: owner, blockNumber: 0, timestamp: start)
                    do throws(Revert) {
                        try ledger.mint(try supplied + spare, of: collateral.address, to: owner)
                        try ledger.approve(allowance, of: collateral.address, owner: owner, spender: spender)
                        _ = try pool.supply(asset: collateral.address, amount: supplied, onBehalfOf: owner, context: context, ledger: &ledger)
                        _ = try pool.borrow(asset: debt.address, amount: borrowed, onBehalfOf: owner, context: context, prices: prices,
                                            ledger: &ledger)
                    } catch {
                        failed = (index, spec, error)
                        throw error
                    }
                    owners.append(owner)
                }
                setup.ledger = ledger
                setup.aave = pool
            }
        } catch {
            throw positionError(population, failed, error)
        }
        return owners
    }

    /// Compound accounts: each owner mints its collateral, enters that market and borrows.
    private static func openCompound(_ specs: [PositionSpec], population: LendingPopulationSpec, collateral: CompoundV2Definition.Market,
                                     debt: CompoundV2Definition.Market, state: inout ChainState, scenario: Scenario, identities: Identities,
                                     market: MarketModel) throws(BuildError) -> [Address] {
        let collateralCToken = cTokenAddress(identities, market: collateral.name)
        let debtCToken = cTokenAddress(identities, market: debt.name)
        var owners: [Address] = []
        owners.reserveCapacity(specs.count)
        var failed: (index: Int, spec: PositionSpec, error: Revert)?
        do throws(Revert) {
            try state.setUp { (setup: inout ChainState.Setup) throws(Revert) in
                var ledger = setup.ledger, comptroller = setup.compound
                let prices = setup.state.compoundPrices
                for (index, spec) in specs.enumerated() {
                    let borrowed = rawAmount(usd: spec.debtUSD, of: debt.underlying, scenario: scenario, market: market)
                    let supplied = rawAmount(usd: spec.collateralUSD, of: collateral.underlying, scenario: scenario, market: market)
                    let owner = identities.address("\(population.name)/owner/\(index)")
                    let context = CallContext(sender: owner, blockNumber: 0, timestamp: scenario.chain.startTimestamp)
                    do throws(Revert) {
                        try ledger.mint(supplied, of: collateral.underlying.address, to: owner)
                        try ledger.approve(supplied, of: collateral.underlying.address, owner: owner, spender: collateralCToken)
                        let minted = try comptroller.mint(mintAmount: supplied, target: collateralCToken, context: context, ledger: &ledger)
                        if let failure = minted.failure { throw Revert.reason("mint: \(failure)") }
                        comptroller.enterMarkets([collateralCToken], account: owner)
                        let borrow = try comptroller.borrow(borrowAmount: borrowed, target: debtCToken, context: context, prices: prices,
                                                            ledger: &ledger)
                        if let failure = borrow.failure { throw Revert.reason("borrow: \(failure)") }
                    } catch {
                        failed = (index, spec, error)
                        throw error
                    }
                    owners.append(owner)
                }
                setup.ledger = ledger
                setup.compound = comptroller
            }
        } catch {
            throw positionError(population, failed, error)
        }
        return owners
    }

    private static func positionError(_ population: LendingPopulationSpec, _ failed: (index: Int, spec: PositionSpec, error: Revert)?,
                                      _ error: Revert) -> BuildError {
        let which = failed.map { "position \($0.index + 1) (debt $\(Int($0.spec.debtUSD)), collateral ratio \($0.spec.collateralRatio))" }
            ?? "a position"
        return BuildError(key: population.name, message: "opening \(which) reverted: \(error) (check that [liquidity] supplies "
                          + "enough of the debt asset for the population's total debt)")
    }

    // MARK: - Agents

    /// The agents of a `liquidator`, `arbitrageur` or `feed-relayer` spec, funded: each account
    /// gets its capital minted; a liquidator approves the pool (Aave) or the cTokens of its
    /// capital's tokens (Compound) without limit (``CascadeAgents/ChainState`` routes no token
    /// calls, so approvals are set up, not sent). The router needs no approval.
    static func lendingAgents(_ spec: AgentSpec, state: inout ChainState, contracts: LendingContracts, scenario: Scenario,
                              identities: Identities) throws(BuildError) -> [Agent] {
        switch spec {
        case let .liquidators(name, count, capital, configuration):
            var agents: [Agent] = []
            for index in 0..<count {
                let account = identities.account(name, index: UInt64(index), chainID: scenario.chainID, signs: scenario.signsTransactions)
                var spenders: [(token: Address, spender: Address)] = []
                for amount in capital {
                    switch configuration.target {
                    case .aave:
                        spenders.append((amount.token.address, contracts.aaveAddress!))
                    case .compound:
                        for market in contracts.compound!.markets where market.underlying.address == amount.token.address {
                            spenders.append((amount.token.address, market.cToken))
                        }
                    }
                }
                try fund(account.address, with: capital, approving: spenders, state: &state, key: "\(name).capital")
                agents.append(.liquidator(Liquidator(account: account, configuration: configuration)))
            }
            return agents
        case let .arbitrageurs(name, count, capital, configuration):
            var agents: [Agent] = []
            for index in 0..<count {
                let account = identities.account(name, index: UInt64(index), chainID: scenario.chainID, signs: scenario.signsTransactions)
                try fund(account.address, with: capital, approving: [], state: &state, key: "\(name).capital")
                agents.append(.arbitrageur(Arbitrageur(account: account, configuration: configuration)))
            }
            return agents
        case let .feedRelayer(name, feed, configuration):
            let account = identities.account(name, index: 0, chainID: scenario.chainID, signs: scenario.signsTransactions)
            return [.oracleRelayer(OracleRelayer(account: account, reporters: contracts.reporters[feed],
                                                 signaturesPerUpdate: scenario.lending.feeds[feed].quorum, configuration: configuration))]
        case .makerRelayer, .flipKeepers, .clipKeepers:
            preconditionFailure("Maker agents are built by WorldBuilder.build")
        }
    }

    private static func fund(_ owner: Address, with capital: [TokenAmount], approving spenders: [(token: Address, spender: Address)],
                             state: inout ChainState, key: String) throws(BuildError) {
        do throws(Revert) {
            try state.setUp { (setup: inout ChainState.Setup) throws(Revert) in
                for amount in capital { try setup.ledger.mint(amount.amount, of: amount.token.address, to: owner) }
                for (token, spender) in spenders { try setup.ledger.approve(.max, of: token, owner: owner, spender: spender) }
            }
        } catch {
            throw BuildError(key: key, message: "funding the agent reverted: \(error)")
        }
    }

    // MARK: - Helpers

    /// `⌊usd / P · 10^decimals⌋` raw units of `token`, `P` the start market price of its `[tokens]` symbol.
    static func rawAmount(usd: Double, of token: Token, scenario: Scenario, market: MarketModel) -> UInt256 {
        let price = market.price(market.index(of: scenario.tokenPrices[token.symbol]!)!)
        return UInt256(truncating: usd / price * pow(10, Double(token.decimals))) ?? .zero
    }

    /// The address of Compound market `name`'s cToken (the protocol file gives none).
    static func cTokenAddress(_ identities: Identities, market name: String) -> Address {
        identities.address("compound/\(name)")
    }
}
