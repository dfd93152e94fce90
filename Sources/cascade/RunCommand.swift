import ArgumentParser
import CascadeEngine
import Foundation

/// `cascade run SCENARIO`: simulates a scenario and writes its summary and trace.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simulate a scenario; write run.json, summary.json and trace.jsonl (docs/outputs.md).",
        discussion: """
            Loads the scenario (docs/scenarios.md) and the protocol and data files it references, \
            applies --set overrides, simulates every block and writes DIR/run.json (command, seed, \
            input hashes), DIR/summary.json and DIR/trace.jsonl atomically (they appear only \
            when the run completes), then records the run in the run store (--db, default \
            out/runs.sqlite; docs/run-store.md) unless --no-db. Prints a short \
            summary, or the summary JSON with --json. A progress bar is drawn on a terminal.
            """
    )

    @OptionGroup var options: ScenarioOptions

    @Flag(help: "Print the summary JSON to stdout instead of the text summary.")
    var json = false

    @Flag(help: "Do not write trace.jsonl (summary only).")
    var noTrace = false

    @Flag(help: "Do not sign transactions (metrics only; implies --no-trace). Outcomes are identical: signatures never change them.")
    var noSign = false

    @Option(help: "Threads that sign and verify transactions (default: one per core). Results are identical for any number.")
    var threads: Int?

    @OptionGroup var recording: RecordingOptions

    @Flag(help: "Print wall-clock times of loading, building and simulating to standard error (not written to any file: timings are not reproducible).")
    var timings = false

    func run() throws {
        if let threads, threads < 1 { throw CommandError("--threads \(threads): expected at least 1") }
        let started = Date()
        let loaded = try options.load()
        let world: World
        do {
            world = try WorldBuilder.build(loaded, seed: options.seed, signing: !noSign)
        } catch {
            throw CommandError("\(options.scenario): \(error.description)")
        }
        let store = try recording.open()
        let built = Date()
        let output = try OutputFolder(path: options.out)
        let tracePath = noTrace || noSign ? nil : try output.temporaryFile("trace.jsonl")
        var simulation = Simulation(world: world, trace: try tracePath.map { try TraceWriter(path: $0) })
        if let threads { simulation.signingThreads = threads }
        var bar = ProgressBar(total: world.blocks, label: loaded.name)
        simulation.run { done, total in bar.update(done) }
        bar.finish()
        simulation.closeTrace()
        if timings {
            let simulated = Date().timeIntervalSince(built), setup = built.timeIntervalSince(started)
            let metrics = simulation.metrics
            FileHandle.standardError.write(Data(String(
                format: "timings: load and build %.3f s, simulate %.3f s (%d blocks, %d transactions submitted, %d executed)\n",
                setup, simulated, metrics.blocks, metrics.submitted, metrics.includedTransactions).utf8))
        }
        let summary = RunSummary(world: simulation.world, metrics: simulation.metrics, engineVersion: CascadeVersion.string)
        let info = try options.runInfo(command: "run", loaded: loaded, arguments: [])
        let infoPath = try output.temporaryFile("run.json")
        try Data((info.json.serialized() + "\n").utf8).write(to: URL(fileURLWithPath: infoPath))
        let summaryPath = try output.temporaryFile("summary.json")
        try Data((summary.json.serialized() + "\n").utf8).write(to: URL(fileURLWithPath: summaryPath))
        if let tracePath { try output.commit(tracePath, as: "trace.jsonl") } else { try output.remove("trace.jsonl") }
        try output.commit(infoPath, as: "run.json")
        try output.commit(summaryPath, as: "summary.json")
        let recorded = try recording.record(outputFolder: output.path, in: store)
        if json {
            print(summary.json.serialized())
        } else {
            print(summary.text)
            print("wrote \(output.path)/run.json, summary.json" + (tracePath == nil ? "" : " and trace.jsonl"))
            if let recorded { print("recorded as run \(recorded) in \(recording.store.path)") }
        }
    }
}
