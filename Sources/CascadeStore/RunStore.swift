import CascadeEngine
import Foundation
import GRDB

/// The run store: a SQLite database recording every completed `run`, `montecarlo`, `sweep` and
/// `attribute` with its inputs' hashes, result document and key metrics (docs/run-store.md).
///
/// Each ``record(_:beforeCommit:)`` is one transaction: a failure or a killed process leaves
/// no partial record. Several processes may share one file; a writer waits up to 10 s for
/// another's transaction to finish.
public struct RunStore: Sendable {
    /// The database file.
    public let path: String
    private let queue: DatabaseQueue

    /// Opens the store at `path`, creating the file (and its folder) when `create` is true and it
    /// is missing, and upgrading an older schema.
    /// - Throws: ``RunStoreError`` naming the file when it cannot be created or opened, is not a
    ///   Cascade run store, or was written by a newer engine (a schema this one does not know).
    public init(path: String, create: Bool = true) throws(RunStoreError) {
        self.path = path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue { throw RunStoreError(file: path, "expected a database file, found a folder") }
        } else {
            guard create else {
                throw RunStoreError(file: path, "no run store here (commands that simulate create it; choose another file with --db)")
            }
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                do {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw RunStoreError(file: path, "cannot create the folder \(folder) (\(error.localizedDescription))")
                }
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            let migrator = Self.migrator
            let (applicationID, tables, superseded) = try queue.read { db in
                (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'") ?? 0,
                 try migrator.hasBeenSuperseded(db))
            }
            if tables > 0 && applicationID != Self.applicationID {
                throw RunStoreError(file: path, "not a Cascade run store (an SQLite database with other tables; choose another file with --db)")
            }
            if superseded {
                let known = try queue.read { db in try migrator.appliedIdentifiers(db) }
                throw RunStoreError(file: path, "written by a newer cascade: its schema has migrations this version does not know "
                                    + "(this version knows \(migrator.migrations.joined(separator: ", ")); applied: \(known.sorted().joined(separator: ", "))); "
                                    + "use a newer cascade or another file with --db")
            }
            try migrator.migrate(queue)
        } catch {
            throw Self.failure(error, file: path, doing: "open the run store")
        }
    }

    /// Records `entry` in one transaction and returns its id. `beforeCommit` runs inside the
    /// transaction after every row is written; if it throws, nothing is recorded.
    /// - Throws: ``RunStoreError`` naming the database file; nothing is recorded then.
    @discardableResult
    public func record(_ entry: RunEntry, beforeCommit: () throws -> Void = {}) throws(RunStoreError) -> Int64 {
        guard RunEntry.kinds.contains(entry.info.command) else {
            throw RunStoreError(file: path, "cannot record a '\(entry.info.command)': expected one of \(RunEntry.kinds.joined(separator: ", "))")
        }
        do {
            return try queue.write { db in
                var columns = ["kind", "created_at", "scenario", "scenario_path", "seed", "engine_version", "overrides", "arguments",
                               "output_folder", "document", "summary", "paths"]
                var values: [(any DatabaseValueConvertible)?] = [
                    entry.info.command, entry.createdAt.formatted(.iso8601), entry.scenarioName, entry.info.scenario,
                    entry.info.seed, entry.info.engineVersion, Self.jsonArray(entry.info.overrides), Self.jsonArray(entry.info.arguments),
                    entry.outputFolder, entry.document, entry.summary, entry.pathCount,
                ]
                for metric in KeyMetric.allCases {
                    columns.append(metric.column)
                    values.append(entry.metrics[metric])
                }
                try db.execute(sql: "INSERT INTO runs (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))",
                               arguments: StatementArguments(values))
                let id = db.lastInsertedRowID
                for (position, input) in entry.info.inputs.enumerated() {
                    try db.execute(sql: "INSERT INTO run_inputs (run_id, position, path, keccak256) VALUES (?, ?, ?, ?)",
                                   arguments: [id, position, input.path, input.keccak256])
                }
                let insertPath = try db.makeStatement(sql: """
                    INSERT INTO run_paths (run_id, \(PathRecord.columns.joined(separator: ", ")))
                    VALUES (?, \(PathRecord.columns.map { _ in "?" }.joined(separator: ", ")))
                    """)
                for row in entry.paths {
                    try insertPath.execute(arguments: [id, row.path, row.seed, row.badDebtUSD, row.liquidatedDebtUSD, row.liquidations,
                                                       row.zeroBidAuctions, row.delayP50Blocks, row.delayP90Blocks, row.delayMaxBlocks,
                                                       row.cascadeDepth, row.endogenousShare])
                }
                try beforeCommit()
                return id
            }
        } catch {
            throw Self.failure(error, file: path, doing: "record the \(entry.info.command) of \(entry.outputFolder)")
        }
    }

    /// Every recorded command, oldest first.
    public func list() throws(RunStoreError) -> [StoredRun] {
        try fetch("ORDER BY id", [])
    }

    /// The command recorded as `id`.
    /// - Throws: ``RunStoreError`` when there is no such id.
    public func run(id: Int64) throws(RunStoreError) -> StoredRun {
        guard let run = try fetch("WHERE id = ?", [id]).first else {
            let count = (try? queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") }) ?? nil
            throw RunStoreError(file: path, "no run with id \(id) (\(count ?? 0) recorded; see cascade runs list)")
        }
        return run
    }

    /// `first` and `second` side by side.
    public func compare(_ first: Int64, _ second: Int64) throws(RunStoreError) -> RunComparison {
        RunComparison(try run(id: first), try run(id: second))
    }

    /// The per-path metrics of `runID` in path order: one row for a `run`, one per path for a
    /// `montecarlo`, none for a `sweep` or `attribute`.
    public func paths(runID: Int64) throws(RunStoreError) -> [PathRecord] {
        _ = try run(id: runID)
        do {
            return try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM run_paths WHERE run_id = ? ORDER BY path", arguments: [runID]).map { row in
                    PathRecord(path: row["path"], seed: row["seed"], badDebtUSD: row["bad_debt_usd"],
                                liquidatedDebtUSD: row["liquidated_debt_usd"], liquidations: row["liquidations"],
                                zeroBidAuctions: row["zero_bid_auctions"], delayP50Blocks: row["delay_p50_blocks"],
                                delayP90Blocks: row["delay_p90_blocks"], delayMaxBlocks: row["delay_max_blocks"],
                                cascadeDepth: row["cascade_depth"], endogenousShare: row["endogenous_share"])
                }
            }
        } catch {
            throw Self.failure(error, file: path, doing: "read the paths of run \(runID)")
        }
    }

    /// The per-path metrics of `runID` as CSV (the columns of `paths.csv`).
    /// - Throws: ``RunStoreError`` for an unknown id or a kind without per-path metrics.
    public func pathsCSV(runID: Int64) throws(RunStoreError) -> String {
        let stored = try run(id: runID)
        guard stored.kind == "run" || stored.kind == "montecarlo" else {
            throw RunStoreError(file: path, "run \(runID) is a \(stored.kind): only run and montecarlo record per-path metrics "
                                + "(its results are in \(stored.outputFolder)/\(stored.document))")
        }
        return PathRecord.csv(try paths(runID: runID))
    }

    /// Problems found by SQLite's integrity and foreign-key checks and by the store's own
    /// invariants (every Monte Carlo has one row per path, every run exactly one); empty when
    /// the database is consistent.
    public func check() throws(RunStoreError) -> [String] {
        do {
            return try queue.read { db in
                var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
                problems += try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { "foreign key: \($0)" }
                problems += try Row.fetchAll(db, sql: """
                    SELECT runs.id, runs.kind, runs.paths, COUNT(run_paths.path) AS rows FROM runs
                    LEFT JOIN run_paths ON run_paths.run_id = runs.id GROUP BY runs.id
                    HAVING (runs.kind = 'run' AND rows != 1) OR (runs.kind = 'montecarlo' AND rows != runs.paths)
                    """).map { "run \($0["id"] as Int64) (\($0["kind"] as String)): \($0["rows"] as Int) path rows" }
                return problems
            }
        } catch {
            throw Self.failure(error, file: path, doing: "check the database")
        }
    }

    private func fetch(_ clause: String, _ arguments: StatementArguments) throws(RunStoreError) -> [StoredRun] {
        do {
            return try queue.read { db in
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM runs \(clause)", arguments: arguments)
                return try rows.map { row in
                    let id: Int64 = row["id"]
                    let inputs = try Row.fetchAll(db, sql: "SELECT path, keccak256 FROM run_inputs WHERE run_id = ? ORDER BY position",
                                                  arguments: [id]).map { RunInfo.Input(path: $0["path"], keccak256: $0["keccak256"]) }
                    var metrics = KeyMetrics()
                    for metric in KeyMetric.allCases { metrics[metric] = row[metric.column] }
                    return StoredRun(id: id, kind: row["kind"], createdAt: row["created_at"], scenario: row["scenario"],
                                     scenarioPath: row["scenario_path"], seed: row["seed"], engineVersion: row["engine_version"],
                                     overrides: Self.strings(row["overrides"]), arguments: Self.strings(row["arguments"]),
                                     inputs: inputs, outputFolder: row["output_folder"], document: row["document"],
                                     summary: row["summary"], paths: row["paths"], metrics: metrics)
                }
            }
        } catch {
            throw Self.failure(error, file: path, doing: "read the runs")
        }
    }

    private static func jsonArray(_ items: [String]) -> String {
        JSONValue.array(items.map(JSONValue.string)).serialized(indent: nil)
    }

    private static func strings(_ text: String) -> [String] {
        ((try? JSONReader.parse(text, file: "stored list"))?.items ?? []).compactMap(\.text)
    }

    /// `error` as a message naming the file; SQLite's common failures in plain words.
    private static func failure(_ error: any Error, file: String, doing: String) -> RunStoreError {
        if let error = error as? RunStoreError { return error }
        guard let error = error as? DatabaseError else { return RunStoreError(file: file, "cannot \(doing): \(error)") }
        let reason: String
        switch error.resultCode {
        case .SQLITE_NOTADB: return RunStoreError(file: file, "not a Cascade run store (not an SQLite database; choose another file with --db)")
        case .SQLITE_READONLY: reason = "the database is not writable (read-only file or folder)"
        case .SQLITE_CANTOPEN: reason = "cannot open or create the database file"
        case .SQLITE_BUSY, .SQLITE_LOCKED: reason = "the database stayed locked by another process for 10 s"
        case .SQLITE_FULL: reason = "the disk is full"
        default: reason = error.message ?? error.description
        }
        return RunStoreError(file: file, "cannot \(doing): \(reason)")
    }
}
