/// One value of a protocol file, with the line it was written on.
///
/// The subset of TOML that ``TOMLDocument`` reads: strings, integers, floats, booleans and
/// arrays of those. Tables are not values; they are the prefixes of dotted keys.
public enum TOMLValue: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case integer(Int64)
    case float(Double)
    case boolean(Bool)
    case array([TOMLValue])

    /// The TOML type's name, as error messages say it.
    public var typeName: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .float: "float"
        case .boolean: "boolean"
        case .array: "array"
        }
    }

    /// The value as written: strings quoted.
    public var description: String {
        switch self {
        case .string(let text): "\"\(text)\""
        case .integer(let value): "\(value)"
        case .float(let value): "\(value)"
        case .boolean(let value): "\(value)"
        case .array(let values): "[" + values.map(\.description).joined(separator: ", ") + "]"
        }
    }
}
