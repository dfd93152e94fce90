import CascadeChain

/// An ERC-20 token known to the ledger: its contract address, symbol and decimals.
public struct Token: Sendable, Hashable {
    /// The token contract's address (what calldata names).
    public let address: Address
    /// The ticker, e.g. `"WETH"`.
    public let symbol: String
    /// Decimal places of one whole token (18 for WETH and DAI, 6 for USDC, 8 for WBTC).
    public let decimals: UInt8

    public init(address: Address, symbol: String, decimals: UInt8) {
        self.address = address
        self.symbol = symbol
        self.decimals = decimals
    }
}
