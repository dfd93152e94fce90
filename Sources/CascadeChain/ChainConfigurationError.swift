/// Why a chain configuration was refused: which key, what was expected and what was found, and,
/// for errors inside a data text such as a gas-price series, its source name and line.
public struct ChainConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The dotted key path, e.g. `chain.gas_limit`.
    public let keyPath: String
    /// What the key needs, e.g. "an integer of at least 21000 (gas)".
    public let expected: String
    /// What was there, e.g. `0`, `"fast"` or "nothing".
    public let found: String
    /// The data text the error is in (e.g. a CSV path), when it is in one.
    public let source: String?
    /// One-based line in ``source``, when the error is in a data text.
    public let line: Int?

    public init(keyPath: String, expected: String, found: String, source: String? = nil, line: Int? = nil) {
        self.keyPath = keyPath
        self.expected = expected
        self.found = found
        self.source = source
        self.line = line
    }

    public var description: String {
        let place = source.map { "\($0):\(line.map(String.init) ?? "?"): " } ?? ""
        return "\(place)\(keyPath): expected \(expected), found \(found)"
    }
}
