import CascadeChain
import CascadeMath
import CascadeProtocols

/// What every flip keeper of one collateral type walks after a block, computed once by the
/// block loop (``PositionIndexes/refreshLiquidatable(in:touched:timestamp:)``) rather than once
/// per keeper: the Flipper's active auctions in its order, each with its bid and whether it has
/// finished at the next block's timestamp (`tic` passed with a bid, or `end` passed).
///
/// The auctions are read again only when the Flipper's changed
/// (``CascadeProtocols/Flipper/bidsVersion``), and then only those its change log names
/// (``CascadeProtocols/Flipper/changedIDs(since:)``) when it reaches back to the last read;
/// the others are only checked for having finished, since an auction that has finished stays
/// finished while its bid stands.
public struct FlipAuctions: Sendable {
    /// One active auction.
    public struct Entry: Sendable, Hashable {
        public let id: UInt256
        /// Its state on the last block (``CascadeProtocols/Flipper/bid(_:)``).
        public let bid: Flipper.Bid
        /// `(tic ≠ 0 and tic < now) or end < now`: only `deal` remains (or `tick` without bids).
        public internal(set) var finished: Bool

        /// The lot in whole units of collateral (``wholeUnits(_:)``), converted once for every
        /// keeper.
        public let lotWhole: Double

        /// The high bidder (`guy`).
        public var guy: Address { bid.guy }

        init(id: UInt256, bid: Flipper.Bid, now: UInt64) {
            self.id = id
            self.bid = bid
            finished = Self.hasFinished(bid, now: now)
            lotWhole = Self.wholeUnits(bid.lot)
        }

        /// A wad amount in whole units, in floating point: `wad / 10¹⁸`.
        static func wholeUnits(_ wad: UInt256) -> Double {
            wad.doubleValue / 1e18
        }

        static func hasFinished(_ bid: Flipper.Bid, now: UInt64) -> Bool {
            (bid.tic != 0 && bid.tic < now) || bid.end < now
        }
    }

    /// The active auctions, in the Flipper's `active` order.
    public private(set) var entries: [Entry] = []
    /// The positions in ``entries`` of the finished auctions, in order.
    public private(set) var finished: [Int] = []
    /// The `now` of ``Entry/finished``: the next block's timestamp.
    public private(set) var timestamp: UInt64?
    /// The Flipper's ``CascadeProtocols/Flipper/bidsVersion`` when ``entries`` were read.
    private var bidsRead: UInt64?

    public init() {}

    /// Brings the entries of `flipper` up to date at `timestamp` (not before the last).
    mutating func refresh(_ flipper: Flipper, timestamp now: UInt64) {
        timestamp = now
        var changed = false
        if bidsRead != flipper.bidsVersion {
            if let read = bidsRead, let ids = flipper.changedIDs(since: read) {
                reread(Array(Set(ids)).sorted(), of: flipper, now: now)
            } else {
                entries = flipper.active.map { Entry(id: $0, bid: flipper.bid($0), now: now) }
            }
            bidsRead = flipper.bidsVersion
            changed = true
        }
        for index in entries.indices where !entries[index].finished && Entry.hasFinished(entries[index].bid, now: now) {
            entries[index].finished = true
            changed = true
        }
        guard changed else { return }
        finished = entries.indices.filter { entries[$0].finished }
    }

    /// Reads the auctions `ids` (ascending, distinct) of `flipper` again: updates their entries
    /// in place when all are still listed and running; otherwise merges them into the entries in
    /// one pass — dropping those dealt, inserting those kicked — keeping the Flipper's ascending
    /// `active` order.
    private mutating func reread(_ ids: [UInt256], of flipper: Flipper, now: UInt64) {
        var updates: [(position: Int, bid: Flipper.Bid)] = []
        updates.reserveCapacity(ids.count)
        for id in ids {
            let position = entries.lowerBound { $0.id < id }
            guard position < entries.count, entries[position].id == id, let bid = flipper.bids[id] else { break }
            updates.append((position, bid))
        }
        if updates.count == ids.count {
            for (id, update) in zip(ids, updates) { entries[update.position] = Entry(id: id, bid: update.bid, now: now) }
            return
        }
        var merged: [Entry] = []
        merged.reserveCapacity(entries.count + ids.count)
        func readAgain(_ id: UInt256) {
            if let bid = flipper.bids[id] { merged.append(Entry(id: id, bid: bid, now: now)) }
        }
        var next = 0
        for entry in entries {
            while next < ids.count, ids[next] < entry.id {
                readAgain(ids[next])
                next += 1
            }
            if next < ids.count, ids[next] == entry.id {
                readAgain(entry.id)
                next += 1
            } else {
                merged.append(entry)
            }
        }
        for id in ids[next...] { readAgain(id) }
        entries = merged
    }
}
