import CascadeChain
import CascadeMath
import Foundation
import XCTest

final class RLPTests: XCTestCase {
    // MARK: Canonical examples (Ethereum wiki / Yellow Paper appendix B)

    func testCanonicalExamples() throws {
        let lorem = Array("Lorem ipsum dolor sit amet, consectetur adipisicing elit".utf8)
        XCTAssertEqual(lorem.count, 56)
        let cases: [(RLP.Item, String)] = [
            (string("dog"), "83646f67"),
            (.list([string("cat"), string("dog")]), "c88363617483646f67"),
            (.bytes([]), "80"),
            (.list([]), "c0"),
            (.integer(0), "80"),
            (.integer(15), "0f"),
            (.integer(1024), "820400"),
            (.list([.list([]), .list([.list([])]), .list([.list([]), .list([.list([])])])]), "c7c0c1c0c3c0c1c0"),
            (.bytes(lorem), "b838" + hex(lorem)),
        ]
        for (item, expected) in cases {
            XCTAssertEqual(hex(RLP.encode(item)), expected)
            XCTAssertEqual(RLP.encodedLength(of: item), expected.count / 2)
            XCTAssertEqual(try RLP.decode(bytes(expected)), item)
        }
    }

    /// The list encoder writes what encoding the same list of items writes: byte strings of every
    /// header form, integers of both widths around the single-byte bound, a nested list, a prefix.
    func testListEncoderMatchesTheItemEncoding() throws {
        var random = SplitMix64(seed: 3)
        for round in 0..<200 {
            var encoder = RLP.ListEncoder(capacity: 16)
            var items: [RLP.Item] = []
            for _ in 0..<Int(random.next() % 12) {
                switch random.next() % 5 {
                case 0:
                    let bytes = (0..<Int(random.next() % 70)).map { _ in UInt8(truncatingIfNeeded: random.next() % (random.next() % 2 == 0 ? 0x80 : 256)) }
                    encoder.append(bytes: bytes)
                    items.append(.bytes(bytes))
                case 1:
                    let value = [0, 1, 0x7f, 0x80, 0xff, 1024, UInt64.max, random.next()][Int(random.next() % 8)]
                    encoder.append(integer: value)
                    items.append(.integer(value))
                case 2:
                    let value = UInt256(w0: random.next(), w1: random.next() % 3 == 0 ? random.next() : 0, w2: 0,
                                        w3: random.next() % 4 == 0 ? random.next() : 0)
                    let small = random.next() % 3 == 0 ? UInt256(random.next() % 300) : value
                    encoder.append(integer: small)
                    items.append(.bytes(small.minimalBigEndianBytes))
                case 3:
                    let nested = RLP.Item.list([.integer(random.next() % 200), .bytes([1, 2, 3])])
                    encoder.append(nested)
                    items.append(nested)
                default:
                    encoder.append(integer: UInt256.zero)
                    items.append(.bytes([]))
                }
            }
            XCTAssertEqual(encoder.encoded(), RLP.encode(.list(items)), "round \(round)")
            XCTAssertEqual(encoder.encoded(prefix: 2), [2] + RLP.encode(.list(items)), "round \(round)")
        }
    }

    func testIntegerBytesAreMinimalBigEndian() throws {
        XCTAssertEqual(RLP.integerBytes(0), [])
        XCTAssertEqual(RLP.integerBytes(0x7f), [0x7f])
        XCTAssertEqual(RLP.integerBytes(0x0102_0304), [0x01, 0x02, 0x03, 0x04])
        XCTAssertEqual(RLP.integerBytes(.max), [UInt8](repeating: 0xff, count: 8))
        XCTAssertEqual(RLP.integerBytes(bigEndian: [0, 0, 0x01, 0x00]), [0x01, 0x00])
        XCTAssertEqual(RLP.integerBytes(bigEndian: [0, 0]), [])
        for value: UInt64 in [0, 1, 0x7f, 0x80, 0xff, 0x100, 1024, .max] {
            XCTAssertEqual(try RLP.decode(RLP.encode(.integer(value))).asUInt64(), value)
        }
    }

    func testEncodeIntoAppends() {
        var buffer: [UInt8] = [0xaa]
        RLP.encode(string("dog"), into: &buffer)
        XCTAssertEqual(buffer, [0xaa, 0x83, 0x64, 0x6f, 0x67])
    }

    func testLongListHeaderUsesLengthOfLength() throws {
        let item = RLP.Item.list([.bytes([UInt8](repeating: 7, count: 300))])
        let encoded = RLP.encode(item)
        XCTAssertEqual(Array(encoded.prefix(6)), [0xf9, 0x01, 0x2f, 0xb9, 0x01, 0x2c])
        XCTAssertEqual(try RLP.decode(encoded), item)
    }

    // MARK: Strict decoding: one test per rejected rule

    func testRejectsEmptyInput() {
        assertDecode([], throws: .emptyInput)
    }

    func testRejectsTruncatedPayload() {
        assertDecode([0x83, 0x64, 0x6f], throws: .truncated(offset: 1, needed: 3, available: 2))
        assertDecode([0xc3, 0x80], throws: .truncated(offset: 1, needed: 3, available: 1))
    }

    func testRejectsTruncatedLengthField() {
        assertDecode([0xb9, 0x01], throws: .truncated(offset: 1, needed: 2, available: 1))
        assertDecode([0xff], throws: .truncated(offset: 1, needed: 8, available: 0))
    }

    func testRejectsHugeDeclaredLength() {
        let header: [UInt8] = [0xbf, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]
        assertDecode(header + [0x00], throws: .truncated(offset: 9, needed: .max, available: 1))
    }

    func testRejectsTrailingBytes() {
        assertDecode([0x80, 0x00], throws: .trailingBytes(offset: 1, count: 1))
        assertDecode([0xc1, 0x01, 0xc0, 0xc0], throws: .trailingBytes(offset: 2, count: 2))
    }

    func testRejectsNonCanonicalSingleByte() {
        assertDecode([0x81, 0x05], throws: .nonCanonicalSingleByte(offset: 0))
        assertDecode([0xc2, 0x81, 0x7f], throws: .nonCanonicalSingleByte(offset: 1))
        XCTAssertEqual(try RLP.decode([0x81, 0x80]), .bytes([0x80]))
    }

    func testRejectsLongFormForShortPayload() {
        assertDecode([0xb8, 0x02, 0x61, 0x62], throws: .nonCanonicalLongForm(offset: 0, length: 2))
        assertDecode([0xb8, 0x37] + [UInt8](repeating: 0x61, count: 55), throws: .nonCanonicalLongForm(offset: 0, length: 55))
        assertDecode([0xf8, 0x01, 0x80], throws: .nonCanonicalLongForm(offset: 0, length: 1))
    }

    func testRejectsLeadingZeroInLength() {
        let payload = [UInt8](repeating: 0x61, count: 56)
        assertDecode([0xb9, 0x00, 0x38] + payload, throws: .leadingZeroInLength(offset: 1))
        assertDecode([0xf9, 0x00, 0x38] + payload, throws: .leadingZeroInLength(offset: 1))
    }

    func testRejectsListItemsOverrunningPayload() {
        // The list claims 2 payload bytes; its item claims 3 more than that.
        assertDecode([0xc2, 0x83, 0x61, 0x62, 0x63], throws: .listPayloadMismatch(listOffset: 0, itemOffset: 1))
        // A long-form length field crossing the list end counts too.
        assertDecode([0xc1, 0xb8, 0x38], throws: .listPayloadMismatch(listOffset: 0, itemOffset: 1))
    }

    func testRejectsExcessiveNesting() {
        var item = RLP.Item.list([])
        for _ in 0..<RLP.maxDecodingDepth {
            item = .list([item])
        }
        // The innermost list, one level too deep, is the final 0xc0 byte.
        let encoded = RLP.encode(item)
        assertDecode(encoded, throws: .nestingTooDeep(offset: encoded.count - 1, limit: RLP.maxDecodingDepth))
        guard case .list(let inner) = item else { return XCTFail("expected a list") }
        XCTAssertEqual(try RLP.decode(RLP.encode(inner[0])), inner[0])
    }

    // MARK: Shape accessors

    func testAccessorsRejectWrongShape() {
        assertThrows(try RLP.Item.list([]).asBytes(), .expectedBytes)
        assertThrows(try RLP.Item.bytes([]).asList(), .expectedList)
        assertThrows(try RLP.Item.list([]).asUInt64(), .expectedBytes)
    }

    func testAsUInt64RejectsNonCanonicalIntegers() throws {
        assertThrows(try RLP.Item.bytes([0x00]).asUInt64(), .nonCanonicalInteger)
        assertThrows(try RLP.Item.bytes([0x00, 0x01]).asUInt64(), .nonCanonicalInteger)
        assertThrows(try RLP.Item.bytes([UInt8](repeating: 1, count: 9)).asUInt64(), .integerTooLarge(byteCount: 9, limit: 8))
        assertThrows(try RLP.Item.bytes([UInt8](repeating: 1, count: 33)).asIntegerBytes(), .integerTooLarge(byteCount: 33, limit: 32))
        XCTAssertEqual(try RLP.Item.bytes([]).asUInt64(), 0)
        XCTAssertEqual(try RLP.Item.bytes([0x04, 0x00]).asUInt64(), 1024)
    }

    func testErrorDescriptionsNameRuleAndOffset() {
        XCTAssertEqual(
            RLPError.leadingZeroInLength(offset: 3).description,
            "non-canonical length: leading zero byte at offset 3"
        )
        XCTAssertTrue(RLPError.nonCanonicalSingleByte(offset: 7).description.contains("offset 7"))
        XCTAssertTrue(RLPError.listPayloadMismatch(listOffset: 0, itemOffset: 4).description.contains("offset 4"))
    }

    // MARK: Properties over random items

    func testRandomItemsRoundTrip() throws {
        var rng = SplitMix64(seed: 0xCA5CADE)
        for _ in 0..<5_000 {
            let item = randomItem(&rng, depth: 4)
            let encoded = RLP.encode(item)
            XCTAssertEqual(encoded.count, RLP.encodedLength(of: item))
            XCTAssertEqual(try RLP.decode(encoded), item)
        }
    }

    /// The decoder accepts only canonical encodings: whatever a mutation
    /// yields either throws or decodes to an item that re-encodes to
    /// exactly the mutated bytes.
    func testMutatedEncodingsAreRejectedOrCanonical() {
        var rng = SplitMix64(seed: 0xBAD_B17E5)
        var accepted = 0
        var rejected = 0
        for _ in 0..<3_000 {
            let mutated = mutate(RLP.encode(randomItem(&rng, depth: 3)), &rng)
            do {
                let item = try RLP.decode(mutated)
                XCTAssertEqual(RLP.encode(item), mutated, "accepted a non-canonical encoding: \(hex(mutated))")
                accepted += 1
            } catch {
                rejected += 1
            }
        }
        XCTAssertGreaterThan(accepted, 0)
        XCTAssertGreaterThan(rejected, 0)
    }

    // MARK: Cross-check with the Python `rlp` package

    func testPythonReferenceVectors() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "rlp_vectors", withExtension: "json", subdirectory: "Vectors"))
        let vectors = try JSONDecoder().decode([Vector].self, from: Data(contentsOf: url))
        XCTAssertGreaterThanOrEqual(vectors.count, 30)
        for vector in vectors {
            let expected = bytes(vector.encoded)
            XCTAssertEqual(RLP.encode(vector.item.item), expected, vector.name)
            XCTAssertEqual(try RLP.decode(expected), vector.item.item, vector.name)
        }
    }
}

// MARK: - Helpers

/// One entry of `Vectors/rlp_vectors.json`.
private struct Vector: Decodable {
    let name: String
    let item: JSONItem
    let encoded: String
}

/// A nested JSON item: a "0x…" hex string is a byte string, an array a list.
private struct JSONItem: Decodable {
    let item: RLP.Item

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            item = .bytes(bytes(String(text.dropFirst(2))))
        } else {
            item = .list(try container.decode([JSONItem].self).map(\.item))
        }
    }
}


/// A random item whose string lengths straddle the 1-byte, 55/56-byte and
/// 255/256-byte encoding boundaries.
private func randomItem(_ rng: inout SplitMix64, depth: Int) -> RLP.Item {
    if depth == 0 || Int.random(in: 0..<3, using: &rng) == 0 {
        let length = [0, 1, 1, 2, Int.random(in: 3...60, using: &rng), Int.random(in: 250...300, using: &rng)]
            .randomElement(using: &rng)!
        return .bytes((0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) })
    }
    return .list((0..<Int.random(in: 0...6, using: &rng)).map { _ in randomItem(&rng, depth: depth - 1) })
}

/// Applies one random edit: overwrite, insert or delete a byte, or truncate.
private func mutate(_ input: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
    var bytes = input
    let position = Int.random(in: 0..<bytes.count, using: &rng)
    let byte = UInt8.random(in: 0...255, using: &rng)
    switch Int.random(in: 0..<4, using: &rng) {
    case 0: bytes[position] = byte
    case 1: bytes.insert(byte, at: position)
    case 2: bytes.remove(at: position)
    default: bytes.removeSubrange(position...)
    }
    return bytes
}

private func assertDecode(_ input: [UInt8], throws expected: RLPError, line: UInt = #line) {
    assertThrows(try RLP.decode(input), expected, line: line)
}

private func assertThrows<T>(_ expression: @autoclosure () throws -> T, _ expected: RLPError, line: UInt = #line) {
    XCTAssertThrowsError(try expression(), line: line) { error in
        XCTAssertEqual(error as? RLPError, expected, line: line)
    }
}

private func string(_ text: String) -> RLP.Item {
    .bytes(Array(text.utf8))
}

private func hex(_ bytes: [UInt8]) -> String {
    bytes.map { String(format: "%02x", $0) }.joined()
}

private func bytes(_ hex: String) -> [UInt8] {
    let digits = Array(hex.utf8)
    return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0...$0 + 1], as: UTF8.self), radix: 16)! }
}
