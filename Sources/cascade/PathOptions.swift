import ArgumentParser
import Foundation

/// The worker threads of the commands that simulate many paths (`montecarlo`, `sweep`,
/// `attribute`).
struct PathOptions: ParsableArguments {
    @Option(help: "Worker threads (default: the processor count). Results do not depend on it.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    /// Checks `--jobs` and a path count.
    func validate(paths: Int) throws {
        guard paths >= 1 else { throw CommandError("--paths \(paths): expected at least 1 path") }
        guard jobs >= 1 else { throw CommandError("--jobs \(jobs): expected at least 1 thread") }
    }
}
