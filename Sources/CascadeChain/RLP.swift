/// Recursive Length Prefix (RLP) serialization, as specified in
/// appendix B of the Ethereum Yellow Paper.
///
/// An RLP item is either a byte string or a list of items. Its encoding is:
///
/// - a single byte in `0x00...0x7f`: that byte alone;
/// - a byte string of 0–55 bytes: `0x80 + length`, then the bytes;
/// - a longer byte string: `0xb7 + n`, then the length as `n` big-endian
///   bytes (no leading zero), then the bytes;
/// - a list whose concatenated item encodings (its payload) take 0–55 bytes:
///   `0xc0 + length`, then the payload;
/// - a longer list: `0xf7 + n`, then the payload length as `n` big-endian
///   bytes (no leading zero), then the payload.
///
/// Unsigned integers are encoded as byte strings holding their minimal
/// big-endian form, so zero is the empty string (`0x80`).
///
/// ``decode(_:)`` accepts only the canonical encoding: every item that
/// ``encode(_:)`` could not have produced is rejected with an ``RLPError``
/// naming the broken rule and its byte offset.
public enum RLP {
    /// An RLP item: a byte string or a list of items.
    public indirect enum Item: Hashable, Sendable {
        case bytes([UInt8])
        case list([Item])
    }

    /// The deepest list nesting ``decode(_:)`` accepts, so that hostile
    /// input cannot exhaust the stack. Ethereum structures nest a few levels.
    public static let maxDecodingDepth = 1024

    // MARK: Encoding

    /// Returns the RLP encoding of `item`, written into one allocation.
    public static func encode(_ item: Item) -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(encodedLength(of: item))
        encode(item, into: &buffer)
        return buffer
    }

    /// Appends the RLP encoding of `item` to `buffer`.
    ///
    /// Reserve ``encodedLength(of:)`` extra bytes first to avoid regrowth.
    public static func encode(_ item: Item, into buffer: inout [UInt8]) {
        switch item {
        case .bytes(let bytes):
            appendByteString(bytes, into: &buffer)
        case .list(let items):
            appendHeader(payloadLength: listPayloadLength(items), shortBase: 0xc0, into: &buffer)
            for child in items {
                encode(child, into: &buffer)
            }
        }
    }

    /// Appends the encoding of the byte string `bytes`.
    static func appendByteString(_ bytes: some Collection<UInt8>, into buffer: inout [UInt8]) {
        if bytes.count == 1, let byte = bytes.first, byte < 0x80 {
            buffer.append(byte)
        } else {
            appendHeader(payloadLength: bytes.count, shortBase: 0x80, into: &buffer)
            buffer.append(contentsOf: bytes)
        }
    }

    /// The number of bytes ``encode(_:)`` produces for `item`.
    public static func encodedLength(of item: Item) -> Int {
        switch item {
        case .bytes(let bytes):
            if bytes.count == 1, bytes[0] < 0x80 { return 1 }
            return headerLength(payloadLength: bytes.count) + bytes.count
        case .list(let items):
            let payload = listPayloadLength(items)
            return headerLength(payloadLength: payload) + payload
        }
    }

    /// The minimal big-endian bytes of `value`; zero gives the empty array.
    public static func integerBytes(_ value: UInt64) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { integerBytes(bigEndian: $0) }
    }

    /// The minimal form of a big-endian unsigned integer of any width
    /// (e.g. a 256-bit amount): `bytes` without its leading zero bytes.
    public static func integerBytes(bigEndian bytes: some Collection<UInt8>) -> [UInt8] {
        Array(bytes.drop(while: { $0 == 0 }))
    }

    private static func listPayloadLength(_ items: [Item]) -> Int {
        items.reduce(0) { $0 + encodedLength(of: $1) }
    }

    private static func headerLength(payloadLength: Int) -> Int {
        payloadLength < 56 ? 1 : 1 + byteWidth(payloadLength)
    }

    /// Bytes needed for `value` in minimal big-endian form.
    private static func byteWidth(_ value: Int) -> Int {
        (UInt64(value).bitWidth - UInt64(value).leadingZeroBitCount + 7) / 8
    }

    /// Appends the prefix for a payload; `shortBase` is 0x80 for byte
    /// strings and 0xc0 for lists, the long-form base lies 55 above it.
    static func appendHeader(payloadLength: Int, shortBase: UInt8, into buffer: inout [UInt8]) {
        if payloadLength < 56 {
            buffer.append(shortBase + UInt8(payloadLength))
            return
        }
        let width = byteWidth(payloadLength)
        buffer.append(shortBase + 55 + UInt8(width))
        for index in stride(from: width - 1, through: 0, by: -1) {
            buffer.append(UInt8(truncatingIfNeeded: payloadLength >> (8 * index)))
        }
    }

    // MARK: Decoding

    /// Decodes exactly one canonically encoded item filling all of `bytes`.
    ///
    /// Offsets in thrown errors count from the start of `bytes`.
    public static func decode(_ bytes: some Collection<UInt8>) throws(RLPError) -> Item {
        let parser = Parser(input: Array(bytes))
        guard !parser.input.isEmpty else { throw .emptyInput }
        let whole = Parser.Bounds(end: parser.input.count, listOffset: nil)
        let (item, end) = try parser.item(at: 0, within: whole, depth: 0)
        if end < parser.input.count {
            throw .trailingBytes(offset: end, count: parser.input.count - end)
        }
        return item
    }

    /// A strict recursive-descent reader over the whole input.
    private struct Parser {
        /// Where the item being read must end: the input's end at the top
        /// level, or the payload end of the list at `listOffset`.
        struct Bounds {
            let end: Int
            let listOffset: Int?
        }

        let input: [UInt8]

        /// Reads the item whose prefix byte is at `start`; returns it and
        /// the offset just past it.
        func item(at start: Int, within bounds: Bounds, depth: Int) throws(RLPError) -> (Item, end: Int) {
            let prefix = input[start]
            switch prefix {
            case 0x00...0x7f:
                return (.bytes([prefix]), start + 1)
            case 0x80...0xbf:
                let (payloadStart, end) = try payloadRange(at: start, shortBase: 0x80, within: bounds)
                let bytes = Array(input[payloadStart..<end])
                if bytes.count == 1, bytes[0] < 0x80 {
                    throw .nonCanonicalSingleByte(offset: start)
                }
                return (.bytes(bytes), end)
            default:
                guard depth < RLP.maxDecodingDepth else {
                    throw .nestingTooDeep(offset: start, limit: RLP.maxDecodingDepth)
                }
                let (payloadStart, end) = try payloadRange(at: start, shortBase: 0xc0, within: bounds)
                let payload = Bounds(end: end, listOffset: start)
                var items: [Item] = []
                var cursor = payloadStart
                while cursor < end {
                    let (child, childEnd) = try item(at: cursor, within: payload, depth: depth + 1)
                    items.append(child)
                    cursor = childEnd
                }
                return (.list(items), end)
            }
        }

        /// Validates the header at `start` and returns where its payload
        /// starts and ends. `shortBase` is 0x80 (string) or 0xc0 (list).
        private func payloadRange(
            at start: Int, shortBase: UInt8, within bounds: Bounds
        ) throws(RLPError) -> (start: Int, end: Int) {
            let prefix = input[start]
            if prefix < shortBase + 56 {
                let length = UInt64(prefix - shortBase)
                return (start + 1, try claim(length, at: start + 1, forItemAt: start, within: bounds))
            }
            let width = UInt64(prefix - shortBase - 55)
            let lengthEnd = try claim(width, at: start + 1, forItemAt: start, within: bounds)
            if input[start + 1] == 0 {
                throw .leadingZeroInLength(offset: start + 1)
            }
            let length = input[(start + 1)..<lengthEnd].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            if length < 56 {
                throw .nonCanonicalLongForm(offset: start, length: Int(length))
            }
            return (lengthEnd, try claim(length, at: lengthEnd, forItemAt: start, within: bounds))
        }

        /// Checks that `count` bytes from `position` exist and stay inside
        /// `bounds`; returns the offset just past them.
        private func claim(
            _ count: UInt64, at position: Int, forItemAt start: Int, within bounds: Bounds
        ) throws(RLPError) -> Int {
            let available = input.count - position
            if count > UInt64(available) {
                throw .truncated(offset: position, needed: count, available: available)
            }
            let end = position + Int(count)
            if end > bounds.end, let listOffset = bounds.listOffset {
                throw .listPayloadMismatch(listOffset: listOffset, itemOffset: start)
            }
            return end
        }
    }
}

// MARK: - Shape accessors

extension RLP.Item {
    /// A convenience: the byte-string item holding `value` as an RLP integer.
    public static func integer(_ value: UInt64) -> RLP.Item {
        .bytes(RLP.integerBytes(value))
    }

    /// The bytes of a byte-string item; throws ``RLPError/expectedBytes`` for a list.
    public func asBytes() throws(RLPError) -> [UInt8] {
        guard case .bytes(let bytes) = self else { throw .expectedBytes }
        return bytes
    }

    /// The items of a list item; throws ``RLPError/expectedList`` for a byte string.
    public func asList() throws(RLPError) -> [RLP.Item] {
        guard case .list(let items) = self else { throw .expectedList }
        return items
    }

    /// The minimal big-endian bytes of a canonical RLP integer at most
    /// `maxByteCount` wide (32 fits a 256-bit word). Zero is the empty
    /// string; a leading zero byte is rejected as non-canonical.
    public func asIntegerBytes(maxByteCount: Int = 32) throws(RLPError) -> [UInt8] {
        let bytes = try asBytes()
        if bytes.first == 0 {
            throw .nonCanonicalInteger
        }
        if bytes.count > maxByteCount {
            throw .integerTooLarge(byteCount: bytes.count, limit: maxByteCount)
        }
        return bytes
    }

    /// The value of a canonical RLP integer that fits in 64 bits.
    public func asUInt64() throws(RLPError) -> UInt64 {
        try asIntegerBytes(maxByteCount: 8).reduce(0) { $0 << 8 | UInt64($1) }
    }
}
