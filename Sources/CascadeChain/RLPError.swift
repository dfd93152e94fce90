/// Why RLP input was rejected. Decoding errors carry the byte offset,
/// counted from the start of the decoded input, where the rule was broken.
public enum RLPError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The input holds no bytes at all.
    case emptyInput
    /// `needed` bytes are declared from `offset` on, but only `available` remain.
    case truncated(offset: Int, needed: UInt64, available: Int)
    /// `count` bytes follow the top-level item, which ends at `offset`.
    case trailingBytes(offset: Int, count: Int)
    /// A single byte below 0x80 was wrapped in a 0x81 prefix at `offset`.
    case nonCanonicalSingleByte(offset: Int)
    /// The long-form prefix at `offset` declares a `length` below 56.
    case nonCanonicalLongForm(offset: Int, length: Int)
    /// A long-form length field starts with a zero byte at `offset`.
    case leadingZeroInLength(offset: Int)
    /// The item at `itemOffset` runs past the payload of the list at `listOffset`.
    case listPayloadMismatch(listOffset: Int, itemOffset: Int)
    /// The list at `offset` nests deeper than `limit`.
    case nestingTooDeep(offset: Int, limit: Int)
    /// A byte string was required but the item is a list.
    case expectedBytes
    /// A list was required but the item is a byte string.
    case expectedList
    /// An integer's byte string starts with a zero byte.
    case nonCanonicalInteger
    /// An integer's byte string is `byteCount` bytes, wider than `limit`.
    case integerTooLarge(byteCount: Int, limit: Int)

    public var description: String {
        switch self {
        case .emptyInput:
            "empty input: an RLP encoding is at least one byte"
        case let .truncated(offset, needed, available):
            "input truncated at offset \(offset): \(needed) bytes declared, \(available) available"
        case let .trailingBytes(offset, count):
            "trailing bytes: \(count) bytes after the item ending at offset \(offset)"
        case let .nonCanonicalSingleByte(offset):
            "non-canonical single byte at offset \(offset): a byte below 0x80 must encode as itself"
        case let .nonCanonicalLongForm(offset, length):
            "non-canonical length at offset \(offset): long form used for a \(length)-byte payload (< 56)"
        case let .leadingZeroInLength(offset):
            "non-canonical length: leading zero byte at offset \(offset)"
        case let .listPayloadMismatch(listOffset, itemOffset):
            "list payload mismatch: item at offset \(itemOffset) runs past the end of the list at offset \(listOffset)"
        case let .nestingTooDeep(offset, limit):
            "nesting too deep: list at offset \(offset) exceeds \(limit) levels"
        case .expectedBytes:
            "wrong shape: expected a byte string, found a list"
        case .expectedList:
            "wrong shape: expected a list, found a byte string"
        case .nonCanonicalInteger:
            "non-canonical integer: leading zero byte"
        case let .integerTooLarge(byteCount, limit):
            "integer too large: \(byteCount) bytes, at most \(limit) allowed"
        }
    }
}
