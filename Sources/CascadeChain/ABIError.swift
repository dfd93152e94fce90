import CascadeMath

/// Why ABI-encoded data was rejected.
///
/// The decoder accepts only the canonical encoding, the one ``ABICodec/encode(_:)`` produces;
/// every other input is rejected with the first broken rule. `offset` is the byte position, from
/// the start of the decoded input (for calldata: from the first selector byte), of the word or
/// byte that breaks it. A `pointer` is the raw value of an offset word, which counts from the
/// start of the enclosing tuple, as the ABI specifies.
public enum ABIError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Calldata of `count` < 4 bytes: no room for a function selector.
    case missingSelector(count: Int)
    /// No known function has this selector.
    case unknownSelector(UInt32)
    /// The encoding of `type` at `offset` needs `needed` bytes, but only `available` remain.
    case dataTooShort(type: ABIType, offset: Int, needed: Int, available: Int)
    /// The offset word at `offset` points beyond the data: from its tuple's start only
    /// `available` bytes remain, fewer than `pointer` + 32.
    case offsetOutOfBounds(offset: Int, pointer: UInt256, available: Int)
    /// The offset word at `offset` holds `pointer`, which is not a multiple of 32.
    case offsetMisaligned(offset: Int, pointer: UInt256)
    /// The offset word at `offset` holds `pointer`, which points into its tuple's head of
    /// `headSize` bytes.
    case offsetIntoHead(offset: Int, pointer: UInt256, headSize: Int)
    /// The offset word at `offset` holds `pointer`, but the canonical encoding places the value
    /// right after the previous one, at `expected` (counted, like `pointer`, from the tuple's
    /// start): the tails would overlap or leave a gap.
    case nonCanonicalOffset(offset: Int, pointer: UInt256, expected: Int)
    /// The length word at `offset` declares `length` elements or bytes of `type`, which need
    /// more than the `available` bytes that follow it.
    case lengthTooLarge(type: ABIType, offset: Int, length: UInt256, available: Int)
    /// The word at `offset` holds a `type` value with non-zero padding bits: high bits of an
    /// `address` or a `uint<n>` below 256, low bits of a `bytes<n>` below 32.
    case invalidPadding(type: ABIType, offset: Int, word: UInt256)
    /// The word at `offset` holds a `bool` other than 0 or 1.
    case invalidBool(offset: Int, word: UInt256)
    /// The word at `offset` holds an `int<n>` (n < 256) whose high bits are not copies of
    /// bit n − 1.
    case invalidSignExtension(type: ABIType, offset: Int, word: UInt256)
    /// The padding after the contents of a `bytes` or `string` holds `byte` ≠ 0 at `offset`.
    case nonZeroTailPadding(type: ABIType, offset: Int, byte: UInt8)
    /// The `string` whose contents start at `offset` is not valid UTF-8.
    case invalidUTF8(offset: Int)
    /// `count` bytes follow the encoded arguments, which end at `offset`.
    case trailingBytes(offset: Int, count: Int)

    public var description: String {
        switch self {
        case let .missingSelector(count):
            "calldata too short: expected a 4-byte function selector, found \(count) bytes"
        case let .unknownSelector(selector):
            "unknown function selector \(ABICodec.selectorHex(selector))"
        case let .dataTooShort(type, offset, needed, available):
            "data too short at offset \(offset): \(type) needs \(needed) bytes, found \(available)"
        case let .offsetOutOfBounds(offset, pointer, available):
            "offset out of bounds at offset \(offset): expected a pointer to a 32-byte word within the "
                + "\(available) bytes from the tuple's start, found \(pointer)"
        case let .offsetMisaligned(offset, pointer):
            "misaligned offset at offset \(offset): expected a multiple of 32, found \(pointer)"
        case let .offsetIntoHead(offset, pointer, headSize):
            "offset into the head at offset \(offset): expected at least \(headSize) (the head's size), found \(pointer)"
        case let .nonCanonicalOffset(offset, pointer, expected):
            "non-canonical offset at offset \(offset): expected \(expected) (right after the previous value), found \(pointer)"
        case let .lengthTooLarge(type, offset, length, available):
            "length too large at offset \(offset): expected a \(type) length whose encoding fits the \(available) bytes that follow, found \(length)"
        case let .invalidPadding(type, offset, word):
            "non-zero padding at offset \(offset): expected \(type) with zero padding bits, found \(ABICodec.wordHex(word))"
        case let .invalidBool(offset, word):
            "invalid bool at offset \(offset): expected 0 or 1, found \(ABICodec.wordHex(word))"
        case let .invalidSignExtension(type, offset, word):
            "invalid sign extension at offset \(offset): expected \(type) sign-extended to 256 bits, found \(ABICodec.wordHex(word))"
        case let .nonZeroTailPadding(type, offset, byte):
            "non-zero padding at offset \(offset): expected zero bytes after the \(type) contents, found 0x"
                + Hex.encode([byte], prefix: false)
        case let .invalidUTF8(offset):
            "invalid string at offset \(offset): expected UTF-8 text"
        case let .trailingBytes(offset, count):
            "trailing bytes: expected the data to end at offset \(offset), found \(count) more bytes"
        }
    }
}
