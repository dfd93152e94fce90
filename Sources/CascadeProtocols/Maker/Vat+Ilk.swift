import CascadeMath

extension Vat {
    /// A collateral type's entry in the Vat (makerdao/dss `src/vat.sol`, `struct Ilk`).
    public struct Ilk: Sendable, Hashable {
        /// Total normalised debt of all urns of this type. [wad]
        public var Art: UInt256
        /// Accumulated stability-fee rate: debt of an urn is `art · rate`. [ray]
        public var rate: UInt256
        /// Price with safety margin: an urn is safe while `art · rate ≤ ink · spot`. [ray]
        public var spot: UInt256
        /// Debt ceiling of this collateral type. [rad]
        public var line: UInt256
        /// Debt floor: an urn's debt is either zero or at least `dust`. [rad]
        public var dust: UInt256

        public init(Art: UInt256 = .zero, rate: UInt256 = .zero, spot: UInt256 = .zero, line: UInt256 = .zero, dust: UInt256 = .zero) {
            self.Art = Art
            self.rate = rate
            self.spot = spot
            self.line = line
            self.dust = dust
        }
    }
}
