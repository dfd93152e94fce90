import CascadeChain
import CascadeMath
import CascadeProtocols

/// What every flip keeper of one collateral type walks after a block, computed once by the
/// block loop (``PositionIndexes/refreshLiquidatable(in:touched:timestamp:)``) rather than once
/// per keeper: the Flipper's active auctions in its order, each with its bid and whether it has
/// finished at the next block's timestamp (`tic` passed with a bid, or `end` passed).
public struct FlipAuctions: Sendable {
    /// One active auction.
    public struct Entry: Sendable, Hashable {
        public let id: UInt256
        /// Its state on the last block (``CascadeProtocols/Flipper/bid(_:)``).
        public let bid: Flipper.Bid
        /// `(tic ≠ 0 and tic < now) or end < now`: only `deal` remains (or `tick` without bids).
        public let finished: Bool

        /// The high bidder (`guy`).
        public var guy: Address { bid.guy }
    }

    /// The active auctions, in the Flipper's `active` order.
    public private(set) var entries: [Entry] = []
    /// The `now` of ``Entry/finished``: the next block's timestamp.
    public private(set) var timestamp: UInt64?

    public init() {}

    /// Recomputes the entries of `flipper` at `timestamp`.
    mutating func refresh(_ flipper: Flipper, timestamp now: UInt64) {
        entries.removeAll(keepingCapacity: true)
        timestamp = now
        for id in flipper.active {
            let auction = flipper.bid(id)
            entries.append(Entry(id: id, bid: auction, finished: (auction.tic != 0 && auction.tic < now) || auction.end < now))
        }
    }
}
