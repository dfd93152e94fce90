import CascadeEngine

extension Report {
    static let statistics = ["mean", "stdev", "min", "p50", "p90", "p95", "p99", "max"]

    /// The Monte Carlo distribution (montecarlo.json, paths.csv): the metric statistics, VaR,
    /// expected shortfall, liquidations-at-risk and insolvency with horizon and percentile, and
    /// the histogram of bad debt over paths with the VaR lines.
    static func monteCarlo(_ result: JSONValue, paths: CSVTable?) -> Section {
        var blocks: [Block] = []
        let horizon = result["horizon"]
        blocks.append(.paragraph("Horizon: \(horizon?["blocks"]?.displayText ?? "?") blocks (\(horizon?["seconds"]?.displayText ?? "?") seconds) per path; \(result["paths"]?.displayText ?? "?") paths; seed \(result["seed"]?.displayText ?? "?") (each path's seed derived from it). Statistics are over paths; percentiles pN are the N-th percentile of the per-path values."))
        let metrics = result["metrics"]?.members ?? []
        blocks.append(.table(Table(header: ["metric"] + statistics + ["definition (per path)"], rows: metrics.map { key, values in
            [key] + statistics.map { values[$0]?.displayText ?? "" } + [MetricDefinitions.monteCarloDefinition(key) ?? ""]
        })))
        let risk = result["risk"]
        var rows: [[String]] = []
        for entry in risk?["var"]?.items ?? [] {
            let p = entry["percentile"]?.displayText ?? "?"
            rows.append(["VaR \(p)", "\(p) %", entry["bad_debt_usd"]?.displayText ?? "", entry["expected_shortfall_usd"]?.displayText ?? "",
                         "the \(p)th percentile of bad debt over paths, USD, at the horizon; expected shortfall: mean bad debt of the paths at or beyond it"])
        }
        for entry in risk?["lar"]?.items ?? [] {
            let p = entry["percentile"]?.displayText ?? "?"
            rows.append(["LaR \(p)", "\(p) %", entry["liquidated_debt_usd"]?.displayText ?? "", entry["expected_shortfall_usd"]?.displayText ?? "",
                         "liquidations-at-risk: the \(p)th percentile of liquidated debt over paths, USD, at the horizon; expected shortfall: mean liquidated debt of the paths at or beyond it"])
        }
        if let insolvency = risk?["insolvency"] {
            rows.append(["P(insolvency)", "", insolvency["probability"]?.displayText ?? "", "",
                         "share of paths with bad debt > 0 at the horizon"])
            let fraction = insolvency["fraction_of_debt"]?.displayText ?? "?"
            rows.append(["P(bad debt > \(fraction) × initial debt)", "", insolvency["probability_above_fraction"]?.displayText ?? "", "",
                         "share of paths whose bad debt exceeds \(fraction) of the initial debt (\(insolvency["initial_debt_usd"]?.displayText ?? "?") USD)"])
        }
        blocks.append(.table(Table(header: ["measure", "percentile", "value", "expected shortfall", "definition"], rows: rows)))
        if let badDebt = paths?.numbers("bad_debt_usd"), !badDebt.isEmpty {
            let markers = (risk?["var"]?.items ?? []).compactMap { entry -> ChartMarker? in
                guard let value = entry["bad_debt_usd"]?.double else { return nil }
                let p = entry["percentile"]?.displayText ?? "?"
                return ChartMarker(x: value, label: "VaR \(p) = \(SVGNumber.compact(value))", color: p == "95" ? "#ff7f0e" : "#d62728")
            }
            blocks.append(chart(BarChart(id: "chart-montecarlo", title: "Bad debt over Monte Carlo paths", xLabel: "bad debt, USD",
                                         yLabel: "paths", bars: BarChart.histogram(badDebt, bins: 30), markers: markers),
                                caption: "Histogram of each path's bad debt at the horizon (paths.csv), with VaR 95 % and 99 % marked."))
        }
        return Section(title: "Monte Carlo (montecarlo.json)", blocks: blocks)
    }
}
