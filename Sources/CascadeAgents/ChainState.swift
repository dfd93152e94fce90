import CascadeChain
import CascadeMath
import CascadeProtocols

/// Everything transactions change on the simulated chain: the deployed contracts, the token
/// ledger and the account nonces. Agents read it (after the last block); the engine's block loop
/// runs every included transaction against it with ``apply(_:to:sender:context:)``.
///
/// Calls are routed by the transaction's `to` address, as on chain: a Maker core contract, a
/// Maker ilk's Median or OSM, the Aave pool, a Compound cToken, a Uniswap pair, Uniswap's
/// Router02 (``CascadeProtocols/UniswapV2Router02``, at its mainnet address whenever there are
/// pairs) or a push price feed. A call to any other address reverts. The lending pools read their prices from the
/// push feeds (``lendingPrices``); a Maker ilk reads its OSM, whose value reaches the Spotter
/// when the OSM is poked (``MakerOracle``).
public struct ChainState: Sendable {
    /// Where a transaction's `to` leads.
    enum Route: Sendable, Hashable {
        case maker
        case median(Int)
        case osm(Int)
        case aave
        case cToken
        case pair(Int)
        case router
        case feed(Int)
    }

    /// Token balances of every account.
    public var ledger: TokenLedger
    /// The Maker deployment, if any.
    public private(set) var maker: Maker?
    /// The oracle of each Maker ilk, in the Maker's ilk order.
    public private(set) var makerOracles: [MakerOracle]
    /// The Aave v3 pool, if any.
    public private(set) var aave: AavePool?
    /// The pool's address.
    public let aaveAddress: Address?
    /// The Compound v2 comptroller (all cTokens), if any.
    public private(set) var compound: CompoundComptroller?
    /// Uniswap v2 pairs.
    public private(set) var pairs: [UniswapV2Pair]
    /// Push price feeds read by the lending pools, one per priced asset.
    public private(set) var feeds: [LendingPriceFeed]
    /// Prices the lending pools read now, by asset: Aave units (USD, 8 decimals).
    public private(set) var aavePrices = AssetPrices()
    /// Prices Compound reads now, by underlying token (as `CompoundComptroller` looks them up):
    /// USD · 10^(36 − underlying decimals). Only assets with a cToken are priced.
    public private(set) var compoundPrices = AssetPrices()

    /// Account nonces: the number of included transactions of each account that sent any.
    public private(set) var nonces: [Address: UInt64] = [:]
    private let routes: [Address: Route]

    /// Assembles a chain from deployed contracts. Addresses must be distinct.
    public init(ledger: TokenLedger, maker: Maker?, makerOracles: [MakerOracle], aave: AavePool?, aaveAddress: Address?,
                compound: CompoundComptroller?, pairs: [UniswapV2Pair], feeds: [LendingPriceFeed]) {
        self.ledger = ledger
        self.maker = maker
        self.makerOracles = makerOracles
        self.aave = aave
        self.aaveAddress = aaveAddress
        self.compound = compound
        self.pairs = pairs
        self.feeds = feeds
        var routes: [Address: Route] = [:]
        func add(_ address: Address, _ route: Route) {
            precondition(routes.updateValue(route, forKey: address) == nil, "two contracts at \(address)")
        }
        if let maker { for address in maker.contracts.keys { add(address, .maker) } }
        for (index, oracle) in makerOracles.enumerated() {
            add(oracle.median.address, .median(index))
            add(oracle.osm.address, .osm(index))
        }
        if let aaveAddress, aave != nil { add(aaveAddress, .aave) }
        if let compound { for market in compound.markets { add(market.cToken, .cToken) } }
        for (index, pair) in pairs.enumerated() { add(pair.address, .pair(index)) }
        if !pairs.isEmpty { add(UniswapV2Router02.address, .router) }
        for (index, feed) in feeds.enumerated() { add(feed.feed.address, .feed(index)) }
        self.routes = routes
        refreshLendingPrices()
    }

    // MARK: Accounts

    /// The account nonce of `address`: the number of its transactions included so far.
    public func nonce(of address: Address) -> UInt64 { nonces[address] ?? 0 }

    // MARK: Execution

    /// The result of one transaction's call.
    public enum Execution: Sendable {
        /// The call succeeded: its gas and events.
        case success(CallOutcome)
        /// The call reverted: the reason and the gas burned; state is unchanged but the nonce is used.
        case reverted(Revert, gasUsed: UInt64)
    }

    /// Runs `call` sent by `sender` to `to` in the block of `context` and advances the sender's
    /// nonce, whatever the outcome (a reverted transaction is still included). Gas is the whole
    /// transaction's, as a receipt reports it: the protocols' gas schedules include the 21,000
    /// intrinsic gas and the calldata.
    public mutating func apply(_ call: ContractCall, to: Address, sender: Address, context: CallContext) -> Execution {
        nonces[sender, default: 0] += 1
        do throws(Revert) {
            return .success(try route(call, to: to, context: context))
        } catch {
            return .reverted(error, gasUsed: revertGas(call, to: to))
        }
    }

    private mutating func route(_ call: ContractCall, to: Address, context: CallContext) throws(Revert) -> CallOutcome {
        guard let route = routes[to] else { throw .reason("no contract at \(to)") }
        switch route {
        case .maker:
            return try maker!.execute(call, to: to, context: context, ledger: &ledger)
        case .median(let index):
            return try makerOracles[index].median.execute(call, context: context)
        case .osm(let index):
            var oracle = makerOracles[index]
            let outcome = try oracle.osm.execute(call, context: context, source: oracle.median)
            makerOracles[index] = oracle
            let (val, has) = oracle.osm.peek()
            maker!.feed(oracle.ilk, val: val, has: has)
            return outcome
        case .aave:
            return try aave!.execute(call, context: context, prices: aavePrices, ledger: &ledger)
        case .cToken:
            return try compound!.execute(call, target: to, context: context, prices: compoundPrices, ledger: &ledger)
        case .pair(let index):
            return try pairs[index].execute(call, context: context, ledger: &ledger)
        case .router:
            return try UniswapV2Router02.execute(call, pairs: &pairs, context: context, ledger: &ledger)
        case .feed(let index):
            let outcome = try feeds[index].feed.execute(call, context: context)
            refreshLendingPrices()
            return outcome
        }
    }

    private func revertGas(_ call: ContractCall, to: Address) -> UInt64 {
        switch routes[to] {
        case .maker: maker!.gasSchedule.reverted
        case .median(let index): makerOracles[index].median.gas.reverted
        case .osm(let index): makerOracles[index].osm.revertedPokeGas
        case .aave: aave!.revertGas(for: call)
        case .cToken: compound!.revertGas(for: call)
        case .pair(let index): pairs[index].gas.revertedSwap
        case .router: pairs[0].gas.revertedSwap
        case .feed(let index): feeds[index].feed.gas.reverted
        case nil: 0
        }
    }

    /// Rereads the lending pools' prices from the feeds.
    private mutating func refreshLendingPrices() {
        var aave = AssetPrices(), compound = AssetPrices()
        for binding in feeds {
            let (value, ok) = binding.feed.peek()
            guard ok else { continue }
            for asset in binding.assets {
                aave[asset.token.address] = binding.scaled(value, toDecimals: 8)
                if asset.cToken != nil {
                    compound[asset.token.address] = binding.scaled(value, toDecimals: 36 - Int(asset.token.decimals))
                }
            }
        }
        aavePrices = aave
        compoundPrices = compound
    }

    // MARK: Setup (before the first block)

    /// Changes state outside any transaction, for building the initial world (opening the
    /// initial positions, seeding balances). Throws what the body throws.
    public mutating func setUp<Result>(_ body: (inout Setup) throws(Revert) -> Result) throws(Revert) -> Result {
        var setup = Setup(state: self)
        let result = try body(&setup)
        self = setup.state
        self.refreshLendingPrices()
        return result
    }

    /// Write access to every contract, for ``setUp(_:)`` only.
    public struct Setup {
        /// The state being set up.
        public fileprivate(set) var state: ChainState
        /// The token ledger.
        public var ledger: TokenLedger { get { state.ledger } set { state.ledger = newValue } }
        /// The Maker deployment (it must exist).
        public var maker: Maker { get { state.maker! } set { state.maker = newValue } }
        /// The Maker oracles.
        public var makerOracles: [MakerOracle] { get { state.makerOracles } set { state.makerOracles = newValue } }
        /// The Aave pool (it must exist).
        public var aave: AavePool { get { state.aave! } set { state.aave = newValue } }
        /// The Compound comptroller (it must exist).
        public var compound: CompoundComptroller { get { state.compound! } set { state.compound = newValue } }
        /// The pairs.
        public var pairs: [UniswapV2Pair] { get { state.pairs } set { state.pairs = newValue } }
        /// The feeds.
        public var feeds: [LendingPriceFeed] { get { state.feeds } set { state.feeds = newValue } }
    }
}
