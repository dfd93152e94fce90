/// The outcome of a Monte Carlo run: every path's metrics in path order, their distributions
/// and the risk measures (`montecarlo.json`, `paths.csv`; docs/outputs.md).
public struct MonteCarloResult: Sendable {
    /// Scenario name.
    public let scenario: String
    /// The seed the path seeds derive from (``MonteCarlo/pathSeed(_:path:)``).
    public let seed: UInt64
    /// Blocks each path simulates, and the seconds they span.
    public let horizonBlocks: Int
    public let horizonSeconds: UInt64
    /// Debt of the positions at the start (``Scenario/initialDebtUSD``).
    public let initialDebtUSD: Double
    /// Each path's metrics, path 0 first.
    public let paths: [PathMetrics]

    /// The result of `paths` run from `scenario` with path seeds from `seed`.
    public init(scenario: Scenario, seed: UInt64, paths: [PathMetrics]) {
        self.init(scenario: scenario.name, seed: seed, horizonBlocks: scenario.blocks,
                  horizonSeconds: UInt64(scenario.blocks) * scenario.chain.blockTimeSeconds,
                  initialDebtUSD: scenario.initialDebtUSD, paths: paths)
    }

    public init(scenario: String, seed: UInt64, horizonBlocks: Int, horizonSeconds: UInt64, initialDebtUSD: Double,
                paths: [PathMetrics]) {
        self.scenario = scenario
        self.seed = seed
        self.horizonBlocks = horizonBlocks
        self.horizonSeconds = horizonSeconds
        self.initialDebtUSD = initialDebtUSD
        self.paths = paths
    }

    /// The risk measures with bad debt above `insolvencyFraction` of the initial debt counted
    /// as insolvent.
    public func risk(insolvencyFraction: Double) -> RiskMeasures {
        RiskMeasures(paths: paths, initialDebtUSD: initialDebtUSD, insolvencyFraction: insolvencyFraction)
    }

    /// The distribution of each metric over paths, in `montecarlo.json` order. Liquidation
    /// delays are over the paths that had liquidations.
    public var metrics: [(name: String, summary: MetricSummary)] {
        [
            ("bad_debt_usd", MetricSummary(paths.map(\.badDebtUSD), places: 2)),
            ("liquidated_debt_usd", MetricSummary(paths.map(\.liquidatedDebtUSD), places: 2)),
            ("liquidations", MetricSummary(paths.map { Double($0.liquidations) }, places: 6)),
            ("liquidation_delay_p50_blocks", MetricSummary(paths.compactMap { $0.delayP50Blocks.map { Double($0) } }, places: 6)),
            ("liquidation_delay_max_blocks", MetricSummary(paths.compactMap { $0.delayMaxBlocks.map { Double($0) } }, places: 6)),
            ("cascade_depth", MetricSummary(paths.map { Double($0.cascadeDepth) }, places: 6)),
        ]
    }

    /// The `horizon` object.
    public var horizonJSON: JSONValue {
        .object([("blocks", .integer(Int64(horizonBlocks))), ("seconds", .integer(Int64(horizonSeconds)))])
    }

    /// The `metrics` object.
    public var metricsJSON: JSONValue { .object(metrics.map { ($0.name, $0.summary.json) }) }

    /// `montecarlo.json`.
    public func json(engineVersion: String, insolvencyFraction: Double) -> JSONValue {
        .object([
            ("scenario", .string(scenario)),
            ("seed", .string(String(seed))),
            ("paths", .integer(Int64(paths.count))),
            ("engine_version", .string(engineVersion)),
            ("horizon", horizonJSON),
            ("metrics", metricsJSON),
            ("risk", risk(insolvencyFraction: insolvencyFraction).json),
        ])
    }

    /// The columns of `paths.csv`, in order (the run store's `run_paths` table has the same).
    public static let csvColumns = ["path", "seed", "bad_debt_usd", "liquidated_debt_usd", "liquidations", "zero_bid_auctions",
                                    "delay_p50_blocks", "delay_p90_blocks", "delay_max_blocks", "cascade_depth", "endogenous_share"]

    /// The header of `paths.csv`.
    public static let csvHeader = csvColumns.joined(separator: ",")

    /// `paths.csv`: the header and one row per path in path order; USD to the cent, delays empty
    /// for a path without liquidations.
    public var csv: String {
        var text = Self.csvHeader + "\n"
        for (index, path) in paths.enumerated() {
            let fields: [String] = [
                String(index), String(MonteCarlo.pathSeed(seed, path: index)),
                Self.decimal(path.badDebtUSD, 2), Self.decimal(path.liquidatedDebtUSD, 2),
                String(path.liquidations), String(path.zeroBidAuctions),
                path.delayP50Blocks.map(String.init) ?? "", path.delayP90Blocks.map(String.init) ?? "",
                path.delayMaxBlocks.map(String.init) ?? "", String(path.cascadeDepth), Self.decimal(path.endogenousShare, 6),
            ]
            text += fields.joined(separator: ",") + "\n"
        }
        return text
    }

    /// `value` rounded to `places` decimals, as JSON writes it (shortest round-trip form).
    static func decimal(_ value: Double, _ places: Int) -> String {
        JSONValue.number(RunSummary.rounded(value, places)).serialized(indent: nil)
    }
}

extension MonteCarloResult {
    /// The horizon in words: `1800 blocks (6.0 h)`.
    public var horizonText: String { "\(horizonBlocks) blocks (" + String(format: "%.1f h", Double(horizonSeconds) / 3_600) + ")" }

    /// A few lines for a terminal; every risk figure states its percentile and horizon.
    public func text(insolvencyFraction: Double) -> String {
        let risk = self.risk(insolvencyFraction: insolvencyFraction)
        let horizon = String(format: "%.1f h", Double(horizonSeconds) / 3_600)
        func tails(_ name: String, _ tails: [RiskMeasures.Tail]) -> String {
            tails.map { "\(name) \(Int($0.percentile)) % \(RunSummary.dollars($0.value)) (ES \(RunSummary.dollars($0.expectedShortfall)))" }
                .joined(separator: ", ")
        }
        let metrics = Dictionary(uniqueKeysWithValues: self.metrics.map { ($0.name, $0.summary.distribution) })
        let delay = metrics["liquidation_delay_p50_blocks"]!, depth = metrics["cascade_depth"]!
        return """
        \(scenario) (seed \(seed)): \(paths.count) paths of \(horizonText); percentiles over paths, horizon \(horizon)
          bad debt            mean \(RunSummary.dollars(metrics["bad_debt_usd"]!.mean)); \(tails("VaR", risk.valueAtRisk)) over \(horizon)
          liquidated debt     mean \(RunSummary.dollars(metrics["liquidated_debt_usd"]!.mean)); \(tails("LaR", risk.liquidationsAtRisk)) over \(horizon)
          insolvency          P(bad debt > 0) \(RunSummary.percent(risk.insolvencyProbability)), P(bad debt > \(RunSummary.percent(insolvencyFraction)) of \(RunSummary.dollars(initialDebtUSD)) debt) \(RunSummary.percent(risk.probabilityAboveFraction)), within \(horizon)
          liquidation delay   median path p50 \(delay.percentile(50).map { String(format: "%.0f", $0) } ?? "–") blocks (\(delay.count) paths with liquidations)
          cascade depth       mean \(String(format: "%.2f", depth.mean)), max \(depth.maximum.map { String(format: "%.0f", $0) } ?? "–")
        """
    }
}
