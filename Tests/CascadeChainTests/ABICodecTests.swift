import CascadeChain
import CascadeMath
import Foundation
import XCTest

final class ABICodecTests: XCTestCase {
    // MARK: Examples from the Solidity ABI specification

    /// `sam(bytes,bool,uint256[])` called with `("dave", true, [1, 2, 3])`.
    func testSpecificationExampleWithBytesAndArray() throws {
        let values: [ABIValue] = [
            .bytes(Array("dave".utf8)), .bool(true),
            .array(element: .uint256, [.uint256(1), .uint256(2), .uint256(3)]),
        ]
        let expected = words(
            "60", "1", "a0",
            "4", "6461766500000000000000000000000000000000000000000000000000000000",
            "3", "1", "2", "3")
        try assertEncodes(values, expected)
    }

    /// `f(uint256,uint32[],bytes10,bytes)` called with
    /// `(0x123, [0x456, 0x789], "1234567890", "Hello, world!")`.
    func testSpecificationExampleWithTwoTails() throws {
        let values: [ABIValue] = [
            .uint256(0x123),
            .array(element: .uint(32), [.uint(0x456, bits: 32), .uint(0x789, bits: 32)]),
            .fixedBytes(Bytes32(word: UInt256(hex: "3132333435363738393000000000000000000000000000000000000000000000")!), size: 10),
            .bytes(Array("Hello, world!".utf8)),
        ]
        let expected = words(
            "123", "80", "3132333435363738393000000000000000000000000000000000000000000000", "e0",
            "2", "456", "789",
            "d", "48656c6c6f2c20776f726c642100000000000000000000000000000000000000")
        try assertEncodes(values, expected)
    }

    /// `g(uint256[][],string[])` called with `([[1, 2], [3]], ["one", "two", "three"])`: offsets
    /// inside nested dynamic arrays count from the start of the array's elements.
    func testSpecificationExampleWithNestedDynamicArrays() throws {
        let values: [ABIValue] = [
            .array(element: .array(.uint256), [
                .array(element: .uint256, [.uint256(1), .uint256(2)]),
                .array(element: .uint256, [.uint256(3)]),
            ]),
            .array(element: .string, ["one", "two", "three"].map { .string($0) }),
        ]
        let expected = words(
            "40", "140",
            "2", "40", "a0", "2", "1", "2", "1", "3",
            "3", "60", "a0", "e0",
            "3", "6f6e650000000000000000000000000000000000000000000000000000000000",
            "3", "74776f0000000000000000000000000000000000000000000000000000000000",
            "5", "7468726565000000000000000000000000000000000000000000000000000000")
        try assertEncodes(values, expected)
    }

    func testNoValuesEncodeToNothing() throws {
        XCTAssertEqual(ABICodec.encode([]), [])
        XCTAssertEqual(try ABICodec.decode([], from: []), [])
    }

    func testSignedIntegersAreSignExtended() throws {
        try assertEncodes([.int(-1, bits: 8)], word(UInt256.max))
        try assertEncodes([.int(-128, bits: 8)], word(UInt256.max << 7))
        try assertEncodes([.int(127, bits: 8)], word(127))
        try assertEncodes([.int256(Int256.min)], word(UInt256.one << 255))
    }

    func testEncodeIntoAppends() {
        var buffer: [UInt8] = [0xaa]
        ABICodec.encode([.bool(true)], into: &buffer)
        XCTAssertEqual(buffer, [0xaa] + word(1))
    }

    // MARK: Cross-check with the Python `eth-abi` package

    func testPythonReferenceCodecVectors() throws {
        let vectors = try ABIVectors.load()
        XCTAssertGreaterThanOrEqual(vectors.codec.count, 40)
        for vector in vectors.codec {
            let types = try vector.types.map { try XCTUnwrap(ABIType(canonicalName: $0), "type \($0) in \(vector.name)") }
            let values = zip(types, vector.values).map { $1.abiValue($0) }
            XCTAssertTrue(values.allSatisfy(\.isWellFormed), vector.name)
            let expected = hexBytes(vector.encoded)
            XCTAssertEqual(hexString(ABICodec.encode(values)), vector.encoded, vector.name)
            XCTAssertEqual(ABICodec.encodedSize(of: values), expected.count, vector.name)
            XCTAssertEqual(try ABICodec.decode(types, from: expected), values, vector.name)
        }
    }

    // MARK: Properties over random type trees

    func testRandomTypeTreesRoundTrip() throws {
        var rng = SeededGenerator(seed: 0xAB1_C0DEC)
        for _ in 0..<2_000 {
            let types = (0..<Int.random(in: 0...4, using: &rng)).map { _ in randomType(&rng, depth: 3) }
            let values = types.map { randomValue($0, &rng) }
            XCTAssertEqual(values.map(\.type), types)
            XCTAssertTrue(values.allSatisfy(\.isWellFormed))
            let encoded = ABICodec.encode(values)
            XCTAssertEqual(encoded.count, ABICodec.encodedSize(of: values))
            XCTAssertEqual(encoded.count % 32, 0)
            XCTAssertEqual(try ABICodec.decode(types, from: encoded), values, "\(types)")
        }
    }

    // MARK: Helpers

    private func assertEncodes(_ values: [ABIValue], _ expected: [UInt8], line: UInt = #line) throws {
        XCTAssertEqual(hexString(ABICodec.encode(values)), hexString(expected), line: line)
        XCTAssertEqual(ABICodec.encodedSize(of: values), expected.count, line: line)
        XCTAssertEqual(try ABICodec.decode(values.map(\.type), from: expected), values, line: line)
    }

    /// 32-byte words: a hex string of 64 digits is a whole word, one of at most 8 a number.
    private func words(_ items: String...) -> [UInt8] {
        items.flatMap { item in
            precondition(item.count == 64 || item.count <= 8, "malformed word \(item)")
            return item.count == 64 ? hexBytes(item) : word(UInt256(hex: item)!)
        }
    }
}
