import CascadeMath

extension Spotter {
    /// A collateral type's price feed and liquidation ratio (makerdao/dss `src/spot.sol`,
    /// `struct Ilk`).
    ///
    /// The feed (`pip`, Maker's OSM) is modelled by the value its `peek()` returns now: the
    /// engine's oracle model sets `val` and `has` through ``Maker/feed(_:val:has:)``.
    public struct Ilk: Sendable, Hashable {
        /// The feed's current value, what `pip.peek()` returns as `val`. [wad, USD per unit]
        public var val: UInt256
        /// Whether the feed has a valid value (`peek()`'s `has`).
        public var has: Bool
        /// Liquidation ratio, e.g. 1.5 ray for 150 %. [ray]
        public var mat: UInt256

        public init(val: UInt256 = .zero, has: Bool = false, mat: UInt256 = .zero) {
            self.val = val
            self.has = has
            self.mat = mat
        }
    }
}
