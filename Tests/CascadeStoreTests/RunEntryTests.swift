import CascadeEngine
@testable import CascadeStore
import Foundation
import XCTest

/// Reading a completed output folder: the key metrics and path rows come from the files the
/// commands write (docs/outputs.md, the issue 7 contract), and a missing or malformed file is named.
final class RunEntryTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = try StoreFixtures.temporaryFolder()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    func writeInfo(command: String, arguments: [String] = []) throws {
        let info = RunInfo(command: command, scenario: "scenarios/a.toml", overrides: ["duration_hours=2"], seed: 9,
                           engineVersion: "0.1.0", arguments: arguments, inputs: StoreFixtures.inputs)
        try write("run.json", info.json.serialized() + "\n")
    }

    static let summary = """
        {
          "scenario": "black-thursday-2020",
          "seed": "9",
          "blocks": 553,
          "bad_debt_usd": 1679922.95,
          "liquidations": 750,
          "liquidated_debt_usd": 5180000.5,
          "auctions": {"kicked": 525, "settled": 100, "zero_bid": 49},
          "liquidation_delay_blocks": {"p50": 58, "p90": 231, "max": 269},
          "cascade": {"depth": 2, "endogenous_share": 0.076, "endogenous_liquidations": 57, "blocks_to_stability": 900}
        }

        """

    func testRunFolder() throws {
        try writeInfo(command: "run")
        try write("summary.json", Self.summary)
        let entry = try RunEntry(outputFolder: folder.path, createdAt: StoreFixtures.createdAt)
        XCTAssertEqual(entry.info.command, "run")
        XCTAssertEqual(entry.scenarioName, "black-thursday-2020")
        XCTAssertEqual(entry.outputFolder, folder.standardizedFileURL.path)
        XCTAssertEqual(entry.summary + "\n", Self.summary, "stored as written, without the final newline")
        XCTAssertNil(entry.pathCount)
        XCTAssertEqual(entry.metrics, KeyMetrics([.badDebtUSD: 1679922.95, .liquidations: 750, .liquidatedDebtUSD: 5180000.5,
                                                  .zeroBidAuctions: 49, .delayP50Blocks: 58, .delayP90Blocks: 231,
                                                  .delayMaxBlocks: 269, .cascadeDepth: 2]))
        XCTAssertEqual(entry.paths, [PathRecord(path: 0, seed: "9", badDebtUSD: 1679922.95, liquidatedDebtUSD: 5180000.5,
                                                 liquidations: 750, zeroBidAuctions: 49, delayP50Blocks: 58, delayP90Blocks: 231,
                                                 delayMaxBlocks: 269, cascadeDepth: 2, endogenousShare: 0.076)])
    }

    func testRunWithoutLiquidationsHasNoDelays() throws {
        try writeInfo(command: "run")
        try write("summary.json", Self.summary.replacingOccurrences(of: #"{"p50": 58, "p90": 231, "max": 269}"#,
                                                                    with: #"{"p50": null, "p90": null, "max": null}"#))
        let entry = try RunEntry(outputFolder: folder.path)
        XCTAssertNil(entry.metrics[.delayP50Blocks])
        XCTAssertNil(entry.paths[0].delayMaxBlocks)
    }

    /// montecarlo.json as the issue 7 contract writes it.
    static let monteCarlo = """
        {"scenario": "alpha", "seed": "42", "paths": 3, "engine_version": "0.1.0",
         "horizon": {"blocks": 100, "seconds": 1200},
         "metrics": {
           "bad_debt_usd": {"mean": 83.58, "stdev": 1, "min": 0, "p50": 0, "p90": 250.75, "p95": 250.75, "p99": 250.75, "max": 250.75},
           "liquidated_debt_usd": {"mean": 3333.5, "stdev": 1, "min": 0, "p50": 1000.5, "p90": 9000, "p95": 9000, "p99": 9000, "max": 9000},
           "liquidations": {"mean": 4.67, "stdev": 1, "min": 0, "p50": 3, "p90": 11, "p95": 11, "p99": 11, "max": 11},
           "liquidation_delay_p50_blocks": {"mean": 4.5, "stdev": 1, "min": 2, "p50": 2, "p90": 7, "p95": 7, "p99": 7, "max": 7},
           "liquidation_delay_max_blocks": {"mean": 22.5, "stdev": 1, "min": 4, "p50": 4, "p90": 41, "p95": 41, "p99": 41, "max": 41},
           "cascade_depth": {"mean": 1.33, "stdev": 1, "min": 0, "p50": 1, "p90": 3, "p95": 3, "p99": 3, "max": 3}
         },
         "risk": {
           "var": [{"percentile": 95, "bad_debt_usd": 250.75, "expected_shortfall_usd": 251}, {"percentile": 99, "bad_debt_usd": 260, "expected_shortfall_usd": 261}],
           "lar": [{"percentile": 95, "liquidated_debt_usd": 9000, "expected_shortfall_usd": 9001}, {"percentile": 99, "liquidated_debt_usd": 9100, "expected_shortfall_usd": 9101}],
           "insolvency": {"probability": 0.3333, "fraction_of_debt": 0.01, "probability_above_fraction": 0, "initial_debt_usd": 1e6}
         }}
        """

    func testMonteCarloFolder() throws {
        try writeInfo(command: "montecarlo", arguments: ["paths=3"])
        try write("montecarlo.json", Self.monteCarlo)
        try write("paths.csv", PathRecord.csv(StoreFixtures.paths))
        let entry = try RunEntry(outputFolder: folder.path)
        XCTAssertEqual(entry.document, "montecarlo.json")
        XCTAssertEqual(entry.pathCount, 3)
        XCTAssertEqual(entry.paths, StoreFixtures.paths)
        XCTAssertEqual(entry.metrics, KeyMetrics([
            .badDebtUSD: 83.58, .liquidations: 4.67, .liquidatedDebtUSD: 3333.5, .delayP50Blocks: 4.5, .delayMaxBlocks: 22.5,
            .cascadeDepth: 1.33, .var95USD: 250.75, .var99USD: 260, .es95USD: 251, .es99USD: 261, .lar95USD: 9000, .lar99USD: 9100,
            .insolvencyProbability: 0.3333,
        ]))
    }

    func testMonteCarloWithMissingPathsIsRefused() throws {
        try writeInfo(command: "montecarlo")
        try write("montecarlo.json", Self.monteCarlo)
        try write("paths.csv", PathRecord.csv(Array(StoreFixtures.paths.prefix(2))))
        XCTAssertThrowsError(try RunEntry(outputFolder: folder.path)) { error in
            XCTAssertTrue("\(error)".contains("paths.csv: expected 3 paths (montecarlo.json: paths), found 2 rows"), "\(error)")
        }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("paths.csv"))
        XCTAssertThrowsError(try RunEntry(outputFolder: folder.path)) { error in
            XCTAssertTrue("\(error)".contains("paths.csv: expected a completed output file, found no such file"), "\(error)")
        }
    }

    func testAttributionBaselineIsTheBadDebt() throws {
        try writeInfo(command: "attribute", arguments: ["paths=10"])
        try write("attribution.json", #"{"scenario": "alpha", "seed": "42", "paths": 10, "baseline": {"mean_bad_debt_usd": 512.5}, "factors": []}"#)
        let entry = try RunEntry(outputFolder: folder.path)
        XCTAssertEqual(entry.metrics, KeyMetrics([.badDebtUSD: 512.5]))
        XCTAssertEqual(entry.paths, [])
        XCTAssertEqual(entry.pathCount, 10)
    }

    func testMissingOrMalformedFilesAreNamed() throws {
        XCTAssertThrowsError(try RunEntry(outputFolder: folder.path)) { error in
            XCTAssertTrue("\(error)".hasPrefix(folder.appendingPathComponent("run.json").path), "\(error)")
        }
        try writeInfo(command: "report")
        XCTAssertThrowsError(try RunEntry(outputFolder: folder.path)) { error in
            XCTAssertTrue("\(error)".contains("run.json: command: expected one of run, montecarlo, sweep, attribute, found 'report'"), "\(error)")
        }
        try writeInfo(command: "run")
        XCTAssertThrowsError(try RunEntry(outputFolder: folder.path)) { error in
            XCTAssertTrue("\(error)".contains("summary.json: expected a completed output file"), "\(error)")
        }
        try write("summary.json", #"{"scenario": "alpha", "bad_debt_usd": }"#)
        XCTAssertThrowsError(try RunEntry(outputFolder: folder.path)) { error in
            XCTAssertTrue("\(error)".contains("summary.json: not JSON: line 1: expected a JSON value, found '}'"), "\(error)")
        }
        try write("summary.json", #"{"scenario": "alpha"}"#)
        XCTAssertThrowsError(try RunEntry(outputFolder: folder.path)) { error in
            XCTAssertTrue("\(error)".contains("summary.json: bad_debt_usd: expected a number, found none"), "\(error)")
        }
    }
}
