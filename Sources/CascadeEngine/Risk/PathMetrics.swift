/// The metrics one Monte Carlo path keeps (no trace, no per-block data): the numbers of
/// `summary.json` that the risk measures and `paths.csv` are made of (docs/outputs.md).
/// Horizon: the whole run, from the first block to the last.
public struct PathMetrics: Sendable, Hashable {
    /// Bad debt at the end of the run, all protocols (USD at the final market prices;
    /// `summary.json` `bad_debt_usd`).
    public var badDebtUSD: Double
    /// Debt liquidated over the run, all protocols (USD at the time of each liquidation).
    public var liquidatedDebtUSD: Double
    /// Liquidations executed.
    public var liquidations: Int
    /// Maker auctions won with a bid of at most 1 DAI.
    public var zeroBidAuctions: Int
    /// Liquidation delay in blocks (first block liquidatable by the on-chain oracle to the
    /// liquidation), nearest-rank p50 and p90 and the maximum over the path's liquidations;
    /// `nil` without liquidations.
    public var delayP50Blocks: UInt64?
    public var delayP90Blocks: UInt64?
    public var delayMaxBlocks: UInt64?
    /// Highest cascade generation (0 without liquidations, 1 when every liquidation was exogenous).
    public var cascadeDepth: Int
    /// Share of liquidations that were endogenous (0 … 1; 0 without liquidations).
    public var endogenousShare: Double

    public init(badDebtUSD: Double, liquidatedDebtUSD: Double, liquidations: Int, zeroBidAuctions: Int,
                delayP50Blocks: UInt64?, delayP90Blocks: UInt64?, delayMaxBlocks: UInt64?, cascadeDepth: Int,
                endogenousShare: Double) {
        self.badDebtUSD = badDebtUSD
        self.liquidatedDebtUSD = liquidatedDebtUSD
        self.liquidations = liquidations
        self.zeroBidAuctions = zeroBidAuctions
        self.delayP50Blocks = delayP50Blocks
        self.delayP90Blocks = delayP90Blocks
        self.delayMaxBlocks = delayMaxBlocks
        self.cascadeDepth = cascadeDepth
        self.endogenousShare = endogenousShare
    }

    /// The metrics of a finished run, computed as `summary.json` computes them (``RunSummary``).
    public init(_ metrics: RunMetrics) {
        let liquidations = metrics.liquidations
        let delays = liquidations.map(\.delayBlocks).sorted()
        self.init(badDebtUSD: metrics.badDebt.reduce(0) { $0 + $1.usd },
                  liquidatedDebtUSD: liquidations.reduce(0) { $0 + $1.debtUSD },
                  liquidations: liquidations.count,
                  zeroBidAuctions: metrics.auctions.filter(\.zeroBid).count,
                  delayP50Blocks: RunSummary.percentile(delays, 50),
                  delayP90Blocks: RunSummary.percentile(delays, 90),
                  delayMaxBlocks: delays.last,
                  cascadeDepth: liquidations.map(\.generation).max() ?? 0,
                  endogenousShare: liquidations.isEmpty ? 0 : Double(liquidations.filter(\.endogenous).count) / Double(liquidations.count))
    }
}
