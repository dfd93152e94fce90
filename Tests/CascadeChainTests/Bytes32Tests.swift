import CascadeChain
import CascadeMath
import XCTest

final class Bytes32Tests: XCTestCase {
    func testAsciiIlkIsRightPaddedWithZeros() throws {
        let ilk = try XCTUnwrap(Bytes32(ascii: "ETH-A"))
        XCTAssertEqual(ilk.hex, "4554482d41" + String(repeating: "0", count: 54))
        XCTAssertEqual(ilk.bytes.count, 32)
        XCTAssertEqual(ilk[0], 0x45)
        XCTAssertEqual(ilk[4], 0x41)
        XCTAssertEqual(ilk[5], 0)
        XCTAssertEqual(ilk.asciiText, "ETH-A")
        XCTAssertEqual(Bytes32(ascii: ""), .zero)
    }

    func testAsciiRejectsMoreThan32BytesAndNonASCII() throws {
        let longest = String(repeating: "A", count: 32)
        XCTAssertEqual(try XCTUnwrap(Bytes32(ascii: longest)).asciiText, longest)
        XCTAssertNil(Bytes32(ascii: longest + "B"))
        XCTAssertNil(Bytes32(ascii: "ETH-é"))
    }

    func testAsciiTextIsNilForNonText() {
        XCTAssertNil(Bytes32.zero.asciiText)
        XCTAssertNil(Bytes32(word: .max).asciiText)
        // Text, a zero byte, then more text: not a right-padded name.
        XCTAssertNil(Bytes32(bytes: [0x41, 0x00, 0x42] + [UInt8](repeating: 0, count: 29))?.asciiText)
        XCTAssertNil(Bytes32(bytes: [0x0a] + [UInt8](repeating: 0, count: 31))?.asciiText)
    }

    func testBytesRoundTripAndRequireExactly32() throws {
        var rng = SeededGenerator(seed: 32)
        let bytes = rng.bytes(32)
        let value = try XCTUnwrap(Bytes32(bytes: bytes))
        XCTAssertEqual(value.bytes, bytes)
        XCTAssertEqual(value.word, UInt256(bigEndian: bytes))
        XCTAssertEqual((0..<32).map { value[$0] }, bytes)
        XCTAssertNil(Bytes32(bytes: rng.bytes(31)))
        XCTAssertNil(Bytes32(bytes: rng.bytes(33)))
    }

    func testHexTextRoundTrips() throws {
        let value = Bytes32(word: UInt256(hex: "0x0102")!)
        XCTAssertEqual(value.description, "0x" + String(repeating: "0", count: 60) + "0102")
        XCTAssertEqual(Bytes32(hex: value.description), value)
        XCTAssertEqual(Bytes32(hex: value.hex.uppercased()), value)
        XCTAssertNil(Bytes32(hex: "0x0102"))
        XCTAssertNil(Bytes32(hex: String(repeating: "g", count: 64)))
    }
}
