/// The distribution of one metric over Monte Carlo paths, as `montecarlo.json` reports it:
/// count, mean, sample standard deviation, minimum, nearest-rank p50/p90/p95/p99 and maximum
/// (``EmpiricalDistribution``).
public struct MetricSummary: Sendable, Equatable {
    /// The sample.
    public let distribution: EmpiricalDistribution
    /// Decimal places kept in JSON (2 for USD, 6 otherwise).
    public let places: Int

    public init(_ values: [Double], places: Int) {
        distribution = EmpiricalDistribution(values)
        self.places = places
    }

    /// `{"n", "mean", "stdev", "min", "p50", "p90", "p95", "p99", "max"}`; order statistics are
    /// `null` when no path has the metric (liquidation delays of paths without liquidations).
    public var json: JSONValue {
        func number(_ value: Double?) -> JSONValue { value.map { .number(RunSummary.rounded($0, places)) } ?? .null }
        let empty = distribution.count == 0
        return .object([
            ("n", .integer(Int64(distribution.count))),
            ("mean", empty ? .null : number(distribution.mean)),
            ("stdev", empty ? .null : number(distribution.standardDeviation)),
            ("min", number(distribution.minimum)),
            ("p50", number(distribution.percentile(50))),
            ("p90", number(distribution.percentile(90))),
            ("p95", number(distribution.percentile(95))),
            ("p99", number(distribution.percentile(99))),
            ("max", number(distribution.maximum)),
        ])
    }
}
