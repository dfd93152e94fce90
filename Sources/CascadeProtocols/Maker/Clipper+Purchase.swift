import CascadeChain
import CascadeMath

extension Clipper {
    /// What one `take` did.
    public struct Purchase: Sendable, Hashable {
        /// The price paid. [ray]
        public var price: UInt256
        /// Collateral bought. [wad]
        public var slice: UInt256
        /// DAI paid. [rad]
        public var owe: UInt256
        /// DAI still to raise afterwards. [rad]
        public var tab: UInt256
        /// Collateral left afterwards, as the `Take` event reports it: still for sale, or given
        /// back to `usr` when `tab` reached 0 (see ``returned``). [wad]
        public var lot: UInt256
        /// The liquidated urn.
        public var usr: Address
        /// Collateral returned to `usr` because `tab` was raised in full. [wad]
        public var returned: UInt256
    }
}
