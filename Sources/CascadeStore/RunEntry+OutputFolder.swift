import CascadeEngine
import Foundation

extension RunEntry {
    /// Reads a completed output folder (docs/outputs.md): `run.json`, the kind's result document
    /// and, for a Monte Carlo, `paths.csv`.
    /// - Throws: ``RunStoreError`` naming the file that is missing or malformed.
    public init(outputFolder: String, createdAt: Date = Date()) throws(RunStoreError) {
        let folder = URL(fileURLWithPath: outputFolder).standardizedFileURL
        let infoPath = folder.appendingPathComponent("run.json").path
        let info: RunInfo
        do {
            info = try RunInfo.read(path: infoPath)
        } catch {
            throw RunStoreError(file: infoPath, "\(error.description)")
        }
        guard let document = Self.document(for: info.command) else {
            throw RunStoreError(file: infoPath, "command: expected one of \(Self.kinds.joined(separator: ", ")), found '\(info.command)'")
        }
        let documentPath = folder.appendingPathComponent(document).path
        let summary = try Self.text(documentPath)
        let json: JSONValue
        do {
            json = try JSONReader.parse(summary, file: documentPath)
        } catch {
            let problem = error.problems[0]
            throw RunStoreError(file: documentPath, "not JSON: line \(problem.line ?? 1): expected \(problem.expected), found \(problem.found)")
        }
        guard let name = json["scenario"]?.text else {
            throw RunStoreError(file: documentPath, "scenario: expected the scenario's name, found none")
        }
        let pathCount = json["paths"].flatMap(\.double).map { Int($0) }
        var paths: [PathRecord] = []
        let metrics: KeyMetrics
        switch info.command {
        case "run":
            metrics = Self.runMetrics(json)
            paths = [try Self.runPath(json, seed: info.seed, file: documentPath)]
        case "montecarlo":
            metrics = Self.monteCarloMetrics(json)
            let csvPath = folder.appendingPathComponent("paths.csv").path
            paths = try PathRecord.parseCSV(try Self.text(csvPath), file: csvPath)
            if let pathCount, pathCount != paths.count {
                throw RunStoreError(file: csvPath, "expected \(pathCount) paths (\(document): paths), found \(paths.count) rows")
            }
        case "attribute":
            metrics = KeyMetrics([.badDebtUSD: json[["baseline", "mean_bad_debt_usd"]]?.double].compactMapValues { $0 })
        default:
            metrics = KeyMetrics()
        }
        self.init(info: info, scenarioName: name, outputFolder: folder.path, document: document,
                  summary: summary.hasSuffix("\n") ? String(summary.dropLast()) : summary,
                  pathCount: pathCount, metrics: metrics, paths: paths, createdAt: createdAt)
    }

    private static func text(_ path: String) throws(RunStoreError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunStoreError(file: path, "expected a completed output file, found no such file")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Key metrics of `summary.json`.
    private static func runMetrics(_ json: JSONValue) -> KeyMetrics {
        let sources: [(KeyMetric, [String])] = [
            (.badDebtUSD, ["bad_debt_usd"]), (.liquidations, ["liquidations"]), (.liquidatedDebtUSD, ["liquidated_debt_usd"]),
            (.zeroBidAuctions, ["auctions", "zero_bid"]),
            (.delayP50Blocks, ["liquidation_delay_blocks", "p50"]), (.delayP90Blocks, ["liquidation_delay_blocks", "p90"]),
            (.delayMaxBlocks, ["liquidation_delay_blocks", "max"]), (.cascadeDepth, ["cascade", "depth"]),
        ]
        var metrics = KeyMetrics()
        for (metric, path) in sources { metrics[metric] = json[path]?.double }
        return metrics
    }

    /// Key metrics of `montecarlo.json`: the means over paths and the risk measures.
    private static func monteCarloMetrics(_ json: JSONValue) -> KeyMetrics {
        let means: [(KeyMetric, String)] = [
            (.badDebtUSD, "bad_debt_usd"), (.liquidations, "liquidations"), (.liquidatedDebtUSD, "liquidated_debt_usd"),
            (.zeroBidAuctions, "zero_bid_auctions"), (.delayP50Blocks, "liquidation_delay_p50_blocks"),
            (.delayP90Blocks, "liquidation_delay_p90_blocks"), (.delayMaxBlocks, "liquidation_delay_max_blocks"),
            (.cascadeDepth, "cascade_depth"),
        ]
        var metrics = KeyMetrics()
        for (metric, name) in means { metrics[metric] = json[["metrics", name, "mean"]]?.double }
        func risk(_ measure: String, _ percentile: Double, _ key: String) -> Double? {
            json[["risk", measure]]?.items?.first { $0["percentile"]?.double == percentile }?[key]?.double
        }
        metrics[.var95USD] = risk("var", 95, "bad_debt_usd")
        metrics[.var99USD] = risk("var", 99, "bad_debt_usd")
        metrics[.es95USD] = risk("var", 95, "expected_shortfall_usd")
        metrics[.es99USD] = risk("var", 99, "expected_shortfall_usd")
        metrics[.lar95USD] = risk("lar", 95, "liquidated_debt_usd")
        metrics[.lar99USD] = risk("lar", 99, "liquidated_debt_usd")
        metrics[.insolvencyProbability] = json[["risk", "insolvency", "probability"]]?.double
        return metrics
    }

    /// A single run as path 0.
    private static func runPath(_ json: JSONValue, seed: String, file: String) throws(RunStoreError) -> PathRecord {
        func number(_ path: [String]) throws(RunStoreError) -> Double {
            guard let value = json[path]?.double else {
                throw RunStoreError(file: file, "\(path.joined(separator: ".")): expected a number, found none")
            }
            return value
        }
        func delay(_ key: String) -> Int? { json[["liquidation_delay_blocks", key]]?.double.map { Int($0) } }
        return PathRecord(
            path: 0, seed: seed, badDebtUSD: try number(["bad_debt_usd"]), liquidatedDebtUSD: try number(["liquidated_debt_usd"]),
            liquidations: Int(try number(["liquidations"])), zeroBidAuctions: Int(try number(["auctions", "zero_bid"])),
            delayP50Blocks: delay("p50"), delayP90Blocks: delay("p90"), delayMaxBlocks: delay("max"),
            cascadeDepth: Int(try number(["cascade", "depth"])), endogenousShare: try number(["cascade", "endogenous_share"]))
    }
}
