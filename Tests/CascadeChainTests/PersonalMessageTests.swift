import CascadeChain
import CascadeMath
import XCTest

final class PersonalMessageTests: XCTestCase {
    static let keyOne = try! PrivateKey(hex: "0x" + String(repeating: "0", count: 63) + "1")
    static let message = Array("cascade oracle report: ETH/USD 136.37".utf8)

    /// Expected values from eth-account 0.14.0:
    /// `Account.sign_message(encode_defunct(primitive=message), (1).to_bytes(32, "big"))`.
    func testSignatureMatchesEthAccount() throws {
        XCTAssertEqual(PersonalMessage.hash(Self.message).hex, "e83bc9cd15d9f0b70f931c6a87191e31d683adc42bbecce6e5d91a1229821ec3")
        let signature = PersonalMessage.sign(Self.message, with: Self.keyOne)
        XCTAssertEqual(Hex.encode(signature.rBytes), "0xe84070bcd5f8a45530abe23c28753dc551816124937d60d3125a681ec6af73e8")
        XCTAssertEqual(Hex.encode(signature.sBytes), "0x24b9e6428ad5c4b18cf9fe2989b2d76ba2dae7c1bf5d9fda6e7990c81d5d0218")
        XCTAssertEqual(signature.recoveryID, 0) // v = 27
    }

    func testRecoveredSignerIsTheKeysAddress() throws {
        let signature = PersonalMessage.sign(Self.message, with: Self.keyOne)
        XCTAssertEqual(try PersonalMessage.recoverSigner(Self.message, signature: signature), Self.keyOne.address)
    }

    func testAnyChangeToTheMessageRecoversSomeoneElse() throws {
        let signature = PersonalMessage.sign(Self.message, with: Self.keyOne)
        for index in Self.message.indices {
            var altered = Self.message
            altered[index] ^= 0x01
            let signer = try? PersonalMessage.recoverSigner(altered, signature: signature)
            XCTAssertNotEqual(signer, Self.keyOne.address, "byte \(index) altered")
        }
    }
}
