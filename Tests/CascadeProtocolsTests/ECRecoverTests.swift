import CascadeChain
import CascadeMath
import CascadeProtocols
import XCTest

/// The precompile's acceptance rules, which differ from transaction signatures' (EIP-2).
final class ECRecoverTests: XCTestCase {
    let key = PrivateKey.derive(seed: 3, label: "ecrecover", index: 0)
    let digest = Keccak256.hash(Array("cascade".utf8))

    func testRecoversTheSignerAndItsHighSTwin() throws {
        let signature = try digest.withUnsafeBytes { (bytes) throws(SignatureError) in try key.sign(digest: bytes) }
        let (v, r, s) = ECRecover.components(of: signature)
        XCTAssertTrue(v == 27 || v == 28)
        XCTAssertEqual(ECRecover.recover(digest: digest, v: v, r: r, s: s), key.address)
        // n − s with the other parity: the same key, accepted by the precompile.
        let n = UInt256(hex: "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")!
        XCTAssertEqual(ECRecover.recover(digest: digest, v: 55 - v, r: r, s: Bytes32(word: n &- s.word)), key.address)
        // The wrong parity recovers a different key (or none).
        XCTAssertNotEqual(ECRecover.recover(digest: digest, v: 55 - v, r: r, s: s), key.address)
    }

    func testRejectsWhatThePrecompileRejects() throws {
        let signature = try digest.withUnsafeBytes { (bytes) throws(SignatureError) in try key.sign(digest: bytes) }
        let (v, r, s) = ECRecover.components(of: signature)
        let n = Bytes32(hex: "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")!
        XCTAssertNil(ECRecover.recover(digest: digest, v: 0, r: r, s: s))
        XCTAssertNil(ECRecover.recover(digest: digest, v: 29, r: r, s: s))
        XCTAssertNil(ECRecover.recover(digest: digest, v: v, r: .zero, s: s))
        XCTAssertNil(ECRecover.recover(digest: digest, v: v, r: r, s: .zero))
        XCTAssertNil(ECRecover.recover(digest: digest, v: v, r: n, s: s))
        XCTAssertNil(ECRecover.recover(digest: digest, v: v, r: r, s: n))
    }
}
