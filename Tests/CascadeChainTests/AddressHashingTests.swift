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

    /// The hash `Dictionary` and `Set` use (`_rawHashValue(seed:)`, which skips SipHash), for
    /// several seeds: flips of single bits anywhere never collide (a cheaper mix that added the
    /// words multiplied by odd constants failed this: bit 63 of any product is the word's own);
    /// sequential small addresses and random ones never collide; and their low bits — the bucket
    /// of a table — spread evenly.
    func testTableHashSeparatesAddressesAndSpreadsTheirBuckets() {
        var random = SplitMix64(seed: 56)
        let randomAddresses = (0..<20_000).map { _ in Address(bytes: random.nextBytes(20))! }
        let sequential = (0..<20_000).map { Address(truncating: UInt256(UInt64($0))) }
        for seed in [0, 1, -7, Int.max] {
            let base = Address(bytes: [UInt8](repeating: 0x5A, count: 20))!
            var flipped: Set<Int> = [base._rawHashValue(seed: seed)]
            for index in 0..<20 {
                for bit in 0..<8 {
                    var bytes = base.bytes
                    bytes[index] ^= UInt8(1) << bit
                    flipped.insert(Address(bytes: bytes)!._rawHashValue(seed: seed))
                }
            }
            XCTAssertEqual(flipped.count, 161, "seed \(seed)")
            for addresses in [sequential, randomAddresses] {
                let hashes = addresses.map { $0._rawHashValue(seed: seed) }
                XCTAssertEqual(Set(hashes).count, addresses.count, "seed \(seed)")
                // 20,000 keys in 4,096 buckets: 4.9 a bucket on average, rarely above 15.
                var buckets = [Int](repeating: 0, count: 4_096)
                for hash in hashes { buckets[hash & 4_095] += 1 }
                XCTAssertLessThanOrEqual(buckets.max()!, 20, "seed \(seed)")
            }
        }
    }
}
