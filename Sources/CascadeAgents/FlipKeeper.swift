import CascadeChain
import CascadeMath
import CascadeProtocols

/// A Liquidations 1.0 auction keeper for one Maker collateral type: it `bite`s unsafe vaults,
/// bids in the Flipper's English auctions (`tend` while the DAI bid is below `tab`, then `dent`
/// for less collateral) and `deal`s the auctions it won.
///
/// Modelled on Maker's reference `auction-keeper` of March 2020: one account, one transaction
/// per vault or auction at a time, the gas price of its ``GasStrategy`` (the March 2020 software
/// used a fixed price and never raised it — `GasStrategy.fixed`; a pending low-priced
/// transaction blocks the account's later ones through the nonce order).
///
/// Bidding (``Bidding``): a *valuing* keeper bids what the lot is worth to it — the market price
/// of the collateral in DAI less its discount — as long as that beats the current bid by `beg`
/// and its DAI in the Vat covers it; a *minimum* bidder bids the smallest valid amount (1 rad unit,
/// 10⁻⁴⁵ DAI) on auctions nobody has bid on, which wins whenever no other bid lands before `ttl`.
public struct FlipKeeper: Sendable {
    /// How the keeper bids.
    public enum Bidding: Sendable, Hashable {
        /// Bid the collateral's market value in DAI less `discount` (0.1 = 10 %).
        case valuation(discount: Double)
        /// Bid 1 rad unit on auctions without a bid.
        case minimum
    }

    /// The keeper's parameters.
    public struct Configuration: Sendable, Hashable {
        /// The collateral type.
        public var ilk: Bytes32
        /// Market symbol of the collateral (e.g. `"ETH"`).
        public var collateralSymbol: String
        /// Market symbol of DAI, whose price converts USD values to DAI (`nil`: 1 DAI = 1 USD).
        public var daiSymbol: String?
        /// Whether the keeper bites unsafe vaults.
        public var bites: Bool
        /// How it bids.
        public var bidding: Bidding
        /// Its gas pricing.
        public var gas: GasStrategy

        public init(ilk: Bytes32, collateralSymbol: String, daiSymbol: String?, bites: Bool, bidding: Bidding, gas: GasStrategy) {
            self.ilk = ilk
            self.collateralSymbol = collateralSymbol
            self.daiSymbol = daiSymbol
            self.bites = bites
            self.bidding = bidding
            self.gas = gas
        }
    }

    /// The keeper's account.
    public private(set) var account: AgentAccount
    /// Its parameters.
    public let configuration: Configuration
    private var inFlight = InFlight()

    public init(account: AgentAccount, configuration: Configuration) {
        self.account = account
        self.configuration = configuration
    }

    /// The transactions the keeper sends after the last block: bites of the unsafe vaults
    /// (``PositionIndexes/makerUnsafe``), bids and deals.
    public mutating func act(_ view: AgentView) -> [AgentTransaction] {
        guard let maker = view.state.maker, let flipper = maker.flipper(configuration.ilk) else { return [] }
        inFlight.refresh(&account, view: view)
        var sent = inFlight.rebid(configuration.gas, account: &account, view: view)
        if configuration.bites { bite(view, maker: maker, into: &sent) }
        bid(view, maker: maker, flipper: flipper, into: &sent)
        return sent
    }

    // MARK: Bites

    private mutating func bite(_ view: AgentView, maker: Maker, into sent: inout [AgentTransaction]) {
        let ilk = configuration.ilk
        // The unsafe vaults were checked exactly (Cat.bite's `ink · spot < art · rate`) on the
        // last block's state, once for every keeper (``UnsafeVaults``).
        for urn in view.positions.makerUnsafe[ilk]?.owners ?? [] {
            guard inFlight.hasRoom(view) else { return }
            let contest = Contest.position(protocolName: "maker", owner: urn)
            guard !inFlight.contains(contest) else { continue }
            send(.catBite(ilk: ilk, urn: urn), to: maker.addresses.cat, gas: maker.gasSchedule.bite, contest: contest,
                 view: view, into: &sent)
        }
    }

    // MARK: Auctions

    private mutating func bid(_ view: AgentView, maker: Maker, flipper: Flipper, into sent: inout [AgentTransaction]) {
        guard let collateralUSD = view.market.price(configuration.collateralSymbol) else { return }
        let daiUSD = configuration.daiSymbol.flatMap { view.market.price($0) } ?? 1
        let now = view.nextTimestamp
        // Vat DAI not yet committed to bids still pending in the mempool.
        var dai = maker.vat.dai(account.address)
        for pending in inFlight.transactions {
            let cost = Self.daiCost(pending.call)
            dai = dai >= cost ? dai &- cost : .zero
        }
        // The active auctions and which have finished, computed once for every keeper.
        let auctions = view.positions.flipAuctions[configuration.ilk] ?? FlipAuctions()
        precondition(auctions.timestamp == nil || auctions.timestamp == now, "the flip auctions must be computed at the next block's timestamp")
        // A keeper without DAI can only deal: it looks at the finished auctions alone.
        let finishedOnly = dai.isZero
        for position in 0..<(finishedOnly ? auctions.finished.count : auctions.entries.count) {
            guard inFlight.hasRoom(view) else { return }
            let entry = auctions.entries[finishedOnly ? auctions.finished[position] : position]
            let id = entry.id
            // Nothing is sent on an auction the keeper already has a transaction pending for
            // (checked last: most auctions are passed over before).
            let contest = Contest.auction(house: flipper.address, id: id)
            if entry.finished {
                if entry.guy == account.address, !inFlight.contains(contest) {
                    send(.flipperDeal(id: id), to: flipper.address, gas: maker.gasSchedule.deal, contest: contest, view: view, into: &sent)
                }
                continue
            }
            // Every bid costs DAI (a tend its bid, a dent the tab): without any, only deals remain.
            guard entry.guy != account.address, !dai.isZero,
                  let call = nextBid(entry.bid, id: id, beg: flipper.beg, collateralUSD: collateralUSD, daiUSD: daiUSD),
                  !inFlight.contains(contest) else { continue }
            let cost = Self.daiCost(call)
            guard cost <= dai else { continue }
            dai = dai &- cost
            let gas = if case .flipperTend = call { maker.gasSchedule.tend } else { maker.gasSchedule.dent }
            send(call, to: flipper.address, gas: gas, contest: contest, view: view, into: &sent)
        }
    }

    /// The keeper's next bid on `auction`, or `nil` when it would not bid.
    func nextBid(_ auction: Flipper.Bid, id: UInt256, beg: UInt256, collateralUSD: Double, daiUSD: Double) -> ContractCall? {
        switch configuration.bidding {
        case .minimum:
            guard auction.bid.isZero, !auction.tab.isZero else { return nil }
            return .flipperTend(id: id, lot: auction.lot, bid: .one)
        case .valuation(let discount):
            let daiPerUnit = collateralUSD / daiUSD * (1 - discount)
            guard daiPerUnit > 0 else { return nil }
            let lot = auction.lot.doubleValue / 1e18
            let worth = UInt256(truncating: lot * daiPerUnit * 1e45) ?? .zero  // rad
            if !auction.isDentPhase {
                let bid = min(worth, auction.tab)
                // tend requires bid = tab or bid · WAD ≥ beg · previous bid.
                let raisesEnough = bid == auction.tab
                    || bid.multipliedFullWidth(by: DSSMath.wad) >= auction.bid.multipliedFullWidth(by: beg)
                guard !bid.isZero, bid > auction.bid, raisesEnough else { return nil }
                return .flipperTend(id: id, lot: auction.lot, bid: bid)
            }
            // dent: the least collateral worth the tab to the keeper, if beg below the current lot.
            let wanted = UInt256(truncating: (auction.tab.doubleValue / 1e45) / daiPerUnit * 1e18) ?? auction.lot
            guard wanted < auction.lot,
                  wanted.multipliedFullWidth(by: beg) <= auction.lot.multipliedFullWidth(by: DSSMath.wad) else { return nil }
            return .flipperDent(id: id, lot: wanted, bid: auction.tab)
        }
    }

    /// The Vat DAI a bid takes from the keeper when it is not the high bidder (rad): the whole
    /// bid of a `tend`, the `tab` of a `dent` (the keeper never bids on its own high bid).
    static func daiCost(_ call: ContractCall) -> UInt256 {
        switch call {
        case .flipperTend(_, _, let bid): bid
        case .flipperDent(_, _, let bid): bid
        default: .zero
        }
    }

    private mutating func send(_ call: ContractCall, to: Address, gas gasUsed: UInt64, contest: Contest, view: AgentView,
                               into sent: inout [AgentTransaction]) {
        let (fee, _) = view.fee(configuration.gas, contest: contest, sender: account.address)
        let transaction = account.send(call, to: to, fee: fee, gas: GasEstimate(gasUsed: gasUsed), contest: contest)
        inFlight.add(transaction)
        sent.append(transaction)
    }
}
