/// The risk measures of a set of Monte Carlo paths (docs/outputs.md, `risk` of `montecarlo.json`).
/// Horizon: each path's whole run (the scenario's blocks). Percentiles are nearest-rank over
/// paths and expected shortfalls are the mean of the paths ranked at or beyond them
/// (``EmpiricalDistribution``).
public struct RiskMeasures: Sendable, Equatable {
    /// One percentile of a loss and the mean of the tail beyond it.
    public struct Tail: Sendable, Equatable {
        /// The percentile (e.g. 95).
        public var percentile: Double
        /// The loss at that percentile over paths (USD).
        public var value: Double
        /// Expected shortfall: the mean loss of the paths at or beyond that percentile (USD).
        public var expectedShortfall: Double
    }

    /// The percentiles reported: 95 and 99.
    public static let percentiles: [Double] = [95, 99]
    /// The default insolvency threshold: bad debt above 1 % of the initial debt.
    public static let defaultInsolvencyFraction = 0.01

    /// Value at risk: percentiles of bad debt over paths, with expected shortfall.
    public var valueAtRisk: [Tail]
    /// Liquidations at risk: percentiles of liquidated debt over paths, with expected shortfall.
    public var liquidationsAtRisk: [Tail]
    /// Share of paths that end with any bad debt (> 0 USD).
    public var insolvencyProbability: Double
    /// The stated fraction of initial debt (e.g. 0.01).
    public var insolvencyFraction: Double
    /// Share of paths whose bad debt exceeds `insolvencyFraction · initialDebtUSD`.
    public var probabilityAboveFraction: Double
    /// Debt of the scenario's positions at the start (``Scenario/initialDebtUSD``).
    public var initialDebtUSD: Double

    /// The measures of `paths` (at least one).
    public init(paths: [PathMetrics], initialDebtUSD: Double, insolvencyFraction: Double = defaultInsolvencyFraction) {
        precondition(!paths.isEmpty, "risk measures need at least one path")
        let badDebt = EmpiricalDistribution(paths.map(\.badDebtUSD))
        let liquidated = EmpiricalDistribution(paths.map(\.liquidatedDebtUSD))
        func tails(_ distribution: EmpiricalDistribution) -> [Tail] {
            Self.percentiles.map { Tail(percentile: $0, value: distribution.percentile($0)!, expectedShortfall: distribution.tailMean($0)!) }
        }
        valueAtRisk = tails(badDebt)
        liquidationsAtRisk = tails(liquidated)
        insolvencyProbability = badDebt.shareAbove(0)
        self.insolvencyFraction = insolvencyFraction
        probabilityAboveFraction = badDebt.shareAbove(insolvencyFraction * initialDebtUSD)
        self.initialDebtUSD = initialDebtUSD
    }

    /// The `risk` object of `montecarlo.json` and of each sweep cell.
    public var json: JSONValue {
        .object([
            ("var", .array(valueAtRisk.map { tail in
                .object([("percentile", .number(tail.percentile)), ("bad_debt_usd", .number(RunSummary.cents(tail.value))),
                         ("expected_shortfall_usd", .number(RunSummary.cents(tail.expectedShortfall)))])
            })),
            ("lar", .array(liquidationsAtRisk.map { tail in
                .object([("percentile", .number(tail.percentile)), ("liquidated_debt_usd", .number(RunSummary.cents(tail.value))),
                         ("expected_shortfall_usd", .number(RunSummary.cents(tail.expectedShortfall)))])
            })),
            ("insolvency", .object([
                ("probability", .number(RunSummary.rounded(insolvencyProbability, 6))),
                ("fraction_of_debt", .number(insolvencyFraction)),
                ("probability_above_fraction", .number(RunSummary.rounded(probabilityAboveFraction, 6))),
                ("initial_debt_usd", .number(RunSummary.cents(initialDebtUSD))),
            ])),
        ])
    }

    /// The tail at `percentile` of ``valueAtRisk`` or ``liquidationsAtRisk``.
    public static func tail(_ tails: [Tail], _ percentile: Double) -> Tail? { tails.first { $0.percentile == percentile } }
}
