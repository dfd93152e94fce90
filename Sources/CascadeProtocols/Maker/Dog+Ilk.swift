import CascadeChain
import CascadeMath

extension Dog {
    /// A collateral type's liquidation terms (makerdao/dss `src/dog.sol`, `struct Ilk`).
    public struct Ilk: Sendable, Hashable {
        /// The collateral's Clipper (its address; the auction state is ``Maker/clippers``).
        public var clip: Address
        /// Liquidation penalty: `tab = ⌊due·chop / WAD⌋`. [wad, ≥ 1]
        public var chop: UInt256
        /// Most DAI (debt + penalty) this ilk may have on auction. [rad]
        public var hole: UInt256
        /// DAI (debt + penalty) of this ilk's running auctions. [rad]
        public var dirt: UInt256

        public init(clip: Address, chop: UInt256, hole: UInt256, dirt: UInt256 = .zero) {
            self.clip = clip
            self.chop = chop
            self.hole = hole
            self.dirt = dirt
        }
    }
}
