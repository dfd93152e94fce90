import CascadeChain
import XCTest

final class ABITypeTests: XCTestCase {
    private let examples: [(ABIType, String, isDynamic: Bool, headSize: Int)] = [
        (.uint256, "uint256", false, 32),
        (.uint(8), "uint8", false, 32),
        (.int(24), "int24", false, 32),
        (.address, "address", false, 32),
        (.bool, "bool", false, 32),
        (.bytes32, "bytes32", false, 32),
        (.fixedBytes(1), "bytes1", false, 32),
        (.bytes, "bytes", true, 32),
        (.string, "string", true, 32),
        (.array(.uint(8)), "uint8[]", true, 32),
        (.fixedArray(.uint256, 3), "uint256[3]", false, 96),
        (.fixedArray(.string, 2), "string[2]", true, 32),
        (.array(.fixedArray(.bytes32, 3)), "bytes32[3][]", true, 32),
        (.fixedArray(.array(.bool), 2), "bool[][2]", true, 32),
        (.tuple([.address, .uint(16)]), "(address,uint16)", false, 64),
        (.tuple([.uint256, .bytes]), "(uint256,bytes)", true, 32),
        (.fixedArray(.tuple([.address, .fixedArray(.bool, 2)]), 2), "(address,bool[2])[2]", false, 192),
    ]

    func testCanonicalNamesDynamismAndHeadSizes() {
        for (type, name, isDynamic, headSize) in examples {
            XCTAssertEqual(type.canonicalName, name)
            XCTAssertEqual(type.description, name)
            XCTAssertEqual(type.isDynamic, isDynamic, name)
            XCTAssertEqual(type.headSize, headSize, name)
            XCTAssertTrue(type.isValid, name)
        }
    }

    func testParsingCanonicalNames() {
        for (type, name, _, _) in examples {
            XCTAssertEqual(ABIType(canonicalName: name), type, name)
        }
        var rng = SeededGenerator(seed: 0x7E5)
        for _ in 0..<1_000 {
            let type = randomType(&rng, depth: 4)
            XCTAssertEqual(ABIType(canonicalName: type.canonicalName), type, type.canonicalName)
        }
    }

    func testParsingRejectsNonCanonicalSpellings() {
        let rejected = [
            "", "uint", "int", "byte", "bytes0", "bytes33", "uint7", "uint264", "uint08", "int0",
            "uint256 ", " uint256", "(uint256, bool)", "uint256[01]", "uint256[0]", "()", "(uint256,)",
            "uint256[", "(uint256", "tuple", "function", "fixed128x18", "UINT256", "address20", "bool[]]",
        ]
        for name in rejected {
            XCTAssertNil(ABIType(canonicalName: name), name)
        }
    }

    func testValidity() {
        let invalid: [ABIType] = [
            .uint(0), .uint(7), .uint(264), .int(-8), .fixedBytes(0), .fixedBytes(33),
            .fixedArray(.uint256, 0), .tuple([]), .array(.uint(3)), .tuple([.bool, .fixedBytes(40)]),
            .fixedArray(.fixedArray(.uint256, 1 << 20), 1 << 20),
        ]
        for type in invalid {
            XCTAssertFalse(type.isValid, "\(type)")
        }
        // A dynamic element keeps a huge fixed array's head at one offset per element.
        XCTAssertTrue(ABIType.fixedArray(.bytes, 1000).isValid)
    }
}
