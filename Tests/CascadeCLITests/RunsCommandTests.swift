import CascadeEngine
import CascadeStore
import Foundation
import XCTest

/// `cascade run` records into the run store and `cascade runs` reads it back: tables, JSON and
/// CSV agree with the files the run wrote; a killed write leaves no partial record.
final class RunsCommandTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let scenario = root.appendingPathComponent("scenarios/black-thursday-2020.toml").path
    var workspace: URL!
    var database: String { workspace.appendingPathComponent("runs.sqlite").path }

    override func setUpWithError() throws {
        workspace = FileManager.default.temporaryDirectory.appendingPathComponent("cascade-runs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workspace)
    }

    /// The first two hours of Black Thursday (liquidations, no bad debt yet), without signing.
    func simulate(_ folder: String, _ extra: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws -> CascadeProcess {
        let result = try CascadeProcess.run(["run", Self.scenario, "--out", workspace.appendingPathComponent(folder).path,
                                             "--set", "duration_hours=2", "--no-sign", "--db", database] + extra)
        XCTAssertEqual(result.status, 0, result.standardError, file: file, line: line)
        return result
    }

    func runs(_ arguments: [String]) throws -> CascadeProcess {
        try CascadeProcess.run(["runs"] + arguments + ["--db", database])
    }

    func summary(_ folder: String) throws -> (text: String, json: NSDictionary) {
        let data = try Data(contentsOf: workspace.appendingPathComponent(folder).appendingPathComponent("summary.json"))
        return (String(decoding: data, as: UTF8.self), try JSONSerialization.jsonObject(with: data) as! NSDictionary)
    }

    /// The text of a number as summary.json writes it (the CSV export uses the same form).
    func field(_ summary: String, _ key: String) throws -> String {
        let match = try XCTUnwrap(summary.firstMatch(of: try Regex("\"\(key)\": ([^,\\n]+)")))
        return String(try XCTUnwrap(match.output[1].substring))
    }

    func testRecordedRunsAreListedShownComparedAndExported() throws {
        let first = try simulate("a")
        XCTAssertTrue(first.standardOutput.hasSuffix("recorded as run 1 in \(database)\n"), first.standardOutput)
        _ = try simulate("b", ["--seed", "7", "--set", "chain.gas_limit=30000000"])
        let (textA, jsonA) = try summary("a")
        let (_, jsonB) = try summary("b")

        let list = try runs(["list"])
        XCTAssertEqual(list.status, 0, list.standardError)
        let lines = list.standardOutput.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[0].hasPrefix("id  kind  created_at"), lines[0])
        XCTAssertTrue(lines[1].hasPrefix(" 1  run   20"), lines[1])
        XCTAssertTrue(lines[2].contains("black-thursday-2020  7 "), lines[2])
        XCTAssertTrue(lines[1].hasSuffix(workspace.appendingPathComponent("a").path), lines[1])

        let listed = try JSONSerialization.jsonObject(with: Data(try runs(["list", "--json"]).standardOutput.utf8)) as! [[String: Any]]
        XCTAssertEqual(listed.map { $0["id"] as? Int }, [1, 2])
        for (record, summary) in zip(listed, [jsonA, jsonB]) {
            let metrics = record["metrics"] as! [String: Any]
            XCTAssertEqual(metrics["liquidations"] as? Int, summary["liquidations"] as? Int)
            XCTAssertEqual(metrics["bad_debt_usd"] as? Double, summary["bad_debt_usd"] as? Double)
            XCTAssertEqual(record["seed"] as? String, summary["seed"] as? String)
        }

        let info = try RunInfo.read(path: workspace.appendingPathComponent("a/run.json").path)
        let show = try runs(["show", "1"])
        XCTAssertEqual(show.status, 0, show.standardError)
        for input in info.inputs {
            XCTAssertTrue(show.standardOutput.contains("\(input.path)  "), input.path)
            XCTAssertTrue(show.standardOutput.contains(input.keccak256), input.path)
        }
        let shown = try JSONSerialization.jsonObject(with: Data(try runs(["show", "1", "--json"]).standardOutput.utf8)) as! NSDictionary
        XCTAssertEqual(shown["summary"] as? NSDictionary, jsonA, "the stored summary is summary.json")
        XCTAssertEqual((shown["inputs"] as? [NSDictionary])?.count, info.inputs.count)

        let compare = try runs(["compare", "1", "2"])
        XCTAssertEqual(compare.status, 0, compare.standardError)
        let seedLine = try XCTUnwrap(compare.standardOutput.split(separator: "\n").first { $0.hasPrefix("seed ") })
        XCTAssertTrue(seedLine.contains("20200312") && seedLine.contains(" 7 ") && seedLine.hasSuffix("*"), String(seedLine))
        let liquidations = (jsonA["liquidations"] as! Int, jsonB["liquidations"] as! Int)
        let difference = liquidations.1 - liquidations.0
        let expected = "liquidations  count  \(liquidations.0)  \(liquidations.1)  \(difference > 0 ? "+" : "")\(difference)"
        XCTAssertTrue(compare.standardOutput.replacing(try Regex(" +"), with: "  ").contains(expected), compare.standardOutput)
        XCTAssertTrue(compare.standardOutput.contains("inputs: identical"), compare.standardOutput)

        let csv = workspace.appendingPathComponent("a.csv")
        let export = try runs(["export", "1", "--csv", csv.path])
        XCTAssertEqual(export.status, 0, export.standardError)
        let delays = jsonA["liquidation_delay_blocks"] as! [String: Int]
        let auctions = jsonA["auctions"] as! [String: Int], cascade = jsonA["cascade"] as! [String: Any]
        XCTAssertEqual(try String(contentsOf: csv, encoding: .utf8), """
            path,seed,bad_debt_usd,liquidated_debt_usd,liquidations,zero_bid_auctions,delay_p50_blocks,delay_p90_blocks,delay_max_blocks,cascade_depth,endogenous_share
            0,20200312,\(try field(textA, "bad_debt_usd")),\(try field(textA, "liquidated_debt_usd")),\(liquidations.0),\(auctions["zero_bid"]!),\
            \(delays["p50"]!),\(delays["p90"]!),\(delays["max"]!),\(cascade["depth"] as! Int),\(try field(textA, "endogenous_share"))

            """)
        XCTAssertGreaterThan(liquidations.0, 0, "the fixture exercises the delay columns")
    }

    func testNoDatabaseFlagRecordsNothing() throws {
        _ = try simulate("a", ["--no-db"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: database))
        let add = try runs(["add", workspace.appendingPathComponent("a").path])
        XCTAssertEqual(add.status, 0, add.standardError)
        XCTAssertEqual(add.standardOutput, "recorded \(workspace.appendingPathComponent("a").path) as run 1 in \(database)\n")
    }

    func testForeignDatabaseStopsTheRunBeforeAnyOutput() throws {
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: database))
        let out = workspace.appendingPathComponent("a")
        let result = try CascadeProcess.run(["run", Self.scenario, "--out", out.path, "--set", "duration_hours=0.5", "--db", database])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.standardError.contains("\(database): not a Cascade run store"), result.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    func testRunsErrorsNameTheFile() throws {
        let missing = try runs(["list"])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.standardError.contains("\(database): no run store here"), missing.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: database), "reading does not create a store")
        _ = try simulate("a", ["--set", "duration_hours=0.5"])
        for arguments in [["show", "4"], ["compare", "1", "4"], ["export", "4", "--csv", "-"]] {
            let result = try runs(arguments)
            XCTAssertNotEqual(result.status, 0, "\(arguments)")
            XCTAssertTrue(result.standardError.contains("\(database): no run with id 4 (1 recorded"), result.standardError)
        }
    }

    /// The recording process is killed inside its open transaction (the test hook pauses it
    /// there): SQLite rolls the hot journal back, the earlier record stays, no partial one exists.
    func testKilledWhileRecordingLeavesAConsistentStore() throws {
        _ = try simulate("a", ["--set", "duration_hours=0.5"])
        let marker = workspace.appendingPathComponent("in-transaction")
        let process = Process()
        process.executableURL = CascadeProcess.productsDirectory.appendingPathComponent("cascade")
        process.arguments = ["run", Self.scenario, "--out", workspace.appendingPathComponent("b").path, "--set", "duration_hours=0.5",
                             "--no-sign", "--db", database]
        process.environment = ProcessInfo.processInfo.environment.merging(["CASCADE_STORE_PAUSE_BEFORE_COMMIT": marker.path]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<1200 where !FileManager.default.fileExists(atPath: marker.path) && process.isRunning { usleep(100_000) }
        XCTAssertTrue(FileManager.default.fileExists(atPath: marker.path), "the run reached its recording transaction")
        XCTAssertTrue(FileManager.default.fileExists(atPath: database + "-journal"), "the transaction has written rows")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)

        let store = try RunStore(path: database, create: false)
        XCTAssertEqual(try store.check(), [])
        XCTAssertEqual(try store.list().map(\.id), [1], "no partial record")
        XCTAssertEqual(try store.record(try RunEntry(outputFolder: workspace.appendingPathComponent("b").path)), 2,
                       "the killed run's outputs were complete and can be recorded later")
    }
}
