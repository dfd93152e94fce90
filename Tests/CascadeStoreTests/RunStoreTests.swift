import CascadeEngine
@testable import CascadeStore
import Foundation
import GRDB
import XCTest

/// The run store: what is recorded reads back exactly; a record is all or nothing; bad files
/// and ids give errors naming the file.
final class RunStoreTests: XCTestCase {
    var folder: URL!
    var databasePath: String { folder.appendingPathComponent("runs.sqlite").path }

    override func setUpWithError() throws {
        folder = try StoreFixtures.temporaryFolder()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Row counts of the three tables, read with a separate connection.
    func counts() throws -> [Int] {
        try DatabaseQueue(path: databasePath).read { db in
            try ["runs", "run_inputs", "run_paths"].map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1 }
        }
    }

    func testRecordedRunReadsBackExactly() throws {
        let store = try RunStore(path: databasePath)
        let entry = StoreFixtures.run()
        let id = try store.record(entry)
        XCTAssertEqual(id, 1)
        let stored = try store.run(id: id)
        XCTAssertEqual(stored, StoredRun(
            id: 1, kind: "run", createdAt: StoreFixtures.createdAtText, scenario: "alpha", scenarioPath: "scenarios/a.toml",
            seed: "42", engineVersion: "0.1.0", overrides: ["chain.gas_limit=30000000"], arguments: [],
            inputs: StoreFixtures.inputs, outputFolder: "/tmp/out/a", document: "summary.json", summary: entry.summary,
            paths: nil, metrics: entry.metrics))
        XCTAssertEqual(try store.paths(runID: id), entry.paths)
        XCTAssertEqual(try counts(), [1, 2, 1])
    }

    func testListKeepsRecordingOrderAcrossReopening() throws {
        try RunStore(path: databasePath).record(StoreFixtures.run(seed: 1))
        try RunStore(path: databasePath).record(StoreFixtures.monteCarlo())
        try RunStore(path: databasePath).record(StoreFixtures.run(seed: 3))
        let runs = try RunStore(path: databasePath, create: false).list()
        XCTAssertEqual(runs.map(\.id), [1, 2, 3])
        XCTAssertEqual(runs.map(\.kind), ["run", "montecarlo", "run"])
        XCTAssertEqual(runs.map(\.seed), ["1", "42", "3"])
        XCTAssertEqual(runs[1].paths, 3)
        XCTAssertEqual(runs[1].arguments, ["paths=3"])
    }

    func testMonteCarloKeepsEveryPathInOrder() throws {
        let store = try RunStore(path: databasePath)
        let id = try store.record(StoreFixtures.monteCarlo())
        XCTAssertEqual(try store.paths(runID: id), StoreFixtures.paths)
        let metrics = try store.run(id: id).metrics
        XCTAssertEqual(metrics[.insolvencyProbability], 1.0 / 3)
        XCTAssertEqual(metrics[.var99USD], 250.75)
        XCTAssertNil(metrics[.delayP90Blocks])
        XCTAssertEqual(try store.check(), [])
    }

    func testPathsCSVExactContent() throws {
        let store = try RunStore(path: databasePath)
        let monteCarlo = try store.record(StoreFixtures.monteCarlo())
        let run = try store.record(StoreFixtures.run())
        XCTAssertEqual(try store.pathsCSV(runID: monteCarlo), """
            path,seed,bad_debt_usd,liquidated_debt_usd,liquidations,zero_bid_auctions,delay_p50_blocks,delay_p90_blocks,delay_max_blocks,cascade_depth,endogenous_share
            0,18446744073709551615,0,1000.5,3,0,2,4,4,1,0
            1,12,0,0,0,0,,,,0,0
            2,977,250.75,9000,11,5,7,30,41,3,0.125

            """)
        XCTAssertEqual(try store.pathsCSV(runID: run), """
            path,seed,bad_debt_usd,liquidated_debt_usd,liquidations,zero_bid_auctions,delay_p50_blocks,delay_p90_blocks,delay_max_blocks,cascade_depth,endogenous_share
            0,42,1234.56,50000.25,7,2,3,9,12,2,0.285714

            """)
    }

    func testSweepHasNoPathsToExport() throws {
        let store = try RunStore(path: databasePath)
        var sweep = StoreFixtures.monteCarlo()
        sweep.info.command = "sweep"
        sweep.document = "sweep.json"
        sweep.paths = []
        let id = try store.record(sweep)
        XCTAssertThrowsError(try store.pathsCSV(runID: id)) { error in
            XCTAssertTrue("\(error)".contains("run 1 is a sweep"), "\(error)")
            XCTAssertTrue("\(error)".contains("/tmp/out/mc/sweep.json"), "\(error)")
        }
    }

    func testCompareShowsDifferences() throws {
        let store = try RunStore(path: databasePath)
        let changed = [StoreFixtures.inputs[0], RunInfo.Input(path: "protocols/m.toml", keccak256: "0x" + String(repeating: "c", count: 64)),
                       RunInfo.Input(path: "data/extra.csv", keccak256: "0x" + String(repeating: "d", count: 64))]
        let first = try store.record(StoreFixtures.run(seed: 1, badDebt: 100))
        let second = try store.record(StoreFixtures.run(seed: 2, inputs: changed, badDebt: 350.5))
        let comparison = try store.compare(first, second)
        XCTAssertEqual(comparison.settings.filter(\.differs).map(\.name), ["seed"])
        let badDebt = try XCTUnwrap(comparison.metrics.first { $0.metric == .badDebtUSD })
        XCTAssertEqual(badDebt.difference, 250.5)
        XCTAssertEqual(comparison.metrics.map(\.metric), [.badDebtUSD, .liquidations, .liquidatedDebtUSD, .zeroBidAuctions,
                                                          .delayP50Blocks, .delayP90Blocks, .delayMaxBlocks, .cascadeDepth],
                       "metrics that neither run has are left out")
        XCTAssertEqual(comparison.inputChanges, [
            RunComparison.InputChange(path: "protocols/m.toml", first: StoreFixtures.inputs[1].keccak256, second: changed[1].keccak256),
            RunComparison.InputChange(path: "data/extra.csv", first: nil, second: changed[2].keccak256),
        ])
    }

    /// `beforeCommit` runs after every row is written; its failure must roll all of them back.
    func testFailureInsideTheTransactionRecordsNothing() throws {
        struct Interrupted: Error {}
        let store = try RunStore(path: databasePath)
        var reached = false
        XCTAssertThrowsError(try store.record(StoreFixtures.monteCarlo()) {
            reached = true
            throw Interrupted()
        }) { error in
            XCTAssertTrue("\(error)".hasPrefix(databasePath + ": cannot record the montecarlo"), "\(error)")
        }
        XCTAssertTrue(reached)
        XCTAssertEqual(try counts(), [0, 0, 0])
        XCTAssertEqual(try store.list(), [])
        XCTAssertEqual(try store.record(StoreFixtures.run()), 1, "the id of the rolled-back record is not consumed")
    }

    /// A row that SQLite rejects after the run and its inputs were inserted (a duplicate path).
    func testRejectedRowMidRecordRecordsNothing() throws {
        let store = try RunStore(path: databasePath)
        try store.record(StoreFixtures.run())
        var entry = StoreFixtures.monteCarlo()
        entry.paths[2].path = 1
        XCTAssertThrowsError(try store.record(entry)) { error in
            XCTAssertTrue("\(error)".contains("UNIQUE constraint failed: run_paths.run_id, run_paths.path"), "\(error)")
        }
        XCTAssertEqual(try counts(), [1, 2, 1], "only the earlier run")
        XCTAssertEqual(try store.check(), [])
    }

    func testUnknownIDNamesTheFile() throws {
        let store = try RunStore(path: databasePath)
        try store.record(StoreFixtures.run())
        for call in [{ _ = try store.run(id: 2) }, { _ = try store.paths(runID: 0) }, { _ = try store.compare(1, 5) }] {
            XCTAssertThrowsError(try call()) { error in
                XCTAssertTrue("\(error)".hasPrefix(databasePath + ": no run with id"), "\(error)")
                XCTAssertTrue("\(error)".contains("1 recorded"), "\(error)")
            }
        }
    }

    func testUnknownKindIsRefused() throws {
        var entry = StoreFixtures.run()
        entry.info.command = "report"
        XCTAssertThrowsError(try RunStore(path: databasePath).record(entry)) { error in
            XCTAssertTrue("\(error)".contains("cannot record a 'report'"), "\(error)")
        }
        XCTAssertEqual(try counts(), [0, 0, 0])
    }

    func assertOpenFails(_ path: String, create: Bool = true, mentions expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try RunStore(path: path, create: create), file: file, line: line) { error in
            XCTAssertTrue("\(error)".hasPrefix(path + ": "), "\(error)", file: file, line: line)
            XCTAssertTrue("\(error)".contains(expected), "\(error)", file: file, line: line)
        }
    }

    func testMissingStoreIsCreatedOnlyWhenAsked() throws {
        assertOpenFails(databasePath, create: false, mentions: "no run store here")
        XCTAssertFalse(FileManager.default.fileExists(atPath: databasePath))
        let nested = folder.appendingPathComponent("a/b/runs.sqlite").path
        XCTAssertEqual(try RunStore(path: nested).list(), [])
        XCTAssertTrue(FileManager.default.fileExists(atPath: nested))
    }

    func testFileThatIsNotADatabase() throws {
        try Data("run,seed\n1,2\n".utf8).write(to: URL(fileURLWithPath: databasePath))
        assertOpenFails(databasePath, mentions: "not a Cascade run store (not an SQLite database")
    }

    func testOtherSQLiteDatabase() throws {
        try DatabaseQueue(path: databasePath).write { db in try db.execute(sql: "CREATE TABLE notes (text TEXT)") }
        assertOpenFails(databasePath, mentions: "not a Cascade run store (an SQLite database with other tables")
    }

    func testSchemaFromANewerEngine() throws {
        try RunStore(path: databasePath).record(StoreFixtures.run())
        try DatabaseQueue(path: databasePath).write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v2')") }
        assertOpenFails(databasePath, mentions: "written by a newer cascade")
        assertOpenFails(databasePath, mentions: "applied: v1, v2")
    }

    func testPathThatCannotBeCreated() throws {
        let blocker = folder.appendingPathComponent("file")
        try Data().write(to: blocker)
        assertOpenFails(blocker.appendingPathComponent("runs.sqlite").path, mentions: "cannot create the folder")
        assertOpenFails(folder.path, mentions: "expected a database file, found a folder")
    }

    func testSchemaHasAColumnPerKeyMetric() throws {
        _ = try RunStore(path: databasePath)
        let (runs, paths, applicationID) = try DatabaseQueue(path: databasePath).read { db in
            (try db.columns(in: "runs").map(\.name), try db.columns(in: "run_paths").map(\.name),
             try Int32.fetchOne(db, sql: "PRAGMA application_id"))
        }
        XCTAssertEqual(Array(runs.suffix(KeyMetric.allCases.count)), KeyMetric.allCases.map(\.column))
        XCTAssertEqual(paths, ["run_id"] + PathRecord.columns)
        XCTAssertEqual(applicationID, RunStore.applicationID)
    }

    func testShowJSONEmbedsTheSummaryInOrder() throws {
        let store = try RunStore(path: databasePath)
        let id = try store.record(StoreFixtures.run())
        let json = try store.run(id: id).json(details: true).serialized(indent: nil)
        XCTAssertTrue(json.hasPrefix(#"{"id":1,"kind":"run","created_at":"2026-05-28T20:26:40Z","scenario":"alpha","#), json)
        XCTAssertTrue(json.hasSuffix(#""document":"summary.json","summary":{"scenario":"alpha","bad_debt_usd":1234.56}}"#), json)
        XCTAssertTrue(json.contains(#""metrics":{"bad_debt_usd":1234.56,"liquidations":7,"#), json)
        XCTAssertTrue(json.contains(#""p_insolvency":null}"#), json)
    }
}
