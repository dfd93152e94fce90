import CascadeEngine

extension StoredRun {
    /// The record as ordered JSON (`cascade runs list --json`, `show --json`): the columns,
    /// `metrics` as an object of every ``KeyMetric`` (`null` when missing) and, with
    /// `details`, the inputs and the result document.
    public func json(details: Bool) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .integer(id)), ("kind", .string(kind)), ("created_at", .string(createdAt)), ("scenario", .string(scenario)),
            ("scenario_path", .string(scenarioPath)), ("seed", .string(seed)), ("engine_version", .string(engineVersion)),
            ("overrides", .array(overrides.map(JSONValue.string))), ("arguments", .array(arguments.map(JSONValue.string))),
            ("paths", paths.map { .integer(Int64($0)) } ?? .null), ("output_folder", .string(outputFolder)),
            ("metrics", metricsJSON),
        ]
        if details {
            members.append(("inputs", .array(inputs.map { .object([("path", .string($0.path)), ("keccak256", .string($0.keccak256))]) })))
            members.append(("document", .string(document)))
            members.append(("summary", (try? JSONReader.parse(summary, file: "summary")) ?? .string(summary)))
        }
        return .object(members)
    }

    private var metricsJSON: JSONValue {
        .object(KeyMetric.allCases.map { ($0.column, metrics[$0].map(JSONValue.number) ?? .null) })
    }
}
