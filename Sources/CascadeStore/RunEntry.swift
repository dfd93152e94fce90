import CascadeEngine
import Foundation

/// One completed command to record: what produced it (``RunInfo``), where its outputs are, its
/// result document and key metrics, and its per-path metrics.
///
/// The usual way to build one is ``init(outputFolder:createdAt:)``, which reads the committed
/// files of an output folder, so that the store records exactly what is on disk.
public struct RunEntry: Sendable {
    /// The kinds of command recorded (``RunInfo/command``).
    public static let kinds = ["run", "montecarlo", "sweep", "attribute"]

    /// `run.json` of the output folder; `info.command` is the kind.
    public var info: RunInfo
    /// The scenario's `name`.
    public var scenarioName: String
    /// The output folder (absolute path).
    public var outputFolder: String
    /// The result document's file name in the folder: `summary.json`, `montecarlo.json`, `sweep.json` or `attribution.json`.
    public var document: String
    /// The result document's JSON text, as written.
    public var summary: String
    /// Paths simulated (`nil` for a single `run`).
    public var pathCount: Int?
    /// The key metrics kept as columns.
    public var metrics: KeyMetrics
    /// Per-path metrics: one row for a `run`, one per path for a `montecarlo`, none otherwise.
    public var paths: [PathRecord]
    /// When the command completed.
    public var createdAt: Date

    public init(info: RunInfo, scenarioName: String, outputFolder: String, document: String, summary: String,
                pathCount: Int?, metrics: KeyMetrics, paths: [PathRecord], createdAt: Date = Date()) {
        self.info = info
        self.scenarioName = scenarioName
        self.outputFolder = outputFolder
        self.document = document
        self.summary = summary
        self.pathCount = pathCount
        self.metrics = metrics
        self.paths = paths
        self.createdAt = createdAt
    }

    /// The result document each kind writes.
    public static func document(for kind: String) -> String? {
        switch kind {
        case "run": "summary.json"
        case "montecarlo": "montecarlo.json"
        case "sweep": "sweep.json"
        case "attribute": "attribution.json"
        default: nil
        }
    }
}
