/// Why a configuration file could not be used: the file, the dotted key, the line when known,
/// what was expected and what was found.
///
/// ```
/// protocols/aave.toml:12: reserves.WETH.ltvv: expected one of borrow_cap, …, found an unknown key
/// ```
///
/// One error may carry several problems (``problems``): validation reports every out-of-range
/// parameter of a file at once.
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One located problem.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// The file as given to the loader.
        public let file: String
        /// The dotted key path (`reserves.WETH.ltv`), or `""` for the whole file.
        public let key: String
        /// 1-based line, when known.
        public let line: Int?
        public let expected: String
        public let found: String

        public init(file: String, key: String, line: Int?, expected: String, found: String) {
            self.file = file
            self.key = key
            self.line = line
            self.expected = expected
            self.found = found
        }

        public var description: String {
            let location = line.map { "\(file):\($0)" } ?? file
            return key.isEmpty ? "\(location): expected \(expected), found \(found)"
                : "\(location): \(key): expected \(expected), found \(found)"
        }
    }

    /// Every problem found, in file order where possible; never empty.
    public let problems: [Problem]

    public init(problems: [Problem]) { self.problems = problems }

    public init(file: String, key: String, line: Int?, expected: String, found: String) {
        self.problems = [Problem(file: file, key: key, line: line, expected: expected, found: found)]
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
