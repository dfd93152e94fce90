import CascadeChain
import CascadeMath

extension Clipper {
    /// One Dutch auction (makerdao/dss `src/clip.sol`, `struct Sale`).
    public struct Sale: Sendable, Hashable {
        /// Index in ``Clipper/active``.
        public var pos: Int
        /// DAI still to raise. [rad]
        public var tab: UInt256
        /// Collateral still for sale. [wad]
        public var lot: UInt256
        /// The liquidated urn: receives collateral left once `tab` is raised.
        public var usr: Address
        /// Start of the current price curve (kick or last `redo`). [unix seconds, uint96]
        public var tic: UInt64
        /// Starting price. [ray, DAI per unit of collateral]
        public var top: UInt256

        public init(pos: Int, tab: UInt256, lot: UInt256, usr: Address, tic: UInt64, top: UInt256) {
            self.pos = pos
            self.tab = tab
            self.lot = lot
            self.usr = usr
            self.tic = tic
            self.top = top
        }
    }
}
