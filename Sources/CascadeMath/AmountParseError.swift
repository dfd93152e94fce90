/// Why a human-written amount could not be read: what was expected, what was found, and where.
public struct AmountParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text as given.
    public let input: String
    /// Zero-based character offset of the problem in `input`.
    public let offset: Int
    /// What the parser expected at `offset`, e.g. "a decimal digit".
    public let expected: String
    /// What it found there, e.g. "'x'" or "end of input".
    public let found: String

    public init(input: String, offset: Int, expected: String, found: String) {
        self.input = input
        self.offset = offset
        self.expected = expected
        self.found = found
    }

    public var description: String {
        "invalid amount \"\(input)\" at column \(offset + 1): expected \(expected), found \(found)"
    }
}
