extension JSONValue {
    /// The member `key` of an object (the first, if repeated); `nil` for other values.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// The value at `path` of object keys, e.g. `["liquidation_delay_blocks", "p50"]`.
    public subscript(path: [String]) -> JSONValue? {
        path.reduce(Optional(self)) { value, key in value?[key] }
    }

    /// The members of an object in order; empty for other values.
    public var members: [(String, JSONValue)] {
        if case .object(let members) = self { return members }
        return []
    }

    /// The items of an array; `nil` for other values.
    public var items: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// A number (integer or floating point), or a decimal string such as a wei amount; `nil`
    /// otherwise.
    public var double: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        case .string(let text): Double(text)
        default: nil
        }
    }

    /// A string's text, or an integer's decimal digits (seeds are written either way); `nil`
    /// for other values.
    public var text: String? {
        switch self {
        case .string(let text): text
        case .integer(let value): String(value)
        default: nil
        }
    }

    /// The value as a report shows it: strings without quotes, numbers and literals as JSON
    /// writes them.
    public var displayText: String {
        if case .string(let text) = self { return text }
        return serialized(indent: nil)
    }
}
