import CascadeEngine

/// Reads JSON text into a ``JSONValue``, keeping object keys in document order, so that a stored
/// summary prints back exactly as `cascade` wrote it. Numbers without a fraction or exponent that
/// fit in 64 bits become `.integer`, all others `.number`.
struct JSONParser {
    /// Why a text is not JSON, with the byte offset where reading stopped.
    struct Failure: Error, CustomStringConvertible {
        let offset: Int
        let expected: String

        var description: String { "at byte \(offset): expected \(expected)" }
    }

    private let bytes: [UInt8]
    private var position = 0

    private init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// Parses one JSON document (surrounding white space allowed).
    static func parse(_ text: String) throws(Failure) -> JSONValue {
        var parser = JSONParser(text)
        let value = try parser.value()
        parser.skipSpace()
        guard parser.position == parser.bytes.count else { throw Failure(offset: parser.position, expected: "the end of the document") }
        return value
    }

    private mutating func value() throws(Failure) -> JSONValue {
        skipSpace()
        guard position < bytes.count else { throw Failure(offset: position, expected: "a value") }
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

    private mutating func object() throws(Failure) -> JSONValue {
        position += 1
        var members: [(String, JSONValue)] = []
        skipSpace()
        if consume("}") { return .object(members) }
        repeat {
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw Failure(offset: position, expected: "a key") }
            let key = try string()
            skipSpace()
            guard consume(":") else { throw Failure(offset: position, expected: "':'") }
            members.append((key, try value()))
            skipSpace()
        } while consume(",")
        guard consume("}") else { throw Failure(offset: position, expected: "',' or '}'") }
        return .object(members)
    }

    private mutating func array() throws(Failure) -> JSONValue {
        position += 1
        var items: [JSONValue] = []
        skipSpace()
        if consume("]") { return .array(items) }
        repeat {
            items.append(try value())
            skipSpace()
        } while consume(",")
        guard consume("]") else { throw Failure(offset: position, expected: "',' or ']'") }
        return .array(items)
    }

    private mutating func string() throws(Failure) -> String {
        position += 1
        var scalars = String.UnicodeScalarView()
        var run: [UInt8] = []
        func flush() {
            scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
            run.removeAll(keepingCapacity: true)
        }
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                flush()
                return String(scalars)
            case UInt8(ascii: "\\"):
                flush()
                guard position < bytes.count else { break }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{8}")
                case UInt8(ascii: "f"): scalars.append("\u{C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"): scalars.append(try unicodeEscape())
                default: throw Failure(offset: position - 1, expected: "an escape character")
                }
            case 0..<0x20:
                throw Failure(offset: position - 1, expected: "no control character in a string")
            default:
                run.append(byte)
            }
        }
        throw Failure(offset: position, expected: "'\"' closing the string")
    }

    /// The four hex digits after `\u`, combining a UTF-16 surrogate pair.
    private mutating func unicodeEscape() throws(Failure) -> Unicode.Scalar {
        let high = try hexQuad()
        if (0xD800..<0xDC00).contains(high) {
            guard consume("\\"), consume("u") else { throw Failure(offset: position, expected: "a low surrogate") }
            let low = try hexQuad()
            guard (0xDC00..<0xE000).contains(low) else { throw Failure(offset: position, expected: "a low surrogate") }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
        }
        guard let scalar = Unicode.Scalar(high) else { throw Failure(offset: position, expected: "a Unicode scalar") }
        return scalar
    }

    private mutating func hexQuad() throws(Failure) -> UInt32 {
        guard position + 4 <= bytes.count,
              let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16) else {
            throw Failure(offset: position, expected: "four hex digits")
        }
        position += 4
        return value
    }

    private mutating func number() throws(Failure) -> JSONValue {
        let start = position
        var integral = true
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                integral = false
            } else if !(byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)) {
                break
            }
            position += 1
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if integral, let value = Int64(text) { return .integer(value) }
        guard !text.isEmpty, let value = Double(text) else { throw Failure(offset: start, expected: "a value") }
        return .number(value)
    }

    private mutating func literal(_ word: String) throws(Failure) {
        let expected = Array(word.utf8)
        guard position + expected.count <= bytes.count, Array(bytes[position..<position + expected.count]) == expected else {
            throw Failure(offset: position, expected: "a value")
        }
        position += expected.count
    }

    private mutating func consume(_ character: Unicode.Scalar) -> Bool {
        guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
        position += 1
        return true
    }

    private mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) { position += 1 }
    }
}
