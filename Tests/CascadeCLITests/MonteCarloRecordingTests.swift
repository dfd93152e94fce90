import CascadeEngine
import CascadeStore
import Foundation
import XCTest

/// `cascade montecarlo` and `cascade sweep` record into the run store: a Monte Carlo with one
/// row per path (exported exactly as its paths.csv), and a Monte Carlo killed while recording
/// leaves the database and the output folder consistent.
final class MonteCarloRecordingTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let scenario = root.appendingPathComponent("scenarios/black-thursday-2020.toml").path
    var workspace: URL!
    var database: String { workspace.appendingPathComponent("runs.sqlite").path }

    override func setUpWithError() throws {
        workspace = FileManager.default.temporaryDirectory.appendingPathComponent("cascade-mc-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workspace)
    }

    func monteCarloArguments(_ folder: String) -> [String] {
        ["montecarlo", Self.scenario, "--set", "duration_hours=1", "--paths", "3", "--jobs", "2",
         "--out", workspace.appendingPathComponent(folder).path, "--db", database]
    }

    func testMonteCarloAndSweepAreRecorded() throws {
        let monteCarlo = try CascadeProcess.run(monteCarloArguments("mc"))
        XCTAssertEqual(monteCarlo.status, 0, monteCarlo.standardError)
        XCTAssertTrue(monteCarlo.standardOutput.hasSuffix("recorded as run 1 in \(database)\n"), monteCarlo.standardOutput)
        let sweep = try CascadeProcess.run(["sweep", Self.scenario, "--set", "duration_hours=0.5", "--vary", "chain.gas_limit=10000000,30000000",
                                            "--paths", "1", "--out", workspace.appendingPathComponent("sweep").path, "--db", database])
        XCTAssertEqual(sweep.status, 0, sweep.standardError)

        let store = try RunStore(path: database, create: false)
        XCTAssertEqual(try store.list().map(\.kind), ["montecarlo", "sweep"])
        let stored = try store.run(id: 1)
        XCTAssertEqual(stored.paths, 3)
        XCTAssertEqual(stored.arguments.first, "paths=3")
        XCTAssertNotNil(stored.metrics[.var99USD])
        XCTAssertNotNil(stored.metrics[.insolvencyProbability])
        XCTAssertEqual(try store.paths(runID: 1).map(\.path), [0, 1, 2])
        let csv = try String(contentsOf: workspace.appendingPathComponent("mc/paths.csv"), encoding: .utf8)
        XCTAssertEqual(try store.pathsCSV(runID: 1), csv, "the export is the Monte Carlo's own paths.csv")
        XCTAssertEqual(PathRecord.columns.joined(separator: ","), MonteCarloResult.csvHeader)
    }

    /// Killed while its paths run: no record, an intact database, and an output folder holding
    /// neither outputs nor temporary files; an earlier run's outputs in it stay as they were.
    func testMonteCarloKilledMidRunWritesNothing() throws {
        let folder = workspace.appendingPathComponent("mc")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let earlier = Data("{\"earlier\": true}\n".utf8)
        try earlier.write(to: folder.appendingPathComponent("montecarlo.json"))
        let process = Process()
        process.executableURL = CascadeProcess.productsDirectory.appendingPathComponent("cascade")
        var arguments = monteCarloArguments("mc")
        arguments[arguments.firstIndex(of: "3")!] = "200"  // far more paths than run before the kill
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The store is opened (and created) before the first path; then let paths run a while.
        for _ in 0..<600 where !FileManager.default.fileExists(atPath: database) && process.isRunning { usleep(50_000) }
        usleep(1_500_000)
        XCTAssertTrue(process.isRunning, "the Monte Carlo must still be running when it is killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        let store = try RunStore(path: database, create: false)
        XCTAssertEqual(try store.check(), [])
        XCTAssertEqual(try store.list(), [], "nothing recorded")
        let contents = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(contents, ["montecarlo.json"], "no new output and no temporary file")
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("montecarlo.json")), earlier)
    }

    /// Killed inside its recording transaction (the test hook pauses it there): no partial
    /// record, an intact database, and a complete output folder that can be recorded later.
    func testKilledMonteCarloLeavesDatabaseAndFolderConsistent() throws {
        let marker = workspace.appendingPathComponent("in-transaction")
        let process = Process()
        process.executableURL = CascadeProcess.productsDirectory.appendingPathComponent("cascade")
        process.arguments = monteCarloArguments("mc")
        process.environment = ProcessInfo.processInfo.environment.merging(["CASCADE_STORE_PAUSE_BEFORE_COMMIT": marker.path]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<1200 where !FileManager.default.fileExists(atPath: marker.path) && process.isRunning { usleep(100_000) }
        XCTAssertTrue(FileManager.default.fileExists(atPath: marker.path), "the Monte Carlo reached its recording transaction")
        XCTAssertTrue(FileManager.default.fileExists(atPath: database + "-journal"), "the transaction has written rows")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        let store = try RunStore(path: database, create: false)
        XCTAssertEqual(try store.check(), [])
        XCTAssertEqual(try store.list(), [], "no partial record")
        let folder = workspace.appendingPathComponent("mc")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["montecarlo.json", "paths.csv", "run.json"],
                       "the outputs were committed before recording; no temporary file is left")
        XCTAssertEqual(try store.record(try RunEntry(outputFolder: folder.path)), 1)
        XCTAssertEqual(try store.paths(runID: 1).count, 3)
    }
}
