import CascadeChain
import CascadeMath
import XCTest

final class PrivateKeyDerivationTests: XCTestCase {
    /// Recomputed independently in Python (pycryptodome Keccak-256, eth-account for the address):
    /// keccak256(b"cascade/key/v1" + (42).to_bytes(8,"big") + (10).to_bytes(4,"big") + b"liquidator"
    ///           + (3).to_bytes(8,"big") + (0).to_bytes(4,"big")).
    func testDerivationMatchesItsSpecification() {
        let key = PrivateKey.derive(seed: 42, label: "liquidator", index: 3)
        XCTAssertEqual(Hex.encode(key.bytes), "0x89a90ca6513aa11299c152b03c196665834b649b33541c428658a1a1d5801833")
        XCTAssertEqual(key.address.checksummed, "0xB08EB555005DeAF762cb06Fd85a001f7E53D6C9E")
    }

    func testEveryInputChangesTheKey() {
        let base = PrivateKey.derive(seed: 42, label: "liquidator", index: 3)
        XCTAssertEqual(PrivateKey.derive(seed: 42, label: "liquidator", index: 3), base)
        XCTAssertNotEqual(PrivateKey.derive(seed: 43, label: "liquidator", index: 3), base)
        XCTAssertNotEqual(PrivateKey.derive(seed: 42, label: "keeper", index: 3), base)
        XCTAssertNotEqual(PrivateKey.derive(seed: 42, label: "liquidator", index: 4), base)
        let many = Set((0..<200).map { PrivateKey.derive(seed: 7, label: "agent", index: $0) })
        XCTAssertEqual(many.count, 200)
    }
}
