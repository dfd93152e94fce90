import Foundation
import XCTest

/// `cascade montecarlo`, `sweep` and `attribute` on the reduced Black Thursday (half an hour from
/// 10:00 UTC, 300 vaults).
final class MonteCarloCommandTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let scenario = root.appendingPathComponent("scenarios/black-thursday-2020.toml").path
    static let reduced = ["--set", "chain.start_timestamp=\"2020-03-12T10:00:00Z\"", "--set", "duration_hours=0.5",
                          "--set", "population.eth-a.positions=300", "--set", "population.eth-a.total_debt_usd=6_000_000"]
    var workspace: URL!

    override func setUpWithError() throws {
        workspace = FileManager.default.temporaryDirectory.appendingPathComponent("cascade-mc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workspace)
    }

    func folder(_ name: String) -> URL { workspace.appendingPathComponent(name) }

    func read(_ folder: URL, _ file: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(file)) }

    func json(_ folder: URL, _ file: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: try read(folder, file)) as! [String: Any]
    }

    func testOutputsAreByteIdenticalForOneAndTwoJobs() throws {
        for jobs in ["1", "2"] {
            let result = try CascadeProcess.run(["montecarlo", Self.scenario] + Self.reduced
                                                + ["--paths", "3", "--jobs", jobs, "--out", folder("j\(jobs)").path])
            XCTAssertEqual(result.status, 0, result.standardError)
            XCTAssertTrue(result.standardOutput.contains("VaR 95 %"), result.standardOutput)
            XCTAssertTrue(result.standardOutput.contains("horizon 0.5 h"), result.standardOutput)
        }
        XCTAssertEqual(try read(folder("j1"), "montecarlo.json"), try read(folder("j2"), "montecarlo.json"))
        XCTAssertEqual(try read(folder("j1"), "paths.csv"), try read(folder("j2"), "paths.csv"))
        XCTAssertEqual(try read(folder("j1"), "run.json"), try read(folder("j2"), "run.json"), "--jobs is not recorded")
        let info = try json(folder("j1"), "run.json")
        XCTAssertEqual(info["command"] as? String, "montecarlo")
        XCTAssertEqual(info["arguments"] as? [String], ["paths=3", "insolvency_fraction=0.01"])
        let document = try json(folder("j1"), "montecarlo.json")
        XCTAssertEqual(document["paths"] as? Int, 3)
        XCTAssertEqual((document["horizon"] as? [String: Any])?["blocks"] as? Int, 138)
        let risk = document["risk"] as! [String: Any]
        XCTAssertEqual((risk["var"] as! [[String: Any]]).map { $0["percentile"] as? Int }, [95, 99])
        XCTAssertEqual((risk["insolvency"] as! [String: Any])["initial_debt_usd"] as? Int, 36_000_000)
        let rows = String(decoding: try read(folder("j1"), "paths.csv"), as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(rows.count, 4)
        XCTAssertTrue(rows[1].hasPrefix("0,"))
        // The distribution of the per-path delays is the paths' own figures (the largest p50 and max).
        let header = rows[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        func column(_ name: String) -> [Double] {
            let index = header.firstIndex(of: name)!
            return rows.dropFirst().compactMap { Double($0.split(separator: ",", omittingEmptySubsequences: false)[index]) }
        }
        let metrics = document["metrics"] as! [String: [String: Any]]
        XCTAssertFalse(column("delay_p50_blocks").isEmpty)
        XCTAssertEqual(metrics["liquidation_delay_p50_blocks"]?["max"] as? Double, column("delay_p50_blocks").max())
        XCTAssertEqual(metrics["liquidation_delay_max_blocks"]?["max"] as? Double, column("delay_max_blocks").max())
        XCTAssertEqual(metrics["bad_debt_usd"]?["max"] as? Double, column("bad_debt_usd").max())
    }

    /// A signed Monte Carlo folder re-executes from its run.json alone (`paths=`,
    /// `insolvency_fraction=` become `--paths`, `--insolvency-fraction`) to the same bytes.
    func testVerifyRerunsAMonteCarlo() throws {
        let out = folder("signed")
        let run = try CascadeProcess.run(["montecarlo", Self.scenario] + Self.reduced + ["--paths", "2", "--out", out.path, "--no-db"])
        XCTAssertEqual(run.status, 0, run.standardError)
        let key = folder("key.txt")
        try Data("0x\(String(repeating: "0", count: 63))7\n".utf8).write(to: key)
        let report = try CascadeProcess.run(["report", out.path, "--sign", key.path])
        XCTAssertEqual(report.status, 0, report.standardError)
        let verify = try CascadeProcess.run(["verify", out.path, "--rerun"])
        XCTAssertEqual(verify.status, 0, verify.standardOutput + verify.standardError)
        XCTAssertTrue(verify.standardOutput.contains("--insolvency-fraction 0.01"), verify.standardOutput)
        XCTAssertTrue(verify.standardOutput.contains("rerun byte-identical"), verify.standardOutput)
    }

    func testBadArgumentsWriteNothing() throws {
        for arguments in [["--paths", "0"], ["--jobs", "0"], ["--insolvency-fraction", "2"], ["--set", "chain.gas_limt=1"]] {
            let result = try CascadeProcess.run(["montecarlo", Self.scenario] + Self.reduced + arguments + ["--out", folder("bad").path])
            XCTAssertNotEqual(result.status, 0, "\(arguments)")
            XCTAssertTrue(result.standardError.contains(arguments[0] == "--set" ? "chain.gas_limt" : arguments[0]), result.standardError)
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder("bad").path), "\(arguments)")
        }
    }

    func testSweepValidatesEveryCellBeforeSimulating() throws {
        let bad = try CascadeProcess.run(["sweep", Self.scenario] + Self.reduced
                                         + ["--vary", "chain.gas_limit=10000000,1", "--paths", "1", "--out", folder("bad").path])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.standardError.contains("cell 2 of 2 (chain.gas_limit=1)"), bad.standardError)
        XCTAssertTrue(bad.standardError.contains("chain.gas_limit"), bad.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder("bad").path))
        let syntax = try CascadeProcess.run(["sweep", Self.scenario, "--vary", "chain.gas_limit=1:2:0", "--out", folder("bad").path])
        XCTAssertNotEqual(syntax.status, 0)
        XCTAssertTrue(syntax.standardError.contains("--vary: chain.gas_limit: expected a step > 0"), syntax.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder("bad").path))
    }

    func testSweepWritesOneRowPerCell() throws {
        let result = try CascadeProcess.run(["sweep", Self.scenario] + Self.reduced
                                            + ["--vary", "chain.gas_limit=5_000_000:10_000_000:5_000_000", "--paths", "2",
                                               "--out", folder("sweep").path])
        XCTAssertEqual(result.status, 0, result.standardError)
        let rows = String(decoding: try read(folder("sweep"), "cells.csv"), as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(rows.first, "chain.gas_limit,var95,var99,es95,es99,lar95,lar99,p_insolvency,mean_bad_debt_usd,mean_liquidated_debt_usd")
        XCTAssertEqual(rows.dropFirst().map { $0.split(separator: ",").first }, ["5000000", "10000000"])
        let document = try json(folder("sweep"), "sweep.json")
        XCTAssertEqual((document["cells"] as? [Any])?.count, 2)
        XCTAssertEqual(try json(folder("sweep"), "run.json")["arguments"] as? [String],
                       ["paths=2", "vary=chain.gas_limit=5000000,10000000", "insolvency_fraction=0.01"])
    }

    func testAttributeReportsFourFactorsAgainstTheBaseline() throws {
        let database = folder("runs.sqlite").path
        let result = try CascadeProcess.run(["attribute", Self.scenario] + Self.reduced
                                            + ["--paths", "1", "--out", folder("attr").path, "--db", database])
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertTrue(result.standardOutput.contains("recorded as run 1"), result.standardOutput)
        let listed = try CascadeProcess.run(["runs", "list", "--db", database, "--json"])
        XCTAssertEqual(listed.status, 0, listed.standardError)
        XCTAssertTrue(listed.standardOutput.contains("\"attribute\""), listed.standardOutput)
        let document = try json(folder("attr"), "attribution.json")
        let baseline = (document["baseline"] as! [String: Any])["mean_bad_debt_usd"] as! Double
        let factors = document["factors"] as! [[String: Any]]
        XCTAssertEqual(factors.map { $0["name"] as? String },
                       ["background_congestion", "oracle_delay", "market_depth", "keeper_capacity"])
        for factor in factors {
            let mean = factor["mean_bad_debt_usd"] as! Double, reduction = factor["reduction_usd"] as! Double
            XCTAssertEqual(reduction, baseline - mean, accuracy: 0.011)
        }
        XCTAssertEqual(try json(folder("attr"), "run.json")["command"] as? String, "attribute")
    }
}
