import CascadeEngine

extension RunComparison {
    /// The comparison as ordered JSON (`cascade runs compare --json`).
    public var json: JSONValue {
        func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
        func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        return .object([
            ("first", .integer(first.id)),
            ("second", .integer(second.id)),
            ("settings", .array(settings.map {
                .object([("name", .string($0.name)), ("first", .string($0.first)), ("second", .string($0.second)), ("differs", .bool($0.differs))])
            })),
            ("metrics", .array(metrics.map {
                .object([("metric", .string($0.metric.column)), ("unit", .string($0.metric.unit)), ("first", number($0.first)),
                         ("second", number($0.second)), ("difference", number($0.difference))])
            })),
            ("inputs_changed", .array(inputChanges.map {
                .object([("path", .string($0.path)), ("first", text($0.first)), ("second", text($0.second))])
            })),
        ])
    }
}
