import CascadeChain
import CascadeMath
import CascadeProtocols

/// What every Clipper keeper of one collateral type reads after a block, computed once by the
/// block loop (``PositionIndexes/refreshLiquidatable(in:touched:timestamp:)``) rather than once
/// per keeper: the unsafe vaults `Dog.bark` would accept now, each with its `tab`, and the
/// active auctions' statuses at the next block's timestamp.
///
/// Neither is recomputed when it cannot have changed. The barks depend on the unsafe vaults,
/// their `ink` and `art` (only a transaction on a vault changes them: a touched owner), the
/// Dog's limits and the ilk's `rate`, `spot` and `dust`, and whether the Clipper kicks; while
/// all of these stand, the list stands. An auction found needing a redo keeps needing it while
/// its `tic` and `top` and the Clipper's `tail`, `cusp` and price curve stand: time only moves
/// on, and every curve only falls.
/// An auction's status is also kept while those terms stand, until its price may change
/// (``CascadeProtocols/Abacus/priceChange(after:)``: the stairstep curve's price holds for a
/// whole `step`) or it passes `tail`; the statuses that change are updated in the lists in
/// place, and the curve's factor is computed once per stage for every auction in it.
public struct ClipAuctions: Sendable {
    /// An unsafe vault `Dog.bark` accepts on the last block's state.
    public struct Bark: Sendable, Hashable {
        /// The vault's owner (`urn`).
        public let urn: Address
        /// The auction's target, `due · chop`. [rad]
        public let tab: UInt256
    }

    /// An active auction's ``CascadeProtocols/Clipper/getStatus(_:now:)``.
    public struct Auction: Sendable, Hashable {
        public let id: UInt256
        /// Past `tail`, or below `cusp · top`: only `redo` helps.
        public var needsRedo: Bool { price == nil }
        /// The Clipper's price [ray]; `nil` when the auction needs a redo (a `take` would revert
        /// `Clipper/needs-reset`).
        public internal(set) var price: UInt256?
        /// Collateral left. [wad]
        public let lot: UInt256
        /// DAI left to raise. [rad]
        public let tab: UInt256
    }

    /// The vaults of ``UnsafeVaults/owners`` (in that order) that `Dog.bark` accepts —
    /// ``CascadeProtocols/Dog/liquidation(_:urn:vatIlk:)`` succeeds: room under `Hole`/`hole`,
    /// dust, null auction — while the Clipper kicks (`stopped` below 1, a feed price); empty
    /// otherwise.
    public private(set) var barks: [Bark] = []
    /// The active auctions by id, with their status at ``timestamp`` (those whose status reverts
    /// are left out).
    public private(set) var auctions: [Auction] = []
    /// The positions in ``auctions`` of those that need a redo.
    public private(set) var needingRedo: [Int] = []
    /// The lowest price among ``auctions`` (`nil` when none has one): a keeper whose limit is
    /// below it takes nothing. [ray]
    public private(set) var lowestPrice: UInt256?
    /// The timestamp of the statuses: the next block's.
    public private(set) var timestamp: UInt64?

    /// What ``barks`` were computed from, but the vaults themselves.
    private var barkInputs: BarkInputs?
    /// The Clipper's running auctions by id as last read, each with its last status.
    private var sales: [Sale] = []
    /// What ``sales`` were read from: the Clipper's ``CascadeProtocols/Clipper/salesVersion``
    /// and the terms every status depends on.
    private var salesRead: (version: UInt64, terms: ClipperTerms)?
    /// The curve's factor (``CascadeProtocols/Abacus/decay(after:)``) under the terms read, by
    /// the end of the stage it holds for (``CascadeProtocols/Abacus/priceChange(after:)``):
    /// auctions in the same stage share one `rpow`.
    private var decays: [UInt256: UInt256] = [:]
    /// Whether ``auctions`` holds one auction per sale, in the same order (no status reverted):
    /// statuses are then brought up to date in place.
    private var listed = false
    /// Per sale, the first timestamp its known status may not hold at (0: none known; `.max`: a
    /// redo is needed for good): the in-place update reads only this.
    private var dueAt: [UInt64] = []
    /// The timestamp ``auctions`` were last brought up to date at.
    private var statusesAt: UInt64?

    private struct BarkInputs: Equatable {
        var owners: [Address]
        var live: Bool
        var Hole: UInt256
        var Dirt: UInt256
        var dogIlk: Dog.Ilk
        var rate: UInt256
        var spot: UInt256
        var dust: UInt256
        var kicks: Bool
    }

    /// The Clipper's parameters an auction's status depends on.
    private struct ClipperTerms: Equatable {
        var tail: UInt256
        var cusp: UInt256
        var calc: Abacus
    }

    /// A running auction as read from the Clipper, with its last status.
    private struct Sale {
        var id: UInt256
        var tic: UInt64
        var top: UInt256
        var lot: UInt256
        var tab: UInt256
        var known: KnownStatus?
    }

    private struct KnownStatus {
        /// The timestamps the status holds for: from when it was computed until the curve's next
        /// price change or the auction passing `tail`, whichever comes first.
        var holds: Range<UInt64>
        /// The price, `nil` when a redo is needed (for good: time only moves on, and every curve
        /// only falls).
        var price: UInt256?
    }

    public init() {}

    /// Brings both lists for `ilk`, auctioned by `clipper`, up to date with `maker`'s state,
    /// `unsafe` being the ilk's unsafe vaults and `touched` the owners whose vaults the block's
    /// transactions may have changed; returns the number of vaults checked exactly.
    mutating func refresh(_ maker: Maker, clipper: Clipper, ilk: Bytes32, unsafe: UnsafeVaults?, touched: [Address],
                          timestamp: UInt64) -> Int {
        self.timestamp = timestamp
        refreshAuctions(clipper, timestamp: timestamp)
        let vatIlk = maker.vat.ilk(ilk)
        let kicks = clipper.stopped < 1 && (try? clipper.feedPrice(spotter: maker.spotter)) != nil
        let inputs = BarkInputs(owners: unsafe?.owners ?? [], live: maker.dog.live, Hole: maker.dog.Hole, Dirt: maker.dog.Dirt,
                                dogIlk: maker.dog.ilk(ilk), rate: vatIlk.rate, spot: vatIlk.spot, dust: vatIlk.dust, kicks: kicks)
        if inputs == barkInputs, !touched.contains(where: { unsafe?.contains($0) ?? false }) { return 0 }
        barkInputs = inputs
        barks.removeAll(keepingCapacity: true)
        guard !vatIlk.spot.isZero, !vatIlk.rate.isZero, kicks, !ClipKeeper.room(maker.dog, ilk: ilk).isZero else { return 0 }
        for urn in inputs.owners {
            guard let liquidation = try? maker.dog.liquidation(ilk, urn: maker.vat.urn(ilk, urn), vatIlk: vatIlk) else { continue }
            barks.append(Bark(urn: urn, tab: liquidation.tab))
        }
        return inputs.owners.count
    }

    /// Each active auction's status at `timestamp`, by id. The sales are read again only when
    /// the Clipper's changed; a status is computed again only once its price may have changed
    /// or the auction passed `tail` (and never once a redo is needed). The lists are rebuilt
    /// when the sales were read again or a status reverted; otherwise the statuses that changed
    /// are updated in place.
    private mutating func refreshAuctions(_ clipper: Clipper, timestamp: UInt64) {
        let terms = ClipperTerms(tail: clipper.tail, cusp: clipper.cusp, calc: clipper.calc)
        if salesRead?.terms != terms { decays.removeAll() }
        if salesRead?.version != clipper.salesVersion || salesRead?.terms != terms {
            // Statuses computed under the same terms stand for auctions with the same `tic` and
            // `top`; both lists are by id, so the last one is walked alongside the new one.
            let last = salesRead?.terms == terms ? sales : []
            var lastIndex = 0
            sales = clipper.active.sorted().compactMap { id in
                guard let sale = clipper.sales[id] else { return nil }
                while lastIndex < last.count, last[lastIndex].id < id { lastIndex += 1 }
                let known = lastIndex < last.count && last[lastIndex].id == id && last[lastIndex].tic == sale.tic
                    && last[lastIndex].top == sale.top ? last[lastIndex].known : nil
                return Sale(id: id, tic: sale.tic, top: sale.top, lot: sale.lot, tab: sale.tab, known: known)
            }
            salesRead = (clipper.salesVersion, terms)
            dueAt = sales.map { Self.due($0.known) }
            listed = false
        }
        defer { statusesAt = timestamp }
        if listed, let last = statusesAt, timestamp >= last, updateInPlace(clipper, calc: terms.calc, timestamp: timestamp) { return }
        auctions.removeAll(keepingCapacity: true)
        needingRedo.removeAll(keepingCapacity: true)
        lowestPrice = nil
        for index in sales.indices {
            guard case .some(let price) = status(at: index, clipper: clipper, calc: terms.calc, timestamp: timestamp) else { continue }
            if let price {
                lowestPrice = min(lowestPrice ?? price, price)
            } else {
                needingRedo.append(auctions.count)
            }
            auctions.append(Auction(id: sales[index].id, price: price, lot: sales[index].lot, tab: sales[index].tab))
        }
        listed = auctions.count == sales.count
    }

    /// Brings the lists (one auction per sale, in order), last brought up to date at an earlier
    /// or equal timestamp, up to date in place: the statuses that changed (those due,
    /// ``dueAt``), the auctions that came to need a redo, the lowest price. `false` when a status
    /// reverts (the lists must be rebuilt).
    ///
    /// Under the same terms and sales an auction's price only falls as time passes (every curve
    /// falls) or becomes `nil` for good: the lowest price is the last one or a new one, and is
    /// looked for among all the auctions only when the auction that had it lost it.
    private mutating func updateInPlace(_ clipper: Clipper, calc: Abacus, timestamp: UInt64) -> Bool {
        var lowest = lowestPrice, lowestGone = false
        for index in dueAt.indices where dueAt[index] <= timestamp {
            guard case .some(let price) = status(at: index, clipper: clipper, calc: calc, timestamp: timestamp) else { return false }
            let last = auctions[index].price
            if price == nil, last != nil { needingRedo.insert(index, at: needingRedo.lowerBound(of: index)) }
            if let last, last == lowest, price.map({ $0 > last }) ?? true { lowestGone = true }
            auctions[index].price = price
            if let price { lowest = min(lowest ?? price, price) }
        }
        lowestPrice = lowestGone ? auctions.lazy.compactMap(\.price).min() : lowest
        return true
    }

    /// The status of `sales[index]` at `timestamp` — its price, `nil` when it needs a redo —
    /// kept while it stands, else computed from the sale as read (`getStatus` of a running
    /// auction) and kept for as long as it holds; `nil` when the computation reverts.
    private mutating func status(at index: Int, clipper: Clipper, calc: Abacus, timestamp: UInt64) -> UInt256?? {
        if let known = sales[index].known, known.price == nil || known.holds.contains(timestamp) { return .some(known.price) }
        sales[index].known = nil
        dueAt[index] = 0
        let (tic, top) = (sales[index].tic, sales[index].top)
        // The curve's stage at this age, once: the key of its factor and the end of the status.
        let stageEnd = timestamp >= tic ? calc.priceChange(after: UInt256(timestamp &- tic)) : nil
        guard let status = try? clipper.status(tic: tic, top: top, now: timestamp,
                                               decay: { dur throws(Revert) in try decay(after: dur, stageEnd: stageEnd, calc: calc) })
        else { return nil }
        let price = status.done ? nil : status.price
        if let stageEnd {
            let known = KnownStatus(holds: Self.holds(tic: tic, stageEnd: stageEnd, tail: clipper.tail, from: timestamp), price: price)
            sales[index].known = known
            dueAt[index] = Self.due(known)
        }
        return .some(price)
    }

    /// The first timestamp at which `known` may not hold (``dueAt``).
    private static func due(_ known: KnownStatus?) -> UInt64 {
        guard let known else { return 0 }
        return known.price == nil ? .max : known.holds.upperBound
    }

    /// `calc`'s factor at `dur`, computed once per stage of the curve under the current terms
    /// (`stageEnd`: ``CascadeProtocols/Abacus/priceChange(after:)`` of `dur`, `nil` when it has
    /// none).
    private mutating func decay(after dur: UInt256, stageEnd: UInt256?, calc: Abacus) throws(Revert) -> UInt256 {
        guard let stageEnd else { return try calc.decay(after: dur) }
        if let known = decays[stageEnd] { return known }
        let value = try calc.decay(after: dur)
        // A curve that changes every second has a stage per second: the memo is kept small.
        if decays.count >= 4_096 { decays.removeAll(keepingCapacity: true) }
        decays[stageEnd] = value
        return value
    }

    /// The timestamps from `timestamp` (not before `tic`) on with the same status as at
    /// `timestamp`: until the curve's price may change (`stageEnd`, its
    /// ``CascadeProtocols/Abacus/priceChange(after:)`` at this age) or the auction passes `tail`.
    private static func holds(tic: UInt64, stageEnd: UInt256, tail: UInt256, from timestamp: UInt64) -> Range<UInt64> {
        let dur = UInt256(timestamp &- tic)
        var end = stageEnd
        if dur <= tail { end = min(end, (try? tail + .one) ?? .max) }   // `done` flips past `tail`
        let until = (try? UInt256(tic) + end).flatMap(\.uint64Value) ?? .max
        return timestamp..<until
    }
}
