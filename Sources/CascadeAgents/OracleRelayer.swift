import CascadeChain
import CascadeMath
import CascadeProtocols

/// The reporters of one price and the relayer that puts their signed observations on chain,
/// competing for block space like everyone else.
///
/// For a Maker ilk (``Target/maker(ilk:)``), as Maker's `omnia` relayers did: when the market
/// moves more than `spreadBps` from the Median's value, or the value is older than `heartbeat`,
/// `bar` reporters sign the market price and the relayer sends the Median `poke`; once an hour
/// (when the OSM's `hop` has passed) it sends the OSM `poke`, and after the OSM's value changes
/// the Spotter `poke` that writes it into the Vat. For a lending feed (``Target/feed(index:)``)
/// it transmits a round when ``CascadeProtocols/PushPriceFeed/shouldReport(marketPrice:now:)``
/// says so (deviation threshold or heartbeat), signed by `quorum` reporters.
///
/// Observations are the market price read when the relayer acts; reporters' signatures are
/// EIP-191 messages verified on chain against the contract's list of signers. When the
/// relayer's account does not sign (runs that keep only metrics), the reports carry the
/// reporters' vouched marks instead (``CascadeProtocols/ECRecover/vouchedMark(for:)``).
public struct OracleRelayer: Sendable {
    /// Which oracle the relayer serves.
    public enum Target: Sendable, Hashable {
        /// The Median → OSM → Spotter path of a Maker ilk (index in ``ChainState/makerOracles``).
        case maker(index: Int)
        /// A lending push feed (index in ``ChainState/feeds``).
        case feed(index: Int)
    }

    /// The relayer's parameters.
    public struct Configuration: Sendable, Hashable {
        /// The oracle.
        public var target: Target
        /// Market symbol of the priced asset.
        public var symbol: String
        /// Median updates: the move from the Median's value that triggers a poke (basis points).
        public var spreadBps: UInt64
        /// Median updates: the age of the Median's value that triggers a poke (seconds).
        public var heartbeat: UInt64
        /// Gas pricing of every transaction.
        public var gas: GasStrategy

        public init(target: Target, symbol: String, spreadBps: UInt64, heartbeat: UInt64, gas: GasStrategy) {
            self.target = target
            self.symbol = symbol
            self.spreadBps = spreadBps
            self.heartbeat = heartbeat
            self.gas = gas
        }
    }

    /// The relayer's account (it pays the gas).
    public private(set) var account: AgentAccount
    /// The reporters whose signatures the contract accepts.
    public let reporters: [Signer]
    /// Signatures per update (the Median's `bar` or the feed's quorum).
    public let signaturesPerUpdate: Int
    /// Its parameters.
    public let configuration: Configuration
    private var inFlight = InFlight()

    public init(account: AgentAccount, reporters: [Signer], signaturesPerUpdate: Int, configuration: Configuration) {
        precondition(signaturesPerUpdate >= 1 && signaturesPerUpdate <= reporters.count)
        self.account = account
        self.reporters = reporters
        self.signaturesPerUpdate = signaturesPerUpdate
        self.configuration = configuration
    }

    /// The transactions the relayer sends after the last block.
    public mutating func act(_ view: AgentView) -> [AgentTransaction] {
        guard let price = view.market.price(configuration.symbol), price > 0 else { return [] }
        inFlight.refresh(&account, view: view)
        var sent = inFlight.rebid(configuration.gas, account: &account, view: view)
        switch configuration.target {
        case .maker(let index):
            relayMaker(view.state.makerOracles[index], view: view, price: price, into: &sent)
        case .feed(let index):
            relayFeed(view.state.feeds[index].feed, view: view, price: price, into: &sent)
        }
        return sent
    }

    private mutating func relayMaker(_ oracle: MakerOracle, view: AgentView, price: Double, into sent: inout [AgentTransaction]) {
        let now = view.nextTimestamp
        guard let maker = view.state.maker else { return }
        // One pending transaction per contract; the OSM's hourly poke first, as it is the one
        // with a deadline, then the Spotter's, then the Median's.
        // 1. OSM: once per hop.
        if oracle.osm.pass(at: now), oracle.median.peek().ok, !isPending(to: oracle.osm.address) {
            send(.osmPoke, to: oracle.osm.address, gasUsed: oracle.osm.pokeGas, view: view, into: &sent)
        }
        // 2. Spotter: when the Vat's spot lags the OSM's value.
        let (val, has) = oracle.osm.peek()
        if has, let mat = maker.spotter.ilks[oracle.ilk]?.mat, !mat.isZero, !isPending(to: maker.addresses.spotter) {
            let spot = maker.vat.ilk(oracle.ilk).spot
            let expected = (try? DSSMath.rdiv(DSSMath.rdiv(val &* UInt256(1_000_000_000), maker.spotter.par), mat)) ?? .zero
            if spot != expected {
                send(.spotterPoke(ilk: oracle.ilk), to: maker.addresses.spotter, gasUsed: maker.gasSchedule.poke,
                     view: view, into: &sent)
            }
        }
        // 3. Median: on a spread move or a stale value.
        let wad = UInt256(truncating: price * 1e18) ?? .zero
        let moved = Self.deviates(wad, from: oracle.median.peek().value, bps: configuration.spreadBps)
        if (moved || now >= oracle.median.lastUpdateTimestamp + configuration.heartbeat), !isPending(to: oracle.median.address) {
            let signers = reporters.prefix(signaturesPerUpdate)
            let call = oracle.median.makePoke(signers.map { (val: wad, age: now, signer: $0) }, signing: account.signs)
            send(call, to: oracle.median.address, gasUsed: oracle.median.pokeGas(signatures: signers.count),
                 view: view, into: &sent)
        }
    }

    private func isPending(to contract: Address) -> Bool {
        inFlight.transactions.contains { $0.to == contract }
    }

    private mutating func relayFeed(_ feed: PushPriceFeed, view: AgentView, price: Double, into sent: inout [AgentTransaction]) {
        let scaled = UInt256(truncating: price * Double.powerOfTen(Int(feed.decimals))) ?? .zero
        let now = view.nextTimestamp
        guard feed.shouldReport(marketPrice: scaled, now: now), !isPending(to: feed.address) else { return }
        let signers = Array(reporters.prefix(signaturesPerUpdate))
        let call = feed.makeReport(price: scaled, timestamp: now, signers: signers, signing: account.signs)
        send(call, to: feed.address, gasUsed: feed.updateGas(signatures: signers.count), view: view, into: &sent)
    }

    /// `|new − old| · 10⁴ > old · bps` (any change from a zero value counts).
    static func deviates(_ new: UInt256, from old: UInt256, bps: UInt64) -> Bool {
        if old.isZero { return !new.isZero }
        let difference = new > old ? new &- old : old &- new
        return difference.multipliedFullWidth(by: 10_000) > old.multipliedFullWidth(by: UInt256(bps))
    }

    private mutating func send(_ call: ContractCall, to: Address, gasUsed: UInt64, view: AgentView,
                               into sent: inout [AgentTransaction]) {
        let (fee, _) = view.fee(configuration.gas, contest: nil, sender: account.address)
        let transaction = account.send(call, to: to, fee: fee, gas: GasEstimate(gasUsed: gasUsed))
        inFlight.add(transaction)
        sent.append(transaction)
    }
}
