import CascadeEngine

/// Two recorded commands side by side: what differs in how they ran, and their key metrics.
public struct RunComparison: Sendable {
    /// One setting (seed, overrides, …) of both runs.
    public struct Setting: Sendable, Equatable {
        public var name: String
        public var first: String
        public var second: String
        public var differs: Bool { first != second }
    }

    /// One key metric of both runs; `difference` is second − first when both exist.
    public struct Metric: Sendable, Equatable {
        public var metric: KeyMetric
        public var first: Double?
        public var second: Double?
        public var difference: Double? {
            guard let first, let second else { return nil }
            return second - first
        }
    }

    /// An input file whose digest differs, or that only one run read (`nil` on the other side).
    public struct InputChange: Sendable, Equatable {
        public var path: String
        public var first: String?
        public var second: String?
    }

    public let first: StoredRun
    public let second: StoredRun

    public init(_ first: StoredRun, _ second: StoredRun) {
        self.first = first
        self.second = second
    }

    /// Kind, scenario, seed, engine version, overrides, arguments, paths and output folder.
    public var settings: [Setting] {
        func row(_ name: String, _ value: (StoredRun) -> String) -> Setting {
            Setting(name: name, first: value(first), second: value(second))
        }
        return [
            row("kind") { $0.kind }, row("created_at") { $0.createdAt }, row("scenario") { $0.scenario },
            row("scenario_path") { $0.scenarioPath }, row("seed") { $0.seed }, row("engine_version") { $0.engineVersion },
            row("overrides") { $0.overrides.joined(separator: " ") }, row("arguments") { $0.arguments.joined(separator: " ") },
            row("paths") { $0.paths.map(String.init) ?? "" }, row("output_folder") { $0.outputFolder },
        ]
    }

    /// Every key metric that either run has, in ``KeyMetric`` order.
    public var metrics: [Metric] {
        KeyMetric.allCases.compactMap { metric in
            let row = Metric(metric: metric, first: first.metrics[metric], second: second.metrics[metric])
            return row.first == nil && row.second == nil ? nil : row
        }
    }

    /// Input files whose Keccak-256 differs, matched by path, in the first run's reading order
    /// then the second's.
    public var inputChanges: [InputChange] {
        let firstHashes = Dictionary(first.inputs.map { ($0.path, $0.keccak256) }, uniquingKeysWith: { a, _ in a })
        let secondHashes = Dictionary(second.inputs.map { ($0.path, $0.keccak256) }, uniquingKeysWith: { a, _ in a })
        let paths = first.inputs.map(\.path) + second.inputs.map(\.path).filter { firstHashes[$0] == nil }
        return paths.compactMap { path in
            let change = InputChange(path: path, first: firstHashes[path], second: secondHashes[path])
            return change.first == change.second ? nil : change
        }
    }
}
