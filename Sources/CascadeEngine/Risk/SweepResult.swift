/// The outcome of a sweep: one ``MonteCarloResult`` per grid cell, every cell run over the same
/// path seeds (`sweep.json`, `cells.csv`; docs/outputs.md).
public struct SweepResult: Sendable {
    /// The grid.
    public let grid: SweepGrid
    /// Each cell's paths, in grid order (``SweepGrid/cell(_:)``).
    public let cells: [MonteCarloResult]

    public init(grid: SweepGrid, cells: [MonteCarloResult]) {
        precondition(cells.count == grid.count && !cells.isEmpty, "one result per cell")
        self.grid = grid
        self.cells = cells
    }

    /// `sweep.json`. Each cell carries its own horizon (an axis may change the duration).
    public func json(engineVersion: String, insolvencyFraction: Double) -> JSONValue {
        .object([
            ("scenario", .string(cells[0].scenario)),
            ("seed", .string(String(cells[0].seed))),
            ("paths", .integer(Int64(cells[0].paths.count))),
            ("engine_version", .string(engineVersion)),
            ("axes", .array(grid.axes.map { .object([("key", .string($0.key)), ("values", .array($0.values.map(JSONValue.string)))]) })),
            ("cells", .array(cells.indices.map { index in
                let cell = cells[index]
                return .object([
                    ("values", .object(grid.cell(index).map { ($0.key, .string($0.value)) })),
                    ("horizon", cell.horizonJSON),
                    ("metrics", cell.metricsJSON),
                    ("risk", cell.risk(insolvencyFraction: insolvencyFraction).json),
                ])
            })),
        ])
    }

    /// The columns of `cells.csv` after the axis keys.
    public static let csvColumns = ["var95", "var99", "es95", "es99", "lar95", "lar99", "p_insolvency",
                                    "mean_bad_debt_usd", "mean_liquidated_debt_usd"]

    /// `cells.csv`: the axis keys then ``csvColumns``, one row per cell in grid order; USD to the
    /// cent, the probability to 6 decimals; fields with commas or quotes are quoted (RFC 4180).
    public func csv(insolvencyFraction: Double) -> String {
        var text = (grid.axes.map { Self.field($0.key) } + Self.csvColumns).joined(separator: ",") + "\n"
        for (index, cell) in cells.enumerated() {
            let risk = cell.risk(insolvencyFraction: insolvencyFraction)
            let badDebt = EmpiricalDistribution(cell.paths.map(\.badDebtUSD))
            let liquidated = EmpiricalDistribution(cell.paths.map(\.liquidatedDebtUSD))
            let tails = [risk.valueAtRisk, risk.liquidationsAtRisk]
            let numbers = [
                RiskMeasures.tail(tails[0], 95)!.value, RiskMeasures.tail(tails[0], 99)!.value,
                RiskMeasures.tail(tails[0], 95)!.expectedShortfall, RiskMeasures.tail(tails[0], 99)!.expectedShortfall,
                RiskMeasures.tail(tails[1], 95)!.value, RiskMeasures.tail(tails[1], 99)!.value,
            ].map { MonteCarloResult.decimal($0, 2) }
            let row = grid.cell(index).map { Self.field($0.value) } + numbers
                + [MonteCarloResult.decimal(risk.insolvencyProbability, 6),
                   MonteCarloResult.decimal(badDebt.mean, 2), MonteCarloResult.decimal(liquidated.mean, 2)]
            text += row.joined(separator: ",") + "\n"
        }
        return text
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
