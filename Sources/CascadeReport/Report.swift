import CascadeEngine

/// The report of an output folder: what ran (scenario, command, seed, engine version, the
/// Keccak-256 of every input), the metrics with their definition, horizon and percentile, and a
/// chart for each series whose data is in the folder. Rendered as Markdown (``markdown``,
/// charts named and described) and as self-contained XHTML (``html``: inline CSS and SVG, no
/// scripts, no network). Same folder, same bytes.
public struct Report: Sendable {
    /// A table: header and rows of cell text.
    public struct Table: Sendable, Equatable {
        public var header: [String]
        public var rows: [[String]]
    }

    /// One chart: its SVG id (`chart-…`), a caption saying what it shows, and the SVG element.
    public struct Chart: Sendable {
        public var id: String
        public var caption: String
        public var svg: String
    }

    /// A piece of a section.
    public enum Block: Sendable {
        case paragraph(String)
        case table(Table)
        case chart(Chart)
    }

    /// A titled section.
    public struct Section: Sendable {
        public var title: String
        public var blocks: [Block]
    }

    public let title: String
    public let sections: [Section]

    /// The report of `folder`.
    public init(folder: RunFolder) {
        let name = folder.summary?["scenario"]?.text ?? folder.monteCarlo?["scenario"]?.text ?? folder.sweep?["scenario"]?.text
            ?? folder.attribution?["scenario"]?.text ?? folder.info?.scenario ?? "run"
        title = "Cascade report: \(name)"
        var sections = [Self.provenance(folder)]
        if let summary = folder.summary { sections.append(Self.summary(summary, trace: folder.trace)) }
        if let trace = folder.trace { sections.append(Self.traceCharts(trace, summary: folder.summary)) }
        if let monteCarlo = folder.monteCarlo { sections.append(Self.monteCarlo(monteCarlo, paths: folder.paths)) }
        if folder.sweep != nil || folder.cells != nil { sections.append(Self.sweep(folder.sweep, cells: folder.cells)) }
        if let attribution = folder.attribution { sections.append(Self.attribution(attribution)) }
        self.sections = sections
    }

    /// Every chart's id, in order.
    public var chartIDs: [String] {
        sections.flatMap(\.blocks).compactMap { if case .chart(let chart) = $0 { chart.id } else { nil } }
    }

    // MARK: - Provenance

    static func provenance(_ folder: RunFolder) -> Section {
        var blocks: [Block] = []
        guard let info = folder.info else {
            return Section(title: "Run", blocks: [.paragraph("No run.json in this folder: the command, seed and input hashes are unknown.")])
        }
        blocks.append(.table(Table(header: ["", ""], rows: [
            ["command", "cascade " + RerunCommand.arguments(for: info, out: "DIR").joined(separator: " ")],
            ["scenario", info.scenario],
            ["seed", info.seed],
            ["overrides", info.overrides.isEmpty ? "none" : info.overrides.joined(separator: ", ")],
            ["arguments", info.arguments.isEmpty ? "none" : info.arguments.joined(separator: ", ")],
            ["engine version", info.engineVersion],
        ])))
        blocks.append(.paragraph("Inputs: every file the scenario read, in reading order, with the Keccak-256 of its bytes (run.json)."))
        blocks.append(.table(Table(header: ["input", "keccak256"], rows: info.inputs.map { [$0.path, $0.keccak256] })))
        return Section(title: "Run", blocks: blocks)
    }

    // MARK: - Summary

    static func summary(_ summary: JSONValue, trace: TraceSeries?) -> Section {
        var horizon = "\(summary["blocks"]?.displayText ?? "?") blocks"
        if let trace, let first = trace.timestamps.first, let last = trace.timestamps.last {
            horizon += " (\(last - first) seconds of chain time, blocks \(SVGNumber.fixed(trace.blocks.first ?? 0, 0))–\(SVGNumber.fixed(trace.blocks.last ?? 0, 0)))"
        }
        var rows: [[String]] = []
        func flatten(_ value: JSONValue, _ path: String) {
            if case .object(let members) = value {
                if members.isEmpty { rows.append([path, "{}", MetricDefinitions.summaryDefinition(path) ?? ""]) }
                for (key, member) in members { flatten(member, path.isEmpty ? key : path + "." + key) }
            } else {
                rows.append([path, value.displayText, MetricDefinitions.summaryDefinition(path) ?? ""])
            }
        }
        flatten(summary, "")
        return Section(title: "Summary (summary.json)", blocks: [
            .paragraph("Horizon: the whole run, \(horizon). Each value is the run's; percentiles are nearest-rank over the run's liquidations; USD at market prices, rounded to cents."),
            .table(Table(header: ["metric", "value", "definition"], rows: rows)),
        ])
    }

    // MARK: - Trace charts

    static func traceCharts(_ trace: TraceSeries, summary: JSONValue?) -> Section {
        var blocks: [Block] = []
        let x = trace.blocks
        for market in trace.marketPrices {
            let oracles = trace.oraclePrices.filter { $0.asset == market.asset && $0.values.contains(where: \.isFinite) }
            guard !oracles.isEmpty else { continue }
            let exogenous = trace.exogenousPrices.first { $0.name == market.name }
            var series = [LineChart.Series(name: "market", x: x, y: market.values)]
            if let exogenous, exogenous.values != market.values {
                series.append(LineChart.Series(name: "exogenous (no liquidation impact)", x: x, y: exogenous.values, dashed: true))
            }
            series += oracles.map { LineChart.Series(name: "oracle \($0.name)", x: x, y: $0.values) }
            blocks.append(chart(LineChart(id: "chart-price-\(slug(market.asset))", title: "\(market.asset): market price vs on-chain oracle price",
                                          xLabel: "block", yLabel: "USD", series: series, fromZero: false),
                                caption: "Market price of \(market.asset) per block and the price each on-chain oracle gives it (Maker: the Vat's spot · mat; push feeds: their answer). The gap is the oracle's lag."))
        }
        let gwei = 1e9
        if trace.isEIP1559 {
            blocks.append(chart(LineChart(id: "chart-fee", title: "Base fee (EIP-1559)", xLabel: "block", yLabel: "gwei",
                                          series: [LineChart.Series(name: "base fee", x: x, y: trace.baseFeeWei.map { $0 / gwei })]),
                                caption: "Base fee of each block, gwei per gas."))
        } else {
            blocks.append(chart(LineChart(id: "chart-fee", title: "Clearing price (first-price market)", xLabel: "block", yLabel: "gwei",
                                          series: [LineChart.Series(name: "clearing price", x: x, y: trace.clearingPriceWei.map { $0 / gwei })]),
                                caption: "Clearing price of each block: the lowest effective gas price it included, gwei per gas (gaps: empty blocks)."))
        }
        blocks.append(chart(LineChart(id: "chart-utilisation", title: "Block utilisation", xLabel: "block", yLabel: "% of gas limit",
                                      series: [LineChart.Series(name: "gas used / gas limit", x: x, y: trace.utilisation.map { $0 * 100 })]),
                            caption: "Gas used / gas limit of each block, agents and background demand together."))
        let liquidationBlocks = trace.liquidations.map { Double($0.block) }
        let first = x.first ?? 0, last = x.last ?? 0
        let binSize = max(1, ((last - first + 1) / 200).rounded(.up))
        var bars: [BarChart.Bar] = []
        if !liquidationBlocks.isEmpty {
            var counts: [Int: Double] = [:]
            for block in liquidationBlocks { counts[Int((block - first) / binSize), default: 0] += 1 }
            bars = counts.keys.sorted().map { BarChart.Bar(lower: first + Double($0) * binSize, upper: first + Double($0 + 1) * binSize, value: counts[$0]!) }
        }
        let per = binSize == 1 ? "per block" : "per \(SVGNumber.fixed(binSize, 0)) blocks"
        blocks.append(chart(BarChart(id: "chart-liquidations", title: "Liquidations \(per)", xLabel: "block", yLabel: "liquidations", bars: bars),
                            caption: "Successful liquidations (Maker bite/bark, Aave liquidationCall, Compound liquidateBorrow) \(per): \(trace.liquidations.count) in all."))
        if let realized = trace.badDebtRealizedUSD {
            var series = [LineChart.Series(name: "realized bad debt", x: x, y: realized)]
            if let total = summary?["bad_debt_usd"]?.double {
                series.append(LineChart.Series(name: "end-of-run bad debt (summary)", x: [first, last], y: [total, total], dashed: true))
            }
            blocks.append(chart(LineChart(id: "chart-bad-debt", title: "Bad debt over time", xLabel: "block", yLabel: "USD", series: series),
                                caption: "Bad debt realized by each block: the tab settled Maker auctions did not cover plus Aave deficits booked. The end-of-run total also counts open auctions and underwater positions at the final market price."))
        }
        if !trace.liquidations.isEmpty {
            let delays = trace.liquidations.map(\.delayBlocks)
            let maxDelay = delays.max() ?? 0
            let bins = min(40, maxDelay + 1)
            blocks.append(chart(BarChart(id: "chart-delay", title: "Liquidation delay", xLabel: "blocks from liquidatable to liquidated",
                                         yLabel: "liquidations", bars: BarChart.histogram(delays.map(Double.init), bins: bins)),
                                caption: "Histogram of each liquidation's delay: blocks from the first block in which the position was liquidatable by the on-chain oracle price to the block of its liquidation."))
            let generations = trace.liquidations.map(\.generation)
            blocks.append(chart(BarChart(id: "chart-generations", title: "Cascade generations", xLabel: "generation", yLabel: "liquidations",
                                         bars: BarChart.counts(generations)),
                                caption: "Liquidations per cascade generation: 1 for an exogenous liquidation, 1 + the highest generation among the liquidations whose sales tipped it for an endogenous one."))
        }
        return Section(title: "Block by block (trace.jsonl)", blocks: blocks)
    }

    // MARK: - Helpers

    static func chart(_ chart: LineChart, caption: String) -> Block {
        .chart(Chart(id: chart.id, caption: caption, svg: chart.svg()))
    }

    static func chart(_ chart: BarChart, caption: String) -> Block {
        .chart(Chart(id: chart.id, caption: caption, svg: chart.svg()))
    }

    static func chart(_ chart: Heatmap, caption: String) -> Block {
        .chart(Chart(id: chart.id, caption: caption, svg: chart.svg()))
    }

    /// Lowercase letters, digits and dashes, for ids.
    static func slug(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }
}
