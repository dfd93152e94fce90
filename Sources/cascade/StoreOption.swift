import ArgumentParser
import CascadeStore
import Foundation

/// `--db PATH`: the run store file (docs/run-store.md), shared by `cascade runs` and the
/// commands that record.
struct StoreOption: ParsableArguments {
    /// The default store, relative to the working directory (`out/` is git-ignored).
    static let defaultPath = "out/runs.sqlite"

    /// Test hook (docs/run-store.md): when set to a file path, recording creates that file inside
    /// its open transaction and then waits forever, so that a test can kill the process mid-write.
    static let pauseVariable = "CASCADE_STORE_PAUSE_BEFORE_COMMIT"

    @Option(name: .customLong("db"), help: ArgumentHelp("Run store (SQLite), created on first use.", valueName: "path"))
    var path: String = defaultPath

    /// Opens the store; `create` false makes a missing file an error instead of a new store.
    func open(create: Bool) throws -> RunStore {
        do {
            return try RunStore(path: path, create: create)
        } catch {
            throw CommandError(error.description)
        }
    }

    /// Records the completed `outputFolder` in `runs` (opened with ``open(create:)``) in one
    /// transaction and returns its id.
    static func record(outputFolder: String, in runs: RunStore) throws -> Int64 {
        let pause = ProcessInfo.processInfo.environment[Self.pauseVariable]
        do {
            return try runs.record(try RunEntry(outputFolder: outputFolder)) {
                guard let pause else { return }
                _ = FileManager.default.createFile(atPath: pause, contents: nil)
                while true { sleep(3600) }
            }
        } catch {
            throw CommandError(error.description)
        }
    }
}
