import CascadeChain
import CascadeMath

/// Prices the protocols read from their oracles at the time of a call, by asset address.
///
/// Units are the reading protocol's: Aave v3's oracle answers in the base currency (USD with 8
/// decimals); Compound v2's in USD scaled by 10^(36 − underlying decimals); Maker's OSM in USD
/// with 18 decimals (wad). The engine fills this from the on-chain oracle state each block.
public struct AssetPrices: Sendable, Hashable {
    private var prices: [Address: UInt256]

    public init(_ prices: [Address: UInt256] = [:]) {
        self.prices = prices
    }

    /// The price of `asset`, or a revert when the oracle has none (as a zero/missing feed does).
    public func price(of asset: Address) throws(Revert) -> UInt256 {
        guard let price = prices[asset], !price.isZero else { throw .reason("no oracle price for \(asset)") }
        return price
    }

    /// Sets the price of `asset`.
    public subscript(asset: Address) -> UInt256? {
        get { prices[asset] }
        set { prices[asset] = newValue }
    }
}
