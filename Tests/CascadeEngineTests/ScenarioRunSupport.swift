import CascadeEngine
import Foundation

/// Runs shipped scenarios, reduced, for the engine tests.
enum ScenarioRun {
    /// The repository root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Path of a file in the repository.
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// Black Thursday cut to 10:00–13:00 UTC (the first violent leg and the hour the OSM needs to show it) with a small vault book:
    /// 830 blocks, 300 vaults holding 6 M DAI, the same agents.
    static let reducedBlackThursday: [(key: String, value: String)] = [
        ("chain.start_timestamp", "\"2020-03-12T10:00:00Z\""),
        ("duration_hours", "3"),
        ("population.eth-a.positions", "300"),
        ("population.eth-a.total_debt_usd", "6_000_000"),
    ]

    /// The reduced Black Thursday world with `extra` overrides.
    static func blackThursday(_ extra: [(key: String, value: String)] = []) throws -> World {
        let scenario = try ScenarioLoader.load(path: path("scenarios/black-thursday-2020.toml"),
                                               overrides: reducedBlackThursday + extra)
        return try WorldBuilder.build(scenario)
    }

    /// Runs `world` to the end, signing on `signingThreads` threads; returns the summary JSON
    /// text and the trace bytes.
    static func run(_ world: World, signingThreads: Int = 2) throws -> (summary: String, metrics: RunMetrics, trace: Data) {
        let trace = FileManager.default.temporaryDirectory.appendingPathComponent("cascade-trace-\(UUID().uuidString).jsonl")
        _ = FileManager.default.createFile(atPath: trace.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: trace) }
        var simulation = Simulation(world: world, trace: try TraceWriter(path: trace.path))
        simulation.signingThreads = signingThreads
        simulation.run()
        simulation.closeTrace()
        let summary = RunSummary(world: simulation.world, metrics: simulation.metrics, engineVersion: "test")
        return (summary.json.serialized(), simulation.metrics, try Data(contentsOf: trace))
    }

    /// Runs `world` to the end without a trace; returns the summary JSON text.
    static func summary(_ world: World) -> String {
        var simulation = Simulation(world: world, trace: nil)
        simulation.run()
        return RunSummary(world: simulation.world, metrics: simulation.metrics, engineVersion: "test").json.serialized()
    }

    /// The trace's lines as JSON objects.
    static func lines(_ trace: Data) throws -> [[String: Any]] {
        try String(decoding: trace, as: UTF8.self).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }
}
