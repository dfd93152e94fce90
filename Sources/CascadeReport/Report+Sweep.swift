import CascadeEngine

extension Report {
    /// One sweep cell: its axis values and VaR 95 %.
    struct SweepCell {
        var values: [String]
        var var95: Double?
    }

    /// The sweep (sweep.json, cells.csv): a heatmap of VaR 95 % over the grid — the last axis
    /// across, the other axes' combinations down — and the cells' risk measures.
    static func sweep(_ sweep: JSONValue?, cells table: CSVTable?) -> Section {
        var keys: [String] = [], cells: [SweepCell] = []
        if let table, let var95 = table.header.firstIndex(of: "var95") {
            keys = Array(table.header[..<var95])
            cells = table.rows.map { SweepCell(values: Array($0[..<var95]), var95: Double($0[var95])) }
        } else if let sweep {
            keys = (sweep["axes"]?.items ?? []).compactMap { $0["key"]?.text }
            cells = (sweep["cells"]?.items ?? []).map { cell in
                let var95 = (cell["risk"]?["var"]?.items ?? []).first { $0["percentile"]?.double == 95 }?["bad_debt_usd"]?.double
                return SweepCell(values: keys.map { cell["values"]?[$0]?.displayText ?? "" }, var95: var95)
            }
        }
        var blocks: [Block] = []
        if let sweep {
            blocks.append(.paragraph("Scenario \(sweep["scenario"]?.displayText ?? "?"), seed \(sweep["seed"]?.displayText ?? "?"), \(sweep["paths"]?.displayText ?? "?") paths per cell (the same path seeds in every cell). Axes: " + (sweep["axes"]?.items ?? []).map { axis in
                "\(axis["key"]?.displayText ?? "?") ∈ {\((axis["values"]?.items ?? []).map(\.displayText).joined(separator: ", "))}"
            }.joined(separator: "; ") + "."))
        }
        if let columnKey = keys.last, !cells.isEmpty {
            var columns: [String] = [], rows: [String] = []
            for cell in cells {
                if !columns.contains(cell.values.last!) { columns.append(cell.values.last!) }
                let row = rowLabel(keys, cell.values)
                if !rows.contains(row) { rows.append(row) }
            }
            var values = [[Double?]](repeating: [Double?](repeating: nil, count: columns.count), count: rows.count)
            for cell in cells {
                values[rows.firstIndex(of: rowLabel(keys, cell.values))!][columns.firstIndex(of: cell.values.last!)!] = cell.var95
            }
            blocks.append(chart(Heatmap(id: "chart-sweep", title: "VaR 95 % of bad debt over the sweep", rowLabel: keys.count > 1 ? keys.dropLast().joined(separator: ", ") : "",
                                        columnLabel: columnKey, rows: rows, columns: columns, values: values),
                                caption: "VaR 95 % (the 95th percentile of bad debt over the cell's paths, USD, at the horizon) of each cell of the grid."))
        }
        if let table {
            blocks.append(.paragraph("Cells (cells.csv): var95/var99 — VaR, the 95th/99th percentile of bad debt over paths; es95/es99 — expected shortfall beyond it; lar95/lar99 — the same percentiles of liquidated debt; p_insolvency — share of paths with bad debt > 0; means over paths. USD at the horizon."))
            blocks.append(.table(Table(header: table.header, rows: table.rows)))
        }
        return Section(title: "Sweep (sweep.json)", blocks: blocks)
    }

    private static func rowLabel(_ keys: [String], _ values: [String]) -> String {
        keys.count > 1 ? zip(keys.dropLast(), values.dropLast()).map { "\($0)=\($1)" }.joined(separator: ", ") : "all"
    }

    /// Loss attribution (attribution.json): how much of the baseline's mean bad debt each factor
    /// accounts for.
    static func attribution(_ result: JSONValue) -> Section {
        let factors = result["factors"]?.items ?? []
        let baseline = result["baseline"]?["mean_bad_debt_usd"]?.displayText ?? "?"
        var blocks: [Block] = [
            .paragraph("Baseline: mean bad debt \(baseline) USD over \(result["paths"]?.displayText ?? "?") paths (seed \(result["seed"]?.displayText ?? "?")). Each factor reruns the same seeds without it; reduction = baseline − mean without the factor; share = reduction / baseline."),
            .table(Table(header: ["factor", "description", "mean bad debt without it", "reduction", "share"], rows: factors.map { factor in
                ["name", "description", "mean_bad_debt_usd", "reduction_usd", "share"].map { factor[$0]?.displayText ?? "" }
            })),
        ]
        let bars = factors.enumerated().map { index, factor in
            BarChart.Bar(lower: Double(index + 1) - 0.4, upper: Double(index + 1) + 0.4, value: factor["reduction_usd"]?.double ?? 0)
        }
        let legend = factors.enumerated().map { "\($0 + 1) = \($1["name"]?.displayText ?? "?")" }.joined(separator: ", ")
        blocks.append(chart(BarChart(id: "chart-attribution", title: "Bad debt reduction by factor", xLabel: "factor (\(legend))",
                                     yLabel: "USD", bars: bars),
                            caption: "Mean bad debt removed by taking away each factor: \(legend)."))
        return Section(title: "Loss attribution (attribution.json)", blocks: blocks)
    }
}
