import CascadeMath

extension Vat {
    /// A vault (makerdao/dss `src/vat.sol`, `struct Urn`): locked collateral and normalised debt.
    ///
    /// Its debt in DAI is `art · rate` [rad] with the ilk's `rate`.
    public struct Urn: Sendable, Hashable {
        /// Locked collateral. [wad]
        public var ink: UInt256
        /// Normalised debt. [wad]
        public var art: UInt256

        public init(ink: UInt256 = .zero, art: UInt256 = .zero) {
            self.ink = ink
            self.art = art
        }

        /// `true` when both `ink` and `art` are zero (an empty storage slot).
        @inlinable
        public var isEmpty: Bool { ink.isZero && art.isZero }
    }
}
