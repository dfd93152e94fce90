import CascadeEngine
import Foundation

/// The outputs of `cascade` commands found in one folder (docs/outputs.md): whichever of
/// `run.json`, `summary.json`, `trace.jsonl`, `montecarlo.json`, `paths.csv`, `sweep.json`,
/// `cells.csv` and `attribution.json` exist, read and checked.
public struct RunFolder: Sendable {
    /// The files commands write, in the order reports and manifests list them.
    public static let outputNames = ["run.json", "summary.json", "trace.jsonl", "montecarlo.json", "paths.csv", "sweep.json",
                                     "cells.csv", "attribution.json"]
    /// The files `cascade report` writes.
    public static let reportNames = ["report.md", "report.html"]

    public let path: String
    public let info: RunInfo?
    public let summary: JSONValue?
    public let trace: TraceSeries?
    public let monteCarlo: JSONValue?
    public let paths: CSVTable?
    public let sweep: JSONValue?
    public let cells: CSVTable?
    public let attribution: JSONValue?

    /// Reads every known output in `path`.
    /// - Throws: ``ConfigurationError`` naming the folder when it holds none of them, or the
    ///   file, line and key of the first malformed one.
    public static func read(path: String) throws(ConfigurationError) -> RunFolder {
        let present = outputNames.filter { FileManager.default.fileExists(atPath: Self.file(path, $0)) }
        guard !present.isEmpty else {
            throw ConfigurationError(file: path, key: "", line: nil, expected: "an output folder of cascade (run.json, summary.json, …)",
                                     found: "none of \(outputNames.joined(separator: ", "))")
        }
        func json(_ name: String) throws(ConfigurationError) -> JSONValue? {
            let file = Self.file(path, name)
            guard present.contains(name) else { return nil }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ConfigurationError(file: file, key: "", line: nil, expected: "a readable file", found: "no permission")
            }
            let value = try JSONReader.parse(String(decoding: data, as: UTF8.self), file: file)
            guard case .object = value else {
                throw ConfigurationError(file: file, key: "", line: 1, expected: "a JSON object", found: value.serialized(indent: nil))
            }
            return value
        }
        return RunFolder(
            path: path,
            info: present.contains("run.json") ? try RunInfo.read(path: file(path, "run.json")) : nil,
            summary: try json("summary.json"),
            trace: present.contains("trace.jsonl") ? try TraceSeries.read(path: file(path, "trace.jsonl")) : nil,
            monteCarlo: try json("montecarlo.json"),
            paths: present.contains("paths.csv") ? try CSVTable.read(path: file(path, "paths.csv")) : nil,
            sweep: try json("sweep.json"),
            cells: present.contains("cells.csv") ? try CSVTable.read(path: file(path, "cells.csv")) : nil,
            attribution: try json("attribution.json"))
    }

    /// `folder/name`.
    public static func file(_ folder: String, _ name: String) -> String {
        (folder as NSString).appendingPathComponent(name)
    }
}
