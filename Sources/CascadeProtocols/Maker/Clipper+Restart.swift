import CascadeChain
import CascadeMath

extension Clipper {
    /// What one `redo` did.
    public struct Restart: Sendable, Hashable {
        /// The new starting price. [ray]
        public var top: UInt256
        public var tab: UInt256
        public var lot: UInt256
        public var usr: Address
        /// Incentive paid to the keeper. [rad]
        public var coin: UInt256
    }
}
