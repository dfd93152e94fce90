import CascadeMath

/// A value of an ``ABIType``: what a function argument holds.
///
/// Integers are held at full width (`UInt256`, `Int256`) together with their declared width;
/// `bytes<n>` is held left-aligned in a ``Bytes32``. Arrays carry their element type, so that
/// an empty array still knows its type.
///
/// ```swift
/// let values: [ABIValue] = [.address(user), .uint256(amount), .bool(false)]
/// values.map(\.type)        // [.address, .uint(256), .bool]
/// ABIValue.uint256(5).description   // "5"
/// ```
///
/// The encoder requires each value to fit its type (``isWellFormed``): a `.uint(300, bits: 8)`
/// is a programmer error and traps. Every value the decoder returns is well formed.
public enum ABIValue: Hashable, Sendable, CustomStringConvertible {
    /// A `uint<bits>` holding `value` < 2^bits.
    case uint(UInt256, bits: Int)
    /// An `int<bits>` holding −2^(bits−1) ≤ `value` < 2^(bits−1).
    case int(Int256, bits: Int)
    /// An `address`.
    case address(Address)
    /// A `bool`.
    case bool(Bool)
    /// A `bytes<size>`: the first `size` bytes of the word; the remaining bytes are zero.
    case fixedBytes(Bytes32, size: Int)
    /// A `bytes` byte string.
    case bytes([UInt8])
    /// A `string`. Like Swift strings, two values compare equal when their text is canonically
    /// equivalent (`"é"` precomposed or not), even though their UTF-8 encodings differ.
    case string(String)
    /// A `T[]` whose elements all have type `element`.
    case array(element: ABIType, [ABIValue])
    /// A `T[n]` with `n` = the number of elements, all of type `element`.
    case fixedArray(element: ABIType, [ABIValue])
    /// A tuple of one or more members.
    case tuple([ABIValue])

    /// A `uint256`.
    @inlinable
    public static func uint256(_ value: UInt256) -> ABIValue { .uint(value, bits: 256) }

    /// An `int256`.
    @inlinable
    public static func int256(_ value: Int256) -> ABIValue { .int(value, bits: 256) }

    /// A `bytes32`.
    @inlinable
    public static func bytes32(_ value: Bytes32) -> ABIValue { .fixedBytes(value, size: 32) }

    /// The value's type.
    ///
    /// - Complexity: O(size of the value) for tuples, O(1) otherwise.
    public var type: ABIType {
        switch self {
        case .uint(_, let bits): .uint(bits)
        case .int(_, let bits): .int(bits)
        case .address: .address
        case .bool: .bool
        case .fixedBytes(_, let size): .fixedBytes(size)
        case .bytes: .bytes
        case .string: .string
        case .array(let element, _): .array(element)
        case .fixedArray(let element, let elements): .fixedArray(element, elements.count)
        case .tuple(let members): .tuple(members.map(\.type))
        }
    }

    /// `true` when the value's type is encoded in the tail (see ``ABIType/isDynamic``).
    public var isDynamic: Bool {
        switch self {
        case .uint, .int, .address, .bool, .fixedBytes: false
        case .bytes, .string, .array: true
        case .fixedArray(let element, _): element.isDynamic
        case .tuple(let members): members.contains(where: \.isDynamic)
        }
    }

    /// `true` when the value fits its declared type: the type is ``ABIType/isValid``, integers
    /// are in range, the bytes of a `bytes<n>` past `n` are zero, and every array element
    /// has the array's element type.
    ///
    /// - Complexity: O(size of the value).
    public var isWellFormed: Bool {
        matches(type)
    }

    /// `true` when the value is a well-formed value of `type`.
    ///
    /// - Complexity: O(size of the value).
    public func matches(_ type: ABIType) -> Bool {
        switch (self, type) {
        case let (.uint(value, bits), .uint(typeBits)):
            return bits == typeBits && type.isValid && value >> bits == .zero
        case let (.int(value, bits), .int(typeBits)):
            guard bits == typeBits, type.isValid else { return false }
            let high = value.bitPattern >> (bits - 1)
            return high == .zero || high == UInt256.max >> (bits - 1)
        case (.address, .address), (.bool, .bool), (.bytes, .bytes), (.string, .string):
            return true
        case let (.fixedBytes(value, size), .fixedBytes(typeSize)):
            return size == typeSize && type.isValid && value.word << (8 * size) == .zero
        case let (.array(element, elements), .array(typeElement)):
            return element == typeElement && type.isValid && elements.allSatisfy { $0.matches(element) }
        case let (.fixedArray(element, elements), .fixedArray(typeElement, count)):
            return element == typeElement && elements.count == count && type.isValid
                && elements.allSatisfy { $0.matches(element) }
        case let (.tuple(members), .tuple(types)):
            return members.count == types.count && type.isValid
                && zip(members, types).allSatisfy { $0.matches($1) }
        default:
            return false
        }
    }

    /// The value as text, for logs and JSON: integers in decimal, addresses as `0x` and 40
    /// lowercase hex digits, `bytes<n>` and `bytes` as `0x` hex, booleans as `true`/`false`,
    /// strings as themselves, arrays as `[a,b]` and tuples as `(a,b)` of their members' text.
    public var description: String {
        switch self {
        case .uint(let value, _): value.description
        case .int(let value, _): value.description
        case .address(let address): "0x" + address.lowercaseHex
        case .bool(let flag): flag ? "true" : "false"
        case .fixedBytes(let value, let size): Hex.encode(value.bytes.prefix(size))
        case .bytes(let bytes): Hex.encode(bytes)
        case .string(let text): text
        case .array(_, let elements), .fixedArray(_, let elements):
            "[" + elements.map(\.description).joined(separator: ",") + "]"
        case .tuple(let members): "(" + members.map(\.description).joined(separator: ",") + ")"
        }
    }
}

// MARK: - Accessors

extension ABIValue {
    /// The integer of a `uint<n>` value, else `nil`.
    public var uintValue: UInt256? {
        if case .uint(let value, _) = self { value } else { nil }
    }

    /// The integer of an `int<n>` value, else `nil`.
    public var intValue: Int256? {
        if case .int(let value, _) = self { value } else { nil }
    }

    /// The address of an `address` value, else `nil`.
    public var addressValue: Address? {
        if case .address(let address) = self { address } else { nil }
    }

    /// The flag of a `bool` value, else `nil`.
    public var boolValue: Bool? {
        if case .bool(let flag) = self { flag } else { nil }
    }

    /// The word of a `bytes32` value, else `nil`.
    public var bytes32Value: Bytes32? {
        if case .fixedBytes(let value, 32) = self { value } else { nil }
    }

    /// The bytes of a `bytes` value, else `nil`.
    public var bytesValue: [UInt8]? {
        if case .bytes(let bytes) = self { bytes } else { nil }
    }

    /// The text of a `string` value, else `nil`.
    public var stringValue: String? {
        if case .string(let text) = self { text } else { nil }
    }

    /// The elements of a `T[]` or `T[n]` value, or the members of a tuple, else `nil`.
    public var elements: [ABIValue]? {
        switch self {
        case .array(_, let elements), .fixedArray(_, let elements), .tuple(let elements): elements
        default: nil
        }
    }
}
