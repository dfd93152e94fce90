import CascadeProtocols

/// An Aave v3 pool from a protocol file: the pool settings and its reserves in file order.
public struct AaveV3Definition: Sendable, Hashable {
    /// One reserve: its token and risk parameters.
    public struct Reserve: Sendable, Hashable {
        /// The underlying token (the reserve's table name is its symbol).
        public var token: Token
        public var configuration: AaveReserveConfiguration
    }

    public var pool: AavePoolConfiguration
    public var reserves: [Reserve]
}
