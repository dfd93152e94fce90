import ArgumentParser
import CascadeEngine
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

    /// Runs `paths` paths of each of `scenarios` on ``jobs`` threads with a progress bar labelled
    /// `label`; a world that cannot be built is reported against `scenarioFile`.
    func simulate(_ scenarios: [Scenario], seed: UInt64?, paths: Int, label: String,
                  scenarioFile: String) throws -> [MonteCarloResult] {
        var bar = ProgressBar(total: scenarios.count * paths, label: label, unit: "path")
        defer { bar.finish() }
        do {
            return try MonteCarlo.run(scenarios, seed: seed, paths: paths, jobs: jobs) { bar.update($0) }
        } catch {
            throw CommandError("\(scenarioFile): \(error.description)")
        }
    }
}
