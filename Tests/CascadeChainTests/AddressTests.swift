import CascadeChain
import CascadeMath
import XCTest

final class AddressTests: XCTestCase {
    /// The checksummed examples listed in EIP-55 itself.
    static let eip55Examples = [
        // All caps
        "0x52908400098527886E0F7030069857D2E4169EE7",
        "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
        // All lower
        "0xde709f2102306220921060314715629080e2fb77",
        "0x27b1fdb04752bbc536007a920d24acb045561c26",
        // Normal
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    ]

    func testEIP55ExamplesChecksumToThemselves() throws {
        for example in Self.eip55Examples {
            let address = try Address(hex: example)
            XCTAssertEqual(address.checksummed, example, "EIP-55 example \(example)")
            XCTAssertEqual(address.description, example)
            XCTAssertEqual(address.lowercaseHex, String(example.dropFirst(2)).lowercased())
        }
    }

    func testSingleCaseInputNeedsNoChecksum() throws {
        let checksummed = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
        XCTAssertEqual(try Address(hex: checksummed.lowercased()).checksummed, checksummed)
        XCTAssertEqual(try Address(hex: "0x" + checksummed.dropFirst(2).uppercased()).checksummed, checksummed)
        XCTAssertEqual(try Address(hex: String(checksummed.dropFirst(2))).checksummed, checksummed)
    }

    func testWrongMixedCaseChecksumIsRejectedWithTheExpectedForm() {
        let wrong = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD" // last letter flipped
        XCTAssertThrowsError(try Address(hex: wrong)) { error in
            XCTAssertEqual(error as? AddressError, .badChecksum(input: wrong, expected: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"))
        }
    }

    func testMalformedAddressesSayWhatIsWrong() {
        XCTAssertThrowsError(try Address(hex: "0x1234")) { error in
            XCTAssertEqual(error as? AddressError, .wrongLength(input: "0x1234", digits: 4))
        }
        let badDigit = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg"
        XCTAssertThrowsError(try Address(hex: badDigit)) { error in
            XCTAssertEqual(error as? AddressError, .invalidCharacter(input: badDigit, offset: 41, character: "g"))
            XCTAssertTrue("\(error)".contains("column 42"))
        }
        XCTAssertNil(Address("not an address"))
    }

    func testWordConversionKeepsTheLow160Bits() throws {
        let address = try Address(hex: "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")
        XCTAssertEqual(address.word, UInt256(hex: "0xd1220a0cf47c7b9be7a2e6ba89f429762e7b9adb"))
        XCTAssertEqual(Address(truncating: address.word), address)
        XCTAssertEqual(Address(truncating: address.word | (UInt256.one << 200)), address)
        XCTAssertEqual(Address(bytes: address.bytes), address)
        XCTAssertNil(Address(bytes: [UInt8](repeating: 1, count: 19)))
    }

    func testPrivateKeyOneHasTheWellKnownAddress() throws {
        let key = try PrivateKey(hex: "0x" + String(repeating: "0", count: 63) + "1")
        XCTAssertEqual(key.address.lowercaseHex, "7e5f4552091a69125d5dfcb7b8c2659029395bdf")
    }

    func testCodableUsesTheChecksummedString() throws {
        let address = try Address(hex: "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")
        let json = try JSONEncoder().encode([address])
        XCTAssertEqual(String(decoding: json, as: UTF8.self), "[\"0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359\"]")
        XCTAssertEqual(try JSONDecoder().decode([Address].self, from: json), [address])
    }
}
