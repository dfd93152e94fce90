/// What each metric means, in the words of docs/outputs.md, for the reports' tables: the
/// definition of a `summary.json` key (by its dotted path) or of a Monte Carlo metric.
public enum MetricDefinitions {
    /// Definitions by key prefix, most specific first.
    static let summary: [(prefix: String, text: String)] = [
        ("scenario", "the scenario's name"),
        ("seed", "the seed (decimal string)"),
        ("engine_version", "the engine version"),
        ("blocks", "blocks simulated"),
        ("bad_debt_usd", "total bad debt at the end, all protocols, valued at the market price at the end of the run (Maker: uncovered tab of settled and open auctions and underwater vaults; Aave: deficits booked and underwater positions; Compound: underwater accounts)"),
        ("liquidations", "number of liquidations: Maker bite/bark, Aave liquidationCall, Compound liquidateBorrow that succeeded"),
        ("liquidated_debt_usd", "debt those liquidations covered, USD (Maker: art · rate of each bite, without the penalty chop)"),
        ("auctions.kicked", "Maker auctions started"),
        ("auctions.settled", "auctions settled (deal, or a take that finished the lot or the tab)"),
        ("auctions.zero_bid", "settled auctions whose winning bid (DAI raised) was at most 1 DAI"),
        ("liquidation_delay_blocks", "delay of each liquidation: blocks from the first block in which the position was liquidatable by the on-chain oracle price to the block of the liquidation; nearest-rank percentile over the run's liquidations"),
        ("cascade.depth", "the highest generation of any liquidation (1 + the highest generation among the liquidations whose sales moved its price; exogenous: 1)"),
        ("cascade.endogenous_share", "endogenous liquidations (not liquidatable without the price impact of earlier liquidation sales) / all liquidations"),
        ("cascade.endogenous_liquidations", "number of endogenous liquidations"),
        ("cascade.blocks_to_stability", "blocks from the first liquidation to the last, inclusive"),
        ("missed_liquidation_usd", "debt of positions still liquidatable by the on-chain oracle at the end, USD"),
        ("reverted_liquidations", "liquidation transactions that reverted and the gas they burned"),
        ("reverted_bids", "auction bids (tend, dent, take) that reverted"),
        ("oracle.max_deviation", "largest relative gap |oracle − market| / market over all blocks"),
        ("oracle.max_age_seconds", "largest age of the oracle value in use, seconds"),
        ("oracle.feeds", "the same for each lending push feed"),
        ("swaps", "successful swaps of each Uniswap v2 pair and their input at market prices"),
        ("gas.max_base_fee_wei", "highest base fee (EIP-1559), wei per gas"),
        ("gas.max_clearing_price_wei", "highest clearing price (the lowest effective gas price a block included), wei per gas"),
        ("gas.mean_utilisation", "mean of gas used / gas limit over blocks"),
        ("transactions", "agent transactions admitted to the mempool, refused by it, included in blocks, and reverted among those included"),
        ("positions_examined", "positions checked exactly after a liquidation index proposed them, in total and in the busiest block"),
        ("protocols", "the same per protocol, with the parts of bad debt"),
    ]

    /// Monte Carlo metrics (montecarlo.json `metrics`), each a statistic over paths of the
    /// per-path value.
    static let monteCarlo: [(key: String, text: String)] = [
        ("bad_debt_usd", "bad debt at the end of the path, USD (as bad_debt_usd of summary.json)"),
        ("liquidated_debt_usd", "debt covered by the path's liquidations, USD"),
        ("liquidations", "liquidations in the path"),
        ("liquidation_delay_p50_blocks", "median (nearest rank) liquidation delay of the path, blocks"),
        ("liquidation_delay_max_blocks", "longest liquidation delay of the path, blocks"),
        ("cascade_depth", "highest cascade generation of the path"),
    ]

    /// The definition of summary key `path` (dotted), or `nil`.
    public static func summaryDefinition(_ path: String) -> String? {
        summary.first { path == $0.prefix || path.hasPrefix($0.prefix + ".") }?.text
    }

    /// The definition of Monte Carlo metric `key`, or `nil`.
    public static func monteCarloDefinition(_ key: String) -> String? {
        monteCarlo.first { $0.key == key }?.text
    }

    /// VaR, expected shortfall, liquidations-at-risk and insolvency, as the report states them.
    static let risk: [(term: String, text: String)] = [
        ("VaR p", "the p-th percentile of bad debt over the paths (USD) at the horizon"),
        ("Expected shortfall p", "the mean bad debt of the paths at or beyond VaR p"),
        ("LaR p", "liquidations-at-risk: the p-th percentile of liquidated debt over the paths (USD)"),
        ("Expected shortfall of LaR p", "the mean liquidated debt of the paths at or beyond LaR p"),
        ("P(insolvency)", "the share of paths with bad debt > 0; and with bad debt above the stated fraction of the initial debt"),
    ]
}
