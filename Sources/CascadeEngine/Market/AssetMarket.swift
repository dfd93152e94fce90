/// One asset's market: its exogenous price source and how deep its market is against the
/// liquidation sales the simulation pushes into it.
///
/// A sale of `usd` dollars adds `ln(0.98)·usd / depthUSD2Percent` to the asset's log price
/// impact, which decays back to zero with half-life ``recoveryHalfLifeSeconds``
/// (``MarketModel/trade(_:usd:tag:)``, docs/market.md).
public struct AssetMarket: Sendable, Hashable {
    /// The asset's symbol (`ETH`), unique in a ``MarketConfiguration``.
    public let symbol: String
    /// Where the exogenous price comes from.
    public let source: PriceSource
    /// USD of sales that move the price down 2 % (> 0): the "−2 % depth" of the order books.
    public let depthUSD2Percent: Double
    /// Seconds after which half of the accumulated price impact has recovered (> 0).
    public let recoveryHalfLifeSeconds: Double

    public init(symbol: String, source: PriceSource, depthUSD2Percent: Double, recoveryHalfLifeSeconds: Double) {
        self.symbol = symbol
        self.source = source
        self.depthUSD2Percent = depthUSD2Percent
        self.recoveryHalfLifeSeconds = recoveryHalfLifeSeconds
    }
}
