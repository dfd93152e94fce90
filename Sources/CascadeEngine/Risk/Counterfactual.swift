/// A factor of a cascade that ``Scenario/removing(_:)`` takes away, for loss attribution
/// (`cascade attribute`, docs/outputs.md `attribution.json`).
public enum Counterfactual: String, CaseIterable, Sendable {
    /// Everyone else's transactions: background demand removed, agents alone fill blocks.
    case backgroundCongestion = "background_congestion"
    /// Oracle latency: every oracle updates every block at the market price.
    case oracleDelay = "oracle_delay"
    /// Price impact: liquidation sales do not move markets, AMM pools 10⁴ times deeper.
    case marketDepth = "market_depth"
    /// Keepers' limits: unlimited capital and escalating gas bids.
    case keeperCapacity = "keeper_capacity"

    /// What the counterfactual changes, in one sentence (written into `attribution.json`).
    public var description: String {
        switch self {
        case .backgroundCongestion:
            "no background demand (chain.background.mode = none): blocks hold only the agents' transactions"
        case .oracleDelay:
            "instant oracle: Maker OSM hop 1 s, Median and push feeds updated on any move and every block (spread and deviation 0, heartbeat one block), relayers bidding a fixed 100,000 gwei"
        case .marketDepth:
            "unlimited depth: market depth 10^300 USD per 2 % for the market model and the liquidators (sales move no price); Uniswap pools and arbitrageur capital ×10,000"
        case .keeperCapacity:
            "unlimited keepers: keeper DAI budgets and liquidator capital ×1,000,000 (Maker debt ceilings raised to fund them), every keeper and liquidator escalating gas (bump 12 %, patience 1 block, cap 100,000 gwei)"
        }
    }
}
