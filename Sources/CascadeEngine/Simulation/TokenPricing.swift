import CascadeChain
import CascadeProtocols

/// Which market asset prices each token the protocols hold (e.g. WETH is priced by the market's
/// ETH), so that amounts in events can be valued in USD.
public struct TokenPricing: Sendable {
    /// Market symbol by token address.
    public let symbols: [Address: String]
    /// Token metadata by address.
    public let tokens: [Address: Token]

    public init(symbols: [Address: String], tokens: [Address: Token]) {
        self.symbols = symbols
        self.tokens = tokens
    }
}
