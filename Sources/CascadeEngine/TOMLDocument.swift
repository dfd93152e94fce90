/// A strict reader for the subset of TOML the protocol files use, flattened to dotted keys.
///
/// Accepted: `# comments`, `[table.headers]` (bare or `"quoted"` parts), `key = value` lines
/// with dotted keys, basic `"strings"` (escapes `\"`, `\\`, `\n`, `\t`), literal `'strings'`,
/// integers (`_` separators, `0x` hex), floats, `true`/`false`, and one-line arrays of those.
/// Not accepted (an error, never a silent misreading): multi-line strings, inline tables,
/// arrays of tables, dates, a key defined twice.
///
/// The package was meant to use TOMLKit (toml++); this small reader replaces it so that the
/// engine builds without a C++ dependency and every error carries a line and column.
public struct TOMLDocument: Sendable {
    /// One key's value and the 1-based line it was set on.
    public struct Entry: Sendable, Hashable {
        public let value: TOMLValue
        public let line: Int
    }

    /// Values by full dotted key (`reserves.WETH.ltv`).
    public private(set) var entries: [String: Entry] = [:]
    /// Keys in the order they appear in the file.
    public private(set) var orderedKeys: [String] = []

    /// A syntax error: 1-based line and column, what was expected and what was found.
    public struct SyntaxError: Error, Sendable, Hashable {
        public let line: Int
        public let column: Int
        public let expected: String
        public let found: String
    }

    /// Parses `text`.
    public init(parsing text: String) throws(SyntaxError) {
        var prefix: [String] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var cursor = Cursor(Array(rawLine.utf8), line: index + 1)
            cursor.skipSpaces()
            if cursor.atEndOfLine { continue }
            if cursor.peek == UInt8(ascii: "[") {
                cursor.advance()
                if cursor.peek == UInt8(ascii: "[") { throw cursor.error("a table header", "an array of tables ([[…]]), which is not supported") }
                prefix = try cursor.keyPath()
                try cursor.expect("]")
            } else {
                let key = (prefix + (try cursor.keyPath())).joined(separator: ".")
                try cursor.expect("=")
                let value = try cursor.value()
                if entries[key] != nil {
                    throw SyntaxError(line: index + 1, column: 1, expected: "each key set once", found: "a second \(key)")
                }
                entries[key] = Entry(value: value, line: index + 1)
                orderedKeys.append(key)
            }
            cursor.skipSpaces()
            if !cursor.atEndOfLine { throw cursor.error("end of line or a # comment", cursor.foundText) }
        }
    }
}

/// Scans one line.
private struct Cursor {
    let bytes: [UInt8]
    let line: Int
    var index = 0

    init(_ bytes: [UInt8], line: Int) {
        // Tolerate Windows line ends.
        self.bytes = bytes.last == UInt8(ascii: "\r") ? Array(bytes.dropLast()) : bytes
        self.line = line
    }

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }
    var atEndOfLine: Bool { peek == nil || peek == UInt8(ascii: "#") }
    var foundText: String {
        peek == nil ? "end of line" : "\"" + String(decoding: bytes[index...].prefix(20), as: UTF8.self) + "\""
    }

    mutating func advance() { index += 1 }
    mutating func skipSpaces() { while peek == UInt8(ascii: " ") || peek == UInt8(ascii: "\t") { index += 1 } }

    func error(_ expected: String, _ found: String) -> TOMLDocument.SyntaxError {
        .init(line: line, column: index + 1, expected: expected, found: found)
    }

    mutating func expect(_ character: Character) throws(TOMLDocument.SyntaxError) {
        skipSpaces()
        guard peek == character.asciiValue else { throw error("'\(character)'", foundText) }
        advance()
    }

    static func isBare(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    /// `a.b."c d"`: one or more key parts separated by dots.
    mutating func keyPath() throws(TOMLDocument.SyntaxError) -> [String] {
        var parts: [String] = []
        repeat {
            if !parts.isEmpty { advance() }
            skipSpaces()
            if peek == UInt8(ascii: "\"") {
                let part = try basicString()
                if part.isEmpty || part.contains(".") { throw error("a quoted key without dots", "\"\(part)\"") }
                parts.append(part)
            } else {
                let start = index
                while let byte = peek, Self.isBare(byte) { advance() }
                guard index > start else { throw error("a key (letters, digits, _ or -)", foundText) }
                parts.append(String(decoding: bytes[start..<index], as: UTF8.self))
            }
            skipSpaces()
        } while peek == UInt8(ascii: ".")
        return parts
    }

    mutating func value() throws(TOMLDocument.SyntaxError) -> TOMLValue {
        skipSpaces()
        switch peek {
        case UInt8(ascii: "\""):
            if bytes[index...].starts(with: Array("\"\"\"".utf8)) { throw error("a one-line string", "a multi-line string") }
            return .string(try basicString())
        case UInt8(ascii: "'"):
            advance()
            let start = index
            while let byte = peek, byte != UInt8(ascii: "'") { advance() }
            guard peek != nil else { throw error("a closing '", "end of line") }
            defer { advance() }
            return .string(String(decoding: bytes[start..<index], as: UTF8.self))
        case UInt8(ascii: "["):
            advance()
            var values: [TOMLValue] = []
            while true {
                skipSpaces()
                if peek == UInt8(ascii: "]") { advance(); return .array(values) }
                values.append(try value())
                skipSpaces()
                if peek == UInt8(ascii: ",") { advance(); continue }
                try expect("]")
                return .array(values)
            }
        case UInt8(ascii: "{"):
            throw error("a value", "an inline table, which is not supported: use a [table]")
        case nil:
            throw error("a value", "end of line")
        default:
            return try scalar()
        }
    }

    mutating func basicString() throws(TOMLDocument.SyntaxError) -> String {
        advance()
        var out: [UInt8] = []
        while let byte = peek, byte != UInt8(ascii: "\"") {
            advance()
            if byte == UInt8(ascii: "\\") {
                switch peek {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "n"): out.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): out.append(UInt8(ascii: "\t"))
                default: throw error("an escape (\\\", \\\\, \\n, \\t)", foundText)
                }
                advance()
            } else {
                out.append(byte)
            }
        }
        guard peek != nil else { throw error("a closing \"", "end of line") }
        advance()
        return String(decoding: out, as: UTF8.self)
    }

    /// A bare word: `true`, `false`, an integer or a float.
    mutating func scalar() throws(TOMLDocument.SyntaxError) -> TOMLValue {
        let start = index
        while let byte = peek, byte != UInt8(ascii: ","), byte != UInt8(ascii: "]"), byte != UInt8(ascii: " "),
              byte != UInt8(ascii: "\t"), byte != UInt8(ascii: "#") { advance() }
        let word = String(decoding: bytes[start..<index], as: UTF8.self)
        if word == "true" { return .boolean(true) }
        if word == "false" { return .boolean(false) }
        let digits = word.filter { $0 != "_" }
        if digits.hasPrefix("0x"), let value = Int64(digits.dropFirst(2), radix: 16) { return .integer(value) }
        if let value = Int64(digits) { return .integer(value) }
        if digits.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let value = Double(digits), value.isFinite {
            return .float(value)
        }
        index = start
        throw error("a value (a \"string\", an integer, a float, true, false or an [array])", "\"\(word)\"")
    }
}
