import CascadeEngine
import CascadeReport
import FoundationXML
import XCTest

/// Reports of hand-written Monte Carlo, sweep and attribution folders (the issue 7 contract):
/// well-formed XHTML with the distribution, heatmap and attribution charts, and the numbers
/// of the files in the Markdown.
final class ReportFixtureTests: XCTestCase {
    var folder: String!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cascade-report-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(toFile: RunFolder.file(folder, name), atomically: true, encoding: .utf8)
    }

    static let statistics = #"{"mean": 1200.5, "stdev": 300, "min": 0, "p50": 1000, "p90": 2000, "p95": 2500, "p99": 4000, "max": 5000}"#

    func writeMonteCarlo() throws {
        let metrics = ["bad_debt_usd", "liquidated_debt_usd", "liquidations", "liquidation_delay_p50_blocks",
                       "liquidation_delay_max_blocks", "cascade_depth"].map { "\"\($0)\": \(Self.statistics)" }.joined(separator: ", ")
        try write("montecarlo.json", """
            {"scenario": "eth-crash", "seed": "7", "paths": 4, "engine_version": "0.1.0",
             "horizon": {"blocks": 7200, "seconds": 86400},
             "metrics": {\(metrics)},
             "risk": {"var": [{"percentile": 95, "bad_debt_usd": 2500, "expected_shortfall_usd": 4000.25},
                              {"percentile": 99, "bad_debt_usd": 4000, "expected_shortfall_usd": 5000}],
                      "lar": [{"percentile": 95, "liquidated_debt_usd": 90000, "expected_shortfall_usd": 95000},
                              {"percentile": 99, "liquidated_debt_usd": 99000, "expected_shortfall_usd": 99500}],
                      "insolvency": {"probability": 0.75, "fraction_of_debt": 0.01, "probability_above_fraction": 0.25, "initial_debt_usd": 1000000}}}
            """)
        try write("paths.csv", """
            path,seed,bad_debt_usd,liquidated_debt_usd,liquidations,zero_bid_auctions,delay_p50_blocks,delay_p90_blocks,delay_max_blocks,cascade_depth,endogenous_share
            0,11,0,50000,3,0,2,5,9,1,0
            1,12,1000,60000,4,1,3,6,10,2,0.25
            2,13,2500,90000,5,1,3,7,12,2,0.2
            3,14,5000,99500,7,2,4,9,15,3,0.4

            """)
    }

    func writeSweep() throws {
        let cell = { (gas: String, ttl: String, var95: Double) in
            #"{"values": {"chain.gas_limit": "\#(gas)", "maker.ttl": "\#(ttl)"}, "metrics": {}, "risk": {"var": [{"percentile": 95, "bad_debt_usd": \#(var95), "expected_shortfall_usd": 1}]}}"#
        }
        try write("sweep.json", """
            {"scenario": "eth-crash", "seed": "7", "paths": 2,
             "axes": [{"key": "maker.ttl", "values": ["600", "3600"]}, {"key": "chain.gas_limit", "values": ["10000000", "30000000"]}],
             "cells": [\(cell("10000000", "600", 10)), \(cell("30000000", "600", 5)), \(cell("10000000", "3600", 40)), \(cell("30000000", "3600", 20))]}
            """)
        try write("cells.csv", """
            maker.ttl,chain.gas_limit,var95,var99,es95,es99,lar95,lar99,p_insolvency,mean_bad_debt_usd,mean_liquidated_debt_usd
            600,10000000,10,11,12,13,100,110,0.5,7,90
            600,30000000,5,6,7,8,100,110,0.5,3,90
            3600,10000000,40,41,42,43,100,110,1,30,90
            3600,30000000,20,21,22,23,100,110,0.5,15,90

            """)
    }

    func writeAttribution() throws {
        try write("attribution.json", """
            {"scenario": "eth-crash", "seed": "7", "paths": 4, "baseline": {"mean_bad_debt_usd": 1000},
             "factors": [{"name": "background_congestion", "description": "no background demand", "mean_bad_debt_usd": 400, "reduction_usd": 600, "share": 0.6},
                         {"name": "oracle_delay", "description": "instant oracle", "mean_bad_debt_usd": 900, "reduction_usd": 100, "share": 0.1}]}
            """)
    }

    func chartIDs(_ html: String) throws -> [String] {
        let document = try XMLDocument(xmlString: html, options: [])
        return try document.nodes(forXPath: "//*[local-name()='svg']").compactMap { ($0 as? XMLElement)?.attributeValue("id") }
    }

    func testMonteCarloSweepAndAttributionCharts() throws {
        try writeMonteCarlo()
        try writeSweep()
        try writeAttribution()
        let report = Report(folder: try RunFolder.read(path: folder))
        XCTAssertEqual(try chartIDs(report.html), ["chart-montecarlo", "chart-sweep", "chart-attribution"])
        XCTAssertEqual(report.chartIDs, ["chart-montecarlo", "chart-sweep", "chart-attribution"])
        let html = report.html
        XCTAssertTrue(html.contains("VaR 95 = 2.5k"), "the VaR 95 line is drawn")
        XCTAssertTrue(html.contains("VaR 99 = 4k"), "the VaR 99 line is drawn")
        let markdown = report.markdown
        for piece in ["| VaR 95 | 95 % | 2500 | 4000.25 |", "| LaR 99 | 99 % | 99000 | 99500 |", "| P(insolvency) |  | 0.75 |",
                      "| bad_debt_usd | 1200.5 | 300 | 0 | 1000 | 2000 | 2500 | 4000 | 5000 |", "Horizon: 7200 blocks (86400 seconds) per path; 4 paths",
                      "| 3600 | 10000000 | 40 |", "| background_congestion | no background demand | 400 | 600 | 0.6 |"] {
            XCTAssertTrue(markdown.contains(piece), "\(piece) not in the Markdown report")
        }
    }

    func testSweepHeatmapLaysTheLastAxisAcross() throws {
        try writeSweep()
        try FileManager.default.removeItem(atPath: RunFolder.file(folder, "cells.csv"))
        let html = Report(folder: try RunFolder.read(path: folder)).html
        let document = try XMLDocument(xmlString: html, options: [])
        let cells = try document.nodes(forXPath: "//*[@id='chart-sweep']//*[@class='cell']") 
        XCTAssertEqual(cells.count, 4)
        // Rows maker.ttl 600, 3600; columns gas 10M, 30M: the largest VaR (40) is row 2, column 1.
        XCTAssertEqual(cells[2].attributeValue("fill"), "#a50f15")
        XCTAssertEqual(cells[1].attributeValue("fill"), "#fff5f0")
    }

    func testMalformedFilesAreLocated() throws {
        try write("paths.csv", "path,seed,bad_debt_usd\n0,1,5\n1,2\n")
        XCTAssertThrowsError(try RunFolder.read(path: folder)) { error in
            XCTAssertTrue("\(error)".contains("paths.csv:3"), "\(error)")
        }
        try FileManager.default.removeItem(atPath: RunFolder.file(folder, "paths.csv"))
        try write("montecarlo.json", "{\"scenario\": \"x\",\n \"paths\": }")
        XCTAssertThrowsError(try RunFolder.read(path: folder)) { error in
            XCTAssertTrue("\(error)".contains("montecarlo.json:2"), "\(error)")
        }
        try FileManager.default.removeItem(atPath: RunFolder.file(folder, "montecarlo.json"))
        XCTAssertThrowsError(try RunFolder.read(path: folder)) { error in
            XCTAssertTrue("\(error)".contains("none of run.json"), "\(error)")
        }
    }
}
