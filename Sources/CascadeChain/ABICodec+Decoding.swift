import CascadeMath

// Strict decoding of ABI tuples: see ABICodec's documentation for the rules.

extension ABICodec {
    /// Decodes a list of values of `types` that fills all of `data` (`abi.decode`), accepting
    /// only the canonical encoding.
    ///
    /// Offsets in thrown errors count from the start of `data`. Every `types` element must be
    /// ``ABIType/isValid`` (a programmer error otherwise).
    ///
    /// - Complexity: O(size of `data` + size of `types` × number of values).
    public static func decode(_ types: [ABIType], from data: some Collection<UInt8>) throws(ABIError) -> [ABIValue] {
        try decode(types, in: Array(data), at: 0)
    }

    /// Decodes the tuple of `types` that starts at `start` and ends exactly at the end of `input`.
    /// Offsets in thrown errors are positions in `input`.
    static func decode(_ types: [ABIType], in input: [UInt8], at start: Int) throws(ABIError) -> [ABIValue] {
        precondition(types.allSatisfy(\.isValid), "cannot decode invalid ABI types \(types)")
        let (values, end) = try Reader(input: input).tuple(.list(types), at: start)
        if end < input.count {
            throw .trailingBytes(offset: end, count: input.count - end)
        }
        return values
    }
}

/// The member types of a tuple being decoded: a list (a tuple type, or argument list), or one
/// type repeated (the elements of an array).
private enum Members {
    case list([ABIType])
    case repeated(ABIType, count: Int)

    var count: Int {
        switch self {
        case .list(let types): types.count
        case .repeated(_, let count): count
        }
    }

    subscript(index: Int) -> ABIType {
        switch self {
        case .list(let types): types[index]
        case .repeated(let type, _): type
        }
    }

    /// The sum of the members' heads.
    var headSize: Int {
        switch self {
        case .list(let types): types.reduce(0) { $0 + $1.headSize }
        case .repeated(let type, let count): count * type.headSize
        }
    }

    /// The type named in a ``ABIError/dataTooShort(type:offset:needed:available:)`` error.
    var type: ABIType {
        switch self {
        case .list(let types): .tuple(types)
        case .repeated(let type, let count): .fixedArray(type, count)
        }
    }
}

/// A strict recursive-descent reader over the whole input.
///
/// Each read of a tuple returns where its encoding ends (after the tail of its last dynamic
/// member), which is exactly where the canonical encoding places the next tail.
private struct Reader {
    let input: [UInt8]

    /// Reads the tuple whose head starts at `start`; returns its members and its end.
    func tuple(_ members: Members, at start: Int) throws(ABIError) -> ([ABIValue], end: Int) {
        let headSize = members.headSize
        let available = input.count - start
        guard headSize <= available else {
            throw .dataTooShort(type: members.type, offset: start, needed: headSize, available: available)
        }
        var values: [ABIValue] = []
        values.reserveCapacity(members.count)
        var head = start
        var end = start + headSize
        for index in 0..<members.count {
            let type = members[index]
            if type.isDynamic {
                let target = try resolvePointer(at: head, tupleStart: start, headSize: headSize, expected: end)
                let (value, valueEnd) = try dynamicValue(type, at: target)
                values.append(value)
                end = valueEnd
                head += 32
            } else {
                values.append(try staticValue(type, at: head))
                head += type.headSize
            }
        }
        return (values, end)
    }

    /// Checks the offset word at `head` and returns the position it points to, which must be
    /// `expected`, the end of the previous tail (or of the head).
    private func resolvePointer(
        at head: Int, tupleStart: Int, headSize: Int, expected: Int
    ) throws(ABIError) -> Int {
        let pointer = word(at: head)
        let available = input.count - tupleStart
        guard available >= 32, pointer <= UInt256(UInt64(available - 32)) else {
            throw .offsetOutOfBounds(offset: head, pointer: pointer, available: available)
        }
        let relative = Int(pointer.w0)
        guard relative % 32 == 0 else {
            throw .offsetMisaligned(offset: head, pointer: pointer)
        }
        guard relative >= headSize else {
            throw .offsetIntoHead(offset: head, pointer: pointer, headSize: headSize)
        }
        guard tupleStart + relative == expected else {
            throw .nonCanonicalOffset(offset: head, pointer: pointer, expected: expected - tupleStart)
        }
        return expected
    }

    /// Reads a static value in place at `offset` (its whole head is in bounds).
    private func staticValue(_ type: ABIType, at offset: Int) throws(ABIError) -> ABIValue {
        switch type {
        case .uint(let bits):
            let value = word(at: offset)
            guard value >> bits == .zero else { throw .invalidPadding(type: type, offset: offset, word: value) }
            return .uint(value, bits: bits)
        case .int(let bits):
            let value = word(at: offset)
            let high = value >> (bits - 1)
            guard high == .zero || high == UInt256.max >> (bits - 1) else {
                throw .invalidSignExtension(type: type, offset: offset, word: value)
            }
            return .int(Int256(bitPattern: value), bits: bits)
        case .address:
            let value = word(at: offset)
            guard value >> 160 == .zero else { throw .invalidPadding(type: type, offset: offset, word: value) }
            return .address(Address(truncating: value))
        case .bool:
            let value = word(at: offset)
            guard let flag = value == .zero ? false : (value == .one ? true : nil) else {
                throw .invalidBool(offset: offset, word: value)
            }
            return .bool(flag)
        case .fixedBytes(let size):
            let value = word(at: offset)
            guard value << (8 * size) == .zero else { throw .invalidPadding(type: type, offset: offset, word: value) }
            return .fixedBytes(Bytes32(word: value), size: size)
        case .fixedArray(let element, let count):
            return .fixedArray(element: element, try tuple(.repeated(element, count: count), at: offset).0)
        case .tuple(let types):
            return .tuple(try tuple(.list(types), at: offset).0)
        case .bytes, .string, .array:
            preconditionFailure("\(type) is dynamic")
        }
    }

    /// Reads the tail of a dynamic value at `offset` (at least one word is in bounds); returns
    /// the value and the end of its encoding.
    private func dynamicValue(_ type: ABIType, at offset: Int) throws(ABIError) -> (ABIValue, end: Int) {
        switch type {
        case .bytes, .string:
            let (bytes, end) = try paddedBytes(type, at: offset)
            if case .bytes = type { return (.bytes(bytes), end) }
            guard let text = String(validating: bytes, as: UTF8.self) else { throw .invalidUTF8(offset: offset + 32) }
            return (.string(text), end)
        case .array(let element):
            let length = word(at: offset)
            let available = input.count - offset - 32
            // Every element takes at least its head: bound the count before reserving for it.
            guard length <= UInt256(UInt64(available / element.headSize)) else {
                throw .lengthTooLarge(type: type, offset: offset, length: length, available: available)
            }
            let (elements, end) = try tuple(.repeated(element, count: Int(length.w0)), at: offset + 32)
            return (.array(element: element, elements), end)
        case .fixedArray(let element, let count):
            let (elements, end) = try tuple(.repeated(element, count: count), at: offset)
            return (.fixedArray(element: element, elements), end)
        case .tuple(let types):
            let (members, end) = try tuple(.list(types), at: offset)
            return (.tuple(members), end)
        case .uint, .int, .address, .bool, .fixedBytes:
            preconditionFailure("\(type) is static")
        }
    }

    /// Reads the length word at `offset`, the contents and their zero padding.
    private func paddedBytes(_ type: ABIType, at offset: Int) throws(ABIError) -> ([UInt8], end: Int) {
        let length = word(at: offset)
        let start = offset + 32
        let available = input.count - start
        guard length <= UInt256(UInt64(available)), ABICodec.paddedLength(Int(length.w0)) <= available else {
            throw .lengthTooLarge(type: type, offset: offset, length: length, available: available)
        }
        let contentEnd = start + Int(length.w0)
        let end = start + ABICodec.paddedLength(Int(length.w0))
        if let index = input[contentEnd..<end].firstIndex(where: { $0 != 0 }) {
            throw .nonZeroTailPadding(type: type, offset: index, byte: input[index])
        }
        return (Array(input[start..<contentEnd]), end)
    }

    /// The big-endian word at `offset`; the caller has checked that 32 bytes are there.
    private func word(at offset: Int) -> UInt256 {
        precondition(offset >= 0 && offset + 32 <= input.count, "word at \(offset) out of bounds")
        return input.withUnsafeBytes { raw in
            func limb(_ index: Int) -> UInt64 {
                UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: offset + 8 * index, as: UInt64.self))
            }
            return UInt256(w0: limb(3), w1: limb(2), w2: limb(1), w3: limb(0))
        }
    }
}
