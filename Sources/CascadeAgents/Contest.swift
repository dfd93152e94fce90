import CascadeChain
import CascadeMath

/// What a transaction competes for, so that rivals bidding for the same thing can see each
/// other's pending bids (the mempool is public): the same vault or position to liquidate, the same
/// auction, the same arbitrage.
public enum Contest: Sendable, Hashable {
    /// Liquidating a position (Maker urn, Aave or Compound borrower) of a protocol.
    case position(protocolName: String, owner: Address)
    /// Bidding in an auction of a Flipper or Clipper.
    case auction(house: Address, id: UInt256)
    /// Trading against a pair.
    case pair(Address)
}

extension Contest {
    /// Hashes the address or id only (the protocol name rarely distinguishes two contests, and
    /// hashing a string costs more than the rest); equality still compares every field.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .position(_, let owner): hasher.combine(owner)
        case .auction(let house, let id):
            hasher.combine(house)
            hasher.combine(id.w0)
        case .pair(let pair): hasher.combine(pair)
        }
    }

    /// The hash `Dictionary` and `Set` use: the address's mix (``CascadeChain/Address``), an
    /// auction's id mixed in after it, without SipHash (see `Address+Hashing.swift`).
    public func _rawHashValue(seed: Int) -> Int {
        switch self {
        case .position(_, let owner): owner._rawHashValue(seed: seed)
        case .auction(let house, let id): id._rawHashValue(seed: house._rawHashValue(seed: seed))
        case .pair(let pair): pair._rawHashValue(seed: ~seed)
        }
    }
}
