import CascadeChain
import CascadeMath
import XCTest

final class ABIValueTests: XCTestCase {
    func testTypesOfValues() {
        XCTAssertEqual(ABIValue.uint256(1).type, .uint256)
        XCTAssertEqual(ABIValue.int(-1, bits: 8).type, .int(8))
        XCTAssertEqual(ABIValue.bytes32(.zero).type, .bytes32)
        XCTAssertEqual(ABIValue.array(element: .uint(8), []).type, .array(.uint(8)))
        XCTAssertEqual(ABIValue.fixedArray(element: .bool, [.bool(true), .bool(false)]).type, .fixedArray(.bool, 2))
        XCTAssertEqual(ABIValue.tuple([.address(.zero), .string("x")]).type, .tuple([.address, .string]))
    }

    func testWellFormedValuesFitTheirTypes() {
        XCTAssertTrue(ABIValue.uint(255, bits: 8).isWellFormed)
        XCTAssertFalse(ABIValue.uint(256, bits: 8).isWellFormed)
        XCTAssertTrue(ABIValue.uint(.max, bits: 256).isWellFormed)
        XCTAssertFalse(ABIValue.uint(1, bits: 7).isWellFormed)
        XCTAssertTrue(ABIValue.int(-128, bits: 8).isWellFormed)
        XCTAssertTrue(ABIValue.int(127, bits: 8).isWellFormed)
        XCTAssertFalse(ABIValue.int(-129, bits: 8).isWellFormed)
        XCTAssertFalse(ABIValue.int(128, bits: 8).isWellFormed)
        XCTAssertTrue(ABIValue.int256(.min).isWellFormed)
        // bytes2 must have zeros after its first 2 bytes.
        XCTAssertTrue(ABIValue.fixedBytes(Bytes32(word: UInt256(0xabcd) << 240), size: 2).isWellFormed)
        XCTAssertFalse(ABIValue.fixedBytes(Bytes32(word: UInt256(0xabcd) << 232), size: 2).isWellFormed)
        XCTAssertFalse(ABIValue.array(element: .uint(8), [.uint256(1)]).isWellFormed)
        XCTAssertFalse(ABIValue.fixedArray(element: .bool, []).isWellFormed)
        XCTAssertFalse(ABIValue.tuple([]).isWellFormed)
        XCTAssertFalse(ABIValue.bool(true).matches(.uint(8)))
    }

    func testDescriptions() {
        XCTAssertEqual(ABIValue.uint256(UInt256(decimal: "115792089237316195423570985008687907853269984665640564039457584007913129639935")!).description,
                       "115792089237316195423570985008687907853269984665640564039457584007913129639935")
        XCTAssertEqual(ABIValue.int256(-5).description, "-5")
        XCTAssertEqual(ABIValue.address(address(repeating: 0xab)).description, "0x" + String(repeating: "ab", count: 20))
        XCTAssertEqual(ABIValue.bool(false).description, "false")
        XCTAssertEqual(ABIValue.fixedBytes(Bytes32(word: UInt256(0xabcd) << 240), size: 2).description, "0xabcd")
        XCTAssertEqual(ABIValue.bytes([]).description, "0x")
        XCTAssertEqual(ABIValue.bytes([1, 0xff]).description, "0x01ff")
        XCTAssertEqual(ABIValue.string("ETH").description, "ETH")
        XCTAssertEqual(ABIValue.array(element: .uint(8), [.uint(27, bits: 8), .uint(28, bits: 8)]).description, "[27,28]")
        XCTAssertEqual(ABIValue.tuple([.bool(true), .int(-1, bits: 8)]).description, "(true,-1)")
    }

    func testAccessors() {
        XCTAssertEqual(ABIValue.uint(7, bits: 16).uintValue, 7)
        XCTAssertNil(ABIValue.int(7, bits: 16).uintValue)
        XCTAssertEqual(ABIValue.int256(-7).intValue, -7)
        XCTAssertEqual(ABIValue.address(.zero).addressValue, .zero)
        XCTAssertEqual(ABIValue.bool(true).boolValue, true)
        XCTAssertEqual(ABIValue.bytes32(Bytes32(ascii: "ETH-A")!).bytes32Value, Bytes32(ascii: "ETH-A"))
        XCTAssertNil(ABIValue.fixedBytes(.zero, size: 4).bytes32Value)
        XCTAssertEqual(ABIValue.bytes([1]).bytesValue, [1])
        XCTAssertEqual(ABIValue.string("a").stringValue, "a")
        XCTAssertEqual(ABIValue.tuple([.bool(true)]).elements, [.bool(true)])
        XCTAssertNil(ABIValue.bytes([]).elements)
    }
}
