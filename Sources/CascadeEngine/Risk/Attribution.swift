/// Loss attribution (`attribution.json`, docs/outputs.md): how much of a scenario's mean bad
/// debt each factor accounts for.
///
/// **Definition.** A factor *accounts for* the reduction of mean bad debt when that factor
/// alone is removed (``Scenario/removing(_:)``), every other factor kept, over the same path
/// seeds: `reduction = baseline mean − counterfactual mean` (USD; negative when removing the
/// factor makes things worse) and `share = reduction / baseline mean` (`nil` when the baseline
/// has no bad debt). Factors interact, so the shares need not sum to 1: two factors that each
/// suffice to cause a loss can each account for all of it.
public struct Attribution: Sendable {
    /// One factor's counterfactual.
    public struct Factor: Sendable {
        public let counterfactual: Counterfactual
        /// Mean bad debt over paths without the factor (USD).
        public let meanBadDebtUSD: Double
        /// `baseline − meanBadDebtUSD` (USD).
        public let reductionUSD: Double
        /// `reductionUSD / baseline`; `nil` for a baseline without bad debt.
        public let share: Double?
    }

    /// The scenario's runs.
    public let baseline: MonteCarloResult
    /// The factors, in ``Counterfactual/allCases`` order.
    public let factors: [Factor]

    /// Attribution from the `baseline` runs and one result per counterfactual, over the same seeds.
    public init(baseline: MonteCarloResult, counterfactuals: [(Counterfactual, MonteCarloResult)]) {
        self.baseline = baseline
        let base = EmpiricalDistribution(baseline.paths.map(\.badDebtUSD)).mean
        factors = counterfactuals.map { counterfactual, result in
            let mean = EmpiricalDistribution(result.paths.map(\.badDebtUSD)).mean
            return Factor(counterfactual: counterfactual, meanBadDebtUSD: mean, reductionUSD: base - mean,
                          share: base > 0 ? (base - mean) / base : nil)
        }
    }

    /// Mean bad debt of the baseline (USD).
    public var baselineMeanBadDebtUSD: Double { EmpiricalDistribution(baseline.paths.map(\.badDebtUSD)).mean }

    /// `attribution.json`.
    public func json(engineVersion: String) -> JSONValue {
        .object([
            ("scenario", .string(baseline.scenario)),
            ("seed", .string(String(baseline.seed))),
            ("paths", .integer(Int64(baseline.paths.count))),
            ("engine_version", .string(engineVersion)),
            ("horizon", baseline.horizonJSON),
            ("baseline", .object([("mean_bad_debt_usd", .number(RunSummary.cents(baselineMeanBadDebtUSD)))])),
            ("factors", .array(factors.map { factor in
                .object([
                    ("name", .string(factor.counterfactual.rawValue)),
                    ("description", .string(factor.counterfactual.description)),
                    ("mean_bad_debt_usd", .number(RunSummary.cents(factor.meanBadDebtUSD))),
                    ("reduction_usd", .number(RunSummary.cents(factor.reductionUSD))),
                    ("share", factor.share.map { .number(RunSummary.rounded($0, 6)) } ?? .null),
                ])
            })),
        ])
    }

    /// A few lines for a terminal.
    public var text: String {
        var lines = ["\(baseline.scenario) (seed \(baseline.seed)): \(baseline.paths.count) paths of \(baseline.horizonText); mean bad debt \(RunSummary.dollars(baselineMeanBadDebtUSD)) over the horizon"]
        for factor in factors {
            let share = factor.share.map { RunSummary.percent($0) } ?? "–"
            lines.append("  without \(factor.counterfactual.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0)) mean \(RunSummary.dollars(factor.meanBadDebtUSD)), accounts for \(factor.reductionUSD < 0 ? "−" : "")\(RunSummary.dollars(abs(factor.reductionUSD))) (\(share))")
        }
        return lines.joined(separator: "\n")
    }
}
