import CascadeChain
import CascadeMath
import XCTest

/// The strict decoder: one test per rejected rule, then random mutations.
final class ABICodecDecodingTests: XCTestCase {
    // MARK: Short data

    func testRejectsDataTooShortForTheHead() {
        let data = word(1) + [UInt8](repeating: 0, count: 31)
        assertDecode([.uint256, .bool], data, throws: .dataTooShort(type: .tuple([.uint256, .bool]), offset: 0, needed: 64, available: 63))
        assertDecode([.address], [], throws: .dataTooShort(type: .tuple([.address]), offset: 0, needed: 32, available: 0))
    }

    func testRejectsDataTooShortForANestedHead() {
        // A dynamic (uint256,uint256,bytes) whose head would need 96 bytes where 64 remain.
        let type = ABIType.tuple([.uint256, .uint256, .bytes])
        assertDecode([type], word(32) + word(1) + word(2),
                     throws: .dataTooShort(type: type, offset: 32, needed: 96, available: 64))
    }

    // MARK: Offsets

    func testRejectsOffsetOutsideTheData() {
        assertDecode([.bytes], word(0x1000) + word(0),
                     throws: .offsetOutOfBounds(offset: 0, pointer: 0x1000, available: 64))
        // A word at 64 would end at 96 > 64: the pointer leaves no room for a length.
        assertDecode([.bytes], word(64) + word(0),
                     throws: .offsetOutOfBounds(offset: 0, pointer: 64, available: 64))
        assertDecode([.string], word(UInt256.max) + word(0),
                     throws: .offsetOutOfBounds(offset: 0, pointer: .max, available: 64))
    }

    func testRejectsMisalignedOffset() {
        assertDecode([.bytes], word(33) + word(0) + word(0),
                     throws: .offsetMisaligned(offset: 0, pointer: 33))
    }

    func testRejectsOffsetIntoTheHead() {
        // Two heads (64 bytes): an offset of 32 points at the second head word.
        let data = word(32) + word(7) + word(0)
        assertDecode([.bytes, .uint256], data, throws: .offsetIntoHead(offset: 0, pointer: 32, headSize: 64))
        assertDecode([.bytes], word(0) + word(0), throws: .offsetIntoHead(offset: 0, pointer: 0, headSize: 32))
    }

    func testRejectsNonCanonicalOffsets() {
        // A gap: the tail starts one word after the head.
        assertDecode([.bytes], word(64) + word(0) + word(0),
                     throws: .nonCanonicalOffset(offset: 0, pointer: 64, expected: 32))
        // An overlap: both values share one tail.
        assertDecode([.bytes, .bytes], word(64) + word(64) + word(0),
                     throws: .nonCanonicalOffset(offset: 32, pointer: 64, expected: 96))
        // Offsets inside a dynamic array count from the start of its elements.
        let nested = word(32) + word(1) + word(64) + word(0) + word(0)
        assertDecode([.array(.bytes)], nested, throws: .nonCanonicalOffset(offset: 64, pointer: 64, expected: 32))
    }

    // MARK: Lengths

    func testRejectsLengthLargerThanTheData() {
        assertDecode([.bytes], word(32) + word(UInt256.max),
                     throws: .lengthTooLarge(type: .bytes, offset: 32, length: .max, available: 0))
        assertDecode([.bytes], word(32) + word(33) + word(0),
                     throws: .lengthTooLarge(type: .bytes, offset: 32, length: 33, available: 32))
    }

    func testRejectsLengthWhosePaddingIsMissing() {
        // 5 content bytes fit, but the canonical encoding pads them to 32.
        assertDecode([.string], word(32) + word(5) + Array("hello".utf8),
                     throws: .lengthTooLarge(type: .string, offset: 32, length: 5, available: 5))
    }

    func testRejectsHugeArrayLengthBeforeAllocating() {
        // 2^64 − 1 elements of 32 bytes each cannot follow 32 bytes of data.
        assertDecode([.array(.uint256)], word(32) + word(UInt256(UInt64.max)) + word(0),
                     throws: .lengthTooLarge(type: .array(.uint256), offset: 32, length: UInt256(UInt64.max), available: 32))
        // Each (uint256,uint256) element takes 64 bytes: two need 128, 96 are there.
        let pair = ABIType.tuple([.uint256, .uint256])
        assertDecode([.array(pair)], word(32) + word(2) + word(1) + word(2) + word(3),
                     throws: .lengthTooLarge(type: .array(pair), offset: 32, length: 2, available: 96))
    }

    // MARK: Padding and value ranges

    func testRejectsNonZeroAddressPadding() {
        let dirty = word(UInt256.one << 160)
        assertDecode([.address], dirty, throws: .invalidPadding(type: .address, offset: 0, word: UInt256.one << 160))
    }

    func testRejectsUIntAboveItsWidth() {
        assertDecode([.uint256, .uint(16)], word(0) + word(0x1_0000),
                     throws: .invalidPadding(type: .uint(16), offset: 32, word: 0x1_0000))
        assertDecode([.uint(8)], word(256), throws: .invalidPadding(type: .uint(8), offset: 0, word: 256))
        XCTAssertEqual(try ABICodec.decode([.uint(8)], from: word(255)), [.uint(255, bits: 8)])
    }

    func testRejectsBoolOtherThanZeroOrOne() {
        assertDecode([.bool], word(2), throws: .invalidBool(offset: 0, word: 2))
        assertDecode([.bool], word(UInt256.one << 255), throws: .invalidBool(offset: 0, word: UInt256.one << 255))
    }

    func testRejectsNonZeroFixedBytesPadding() {
        // bytes4 uses the first 4 bytes; the 5th must be zero.
        let data = hexBytes("deadbeef01") + [UInt8](repeating: 0, count: 27)
        assertDecode([.fixedBytes(4)], data,
                     throws: .invalidPadding(type: .fixedBytes(4), offset: 0, word: UInt256(bigEndian: data)!))
    }

    func testRejectsWrongSignExtension() {
        // int8 −128 must be 0xff…80; 0x00…80 is +128, out of range.
        assertDecode([.int(8)], word(0x80), throws: .invalidSignExtension(type: .int(8), offset: 0, word: 0x80))
        // int8 +127 must be 0x00…7f; 0xff…7f is neither sign.
        let bad = UInt256.max << 8 | 0x7f
        assertDecode([.int(8)], word(bad), throws: .invalidSignExtension(type: .int(8), offset: 0, word: bad))
        XCTAssertEqual(try ABICodec.decode([.int(8)], from: word(UInt256.max << 7)), [.int(-128, bits: 8)])
    }

    func testRejectsNonZeroBytesTailPadding() {
        // Two content bytes, then padding whose last byte is 1.
        let padding = [UInt8](repeating: 0, count: 29) + [1]
        assertDecode([.bytes], word(32) + word(2) + [0xab, 0xcd] + padding,
                     throws: .nonZeroTailPadding(type: .bytes, offset: 95, byte: 1))
    }

    func testRejectsInvalidUTF8() {
        let data = word(32) + word(2) + [0xc3, 0x28] + [UInt8](repeating: 0, count: 30)
        assertDecode([.string], data, throws: .invalidUTF8(offset: 64))
        XCTAssertEqual(try ABICodec.decode([.bytes], from: data), [.bytes([0xc3, 0x28])])
    }

    // MARK: Trailing data

    func testRejectsTrailingBytes() {
        assertDecode([.uint256], word(1) + [0], throws: .trailingBytes(offset: 32, count: 1))
        assertDecode([.bytes], word(32) + word(0) + word(0), throws: .trailingBytes(offset: 64, count: 32))
        assertDecode([], [0], throws: .trailingBytes(offset: 0, count: 1))
    }

    // MARK: Descriptions

    func testErrorDescriptionsSayWhatWasExpectedFoundAndWhere() {
        XCTAssertEqual(
            ABIError.dataTooShort(type: .tuple([.uint256, .bool]), offset: 4, needed: 64, available: 63).description,
            "data too short at offset 4: (uint256,bool) needs 64 bytes, found 63")
        XCTAssertEqual(
            ABIError.invalidBool(offset: 36, word: 2).description,
            "invalid bool at offset 36: expected 0 or 1, found 0x" + String(repeating: "0", count: 63) + "2")
        XCTAssertEqual(
            ABIError.offsetMisaligned(offset: 68, pointer: 33).description,
            "misaligned offset at offset 68: expected a multiple of 32, found 33")
        XCTAssertEqual(ABIError.unknownSelector(0xdead_beef).description, "unknown function selector 0xdeadbeef")
        let all: [ABIError] = [
            .missingSelector(count: 3), .offsetOutOfBounds(offset: 7, pointer: 1, available: 2),
            .offsetIntoHead(offset: 7, pointer: 0, headSize: 64), .nonCanonicalOffset(offset: 7, pointer: 96, expected: 64),
            .lengthTooLarge(type: .bytes, offset: 7, length: 9, available: 8),
            .invalidPadding(type: .address, offset: 7, word: .max), .invalidSignExtension(type: .int(8), offset: 7, word: 0x80),
            .nonZeroTailPadding(type: .bytes, offset: 7, byte: 1), .invalidUTF8(offset: 7), .trailingBytes(offset: 7, count: 1),
        ]
        for error in all {
            XCTAssertTrue(error.description.contains("expected"), error.description)
            XCTAssertTrue(error.description.contains("found") || error.description.contains("UTF-8"), error.description)
            if case .missingSelector = error { continue }
            XCTAssertTrue(error.description.contains("offset 7"), error.description)
        }
    }

    // MARK: Canonicality under random mutations

    /// The decoder accepts only canonical encodings: a mutated encoding either throws or decodes
    /// to values that re-encode to exactly the mutated bytes.
    func testMutatedEncodingsAreRejectedOrCanonical() {
        var rng = SeededGenerator(seed: 0xBAD_AB1)
        var accepted = 0
        var rejected = 0
        for _ in 0..<5_000 {
            let types = (0..<Int.random(in: 1...3, using: &rng)).map { _ in randomType(&rng, depth: 2) }
            let encoded = ABICodec.encode(types.map { randomValue($0, &rng) })
            let mutated = mutate(encoded, &rng)
            do {
                let values = try ABICodec.decode(types, from: mutated)
                XCTAssertEqual(ABICodec.encode(values), mutated, "accepted a non-canonical encoding of \(types): \(hexString(mutated))")
                accepted += 1
            } catch {
                rejected += 1
            }
        }
        XCTAssertGreaterThan(accepted, 100)
        XCTAssertGreaterThan(rejected, 100)
    }

    // MARK: Helpers

    private func assertDecode(_ types: [ABIType], _ data: [UInt8], throws expected: ABIError, line: UInt = #line) {
        assertABIError(try ABICodec.decode(types, from: data), expected, line: line)
    }
}
