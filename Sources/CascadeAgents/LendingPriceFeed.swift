import CascadeChain
import CascadeMath
import CascadeProtocols

/// A push price feed and the lending-pool assets it prices (e.g. an ETH/USD feed for WETH in
/// Aave and cETH's underlying in Compound).
public struct LendingPriceFeed: Sendable, Hashable {
    /// A priced asset: its token and, when Compound lists it, its cToken.
    public struct Asset: Sendable, Hashable {
        public let token: Token
        public let cToken: Address?

        public init(token: Token, cToken: Address?) {
            self.token = token
            self.cToken = cToken
        }
    }

    /// The on-chain feed.
    public var feed: PushPriceFeed
    /// The assets it prices.
    public let assets: [Asset]

    public init(feed: PushPriceFeed, assets: [Asset]) {
        self.feed = feed
        self.assets = assets
    }

    /// `value` (the feed's answer, `feed.decimals` decimals) at `decimals` decimals, rounded
    /// down as an integer oracle adapter scales it.
    public func scaled(_ value: UInt256, toDecimals decimals: Int) -> UInt256 {
        let from = Int(feed.decimals)
        if decimals == from { return value }
        let factor = UInt256(10).powerWrapping(UInt256(UInt64(abs(decimals - from))))
        if decimals > from { return value &* factor }
        return try! value / factor  // a power of ten is never zero
    }
}
