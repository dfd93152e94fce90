import CascadeChain
import CascadeMath

extension Dog {
    /// What one `bark` did (the Dog's `Bark` event and the Clipper's `Kick`).
    public struct Bark: Sendable, Hashable {
        /// The Clipper auction started.
        public var id: UInt256
        /// Collateral confiscated and put up for auction. [wad]
        public var ink: UInt256
        /// Normalised debt confiscated. [wad]
        public var art: UInt256
        /// Debt booked in the Vow, `art · rate`. [rad]
        public var due: UInt256
        /// DAI the auction wants, `⌊due · chop / WAD⌋`. [rad]
        public var tab: UInt256
        /// Starting price. [ray]
        public var top: UInt256
        /// Incentive paid to the keeper. [rad]
        public var coin: UInt256
        /// The Clipper.
        public var clip: Address
    }
}
