/// The market prices agents trade on (USD per unit, floating point: an off-chain view, used
/// for decisions only — never for balances), by asset symbol.
public struct MarketQuotes: Sendable {
    private let symbols: [String]
    private let prices: [Double]

    public init(symbols: [String], prices: [Double]) {
        precondition(symbols.count == prices.count)
        self.symbols = symbols
        self.prices = prices
    }

    /// The price of `symbol`, or `nil` when the market has no such asset.
    public func price(_ symbol: String) -> Double? {
        symbols.firstIndex(of: symbol).map { prices[$0] }
    }
}
