import CascadeMath

/// The rest of the network's demand for one block: aggregate gas with a bid ladder.
///
/// Produced by ``BackgroundDemand/demand(at:absoluteLogReturn:)`` and consumed by
/// ``BlockBuilder/build(from:background:accountNonce:)``, which auctions these slices together
/// with the agents' transactions.
public struct BackgroundBlockDemand: Sendable, Hashable {
    /// Total background gas demanded for the block (gas): the sum of the slices' gas.
    public let gasDemanded: UInt64
    /// Slices by non-increasing `maxFeePerGas`.
    public let bids: [BackgroundBid]
    /// The tip cap per gas of every slice under EIP-1559 (wei): a slice's effective tip is
    /// `min(priorityFee, maxFeePerGas − baseFee)`. Ignored in a first-price market, where a slice
    /// pays its whole bid.
    public let priorityFee: UInt256

    /// Demand made of `bids`, which must be sorted by non-increasing `maxFeePerGas`.
    public init(bids: [BackgroundBid], priorityFee: UInt256) {
        precondition(zip(bids, bids.dropFirst()).allSatisfy { $0.maxFeePerGas >= $1.maxFeePerGas },
                     "background bids must be sorted by non-increasing maxFeePerGas")
        self.bids = bids
        self.gasDemanded = bids.reduce(0) { $0 + $1.gas }
        self.priorityFee = priorityFee
    }

    /// Demand from slices the caller built sorted, with their total gas (no checks).
    init(sortedBids: [BackgroundBid], gasDemanded: UInt64, priorityFee: UInt256) {
        self.bids = sortedBids
        self.gasDemanded = gasDemanded
        self.priorityFee = priorityFee
    }

    /// No background demand.
    public static let none = BackgroundBlockDemand(bids: [], priorityFee: .zero)
}
