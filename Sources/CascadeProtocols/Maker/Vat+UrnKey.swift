import CascadeChain

extension Vat {
    /// The key of Solidity's two-level mappings `urns[ilk][usr]` and `gem[ilk][usr]`, flattened
    /// into one dictionary key (one hash instead of two).
    public struct UrnKey: Sendable, Hashable {
        public var ilk: Bytes32
        public var usr: Address

        @inlinable
        public init(_ ilk: Bytes32, _ usr: Address) {
            self.ilk = ilk
            self.usr = usr
        }
    }
}
