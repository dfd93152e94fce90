// Tests of PercentageMath (PercentageMath.swift): Aave v3's basis-point arithmetic (10⁴ = 100 %).
//
// Vectors are from /work/helpers/math-notes.md §2, which cites
// [origin-t] aave-dao/aave-v3-origin `tests/protocol/libraries/math/PercentageMath.t.sol`
// (HEAD fd1fbd91, file last change 97bc70d0) — all values there are the test's own — and the
// formulas of `src/contracts/protocol/libraries/math/PercentageMath.sol` (v3-core and
// v3-origin). Boundary values marked (derived) come from those formulas.
import BigInt
import CascadeMath
import XCTest

private let MAX = UInt256.max
private let ETHER: UInt256 = 1_000_000_000_000_000_000
private let F = BigUInt(10_000)

final class PercentageMathTests: XCTestCase {
    func testConstants() {
        XCTAssertEqual(PercentageMath.percentageFactor, 10_000)
        XCTAssertEqual(PercentageMath.halfPercentageFactor, 5_000)
    }

    // MARK: [origin-t] PercentageMath.t.sol

    func testOriginPercentMulAndDivVectors() {
        XCTAssertReturns({ try PercentageMath.percentMul(ETHER, 50_00) }, 500_000_000_000_000_000)
        XCTAssertReturns({ try PercentageMath.percentMul(14_251_500_000_000_000_000, 74_42) }, 10_605_966_300_000_000_000)
        XCTAssertReturns({ try PercentageMath.percentMul(9_087_312_000_000_000_000_000_000_000_000_000, 13_33) },
                         1_211_338_689_600_000_000_000_000_000_000_000)
        XCTAssertReturns({ try PercentageMath.percentDiv(ETHER, 50_00) }, 2_000_000_000_000_000_000)
        XCTAssertReturns({ try PercentageMath.percentDiv(14_251_500_000_000_000_000, 74_42) }, 19_150_094_060_736_361_193)
        XCTAssertReturns({ try PercentageMath.percentDiv(9_087_312_000_000_000_000_000_000_000_000_000, 13_33) },
                         68_171_882_970_742_685_671_417_854_463_615_904)
        XCTAssertReverts({ try PercentageMath.percentMul(MAX, 2) }, .overflow)
        XCTAssertReverts({ try PercentageMath.percentDiv(ETHER, 0) }, .divisionByZero)
        XCTAssertReverts({ try PercentageMath.percentDiv(MAX, 1) }, .overflow)
    }

    func testOriginFloorAndCeilVectors() throws {
        let hundredEther = try ETHER * 100
        XCTAssertReturns({ try PercentageMath.percentMulCeil(hundredEther, hundredPercent) }, hundredEther)
        XCTAssertReturns({ try PercentageMath.percentMulCeil(1, 1) }, 1)
        XCTAssertReturns({ try PercentageMath.percentMulCeil(0, 100) }, 0)
        XCTAssertReturns({ try PercentageMath.percentMulCeil(100, 0) }, 0)
        XCTAssertReverts({ try PercentageMath.percentMulCeil(MAX, 2) }, .overflow)
        XCTAssertReturns({ try PercentageMath.percentMulFloor(hundredEther, hundredPercent) }, hundredEther)
        XCTAssertReturns({ try PercentageMath.percentMulFloor(1, 1) }, 0)
        XCTAssertReturns({ try PercentageMath.percentMulFloor(0, 1234) }, 0)
        XCTAssertReturns({ try PercentageMath.percentMulFloor(1234, 0) }, 0)
        XCTAssertReverts({ try PercentageMath.percentMulFloor(MAX, 2) }, .overflow)
        XCTAssertReturns({ try PercentageMath.percentDivFloor(hundredEther, hundredPercent) }, hundredEther)
        XCTAssertReturns({ try PercentageMath.percentDivFloor(5, 3) }, 16_666)
        XCTAssertReverts({ try PercentageMath.percentDivFloor(1234, 0) }, .divisionByZero)
        XCTAssertReverts({ try PercentageMath.percentDivFloor(MAX, 1) }, .overflow)
        XCTAssertReturns({ try PercentageMath.percentDivCeil(hundredEther, hundredPercent) }, hundredEther)
        XCTAssertReturns({ try PercentageMath.percentDivCeil(5, 3) }, 16_667)
        XCTAssertReverts({ try PercentageMath.percentDivCeil(1234, 0) }, .divisionByZero)
        XCTAssertReverts({ try PercentageMath.percentDivCeil(MAX, 1) }, .overflow)
    }

    /// (derived) The boundary of each function: the largest value passes, one more reverts.
    func testRevertBoundaries() {
        let p: UInt256 = 74_42
        // percentMul: v·p + 5000 ≤ MAX ⟺ v ≤ ⌊(MAX − 5000)/p⌋
        let mulLimit = u256((uint256MaxOracle - 5_000) / BigUInt(p))
        XCTAssertReturns({ try PercentageMath.percentMul(mulLimit, p) }, u256((BigUInt(mulLimit) * BigUInt(p) + 5_000) / F))
        XCTAssertReverts({ try PercentageMath.percentMul(mulLimit + 1, p) }, .overflow)
        // percentMulFloor/Ceil: v·p ≤ MAX ⟺ v ≤ ⌊MAX/p⌋ (here equal to the half-up limit: MAX mod p ≥ 5000)
        let productLimit = u256(uint256MaxOracle / BigUInt(p))
        XCTAssertReturns({ try PercentageMath.percentMulFloor(productLimit, p) }, u256(BigUInt(productLimit) * BigUInt(p) / F))
        XCTAssertReturns({ try PercentageMath.percentMulCeil(productLimit, p) }, u256((BigUInt(productLimit) * BigUInt(p) + F - 1) / F))
        XCTAssertReverts({ try PercentageMath.percentMulFloor(productLimit + 1, p) }, .overflow)
        XCTAssertReverts({ try PercentageMath.percentMulCeil(productLimit + 1, p) }, .overflow)
        // percentDiv: v·10⁴ + ⌊p/2⌋ ≤ MAX ⟺ v ≤ ⌊(MAX − ⌊p/2⌋)/10⁴⌋
        let divLimit = u256((uint256MaxOracle - BigUInt(p) / 2) / F)
        XCTAssertReturns({ try PercentageMath.percentDiv(divLimit, p) }, u256((BigUInt(divLimit) * F + BigUInt(p) / 2) / BigUInt(p)))
        XCTAssertReverts({ try PercentageMath.percentDiv(divLimit + 1, p) }, .overflow)
        // percentDivFloor/Ceil: v·10⁴ ≤ MAX ⟺ v ≤ ⌊MAX/10⁴⌋
        let scaledLimit = u256(uint256MaxOracle / F)
        XCTAssertReturns({ try PercentageMath.percentDivFloor(scaledLimit, p) }, u256(BigUInt(scaledLimit) * F / BigUInt(p)))
        XCTAssertReturns({ try PercentageMath.percentDivCeil(scaledLimit, p) }, u256((BigUInt(scaledLimit) * F + BigUInt(p) - 1) / BigUInt(p)))
        XCTAssertReverts({ try PercentageMath.percentDivFloor(scaledLimit + 1, p) }, .overflow)
        XCTAssertReverts({ try PercentageMath.percentDivCeil(scaledLimit + 1, p) }, .overflow)
        // percentMul never reverts for a zero percentage, whatever the value.
        XCTAssertReturns({ try PercentageMath.percentMul(MAX, 0) }, 0)
    }

    // MARK: Random differential against the literal formulas

    func testFunctionsMatchFormula() {
        checkFixedPoint("percentMul", seed: 0x4001, boundary: { B in B.isZero ? nil : (uint256MaxOracle - 5_000) / B },
                        operation: { try PercentageMath.percentMul($0, $1) },
                        oracle: { A, B in oracleQuotient(numerator: A * B + 5_000, divisor: F) })
        checkFixedPoint("percentDiv", seed: 0x4002, boundary: { B in (uint256MaxOracle - B / 2) / F },
                        operation: { try PercentageMath.percentDiv($0, $1) },
                        oracle: { A, B in oracleQuotient(numerator: A * F + B / 2, divisor: B) })
        checkFixedPoint("percentMulFloor", seed: 0x4003, boundary: { B in B.isZero ? nil : uint256MaxOracle / B },
                        operation: { try PercentageMath.percentMulFloor($0, $1) },
                        oracle: { A, B in oracleQuotient(numerator: A * B, divisor: F) })
        checkFixedPoint("percentMulCeil", seed: 0x4004, boundary: { B in B.isZero ? nil : uint256MaxOracle / B },
                        operation: { try PercentageMath.percentMulCeil($0, $1) },
                        oracle: { A, B in oracleCeilQuotient(numerator: A * B, divisor: F) })
        checkFixedPoint("percentDivFloor", seed: 0x4005, boundary: { _ in uint256MaxOracle / F },
                        operation: { try PercentageMath.percentDivFloor($0, $1) },
                        oracle: { A, B in B.isZero ? .failure(.divisionByZero) : oracleQuotient(numerator: A * F, divisor: B) })
        checkFixedPoint("percentDivCeil", seed: 0x4006, boundary: { _ in uint256MaxOracle / F },
                        operation: { try PercentageMath.percentDivCeil($0, $1) },
                        oracle: { A, B in B.isZero ? .failure(.divisionByZero) : oracleCeilQuotient(numerator: A * F, divisor: B) })
        checkFixedPoint("percentMul(rounding: .halfUp)", seed: 0x4007, boundary: { B in B.isZero ? nil : (uint256MaxOracle - 5_000) / B },
                        operation: { try PercentageMath.percentMul($0, $1, rounding: .halfUp) },
                        oracle: { A, B in oracleQuotient(numerator: A * B + 5_000, divisor: F) })
        checkFixedPoint("percentDiv(rounding: .halfUp)", seed: 0x4008, boundary: { B in (uint256MaxOracle - B / 2) / F },
                        operation: { try PercentageMath.percentDiv($0, $1, rounding: .halfUp) },
                        oracle: { A, B in oracleQuotient(numerator: A * F + B / 2, divisor: B) })
    }
}

/// 10⁴ as a UInt256 (PERCENTAGE_FACTOR; the Solidity tests write it `1e4`).
private let hundredPercent: UInt256 = 10_000
