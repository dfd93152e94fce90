import CascadeChain
import CascadeMath

extension Clipper {
    /// What one `redo` did.
    public struct Restart: Sendable, Hashable {
        /// The new starting price. [ray]
        public var top: UInt256
        /// DAI still to raise (unchanged by a restart). [rad]
        public var tab: UInt256
        /// Collateral for sale (unchanged by a restart). [wad]
        public var lot: UInt256
        /// The liquidated urn.
        public var usr: Address
        /// Incentive paid to the keeper. [rad]
        public var coin: UInt256
    }
}
