import CascadeChain
import CascadeMath

extension Cat {
    /// A collateral type's liquidation terms in the March 2020 Cat (makerdao/dss tag 1.0.2
    /// `src/cat.sol`, `struct Ilk`).
    public struct Ilk: Sendable, Hashable {
        /// The collateral's Flipper (its address; the auction state is ``Maker/flippers``).
        public var flip: Address
        /// Liquidation penalty: the auction's `tab` is `rmul(art·rate, chop)`. [ray, e.g. 1.13]
        public var chop: UInt256
        /// Liquidation quantity: the most collateral one `bite` sends to auction. [wad]
        public var lump: UInt256

        public init(flip: Address, chop: UInt256, lump: UInt256) {
            self.flip = flip
            self.chop = chop
            self.lump = lump
        }
    }
}
