import CascadeChain
import XCTest

final class FunctionSelectorTests: XCTestCase {
    func testSelectorIsTheFirstFourBytesOfTheSignatureHash() {
        let transfer = FunctionSelector(signature: "transfer(address,uint256)")
        XCTAssertEqual(transfer.signature, "transfer(address,uint256)")
        XCTAssertEqual(transfer.selector, 0xa905_9cbb)
        XCTAssertEqual(transfer.bytes, [0xa9, 0x05, 0x9c, 0xbb])
        XCTAssertEqual(transfer.bytes, Array(Keccak256.hash("transfer(address,uint256)".utf8).bytes.prefix(4)))
        XCTAssertEqual(transfer.hex, "0xa9059cbb")
        XCTAssertEqual(transfer.description, "0xa9059cbb transfer(address,uint256)")
    }

    func testSelectorFromNameAndTypesUsesCanonicalNames() {
        let poke = FunctionSelector(
            name: "poke", parameterTypes: [.array(.uint256), .array(.uint256), .array(.uint(8)), .array(.bytes32), .array(.bytes32)])
        XCTAssertEqual(poke.signature, "poke(uint256[],uint256[],uint8[],bytes32[],bytes32[])")
        XCTAssertEqual(poke.hex, "0x89bbb8b2")
        XCTAssertEqual(FunctionSelector(name: "poke", parameterTypes: []).hex, "0x18178358")
    }

    func testLeadingZeroBytesArePrinted() {
        let liquidation = FunctionSelector(signature: "liquidationCall(address,address,address,uint256,bool)")
        XCTAssertEqual(liquidation.selector, 0x00a7_18a9)
        XCTAssertEqual(liquidation.hex, "0x00a718a9")
        XCTAssertEqual(liquidation.bytes, [0x00, 0xa7, 0x18, 0xa9])
    }
}
