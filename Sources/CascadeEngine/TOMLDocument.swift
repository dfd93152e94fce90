import TOMLKit

/// A TOML file flattened to dotted keys (`reserves.WETH.ltv`), each with the line it was set on.
///
/// TOMLKit (toml++) parses the text, so any valid TOML 1.0 is read and a syntax error carries
/// toml++'s line and column. TOMLKit reports no positions for values, so the lines of keys come
/// from a light scan of `[table]` headers and `key =` lines (``KeyLines``); a key written inside
/// an inline table gets the line of its nearest enclosing key. Keys are ordered by line, so the
/// order of `[reserves.…]` or `[ilks.…]` tables is the file's.
///
/// Refused, with a position: dates and times, arrays of tables, tables inside arrays, and keys
/// containing a dot inside quotes (they could not be told apart from dotted paths).
public struct TOMLDocument: Sendable {
    /// One key's value and the 1-based line it was set on, when known.
    public struct Entry: Sendable, Hashable {
        public let value: ConfigValue
        public let line: Int?
    }

    /// A syntax error: 1-based line and column, what was expected and what was found.
    public struct SyntaxError: Error, Sendable, Hashable {
        public let line: Int
        public let column: Int
        public let expected: String
        public let found: String
    }

    /// Values by full dotted key.
    public private(set) var entries: [String: Entry]
    /// Keys in file order.
    public private(set) var orderedKeys: [String]
    private let keyLines: KeyLines

    /// The line of `key`, or of its nearest enclosing key or `[table]` (for a validation message
    /// about a whole table, e.g. `reserves.USDC.interest_rate`).
    public func line(of key: String) -> Int? { entries[key]?.line ?? keyLines.line(of: key) }

    /// Parses `text`.
    public init(parsing text: String) throws(SyntaxError) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw SyntaxError(line: error.source.begin.line, column: error.source.begin.column,
                              expected: "valid TOML", found: error.description)
        } catch {
            throw SyntaxError(line: 1, column: 1, expected: "valid TOML", found: "\(error)")
        }
        let lines = KeyLines(text)
        keyLines = lines
        var flat: [String: Entry] = [:]
        try Self.flatten(table, prefix: "", lines: lines, into: &flat)
        entries = flat
        orderedKeys = flat.keys.sorted { (flat[$0]!.line ?? .max, $0) < (flat[$1]!.line ?? .max, $1) }
    }

    /// Sets `key` to the TOML value written in `text` (`30000000`, `"eip1559"`, `1.5`, `true`,
    /// `[1, 2]`), as `--set key=value` does; text that is not a TOML value is taken as a string,
    /// so `--set chain.start_timestamp=2020-03-12T10:00:00Z` needs no shell quoting (a wrong type
    /// is then reported at the key, as for any value). The entry has no line of its own.
    public mutating func override(_ key: String, with text: String) {
        let value = (try? TOMLDocument(parsing: "value = " + text))?.entries["value"]?.value ?? .string(text)
        if entries[key] == nil { orderedKeys.append(key) }
        entries[key] = Entry(value: value, line: nil)
    }

    private static func flatten(_ table: TOMLTable, prefix: String, lines: KeyLines,
                                into flat: inout [String: Entry]) throws(SyntaxError) {
        for (name, node) in table {
            let key = prefix + name
            let line = lines.line(of: key)
            guard !name.contains(".") else {
                throw SyntaxError(line: line ?? 1, column: 1, expected: "a key without dots inside quotes", found: "\"\(name)\"")
            }
            if let child = node.table {
                try flatten(child, prefix: key + ".", lines: lines, into: &flat)
            } else {
                flat[key] = Entry(value: try value(node, key: key, line: line), line: line)
            }
        }
    }

    private static func value(_ node: TOMLValueConvertible, key: String, line: Int?) throws(SyntaxError) -> ConfigValue {
        switch node.type {
        case .string: return .string(node.string!)
        case .int: return .integer(Int64(node.int!))
        case .double: return .float(node.double!)
        case .bool: return .boolean(node.bool!)
        case .array:
            var values: [ConfigValue] = []
            for element in node.array! {
                guard element.type != .table else {
                    throw SyntaxError(line: line ?? 1, column: 1, expected: "an array of plain values (\(key))", found: "a table in an array")
                }
                values.append(try value(element, key: key, line: line))
            }
            return .array(values)
        default:
            throw SyntaxError(line: line ?? 1, column: 1, expected: "a string, number, boolean or array (\(key))", found: "a \(node.type)")
        }
    }
}
