/// A key metric kept as a column of the `runs` table (docs/run-store.md), so that runs can be
/// listed, filtered and compared without reading their JSON.
///
/// For a `run` the value is the run's own figure from `summary.json`; for a `montecarlo` (and
/// the baseline of an `attribute`) it is the mean over paths, and the risk measures are those
/// of `montecarlo.json`. A metric a command does not produce is `NULL`.
public enum KeyMetric: String, CaseIterable, Sendable {
    case badDebtUSD = "bad_debt_usd"
    case liquidations
    case liquidatedDebtUSD = "liquidated_debt_usd"
    case zeroBidAuctions = "zero_bid_auctions"
    case delayP50Blocks = "delay_p50_blocks"
    case delayP90Blocks = "delay_p90_blocks"
    case delayMaxBlocks = "delay_max_blocks"
    case cascadeDepth = "cascade_depth"
    case var95USD = "var95_usd"
    case var99USD = "var99_usd"
    case es95USD = "es95_usd"
    case es99USD = "es99_usd"
    case lar95USD = "lar95_usd"
    case lar99USD = "lar99_usd"
    case insolvencyProbability = "p_insolvency"

    /// The column name in the `runs` table (and the metric's name in tables and JSON).
    public var column: String { rawValue }

    /// The unit of the value: `USD`, `blocks`, `count` or `probability`.
    public var unit: String {
        switch self {
        case .badDebtUSD, .liquidatedDebtUSD, .var95USD, .var99USD, .es95USD, .es99USD, .lar95USD, .lar99USD: "USD"
        case .delayP50Blocks, .delayP90Blocks, .delayMaxBlocks: "blocks"
        case .liquidations, .zeroBidAuctions, .cascadeDepth: "count"
        case .insolvencyProbability: "probability"
        }
    }
}

/// The key metrics of one recorded command; a missing metric is `nil` (`NULL` in the table).
public struct KeyMetrics: Sendable, Equatable {
    private var values: [KeyMetric: Double] = [:]

    public init() {}

    /// Metrics from explicit values.
    public init(_ values: [KeyMetric: Double]) {
        self.values = values
    }

    public subscript(metric: KeyMetric) -> Double? {
        get { values[metric] }
        set { values[metric] = newValue }
    }
}
