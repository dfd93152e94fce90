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
