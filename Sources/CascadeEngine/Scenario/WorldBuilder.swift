import CascadeAgents
import CascadeChain
import CascadeMath
import CascadeProtocols

/// Builds the initial ``World`` of a scenario: deploys the protocols, initialises their
/// oracles at the start price, opens the population's positions, funds and creates the agents.
///
/// Keys and addresses derive from the scenario's own seed (``Identities``:
/// ``CascadeChain/PrivateKey/derive(seed:label:index:)`` for accounts that sign, Keccak-256 of
/// the seed and a label for contracts and for vault owners that never do); every draw derives
/// from the run's seed. The same scenario and seed build the same world.
public enum WorldBuilder {
    /// An error raised while building (a position the protocol refuses, a population that
    /// breaks a debt ceiling…), naming the scenario key responsible.
    public struct BuildError: Error, Sendable, CustomStringConvertible {
        public let key: String
        public let message: String
        public var description: String { "\(key): \(message)" }
    }

    /// Builds the world of `scenario` with `seed` (default: the scenario's). With `signing`
    /// false, agents skip secp256k1 signing and the block loop skips decoding and recovery;
    /// oracle reporters mark their reports instead of signing them, and the contracts, called
    /// in a context that vouches for signatures, accept the marks without `ecrecover`
    /// (``CascadeProtocols/ECRecover/vouchedMark(for:)``). Outcomes and metrics are identical,
    /// but there are no raw transactions to trace (``AgentTransaction``). `signers` keeps the
    /// keys derived, for the next world built from the same scenario (``SignerCache``).
    public static func build(_ scenario: Scenario, seed: UInt64? = nil, signing: Bool = true,
                             signers: SignerCache = SignerCache()) throws(BuildError) -> World {
        var scenario = scenario
        scenario.signsTransactions = signing
        let seed = seed ?? scenario.seed
        let identities = Identities(seed: scenario.seed, signers: signers)
        let start = scenario.chain.startTimestamp
        let market = MarketModel(configuration: scenario.market, random: SplitMix64(seed: seed).derived(stream: 2),
                                 startTimestamp: start)
        var ledger = TokenLedger()
        var maker: Maker?
        var oracles: [MakerOracle] = []
        var makerCollateral: [Bytes32: String] = [:]
        var reporterKeys: [[Signer]] = []
        var symbols: [Address: String] = [:]
        var tokens: [Address: Token] = [:]

        if let deployment = scenario.maker {
            let parameters = deployment.parameters
            let dai = Token(address: parameters.addresses.dai, symbol: "DAI", decimals: 18)
            ledger.register(dai)
            tokens[dai.address] = dai
            if let daiSymbol = scenario.daiSymbol { symbols[dai.address] = daiSymbol }
            do {
                maker = try Maker(parameters: parameters, now: start)
            } catch {
                throw BuildError(key: "protocols", message: "Maker deployment failed: \(error)")
            }
            for (index, ilkParameters) in parameters.ilks.enumerated() {
                let spec = deployment.oracles[index]
                let ilk = ilkParameters.ilk!
                let gem = Token(address: ilkParameters.gem, symbol: spec.symbol == "ETH" ? "WETH" : spec.symbol, decimals: 18)
                ledger.register(gem)
                tokens[gem.address] = gem
                symbols[gem.address] = spec.symbol
                makerCollateral[ilk] = spec.symbol
                let reporters = identities.distinctSlotSigners("reporter/\(spec.ilk)", count: spec.reporters)
                reporterKeys.append(reporters)
                var median = Median(address: identities.address("median/\(spec.ilk)"),
                                    wat: Bytes32(ascii: spec.symbol + "USD") ?? Bytes32(ascii: "ETHUSD")!, source: "median \(spec.ilk)")
                var osm = OSM(address: identities.address("osm/\(spec.ilk)"), source: "osm \(spec.ilk)")
                do throws(Revert) {
                    try median.lift(reporters.map(\.address))
                    try median.setBar(spec.bar)
                    try osm.step(spec.hop)
                } catch {
                    throw BuildError(key: "protocols.maker.oracles.\(spec.ilk)", message: "oracle setup reverted: \(error)")
                }
                oracles.append(MakerOracle(ilk: ilk, median: median, osm: osm))
            }
        }

        let lending = deployLending(scenario, identities: identities, ledger: &ledger, symbols: &symbols, tokens: &tokens)
        var state = ChainState(ledger: ledger, maker: maker, makerOracles: oracles, aave: lending.aave, aaveAddress: lending.aaveAddress,
                               compound: lending.compound, pairs: lending.pairs, feeds: lending.feeds)
        var makerVaults: [Bytes32: [Address]] = [:]
        var positions = PositionIndexes()

        // Oracles at the start price: the Median poked, the OSM's current and next values set,
        // the Spotter poked — as a live system would be.
        if let deployment = scenario.maker {
            for (index, spec) in deployment.oracles.enumerated() {
                guard let asset = market.index(of: spec.symbol) else {
                    throw BuildError(key: "protocols.maker.oracles.\(spec.ilk).symbol", message: "no market asset \(spec.symbol)")
                }
                let price = UInt256(truncating: market.price(asset) * 1e18) ?? .zero
                let hop = UInt64(spec.hop)
                let signers = Array(reporterKeys[index].prefix(spec.bar))
                do throws(Revert) {
                    try state.setUp { (setup: inout ChainState.Setup) throws(Revert) in
                        var oracle = setup.makerOracles[index]
                        let poke = oracle.median.makePoke(signers.map { (val: price, age: start - 2 * hop - 1, signer: $0) },
                                                          signing: signing)
                        _ = try oracle.median.execute(poke, context: CallContext(sender: signers[0].address, blockNumber: 0,
                                                                                 timestamp: start - 2 * hop - 1,
                                                                                 vouchesForSignatures: !signing))
                        for time in [start - 2 * hop, start - hop] {
                            _ = try oracle.osm.poke(source: oracle.median, context: CallContext(sender: .zero, blockNumber: 0, timestamp: time))
                        }
                        setup.makerOracles[index] = oracle
                        let (val, has) = oracle.osm.peek()
                        setup.maker.feed(oracle.ilk, val: val, has: has)
                        _ = try setup.maker.poke(oracle.ilk)
                    }
                } catch {
                    throw BuildError(key: "protocols.maker.oracles.\(spec.ilk)", message: "oracle initialisation reverted: \(error)")
                }
            }
        }

        try initialiseLending(&state, contracts: lending, scenario: scenario, identities: identities, market: market)

        // Vaults, and the owners who defend them.
        var agents: [Agent] = []
        for (populationIndex, population) in scenario.populations.enumerated() {
            let ilkParameters = scenario.maker!.parameters.ilks.first { $0.name == population.ilk }!
            let ilk = ilkParameters.ilk!
            let symbol = makerCollateral[ilk]!
            let price = market.price(market.index(of: symbol)!)
            let specs = PopulationGenerator.generate(population.configuration,
                                                     random: SplitMix64(seed: seed).derived(stream: 3 + 2 * UInt64(populationIndex)))
            var behaviour = SplitMix64(seed: seed).derived(stream: 4 + 2 * UInt64(populationIndex))
            var owners: [Address] = []
            var defenders: [Borrower.Owner] = []
            owners.reserveCapacity(specs.count)
            do throws(Revert) {
                try state.setUp { (setup: inout ChainState.Setup) throws(Revert) in
                    var maker = setup.maker, ledger = setup.ledger
                    for (index, spec) in specs.enumerated() {
                        let art = UInt256(truncating: spec.debtUSD * 1e18) ?? .zero
                        let ink = UInt256(truncating: spec.debtUSD * spec.collateralRatio / price * 1e18) ?? .zero
                        var owner = identities.address("\(population.name)/owner/\(index)")
                        var spare = UInt256.zero
                        if let rules = population.owners, Distributions.unitInterval(using: &behaviour) < rules.defendShare {
                            let repays = Distributions.unitInterval(using: &behaviour) < rules.repayShare
                            let account = identities.account("\(population.name)/owner", index: UInt64(index),
                                                       chainID: scenario.chainID, signs: scenario.signsTransactions)
                            owner = account.address
                            let budget = UInt256(truncating: (repays ? art : ink).doubleValue * rules.budgetShare) ?? .zero
                            if !repays { spare = budget }
                            defenders.append(Borrower.Owner(account: account, profile: Borrower.Profile(
                                defence: repays ? .repay : .topUp, threshold: rules.threshold, target: rules.target,
                                budget: budget, latencyBlocks: rules.latencyBlocks, probabilityPerBlock: rules.probabilityPerBlock)))
                        }
                        try openVault(&maker, ledger: &ledger, ilk: ilk, owner: owner, ink: ink, art: art, spare: spare, time: start)
                        owners.append(owner)
                    }
                    setup.maker = maker
                    setup.ledger = ledger
                }
            } catch {
                throw BuildError(key: population.name, message: "opening a vault reverted: \(error) (check collateral ratios against mat, dust and the debt ceiling)")
            }
            makerVaults[ilk, default: []] += owners
            if let rules = population.owners, !defenders.isEmpty {
                agents.append(.borrowers(Borrower(market: .maker(ilk: ilk), gas: rules.gas, owners: defenders,
                                                  random: SplitMix64(seed: seed).derived(stream: 100 + UInt64(populationIndex)))))
            }
        }

        let lendingOwners = try openLendingPopulations(&state, scenario: scenario, seed: seed, identities: identities, market: market, agents: &agents)

        // Agents.
        for spec in scenario.agents {
            switch spec {
            case let .makerRelayer(name, _, configuration):
                guard case .maker(let index) = configuration.target else { continue }
                let account = identities.account(name, index: 0, chainID: scenario.chainID, signs: scenario.signsTransactions)
                agents.append(.oracleRelayer(OracleRelayer(
                    account: account, reporters: reporterKeys[index],
                    signaturesPerUpdate: scenario.maker!.oracles[index].bar, configuration: configuration)))
            case let .flipKeepers(name, count, daiBudget, configuration):
                for account in try fundedKeepers(&state, name: name, count: count, ilk: configuration.ilk,
                                                 symbol: configuration.collateralSymbol, daiBudget: daiBudget,
                                                 scenario: scenario, identities: identities, market: market) {
                    makerVaults[configuration.ilk, default: []].append(account.address)
                    agents.append(.flipKeeper(FlipKeeper(account: account, configuration: configuration)))
                }
            case let .clipKeepers(name, count, daiBudget, configuration):
                for account in try fundedKeepers(&state, name: name, count: count, ilk: configuration.ilk,
                                                 symbol: configuration.collateralSymbol, daiBudget: daiBudget,
                                                 scenario: scenario, identities: identities, market: market) {
                    makerVaults[configuration.ilk, default: []].append(account.address)
                    agents.append(.clipKeeper(ClipKeeper(account: account, configuration: configuration)))
                }
            case .liquidators, .arbitrageurs, .feedRelayer:
                agents += try lendingAgents(spec, state: &state, contracts: lending, scenario: scenario, identities: identities)
            }
        }

        for owners in makerVaults.values { for owner in owners { positions.refresh(owner, in: state) } }
        for owner in lendingOwners { positions.refresh(owner, in: state) }
        return World(name: scenario.name, seed: seed, blocks: scenario.blocks, chainID: scenario.chainID, chain: scenario.chain,
                     market: market, state: state, agents: agents, positions: positions, makerVaults: makerVaults,
                     makerCollateral: makerCollateral, pricing: TokenPricing(symbols: symbols, tokens: tokens),
                     daiSymbol: scenario.daiSymbol, signsTransactions: signing)
    }

    /// `count` keeper accounts, each funded with `daiBudget` DAI in the Vat drawn from its own
    /// vault, whose collateral is worth ten times the budget (it is never at risk in a run).
    private static func fundedKeepers(_ state: inout ChainState, name: String, count: Int, ilk: Bytes32, symbol: String,
                                      daiBudget: UInt256, scenario: Scenario, identities: Identities,
                                      market: MarketModel) throws(BuildError) -> [AgentAccount] {
        let price = market.price(market.index(of: symbol)!)
        let ink = UInt256(truncating: daiBudget.doubleValue * 10 / price) ?? .zero
        let accounts = (0..<count).map { identities.account(name, index: UInt64($0), chainID: scenario.chainID, signs: scenario.signsTransactions) }
        do throws(Revert) {
            try state.setUp { (setup: inout ChainState.Setup) throws(Revert) in
                var maker = setup.maker, ledger = setup.ledger
                for account in accounts {
                    try openVault(&maker, ledger: &ledger, ilk: ilk, owner: account.address, ink: ink, art: daiBudget,
                                  spare: .zero, time: scenario.chain.startTimestamp)
                }
                setup.maker = maker
                setup.ledger = ledger
            }
        } catch {
            throw BuildError(key: "\(name).dai_budget", message: "funding the keepers' vaults reverted: \(error)")
        }
        return accounts
    }

    /// Mints `ink + spare` of the ilk's token to `owner`, joins it into the Vat (`GemJoin.join`)
    /// and opens a vault locking `ink` and drawing `art` DAI (`frob`), leaving `spare` as free
    /// Vat collateral; amounts are wad.
    private static func openVault(_ maker: inout Maker, ledger: inout TokenLedger, ilk: Bytes32, owner: Address,
                                  ink: UInt256, art: UInt256, spare: UInt256, time: UInt64) throws(Revert) {
        guard let dink = Int256(exactly: ink), let dart = Int256(exactly: art) else { throw .overflow }
        let context = CallContext(sender: owner, blockNumber: 0, timestamp: time)
        let joined = try ink + spare
        try ledger.mint(joined, of: maker.gemJoins[ilk]!.gem, to: owner)
        try maker.join(ilk, usr: owner, wad: joined, context: context, ledger: &ledger)
        try maker.frob(ilk, u: owner, v: owner, w: owner, dink: dink, dart: dart,
                       context: context)
    }
}
