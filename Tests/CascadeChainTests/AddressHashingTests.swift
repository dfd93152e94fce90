import CascadeChain
import CascadeMath
import XCTest

final class AddressHashingTests: XCTestCase {
    /// Every part of the address reaches the hash: addresses differing in one byte anywhere
    /// (high, middle or low word) hash apart.
    func testEveryByteReachesTheHash() throws {
        let base = Address(bytes: [UInt8](repeating: 0x5A, count: 20))!
        var hashes: Set<Int> = [base.hashValue]
        for index in 0..<20 {
            var bytes = base.bytes
            bytes[index] ^= 0x01
            hashes.insert(Address(bytes: bytes)!.hashValue)
        }
        XCTAssertEqual(hashes.count, 21)
    }

    func testEqualAddressesHashEquallyAndDictionariesWork() {
        var random = SplitMix64(seed: 55)
        let addresses = (0..<20_000).map { _ in Address(bytes: random.nextBytes(20))! }
        var index: [Address: Int] = [:]
        for (i, address) in addresses.enumerated() { index[address] = i }
        for (i, address) in addresses.enumerated() {
            XCTAssertEqual(index[Address(bytes: address.bytes)!], i)
            XCTAssertEqual(Address(bytes: address.bytes)!.hashValue, address.hashValue)
        }
        // Sequential small addresses (as tests and synthetic books use) spread as well.
        XCTAssertEqual(Set((0..<20_000).map { Address(truncating: UInt256(UInt64($0))).hashValue }).count, 20_000)
    }
}
