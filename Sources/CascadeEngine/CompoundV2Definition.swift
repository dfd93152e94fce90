import CascadeProtocols

/// A Compound v2 deployment from a protocol file: the Comptroller and its markets in file order.
public struct CompoundV2Definition: Sendable, Hashable {
    /// One market: the cToken's name (its table name), the underlying token and parameters.
    public struct Market: Sendable, Hashable {
        public var name: String
        public var underlying: Token
        public var configuration: CompoundMarketConfiguration
    }

    public var comptroller: CompoundComptrollerConfiguration
    public var markets: [Market]
}
