import CascadeMath

/// The Solidity contract ABI encoding of argument lists: `abi.encode(…)`, and calldata after its
/// 4-byte selector.
///
/// A list of values is encoded as a tuple: first one *head* per value — the value itself when
/// its type is static (32 bytes per scalar), or, when it is dynamic, a 32-byte offset counted
/// from the start of the tuple — then the *tails* of the dynamic values, in order:
///
/// | type | encoding |
/// | --- | --- |
/// | `uint<n>`, `address`, `bool` | one word, zero-padded on the left |
/// | `int<n>` | one word, two's complement sign-extended to 256 bits |
/// | `bytes<n>` | one word, zero-padded on the right |
/// | `bytes`, `string` | a length word, then the bytes (UTF-8), zero-padded to a multiple of 32 |
/// | `T[n]`, tuples | as a tuple of the elements (in place when static) |
/// | `T[]` | a length word, then the elements as a tuple |
///
/// ``decode(_:from:)`` is strict: it accepts exactly the encodings ``encode(_:)`` produces
/// and names the first broken rule in an ``ABIError``: short data, offsets out of bounds,
/// misaligned, into the head or not where the canonical encoding puts the value, lengths that
/// cannot fit, non-zero padding, booleans other than 0 and 1, wrong sign extension, invalid
/// UTF-8, and any trailing bytes after the encoded values (rejected, so that one call has one
/// calldata). Declared lengths are checked against the remaining data before anything is
/// allocated for them.
public enum ABICodec {
    // MARK: Encoding

    /// The encoding of `values` as one tuple (`abi.encode(values…)`), written into one
    /// allocation of the exact size.
    ///
    /// Each value must be ``ABIValue/isWellFormed``; an integer out of its type's range traps.
    ///
    /// - Complexity: O(total size × nesting depth).
    public static func encode(_ values: [ABIValue]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(encodedSize(of: values))
        encode(values, into: &out)
        return out
    }

    /// Appends the encoding of `values` to `out`; reserve ``encodedSize(of:)`` bytes first to
    /// avoid regrowth.
    public static func encode(_ values: [ABIValue], into out: inout [UInt8]) {
        appendTuple(headSize: headSize(of: values), into: &out) { visit in
            for value in values { visit(value) }
        }
    }

    /// The number of bytes ``encode(_:)`` produces for `values`.
    public static func encodedSize(of values: [ABIValue]) -> Int {
        tupleSize(values)
    }

    // MARK: Internals shared with ContractCall

    /// Appends a tuple encoding. `forEach` must call its argument once with each member, in
    /// order; it runs twice (heads, then tails). `headSize` is the sum of the members' heads.
    @inline(__always)
    static func appendTuple(
        headSize: Int, into out: inout [UInt8], _ forEach: ((ABIValue) -> Void) -> Void
    ) {
        var nextTail = headSize
        forEach { value in
            if value.isDynamic {
                appendWord(UInt256(UInt64(nextTail)), into: &out)
                nextTail += tailSize(of: value)
            } else {
                appendStatic(value, into: &out)
            }
        }
        forEach { value in
            if value.isDynamic { appendTail(value, into: &out) }
        }
    }

    /// The head a value takes in its tuple: 32 for a dynamic value, its encoding otherwise.
    static func headSize(of value: ABIValue) -> Int {
        switch value {
        case .uint, .int, .address, .bool, .fixedBytes, .bytes, .string, .array: 32
        case .fixedArray(_, let members), .tuple(let members): value.isDynamic ? 32 : headSize(of: members)
        }
    }

    /// The sum of the members' heads.
    static func headSize(of members: [ABIValue]) -> Int {
        members.reduce(0) { $0 + headSize(of: $1) }
    }

    /// The size of a dynamic value's tail encoding.
    static func tailSize(of value: ABIValue) -> Int {
        switch value {
        case .bytes(let bytes): 32 + paddedLength(bytes.count)
        case .string(let text): 32 + paddedLength(text.utf8.count)
        case .array(_, let elements): 32 + tupleSize(elements)
        case .fixedArray(_, let members), .tuple(let members): tupleSize(members)
        case .uint, .int, .address, .bool, .fixedBytes: 0
        }
    }

    /// The size of a tuple's encoding: its heads plus the tails of its dynamic members.
    static func tupleSize(_ members: [ABIValue]) -> Int {
        members.reduce(0) { $0 + headSize(of: $1) + ($1.isDynamic ? tailSize(of: $1) : 0) }
    }

    /// `count` rounded up to a multiple of 32.
    @inline(__always)
    static func paddedLength(_ count: Int) -> Int {
        (count + 31) & ~31
    }

    /// Appends a 32-byte big-endian word.
    @inline(__always)
    static func appendWord(_ word: UInt256, into out: inout [UInt8]) {
        withUnsafeBytes(of: (word.w3.bigEndian, word.w2.bigEndian, word.w1.bigEndian, word.w0.bigEndian)) {
            out.append(contentsOf: $0)
        }
    }

    /// Appends the in-place encoding of a static value.
    static func appendStatic(_ value: ABIValue, into out: inout [UInt8]) {
        switch value {
        case let .uint(integer, bits):
            precondition(value.matches(.uint(bits)), "uint\(bits) value \(integer) does not fit its type")
            appendWord(integer, into: &out)
        case let .int(integer, bits):
            precondition(value.matches(.int(bits)), "int\(bits) value \(integer) does not fit its type")
            appendWord(integer.bitPattern, into: &out)
        case .address(let address):
            appendWord(address.word, into: &out)
        case .bool(let flag):
            appendWord(flag ? .one : .zero, into: &out)
        case let .fixedBytes(bytes, size):
            precondition(value.matches(.fixedBytes(size)), "bytes\(size) value \(bytes) does not fit its type")
            appendWord(bytes.word, into: &out)
        case let .fixedArray(element, members):
            assert(value.isWellFormed, "fixed array elements must all be well-formed \(element) values")
            for member in members { appendStatic(member, into: &out) }
        case .tuple(let members):
            for member in members { appendStatic(member, into: &out) }
        case .bytes, .string, .array:
            preconditionFailure("a dynamic value has no static encoding")
        }
    }

    /// Appends the tail encoding of a dynamic value.
    static func appendTail(_ value: ABIValue, into out: inout [UInt8]) {
        switch value {
        case .bytes(let bytes):
            appendPadded(bytes, into: &out)
        case .string(let text):
            appendPadded(text.utf8, into: &out)
        case let .array(element, elements):
            assert(value.isWellFormed, "array elements must all be well-formed \(element) values")
            appendWord(UInt256(UInt64(elements.count)), into: &out)
            encode(elements, into: &out)
        case let .fixedArray(element, members):
            assert(value.isWellFormed, "fixed array elements must all be well-formed \(element) values")
            encode(members, into: &out)
        case .tuple(let members):
            encode(members, into: &out)
        case .uint, .int, .address, .bool, .fixedBytes:
            preconditionFailure("a static value has no tail")
        }
    }

    /// Appends a length word, the bytes, and zeros up to a multiple of 32.
    private static func appendPadded(_ bytes: some Collection<UInt8>, into out: inout [UInt8]) {
        let count = bytes.count
        appendWord(UInt256(UInt64(count)), into: &out)
        out.append(contentsOf: bytes)
        out.append(contentsOf: repeatElement(0, count: paddedLength(count) - count))
    }

    // MARK: Text helpers

    /// `0x` and 8 hex digits.
    static func selectorHex(_ selector: UInt32) -> String {
        withUnsafeBytes(of: selector.bigEndian) { Hex.encode($0) }
    }

    /// `0x` and the 64 hex digits of a word.
    static func wordHex(_ word: UInt256) -> String {
        Hex.encode(word.bigEndianBytes)
    }
}
