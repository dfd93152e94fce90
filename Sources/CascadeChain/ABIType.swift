/// A Solidity ABI type, as it appears in a function signature.
///
/// ```swift
/// ABIType.uint(256).canonicalName                       // "uint256"
/// ABIType.array(.uint(8)).canonicalName                 // "uint8[]"
/// ABIType.tuple([.address, .fixedBytes(32)]).canonicalName  // "(address,bytes32)"
/// ABIType(canonicalName: "bytes32[3][]")                // .array(.fixedArray(.fixedBytes(32), 3))
/// ```
///
/// A type is *dynamic* when its encoding has no fixed size (`bytes`, `string`, `T[]`, and any
/// fixed array or tuple holding a dynamic type); a dynamic value is encoded in the tail and
/// referred to by an offset in the head. Only ``isValid`` types can be encoded or decoded.
public enum ABIType: Hashable, Sendable, CustomStringConvertible {
    /// `uint<bits>`: an unsigned integer of 8…256 bits, a multiple of 8.
    case uint(Int)
    /// `int<bits>`: a two's-complement signed integer of 8…256 bits, a multiple of 8.
    case int(Int)
    /// `address`: a 20-byte account address, encoded as `uint160`.
    case address
    /// `bool`: encoded as `uint8` 0 or 1.
    case bool
    /// `bytes<n>`: 1…32 bytes, left-aligned in one word.
    case fixedBytes(Int)
    /// `bytes`: a byte string of any length.
    case bytes
    /// `string`: UTF-8 text, encoded as `bytes`.
    case string
    /// `T[]`: a variable-length array.
    indirect case array(ABIType)
    /// `T[n]`: an array of exactly `n` ≥ 1 elements.
    indirect case fixedArray(ABIType, Int)
    /// `(T1,…,Tk)`: a tuple of k ≥ 1 members (a Solidity struct).
    case tuple([ABIType])

    /// `uint256`.
    public static let uint256 = ABIType.uint(256)
    /// `int256`.
    public static let int256 = ABIType.int(256)
    /// `bytes32`.
    public static let bytes32 = ABIType.fixedBytes(32)

    /// The largest head a static type may take, in bytes (4 GiB): larger fixed arrays are not
    /// ``isValid``.
    public static let maxStaticSize = 1 << 32

    /// The name used in function signatures, e.g. `uint256`, `bytes32[]`, `(address,bool)[2]`.
    public var canonicalName: String {
        switch self {
        case .uint(let bits): "uint\(bits)"
        case .int(let bits): "int\(bits)"
        case .address: "address"
        case .bool: "bool"
        case .fixedBytes(let count): "bytes\(count)"
        case .bytes: "bytes"
        case .string: "string"
        case .array(let element): element.canonicalName + "[]"
        case .fixedArray(let element, let count): element.canonicalName + "[\(count)]"
        case .tuple(let members): "(" + members.map(\.canonicalName).joined(separator: ",") + ")"
        }
    }

    /// The ``canonicalName``.
    public var description: String { canonicalName }

    /// `true` when the encoding has no fixed size, so that the value goes to the tail.
    public var isDynamic: Bool {
        switch self {
        case .uint, .int, .address, .bool, .fixedBytes: false
        case .bytes, .string, .array: true
        case .fixedArray(let element, _): element.isDynamic
        case .tuple(let members): members.contains(where: \.isDynamic)
        }
    }

    /// The bytes the type takes in the head of an enclosing tuple: 32 (an offset) for a dynamic
    /// type, otherwise its whole encoding (32 per scalar).
    ///
    /// - Complexity: O(number of member types); valid types only.
    public var headSize: Int {
        switch self {
        case .uint, .int, .address, .bool, .fixedBytes, .bytes, .string, .array: 32
        case .fixedArray(let element, let count): element.isDynamic ? 32 : count * element.headSize
        case .tuple(let members): isDynamic ? 32 : members.reduce(0) { $0 + $1.headSize }
        }
    }

    /// `true` when the type follows Solidity's rules: integer widths 8…256 in steps of 8,
    /// `bytes1`…`bytes32`, fixed arrays of at least one element, tuples of at least one member,
    /// and a static size of at most ``maxStaticSize``.
    public var isValid: Bool {
        checkedHeadSize != nil
    }

    /// ``headSize``, or `nil` when the type (or a member) is invalid or too large.
    private var checkedHeadSize: Int? {
        switch self {
        case .uint(let bits), .int(let bits):
            return (8...256).contains(bits) && bits % 8 == 0 ? 32 : nil
        case .fixedBytes(let count):
            return (1...32).contains(count) ? 32 : nil
        case .address, .bool, .bytes, .string:
            return 32
        case .array(let element):
            return element.checkedHeadSize == nil ? nil : 32
        case .fixedArray(let element, let count):
            guard count >= 1, count <= ABIType.maxStaticSize, let size = element.checkedHeadSize else { return nil }
            if element.isDynamic { return 32 }
            return count * size <= ABIType.maxStaticSize ? count * size : nil
        case .tuple(let members):
            guard !members.isEmpty else { return nil }
            var total = 0
            for member in members {
                guard let size = member.checkedHeadSize else { return nil }
                total += size
                if total > ABIType.maxStaticSize { return nil }
            }
            return isDynamic ? 32 : total
        }
    }
}

// MARK: - Parsing

extension ABIType {
    /// Parses a canonical type name, as ``canonicalName`` writes it; `nil` for anything else.
    ///
    /// Only canonical spellings are accepted: `uint256`, not `uint`; no spaces; no leading zeros
    /// in widths or lengths. The parsed type must be ``isValid``.
    public init?(canonicalName: String) {
        var parser = Parser(text: Array(canonicalName.utf8))
        guard let type = parser.parseType(), parser.position == parser.text.count, type.isValid else { return nil }
        self = type
    }

    /// A recursive-descent reader of `base ("[" digits? "]")*`, where `base` is an
    /// elementary type name or `"(" type ("," type)* ")"`.
    private struct Parser {
        let text: [UInt8]
        var position = 0

        mutating func parseType() -> ABIType? {
            guard var type = parseBase() else { return nil }
            while position < text.count, text[position] == UInt8(ascii: "[") {
                position += 1
                if position < text.count, text[position] == UInt8(ascii: "]") {
                    position += 1
                    type = .array(type)
                    continue
                }
                guard let count = parseNumber(), consume("]") else { return nil }
                type = .fixedArray(type, count)
            }
            return type
        }

        private mutating func parseBase() -> ABIType? {
            if consume("(") {
                var members: [ABIType] = []
                repeat {
                    guard let member = parseType() else { return nil }
                    members.append(member)
                } while consume(",")
                return consume(")") ? .tuple(members) : nil
            }
            let start = position
            while position < text.count, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(text[position]) {
                position += 1
            }
            let name = String(decoding: text[start..<position], as: UTF8.self)
            let hasNumber = position < text.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[position])
            switch name {
            case "address": return hasNumber ? nil : .address
            case "bool": return hasNumber ? nil : .bool
            case "string": return hasNumber ? nil : .string
            case "bytes": return hasNumber ? parseNumber().map { .fixedBytes($0) } : .bytes
            case "uint": return hasNumber ? parseNumber().map { .uint($0) } : nil
            case "int": return hasNumber ? parseNumber().map { .int($0) } : nil
            default: return nil
            }
        }

        /// A decimal number without leading zeros, at most 10 digits.
        private mutating func parseNumber() -> Int? {
            let start = position
            while position < text.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[position]) {
                position += 1
            }
            let digits = text[start..<position]
            guard !digits.isEmpty, digits.count <= 10, digits.first != UInt8(ascii: "0") else { return nil }
            return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }

        private mutating func consume(_ character: Unicode.Scalar) -> Bool {
            guard position < text.count, text[position] == UInt8(ascii: character) else { return false }
            position += 1
            return true
        }
    }
}
