import CascadeChain
import CascadeMath

extension Cat {
    /// What one `bite` did (the Cat's `Bite` event and the Flipper's `Kick`).
    public struct Bite: Sendable, Hashable {
        /// The Flipper auction started.
        public var id: UInt256
        /// Collateral confiscated and put up for auction (`lot`). [wad]
        public var ink: UInt256
        /// Normalised debt confiscated. [wad]
        public var art: UInt256
        /// Debt booked in the Vow, `art · rate`. [rad]
        public var due: UInt256
        /// DAI the auction wants, `rmul(due, chop)`. [rad]
        public var tab: UInt256
        /// The Flipper.
        public var flip: Address
    }
}
