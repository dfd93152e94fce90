import CascadeChain
import CascadeMath
import Foundation
import XCTest

final class BaseFeeTests: XCTestCase {
    let rule = BaseFee.london
    let oneGwei: UInt256 = 1_000_000_000

    func testFullBlockRaisesByOneEighth() {
        XCTAssertEqual(rule.next(parentBaseFee: oneGwei, parentGasUsed: 30_000_000, parentGasLimit: 30_000_000), 1_125_000_000)
    }

    func testEmptyBlockLowersByOneEighth() {
        XCTAssertEqual(rule.next(parentBaseFee: oneGwei, parentGasUsed: 0, parentGasLimit: 30_000_000), 875_000_000)
    }

    func testBlockAtTargetLeavesBaseFeeUnchanged() {
        XCTAssertEqual(rule.next(parentBaseFee: oneGwei, parentGasUsed: 15_000_000, parentGasLimit: 30_000_000), oneGwei)
        XCTAssertEqual(rule.gasTarget(gasLimit: 30_000_001), 15_000_000)
        XCTAssertEqual(rule.next(parentBaseFee: oneGwei, parentGasUsed: 15_000_000, parentGasLimit: 30_000_001), oneGwei)
    }

    func testIncreaseIsAtLeastOneWei() {
        // One gas above target: ⌊10⁹·1/15·10⁶⌋/8 = 66/8 = 8 wei.
        XCTAssertEqual(rule.next(parentBaseFee: oneGwei, parentGasUsed: 15_000_001, parentGasLimit: 30_000_000), 1_000_000_008)
        // At small base fees the computed delta rounds to 0 and max(1, ·) applies.
        for b: UInt256 in [0, 1, 2, 7, 8, 15] {
            XCTAssertEqual(rule.next(parentBaseFee: b, parentGasUsed: 15_000_001, parentGasLimit: 30_000_000), b &+ 1, "b = \(b)")
        }
        XCTAssertEqual(rule.next(parentBaseFee: 7, parentGasUsed: 30_000_000, parentGasLimit: 30_000_000), 8)
        XCTAssertEqual(rule.next(parentBaseFee: 16, parentGasUsed: 30_000_000, parentGasLimit: 30_000_000), 18)
    }

    func testSevenWeiFloor() {
        // Empty blocks: ⌊b/8⌋ is 0 for b ≤ 7, so the base fee cannot fall from 7 wei or below.
        for b: UInt64 in 0...7 {
            XCTAssertEqual(rule.next(parentBaseFee: UInt256(b), parentGasUsed: 0, parentGasLimit: 30_000_000), UInt256(b))
        }
        XCTAssertEqual(rule.next(parentBaseFee: 8, parentGasUsed: 0, parentGasLimit: 30_000_000), 7)
        XCTAssertEqual(rule.next(parentBaseFee: 15, parentGasUsed: 0, parentGasLimit: 30_000_000), 14)
        XCTAssertEqual(rule.next(parentBaseFee: 16, parentGasUsed: 0, parentGasLimit: 30_000_000), 14)
        // A long run of empty blocks from 1 gwei settles at exactly 7 wei and stays there.
        var b = oneGwei
        for _ in 0..<400 { b = rule.next(parentBaseFee: b, parentGasUsed: 0, parentGasLimit: 30_000_000) }
        XCTAssertEqual(b, 7)
        // From any base fee of 8 wei or more, one decrease never lands below 7.
        for start: UInt64 in 8...2_000 {
            XCTAssertGreaterThanOrEqual(rule.next(parentBaseFee: UInt256(start), parentGasUsed: 0, parentGasLimit: 30_000_000), 7)
        }
    }

    func testHugeBaseFeesUseFullWidthProducts() {
        let b = UInt256.one << 240
        XCTAssertEqual(rule.next(parentBaseFee: b, parentGasUsed: 30_000_000, parentGasLimit: 30_000_000), b &+ (b >> 3))
        XCTAssertEqual(rule.next(parentBaseFee: .max, parentGasUsed: 30_000_000, parentGasLimit: 30_000_000), .max)
    }

    func testFeeMarketNextBaseFee() {
        XCTAssertEqual(FeeMarket.firstPrice.nextBaseFee(parentBaseFee: 5, parentGasUsed: 10, parentGasLimit: 100), 0)
        XCTAssertEqual(FeeMarket.eip1559(rule).nextBaseFee(parentBaseFee: oneGwei, parentGasUsed: 0, parentGasLimit: 30_000_000),
                       875_000_000)
        XCTAssertEqual(FeeMarket.firstPrice.name, "first-price")
        XCTAssertEqual(FeeMarket.eip1559(rule).name, "eip1559")
    }

    // MARK: Independent implementation (Python integers)

    struct Vector: Decodable {
        let parent_base_fee: String
        let gas_used: UInt64
        let gas_limit: UInt64
        let next_base_fee: String
    }

    /// `Vectors/gen_basefee_vectors.py`: a 500-block seeded walk plus edge cases, computed with
    /// Python's arbitrary-precision integers straight from the EIP's reference code.
    func testMatchesIndependentImplementation() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "basefee_vectors", withExtension: "json", subdirectory: "Vectors"))
        let vectors = try JSONDecoder().decode([Vector].self, from: Data(contentsOf: url))
        XCTAssertGreaterThanOrEqual(vectors.count, 600)
        var walk = try XCTUnwrap(UInt256(decimal: vectors[0].parent_base_fee))
        for (index, vector) in vectors.enumerated() {
            let parent = try XCTUnwrap(UInt256(decimal: vector.parent_base_fee))
            let expected = try XCTUnwrap(UInt256(decimal: vector.next_base_fee))
            XCTAssertEqual(rule.next(parentBaseFee: parent, parentGasUsed: vector.gas_used, parentGasLimit: vector.gas_limit), expected,
                           "vector \(index)")
            if index < 500 {
                XCTAssertEqual(parent, walk, "the first 500 vectors chain block to block")
                walk = rule.next(parentBaseFee: walk, parentGasUsed: vector.gas_used, parentGasLimit: vector.gas_limit)
            }
        }
    }
}
