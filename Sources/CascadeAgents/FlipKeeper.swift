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
        for index in inFlight.transactions.indices {
            let cost = Self.daiCost(inFlight.transactions[index].call)
            dai = dai >= cost ? dai &- cost : .zero
        }
        // The active auctions and which have finished, computed once for every keeper.
        let auctions = view.positions.flipAuctions[configuration.ilk] ?? FlipAuctions()
        precondition(auctions.timestamp == nil || auctions.timestamp == now, "the flip auctions must be computed at the next block's timestamp")
        // What a valuing keeper offers per whole unit of collateral, and the most its tend may
        // be worth (DAI · 10⁴⁵) for it to pay: a filter in floating point, with a margin far
        // above its rounding, before the exact bid is worked out.
        let daiPerUnit: Double? = if case .valuation(let discount) = configuration.bidding {
            Self.daiPerUnit(collateralUSD, daiUSD, discount)
        } else {
            nil
        }
        func mostWorth(_ dai: UInt256) -> Double { dai.doubleValue * (1 + 1e-9) + 1 }
        var affordable = mostWorth(dai)
        // A keeper without DAI can only deal: it looks at the finished auctions alone.
        let finishedOnly = dai.isZero
        for position in 0..<(finishedOnly ? auctions.finished.count : auctions.entries.count) {
            guard inFlight.hasRoom(view) else { return }
            // Fields are read from the list in place: most auctions are passed over.
            let index = finishedOnly ? auctions.finished[position] : position
            let id = auctions.entries[index].id
            if auctions.entries[index].finished {
                // Nothing is sent on an auction the keeper already has a transaction pending for.
                let contest = Contest.auction(house: flipper.address, id: id)
                if auctions.entries[index].guy == account.address, !inFlight.contains(contest) {
                    send(.flipperDeal(id: id), to: flipper.address, gas: maker.gasSchedule.deal, contest: contest, view: view, into: &sent)
                }
                continue
            }
            // Every bid costs DAI (a tend the lesser of its valuation and the tab, a dent the
            // tab): a bid it cannot pay for is not worked out (most are not, once its DAI is
            // committed).
            guard auctions.entries[index].guy != account.address, !dai.isZero else { continue }
            if auctions.entries[index].bid.tab > dai {
                if auctions.entries[index].bid.isDentPhase { continue }
                if let daiPerUnit, auctions.entries[index].lotWhole * daiPerUnit * 1e45 > affordable { continue }
            }
            guard let call = nextBid(auctions.entries[index].bid, id: id, beg: flipper.beg, collateralUSD: collateralUSD, daiUSD: daiUSD)
            else { continue }
            let cost = Self.daiCost(call)
            let contest = Contest.auction(house: flipper.address, id: id)
            guard cost <= dai, !inFlight.contains(contest) else { continue }
            dai = dai &- cost
            affordable = mostWorth(dai)
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
            let daiPerUnit = Self.daiPerUnit(collateralUSD, daiUSD, discount)
            guard daiPerUnit > 0 else { return nil }
            let lot = FlipAuctions.Entry.wholeUnits(auction.lot)
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

    /// What a valuing keeper offers per whole unit of collateral: its market value in DAI less
    /// `discount`.
    static func daiPerUnit(_ collateralUSD: Double, _ daiUSD: Double, _ discount: Double) -> Double {
        collateralUSD / daiUSD * (1 - discount)
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
