import CascadeEngine

/// Reading values out of a parsed document (`summary.json`, `montecarlo.json`, …).
extension JSONValue {
    /// The member `key` of an object; `nil` for other values or a missing key.
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// The value at `path` of object keys, e.g. `["liquidation_delay_blocks", "p50"]`.
    subscript(path: [String]) -> JSONValue? {
        path.reduce(Optional(self)) { value, key in value?[key] }
    }

    /// A number as `Double` (`nil` for `null` and non-numbers).
    var double: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }

    /// A string's text, or an integer's decimal digits (seeds are written either way).
    var text: String? {
        switch self {
        case .string(let value): value
        case .integer(let value): String(value)
        default: nil
        }
    }

    /// The elements of an array; `nil` for other values.
    var elements: [JSONValue]? {
        guard case .array(let items) = self else { return nil }
        return items
    }
}
