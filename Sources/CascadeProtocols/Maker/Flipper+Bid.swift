import CascadeChain
import CascadeMath

extension Flipper {
    /// One collateral auction (makerdao/dss tag 1.0.2 `src/flip.sol`, `struct Bid`).
    public struct Bid: Sendable, Hashable {
        /// DAI paid by the high bidder. [rad]
        public var bid: UInt256
        /// Collateral on offer. [wad]
        public var lot: UInt256
        /// High bidder (the Cat until the first `tend`); zero when the auction does not exist.
        public var guy: Address
        /// When the high bid expires: `now + ttl` at the last bid; 0 before any bid. [unix seconds, uint48]
        public var tic: UInt64
        /// When the auction ends. [unix seconds, uint48]
        public var end: UInt64
        /// Receives collateral given back in the `dent` phase (the liquidated urn).
        public var usr: Address
        /// Receives the DAI raised (the Vow).
        public var gal: Address
        /// DAI wanted: the debt plus penalty. [rad]
        public var tab: UInt256

        public init(
            bid: UInt256 = .zero, lot: UInt256 = .zero, guy: Address = .zero, tic: UInt64 = 0, end: UInt64 = 0,
            usr: Address = .zero, gal: Address = .zero, tab: UInt256 = .zero
        ) {
            self.bid = bid
            self.lot = lot
            self.guy = guy
            self.tic = tic
            self.end = end
            self.usr = usr
            self.gal = gal
            self.tab = tab
        }

        /// `true` in the `dent` phase: the bid has reached `tab` and bidders now lower the lot.
        public var isDentPhase: Bool { !tab.isZero && bid == tab }
    }
}
