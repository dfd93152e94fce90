import CascadeChain
import CascadeMath
import CascadeProtocols

/// A Liquidations 2.0 keeper for one Maker collateral type: it `bark`s unsafe vaults into
/// Clipper auctions, `take`s collateral when the Dutch auction's price has fallen below what the
/// collateral is worth to it, and `redo`s auctions that need a reset when the incentive pays for
/// the gas.
///
/// Modelled on Maker's reference `auction-keeper` for Clippers: one account, one pending
/// transaction per vault or auction (``InFlight``), the gas price of its ``GasStrategy`` —
/// `bark` competes on ``Contest/position(protocolName:owner:)``, `take` and `redo` on
/// ``Contest/auction(house:id:)``.
///
/// - **bark**: the unsafe vaults the Dog accepts (``ClipAuctions/barks``, computed once for every
///   keeper: ``PositionIndexes/makerUnsafe`` checked with the Dog's own checks,
///   ``CascadeProtocols/Dog/liquidation(_:urn:vatIlk:)`` — unsafe, room under `Hole`/`hole`,
///   dust, null auction — on the last block's state, and the Clipper's kick checks, `stopped`
///   and a feed price). Barks sent in one block stop once their tabs fill the room left under the limits
///   (later ones would revert `Dog/liquidation-limit-hit`); barks still pending from earlier blocks
///   are not counted against the room.
/// - **take**: the price is the Clipper's own (``CascadeProtocols/Clipper/getStatus(_:now:)``) at
///   the next block's timestamp (``ClipAuctions/auctions``, computed once for every keeper). The keeper takes when that price is at most its limit — the
///   collateral's market price in DAI less `discount`, and at most `maxPrice` — and the
///   collateral's market value exceeds what it pays plus the gas. It buys as much as its Vat DAI
///   (less what its pending takes may spend) pays for at that price, up to the lot; the purchase
///   is sized with the Clipper's own rules (never more than `tab`; a partial purchase leaves at
///   least `chost`, or is skipped when `tab ≤ chost`). `max` is the price it computed: curves
///   only fall, so the take still succeeds later in the auction, and reverts
///   `Clipper/too-expensive` if a `redo` restarted it higher meanwhile.
/// - **redo**: an auction that needs a reset (past `tail`, or below `cusp · top`) is restarted
///   when the incentive the Clipper would pay (`tip + wmul(tab, chip)`, only when `tab ≥ chost`
///   and `lot · feedPrice ≥ chost`) is worth more in USD than the transaction's expected gas.
///
/// The collateral bought stays in the keeper's Vat `gem`: selling it (and the price impact of
/// that sale) is the market model's part, not the keeper's.
public struct ClipKeeper: Sendable {
    /// The keeper's parameters.
    public struct Configuration: Sendable, Hashable {
        /// The collateral type.
        public var ilk: Bytes32
        /// Market symbol of the collateral (e.g. `"ETH"`).
        public var collateralSymbol: String
        /// Market symbol of DAI, whose price converts USD values to DAI (`nil`: 1 DAI = 1 USD).
        public var daiSymbol: String?
        /// Market symbol of the token gas is paid in (`"ETH"`).
        public var nativeSymbol: String
        /// Whether the keeper barks unsafe vaults.
        public var barks: Bool
        /// Whether the keeper takes collateral.
        public var takes: Bool
        /// The keeper's margin under the market price: it pays at most the market price in DAI
        /// times `1 − discount` (0.05 = 5 %).
        public var discount: Double
        /// The most it pays per unit of collateral whatever the market. [ray, DAI; `.max`: no cap]
        public var maxPrice: UInt256
        /// Whether the keeper restarts auctions that need a reset.
        public var redoes: Bool
        /// Its gas pricing.
        public var gas: GasStrategy

        public init(ilk: Bytes32, collateralSymbol: String, daiSymbol: String?, nativeSymbol: String, barks: Bool, takes: Bool,
                    discount: Double, maxPrice: UInt256, redoes: Bool, gas: GasStrategy) {
            self.ilk = ilk
            self.collateralSymbol = collateralSymbol
            self.daiSymbol = daiSymbol
            self.nativeSymbol = nativeSymbol
            self.barks = barks
            self.takes = takes
            self.discount = discount
            self.maxPrice = maxPrice
            self.redoes = redoes
            self.gas = gas
        }
    }

    /// The keeper's account; its Vat DAI is its capital.
    public private(set) var account: AgentAccount
    /// Its parameters.
    public let configuration: Configuration
    private var inFlight = InFlight()

    public init(account: AgentAccount, configuration: Configuration) {
        self.account = account
        self.configuration = configuration
    }

    /// The transactions the keeper sends after the last block.
    public mutating func act(_ view: AgentView) -> [AgentTransaction] {
        guard let maker = view.state.maker, let clipper = maker.clipper(configuration.ilk) else { return [] }
        inFlight.refresh(&account, view: view)
        var sent = inFlight.rebid(configuration.gas, account: &account, view: view)
        // The vaults to bark and the auctions' statuses, computed once for every keeper.
        let auctions = view.positions.clipAuctions[configuration.ilk] ?? ClipAuctions()
        precondition(auctions.timestamp == nil || auctions.timestamp == view.nextTimestamp,
                     "the Clipper statuses must be computed at the next block's timestamp")
        if configuration.barks { bark(view, maker: maker, auctions: auctions, into: &sent) }
        if configuration.takes || configuration.redoes { work(view, maker: maker, clipper: clipper, auctions: auctions, into: &sent) }
        return sent
    }

    // MARK: Barks

    private mutating func bark(_ view: AgentView, maker: Maker, auctions: ClipAuctions, into sent: inout [AgentTransaction]) {
        let ilk = configuration.ilk
        var room = Self.room(maker.dog, ilk: ilk)
        guard !room.isZero else { return }
        for bark in auctions.barks {
            guard inFlight.hasRoom(view) else { return }
            let contest = Contest.position(protocolName: "maker", owner: bark.urn)
            guard !inFlight.contains(contest) else { continue }
            let (fee, _) = view.fee(configuration.gas, contest: contest, sender: account.address)
            send(.dogBark(ilk: ilk, urn: bark.urn, kpr: account.address), to: maker.addresses.dog, fee: fee,
                 gas: GasEstimate(gasUsed: maker.gasSchedule.bark), contest: contest, into: &sent)
            guard bark.tab < room else { return }
            room = room &- bark.tab
        }
    }

    /// `min(Hole − Dirt, hole − dirt)`, or 0 when either limit is reached. [rad]
    static func room(_ dog: Dog, ilk: Bytes32) -> UInt256 {
        let terms = dog.ilk(ilk)
        guard dog.Hole > dog.Dirt, terms.hole > terms.dirt else { return .zero }
        return min(dog.Hole &- dog.Dirt, terms.hole &- terms.dirt)
    }

    // MARK: Auctions

    private mutating func work(_ view: AgentView, maker: Maker, clipper: Clipper, auctions: ClipAuctions,
                               into sent: inout [AgentTransaction]) {
        let daiUSD = configuration.daiSymbol.flatMap { view.market.price($0) } ?? 1
        guard daiUSD > 0 else { return }
        let collateralUSD = view.market.price(configuration.collateralSymbol)
        var capital = availableDai(maker)
        let limit = collateralUSD.map { limitPrice(collateralUSD: $0, daiUSD: daiUSD) }
        guard configuration.takes, !capital.isZero, let limit, let collateralUSD, let lowest = auctions.lowestPrice, lowest <= limit,
              capitalMayPayForGas(capital, lowest: lowest, collateralUSD: collateralUSD, daiUSD: daiUSD, view: view, maker: maker)
        else {
            // Nothing to take: only the auctions that need a redo, in the same order.
            for index in auctions.needingRedo {
                guard inFlight.hasRoom(view) else { return }
                redoIfDue(auctions.auctions[index], clipper: clipper, maker: maker, daiUSD: daiUSD, view: view, into: &sent)
            }
            return
        }
        for status in auctions.auctions {
            guard inFlight.hasRoom(view) else { return }
            let id = status.id
            guard let price = status.price else {
                redoIfDue(status, clipper: clipper, maker: maker, daiUSD: daiUSD, view: view, into: &sent)
                continue
            }
            guard !price.isZero, price <= limit else { continue }
            let amt = min(status.lot, (try? capital / price) ?? .zero)
            let contest = Contest.auction(house: clipper.address, id: id)
            guard !amt.isZero, !inFlight.contains(contest),
                  let (slice, owe) = Self.purchase(amt: amt, lot: status.lot, tab: status.tab, price: price, chost: clipper.chost)
            else { continue }
            let (fee, bid) = view.fee(configuration.gas, contest: contest, sender: account.address)
            let gas = GasEstimate(gasUsed: maker.gasSchedule.take)
            let worth = slice.doubleValue / 1e18 * collateralUSD / daiUSD
            guard let gasUSD = view.gasCostUSD(bid: bid, gas: gas, nativeSymbol: configuration.nativeSymbol),
                  worth - owe.doubleValue / 1e45 > gasUSD / daiUSD else { continue }
            send(.clipperTake(id: id, amt: amt, max: price, who: account.address, data: []), to: clipper.address,
                 fee: fee, gas: gas, contest: contest, into: &sent)
            capital = capital &- owe
        }
    }

    /// Whether a take with `capital` [rad] at a price of at least `lowest` [ray] could be worth
    /// its gas: it buys at most `capital / lowest` collateral, and gains at most the market price
    /// less `lowest` on each unit (plus 10⁻⁶ of the purchase's market value, for the rounding of
    /// both sides), while it pays at least the gas of the strategy's price with no rival to
    /// outbid (a rival only raises it). Leftover DAI dust after a take pays for no further one:
    /// the keeper then walks no auction to price it.
    private func capitalMayPayForGas(_ capital: UInt256, lowest: UInt256, collateralUSD: Double, daiUSD: Double,
                                     view: AgentView, maker: Maker) -> Bool {
        let cheapest = configuration.gas.price(window: view.gasPrices, rivalBest: nil)
        guard let gasUSD = view.gasCostUSD(bid: cheapest, gas: GasEstimate(gasUsed: maker.gasSchedule.take),
                                           nativeSymbol: configuration.nativeSymbol) else { return false }
        let lowestDAI = lowest.doubleValue / 1e27, marketDAI = collateralUSD / daiUSD
        let mostBought = capital.doubleValue / 1e45 / lowestDAI
        return mostBought * (marketDAI - lowestDAI) + 1e-6 * mostBought * marketDAI > gasUSD / daiUSD
    }

    /// The most the keeper pays per unit: the market price in DAI less the discount, at most
    /// `maxPrice`. [ray]
    func limitPrice(collateralUSD: Double, daiUSD: Double) -> UInt256 {
        let valuation = collateralUSD / daiUSD * (1 - configuration.discount)
        guard valuation > 0 else { return .zero }
        return min(UInt256(truncating: valuation * 1e27) ?? .max, configuration.maxPrice)
    }

    /// The keeper's Vat DAI less the most its pending takes can still spend (`amt · max` each). [rad]
    private func availableDai(_ maker: Maker) -> UInt256 {
        var available = maker.vat.dai(account.address)
        for pending in inFlight.transactions {
            guard case let .clipperTake(_, amt, max, _, _) = pending.call else { continue }
            let committed = (try? amt * max) ?? .max
            available = available > committed ? available &- committed : .zero
        }
        return available
    }

    /// The collateral bought and the DAI paid by `take(amt)` at `price` on an auction with `lot`
    /// and `tab`, by the Clipper's rules, or `nil` when it would revert
    /// `Clipper/no-partial-purchase`. [wad, rad]
    static func purchase(amt: UInt256, lot: UInt256, tab: UInt256, price: UInt256, chost: UInt256) -> (slice: UInt256, owe: UInt256)? {
        var slice = min(lot, amt)
        guard var owe = try? slice * price else { return nil }
        if owe > tab {
            owe = tab
            slice = (try? owe / price) ?? .zero
        } else if owe < tab && slice < lot && tab &- owe < chost {
            guard tab > chost else { return nil }
            owe = tab &- chost
            slice = (try? owe / price) ?? .zero
        }
        return (slice, owe)
    }

    /// Restarts `auction` (one that needs a redo) when the keeper redoes, has no transaction on
    /// it pending, and the incentive pays for the gas.
    private mutating func redoIfDue(_ auction: ClipAuctions.Auction, clipper: Clipper, maker: Maker, daiUSD: Double,
                                    view: AgentView, into sent: inout [AgentTransaction]) {
        guard configuration.redoes, !inFlight.contains(.auction(house: clipper.address, id: auction.id)) else { return }
        let coin = Self.redoIncentive(lot: auction.lot, tab: auction.tab, clipper: clipper, spotter: maker.spotter)
        guard !coin.isZero else { return }
        let contest = Contest.auction(house: clipper.address, id: auction.id)
        let (fee, bid) = view.fee(configuration.gas, contest: contest, sender: account.address)
        let gas = GasEstimate(gasUsed: maker.gasSchedule.redo)
        guard let gasUSD = view.gasCostUSD(bid: bid, gas: gas, nativeSymbol: configuration.nativeSymbol),
              coin.doubleValue / 1e45 * daiUSD > gasUSD else { return }
        send(.clipperRedo(id: auction.id, kpr: account.address), to: clipper.address, fee: fee, gas: gas, contest: contest, into: &sent)
    }

    /// The DAI `redo` would pay its keeper now on an auction with `lot` [wad] and `tab` [rad],
    /// 0 when it pays nothing or would revert (`stopped ≥ 2`, no feed price):
    /// `tip + wmul(tab, chip)` when `tab ≥ chost` and `lot · feedPrice ≥ chost`. [rad]
    static func redoIncentive(lot: UInt256, tab: UInt256, clipper: Clipper, spotter: Spotter) -> UInt256 {
        guard clipper.stopped < 2, !clipper.tip.isZero || !clipper.chip.isZero,
              let feedPrice = try? clipper.feedPrice(spotter: spotter), !feedPrice.isZero,
              tab >= clipper.chost, let value = try? lot * feedPrice, value >= clipper.chost,
              let share = try? DSSMath.wmul(tab, clipper.chip), let coin = try? clipper.tip + share else { return .zero }
        return coin
    }

    private mutating func send(_ call: ContractCall, to: Address, fee: TransactionFee, gas: GasEstimate, contest: Contest,
                               into sent: inout [AgentTransaction]) {
        let transaction = account.send(call, to: to, fee: fee, gas: gas, contest: contest)
        inFlight.add(transaction)
        sent.append(transaction)
    }
}
