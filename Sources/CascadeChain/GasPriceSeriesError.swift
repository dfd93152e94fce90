/// Why a recorded gas-price series could not be read: where (source and line), what was
/// expected and what was found.
public struct GasPriceSeriesError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The name the text came from, e.g. its file path.
    public let source: String
    /// One-based line number of the problem.
    public let line: Int
    /// The column concerned, when one is, e.g. `"p90_gwei"`.
    public let column: String?
    /// What the reader expected.
    public let expected: String
    /// What it found.
    public let found: String

    public init(source: String, line: Int, column: String?, expected: String, found: String) {
        self.source = source
        self.line = line
        self.column = column
        self.expected = expected
        self.found = found
    }

    public var description: String {
        "\(source):\(line):\(column.map { " column \($0):" } ?? "") expected \(expected), found \(found)"
    }
}
