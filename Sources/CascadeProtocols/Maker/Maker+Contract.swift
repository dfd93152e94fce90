import CascadeChain

extension Maker {
    /// Which modelled contract an address is: the `to` of a transaction.
    public enum Contract: Sendable, Hashable {
        case vat, jug, spotter, vow, cat, dog
        case flipper(Bytes32)
        case clipper(Bytes32)
    }
}
