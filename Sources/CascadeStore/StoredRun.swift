import CascadeEngine

/// A recorded command as read back from the store.
public struct StoredRun: Sendable, Equatable {
    /// The row id (`cascade runs show ID`).
    public var id: Int64
    /// `run`, `montecarlo`, `sweep` or `attribute`.
    public var kind: String
    /// When the command completed, UTC, ISO 8601 to the second (`2026-05-10T12:34:56Z`).
    public var createdAt: String
    /// The scenario's `name`.
    public var scenario: String
    /// The scenario file as given on the command line.
    public var scenarioPath: String
    /// The seed (decimal).
    public var seed: String
    public var engineVersion: String
    /// `--set key=value` overrides, in order.
    public var overrides: [String]
    /// Result-determining arguments as `name=value` (``RunInfo/arguments``).
    public var arguments: [String]
    /// Every input file with its Keccak-256, in reading order.
    public var inputs: [RunInfo.Input]
    /// The output folder.
    public var outputFolder: String
    /// The result document's file name (`summary.json`, `montecarlo.json`, …).
    public var document: String
    /// The result document's JSON text.
    public var summary: String
    /// Paths simulated (`nil` for a single run).
    public var paths: Int?
    public var metrics: KeyMetrics
}
