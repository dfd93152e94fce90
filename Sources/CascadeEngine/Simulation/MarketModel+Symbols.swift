extension MarketModel {
    /// The assets' symbols, in configuration order (the asset indexes).
    public var symbols: [String] { configuration.assets.map(\.symbol) }
}
