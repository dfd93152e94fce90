/// One scalar value of a scenario's configuration, as a TOML (or any other) loader reads it.
///
/// The chain layer takes configuration as a flat dictionary of dotted key paths
/// (`"chain.gas_limit"`) to these values, so it stays independent of the file format.
public enum ConfigScalar: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case integer(Int64)
    case float(Double)
    case boolean(Bool)

    /// The value as written in a message: strings quoted, numbers and booleans plain.
    public var description: String {
        switch self {
        case .string(let text): "\"\(text)\""
        case .integer(let value): "\(value)"
        case .float(let value): "\(value)"
        case .boolean(let value): "\(value)"
        }
    }
}
