
/// Parses JSON text into a ``JSONValue`` that keeps object keys in file order, so that a report
/// lists a summary's metrics in the order `cascade` wrote them, a stored summary prints back
/// as written, and a manifest can be re-serialized canonically.
///
/// Numbers without a fraction or exponent that fit in 64 bits become ``JSONValue/integer(_:)``,
/// others ``JSONValue/number(_:)``; serializing a parsed file written by `cascade` gives its
/// numbers back in the same text (both use Swift's shortest round-trip form).
public enum JSONReader {
    /// Parses `text`; `file` and `firstLine` locate errors (a trace line is parsed alone).
    /// - Throws: ``ConfigurationError`` with the file, line, what was expected and what was found.
    public static func parse(_ text: String, file: String, firstLine: Int = 1) throws(ConfigurationError) -> JSONValue {
        var parser = Parser(bytes: Array(text.utf8), file: file, line: firstLine)
        parser.skipSpace()
        let value = try parser.value()
        parser.skipSpace()
        guard parser.position == parser.bytes.count else { throw parser.error("the end of the JSON text") }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        let file: String
        var line: Int
        var position = 0

        init(bytes: [UInt8], file: String, line: Int) {
            self.bytes = bytes
            self.file = file
            self.line = line
        }

        func error(_ expected: String) -> ConfigurationError {
            let found = position < bytes.count
                ? "'" + String(decoding: bytes[position..<min(bytes.count, position + 12)], as: UTF8.self) + "'"
                : "the end of the text"
            return ConfigurationError(file: file, key: "", line: line, expected: expected, found: found)
        }

        mutating func skipSpace() {
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "\n"): line += 1
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
                default: return
                }
                position += 1
            }
        }

        mutating func value() throws(ConfigurationError) -> JSONValue {
            guard position < bytes.count else { throw error("a JSON value") }
            switch bytes[position] {
            case UInt8(ascii: "{"): return try object()
            case UInt8(ascii: "["): return try array()
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            default: return try number()
            }
        }

        mutating func literal(_ word: String) throws(ConfigurationError) {
            let utf8 = Array(word.utf8)
            guard bytes.count - position >= utf8.count, Array(bytes[position..<position + utf8.count]) == utf8 else {
                throw error("a JSON value")
            }
            position += utf8.count
        }

        mutating func expect(_ byte: UInt8, _ what: String) throws(ConfigurationError) {
            skipSpace()
            guard position < bytes.count, bytes[position] == byte else { throw error(what) }
            position += 1
        }

        mutating func object() throws(ConfigurationError) -> JSONValue {
            position += 1
            var members: [(String, JSONValue)] = []
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return .object(members) }
            while true {
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw error("a key in quotes") }
                let key = try string()
                try expect(UInt8(ascii: ":"), "':' after a key")
                skipSpace()
                members.append((key, try value()))
                skipSpace()
                guard position < bytes.count else { throw error("',' or '}'") }
                position += 1
                if bytes[position - 1] == UInt8(ascii: "}") { return .object(members) }
                guard bytes[position - 1] == UInt8(ascii: ",") else { position -= 1; throw error("',' or '}'") }
            }
        }

        mutating func array() throws(ConfigurationError) -> JSONValue {
            position += 1
            var items: [JSONValue] = []
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
            while true {
                skipSpace()
                items.append(try value())
                skipSpace()
                guard position < bytes.count else { throw error("',' or ']'") }
                position += 1
                if bytes[position - 1] == UInt8(ascii: "]") { return .array(items) }
                guard bytes[position - 1] == UInt8(ascii: ",") else { position -= 1; throw error("',' or ']'") }
            }
        }

        mutating func string() throws(ConfigurationError) -> String {
            position += 1
            var text = ""
            var start = position
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    text += String(decoding: bytes[start..<position], as: UTF8.self)
                    position += 1
                    return text
                }
                if byte < 0x20 { throw error("a closed string") }
                guard byte == UInt8(ascii: "\\") else { position += 1; continue }
                text += String(decoding: bytes[start..<position], as: UTF8.self)
                position += 1
                guard position < bytes.count else { throw error("an escape") }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""): text += "\""
                case UInt8(ascii: "\\"): text += "\\"
                case UInt8(ascii: "/"): text += "/"
                case UInt8(ascii: "b"): text += "\u{8}"
                case UInt8(ascii: "f"): text += "\u{c}"
                case UInt8(ascii: "n"): text += "\n"
                case UInt8(ascii: "r"): text += "\r"
                case UInt8(ascii: "t"): text += "\t"
                case UInt8(ascii: "u"):
                    var unit = try hexUnit()
                    if (0xD800..<0xDC00).contains(unit), bytes.count - position >= 6, bytes[position] == UInt8(ascii: "\\"),
                       bytes[position + 1] == UInt8(ascii: "u") {
                        position += 2
                        let low = try hexUnit()
                        unit = 0x10000 + ((unit - 0xD800) << 10) + (low &- 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(unit) else { throw error("a valid \\u escape") }
                    text.unicodeScalars.append(scalar)
                default:
                    position -= 1
                    throw error("an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u)")
                }
                start = position
            }
            throw error("a closing quote")
        }

        mutating func hexUnit() throws(ConfigurationError) -> UInt32 {
            guard bytes.count - position >= 4,
                  let unit = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16) else {
                throw error("4 hex digits after \\u")
            }
            position += 4
            return unit
        }

        mutating func number() throws(ConfigurationError) -> JSONValue {
            let start = position
            var integral = true
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                    integral = false
                } else if !(byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) && byte != UInt8(ascii: "-")
                            && byte != UInt8(ascii: "+") {
                    break
                }
                position += 1
            }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            if integral, let integer = Int64(text) { return .integer(integer) }
            guard !text.isEmpty, let number = Double(text) else { position = start; throw error("a JSON value") }
            return .number(number)
        }
    }
}
