// Tests of WadRayMath (WadRayMath.swift): Aave v3's wad/ray fixed point.
//
// Vectors are from /work/helpers/math-notes.md §1, which cites:
// - [core-spec]   aave/aave-v3-core `test-suites/wadraymath.spec.ts` (HEAD 782f5191) — inputs and
//                 revert-boundary expressions are the spec's; outputs marked (derived) were
//                 computed from the spec's own JS reference formulas;
// - [origin-t]    aave-dao/aave-v3-origin `tests/protocol/libraries/math/WadRayMath.t.sol`
//                 (HEAD fd1fbd91, file last change 1e3d70c4) — all values are the test's own;
// - (derived)     values the notes computed from the restated formula.
// On chain every revert is an empty `revert(0, 0)`; the model throws `.overflow` when the
// numerator (including the rounding term) exceeds 2²⁵⁶ − 1 and `.divisionByZero` for b == 0.
import BigInt
import CascadeMath
import XCTest

private let MAX = UInt256.max
private let WAD: UInt256 = 1_000_000_000_000_000_000
private let RAY: UInt256 = 1_000_000_000_000_000_000_000_000_000
private let W = BigUInt(10).power(18), R = BigUInt(10).power(27)

final class WadRayMathTests: XCTestCase {
    func testConstants() {
        XCTAssertEqual(WadRayMath.wad, pow10(18))
        XCTAssertEqual(WadRayMath.halfWad, u256(W / 2))
        XCTAssertEqual(WadRayMath.ray, pow10(27))
        XCTAssertEqual(WadRayMath.halfRay, u256(R / 2))
        XCTAssertEqual(WadRayMath.wadRayRatio, pow10(9))
    }

    // MARK: [core-spec] wadraymath.spec.ts

    private let a: UInt256 = 134_534_543_232_342_353_231_234
    private let b: UInt256 = 13_265_462_389_132_757_665_657

    func testCoreSpecMultiplicationAndDivision() {
        XCTAssertReturns({ try WadRayMath.wadMul(self.a, self.b) }, 1_784_662_923_287_792_467_070_443_765) // (derived)
        XCTAssertReturns({ try WadRayMath.wadDiv(self.a, self.b) }, 10_141_715_327_055_228_122) // (derived)
        XCTAssertReturns({ try WadRayMath.rayMul(self.a, self.b) }, 1_784_662_923_287_792_467) // (derived)
        XCTAssertReturns({ try WadRayMath.rayDiv(self.a, self.b) }, 10_141_715_327_055_228_122_033_939_726) // (derived)
        XCTAssertReturns({ try WadRayMath.wadMul(0, self.b) }, 0)
        XCTAssertReturns({ try WadRayMath.wadMul(self.a, 0) }, 0)
        XCTAssertReturns({ try WadRayMath.rayMul(0, self.b) }, 0)
        XCTAssertReturns({ try WadRayMath.rayMul(self.a, 0) }, 0)
    }

    /// The spec's `tooLargeA` expressions revert; `tooLargeA − 1` (the boundary) passes.
    func testCoreSpecRevertBoundaries() {
        // wadMul: tooLargeA = (MAX − HALF_WAD)/b + 1
        let wadMulTooLarge = U("8728839285102840232114099377157550808226231863799759165")
        XCTAssertReverts({ try WadRayMath.wadMul(wadMulTooLarge, self.b) }, .overflow)
        XCTAssertReturns({ try WadRayMath.wadMul(wadMulTooLarge - 1, self.b) },
                         u256((BigUInt(wadMulTooLarge &- 1) * BigUInt(self.b) + W / 2) / W))
        // wadDiv: tooLargeA = (MAX − b/2)/WAD + 1; also wadDiv(a, 0)
        let wadDivTooLarge = U("115792089237316195423570985008687907853269984665640564032825")
        XCTAssertReverts({ try WadRayMath.wadDiv(wadDivTooLarge, self.b) }, .overflow)
        XCTAssertReturns({ try WadRayMath.wadDiv(wadDivTooLarge - 1, self.b) },
                         u256((BigUInt(wadDivTooLarge &- 1) * W + BigUInt(self.b) / 2) / BigUInt(self.b)))
        XCTAssertReverts({ try WadRayMath.wadDiv(self.a, 0) }, .divisionByZero)
        // rayMul: tooLargeA = (MAX − HALF_RAY)/b + 1
        let rayMulTooLarge = U("8728839285102840232114099377157550808226231863799721473")
        XCTAssertReverts({ try WadRayMath.rayMul(rayMulTooLarge, self.b) }, .overflow)
        XCTAssertReturns({ try WadRayMath.rayMul(rayMulTooLarge - 1, self.b) },
                         u256((BigUInt(rayMulTooLarge &- 1) * BigUInt(self.b) + R / 2) / R))
        // rayDiv: tooLargeA = (MAX − b/2)/RAY + 1; also rayDiv(a, 0)
        let rayDivTooLarge = U("115792089237316195423570985008687907853269984665641")
        XCTAssertReverts({ try WadRayMath.rayDiv(rayDivTooLarge, self.b) }, .overflow)
        XCTAssertReturns({ try WadRayMath.rayDiv(rayDivTooLarge - 1, self.b) },
                         u256((BigUInt(rayDivTooLarge &- 1) * R + BigUInt(self.b) / 2) / BigUInt(self.b)))
        XCTAssertReverts({ try WadRayMath.rayDiv(self.a, 0) }, .divisionByZero)
        // The boundaries are exactly the spec's expressions.
        XCTAssertEqual(BigUInt(wadMulTooLarge), (uint256MaxOracle - W / 2) / BigUInt(b) + 1)
        XCTAssertEqual(BigUInt(wadDivTooLarge), (uint256MaxOracle - BigUInt(b) / 2) / W + 1)
        XCTAssertEqual(BigUInt(rayMulTooLarge), (uint256MaxOracle - R / 2) / BigUInt(b) + 1)
        XCTAssertEqual(BigUInt(rayDivTooLarge), (uint256MaxOracle - BigUInt(b) / 2) / R + 1)
    }

    func testCoreSpecRayToWadAndWadToRay() {
        XCTAssertEqual(WadRayMath.rayToWad(RAY), WAD)
        XCTAssertEqual(WadRayMath.rayToWad(RAY &+ 499_999_999), 1_000_000_000_000_000_000) // (derived)
        XCTAssertEqual(WadRayMath.rayToWad(RAY &+ 500_000_000), 1_000_000_000_000_000_001) // (derived)
        // MAX − 500000000 + 1: no revert, rounds up (derived)
        XCTAssertEqual(WadRayMath.rayToWad(U("115792089237316195423570985008687907853269984665640564039457584007912629639936")),
                       U("115792089237316195423570985008687907853269984665640564039457584007913"))
        XCTAssertEqual(WadRayMath.rayToWad(MAX), U("115792089237316195423570985008687907853269984665640564039457584007913"))
        XCTAssertReturns({ try WadRayMath.wadToRay(WAD) }, RAY)
        // MAX/1e9 + 1 reverts; MAX/1e9 (derived) passes.
        XCTAssertReverts({ try WadRayMath.wadToRay(U("115792089237316195423570985008687907853269984665640564039457584007914")) }, .overflow)
        XCTAssertReturns({ try WadRayMath.wadToRay(U("115792089237316195423570985008687907853269984665640564039457584007913")) },
                         u256(uint256MaxOracle / 1_000_000_000 * 1_000_000_000))
    }

    // MARK: [origin-t] WadRayMath.t.sol

    func testOriginHalfUpVectors() throws {
        let e17: UInt256 = 100_000_000_000_000_000, e26: UInt256 = 100_000_000_000_000_000_000_000_000
        XCTAssertReturns({ try WadRayMath.wadMul(0, WAD) }, 0)
        XCTAssertReturns({ try WadRayMath.wadMul(WAD, 0) }, 0)
        XCTAssertReturns({ try WadRayMath.wadMul(0, 0) }, 0)
        XCTAssertReturns({ try WadRayMath.wadMul(e17 * 25, e17 * 5) }, try e17 * 125 / 10) // 2.5e18 · 0.5e18 = 1.25e18
        XCTAssertReturns({ try WadRayMath.wadMul(e17 * 4122, WAD) }, try e17 * 4122) // 412.2e18
        XCTAssertReturns({ try WadRayMath.wadMul(WAD * 6, WAD * 2) }, try WAD * 12)
        XCTAssertReturns({ try WadRayMath.rayMul(e26 * 25, e26 * 5) }, try e26 * 125 / 10)
        XCTAssertReturns({ try WadRayMath.rayMul(e26 * 4122, RAY) }, try e26 * 4122)
        XCTAssertReturns({ try WadRayMath.rayMul(RAY * 6, RAY * 2) }, try RAY * 12)
        XCTAssertReturns({ try WadRayMath.wadDiv(e17 * 25, e17 * 5) }, try WAD * 5)
        XCTAssertReturns({ try WadRayMath.wadDiv(e17 * 4122, WAD) }, try e17 * 4122)
        XCTAssertReturns({ try WadRayMath.wadDiv(8_745_000_000_000_000_000, 670_000_000_000_000_000) }, 13_052_238_805_970_149_254)
        XCTAssertReturns({ try WadRayMath.wadDiv(WAD * 6, WAD * 2) }, try WAD * 3)
        XCTAssertReturns({ try WadRayMath.rayDiv(e26 * 25, e26 * 5) }, try RAY * 5)
        XCTAssertReturns({ try WadRayMath.rayDiv(e26 * 4122, RAY) }, try e26 * 4122)
        XCTAssertReturns({ try WadRayMath.rayDiv(8_745_000_000_000_000_000_000_000_000, 670_000_000_000_000_000_000_000_000) },
                         13_052_238_805_970_149_253_731_343_284)
        XCTAssertReturns({ try WadRayMath.rayDiv(RAY * 6, RAY * 2) }, try RAY * 3)
        XCTAssertReturns({ try WadRayMath.wadToRay(WAD) }, RAY)
        XCTAssertReturns({ try WadRayMath.wadToRay(e17 * 4122) }, try e26 * 4122)
        XCTAssertReturns({ try WadRayMath.wadToRay(0) }, 0)
        XCTAssertEqual(WadRayMath.rayToWad(RAY), WAD)
        XCTAssertEqual(WadRayMath.rayToWad(try e26 * 4122), try e17 * 4122)
        XCTAssertEqual(WadRayMath.rayToWad(0), 0)
    }

    func testOriginRevertVectors() {
        XCTAssertReverts({ try WadRayMath.wadMul(MAX, 2) }, .overflow)
        XCTAssertReverts({ try WadRayMath.wadDiv(WAD, 0) }, .divisionByZero)
        XCTAssertReverts({ try WadRayMath.wadDiv(MAX, 1) }, .overflow)
        XCTAssertReverts({ try WadRayMath.rayMul(MAX, 2) }, .overflow)
        XCTAssertReverts({ try WadRayMath.rayDiv(RAY, 0) }, .divisionByZero)
        XCTAssertReverts({ try WadRayMath.rayDiv(MAX, 1) }, .overflow)
        XCTAssertReverts({ try WadRayMath.wadToRay(MAX) }, .overflow)
    }

    func testOriginFloorAndCeilVectors() throws {
        XCTAssertReturns({ try WadRayMath.rayMulFloor(RAY, RAY * 5) }, try RAY * 5)
        XCTAssertReturns({ try WadRayMath.rayMulFloor(3, 5) }, 0)
        XCTAssertReturns({ try WadRayMath.rayMulFloor(0, 123) }, 0)
        XCTAssertReturns({ try WadRayMath.rayMulFloor(123, 0) }, 0)
        XCTAssertReverts({ try WadRayMath.rayMulFloor(MAX, 2) }, .overflow)
        XCTAssertReturns({ try WadRayMath.rayMulCeil(RAY, RAY * 5) }, try RAY * 5)
        XCTAssertReturns({ try WadRayMath.rayMulCeil(3, 5) }, 1)
        XCTAssertReturns({ try WadRayMath.rayMulCeil(0, 123) }, 0)
        XCTAssertReturns({ try WadRayMath.rayMulCeil(123, 0) }, 0)
        XCTAssertReverts({ try WadRayMath.rayMulCeil(MAX, 2) }, .overflow)
        XCTAssertReturns({ try WadRayMath.rayDivCeil(RAY, RAY) }, RAY)
        XCTAssertReturns({ try WadRayMath.rayDivCeil(5, 3) }, 1_666_666_666_666_666_666_666_666_667)
        XCTAssertReturns({ try WadRayMath.rayDivCeil(0, 123) }, 0)
        XCTAssertReverts({ try WadRayMath.rayDivCeil(100, 0) }, .divisionByZero)
        XCTAssertReverts({ try WadRayMath.rayDivCeil(MAX, 1) }, .overflow)
        XCTAssertReturns({ try WadRayMath.rayDivFloor(RAY, RAY) }, RAY)
        XCTAssertReturns({ try WadRayMath.rayDivFloor(5, 3) }, 1_666_666_666_666_666_666_666_666_666)
        XCTAssertReturns({ try WadRayMath.rayDivFloor(0, 123) }, 0)
        XCTAssertReverts({ try WadRayMath.rayDivFloor(100, 0) }, .divisionByZero)
        XCTAssertReverts({ try WadRayMath.rayDivFloor(MAX, 1) }, .overflow)
        // The `rounding:` overloads dispatch to the same functions.
        XCTAssertReturns({ try WadRayMath.rayMul(3, 5, rounding: .up) }, 1)
        XCTAssertReturns({ try WadRayMath.rayMul(3, 5, rounding: .down) }, 0)
        XCTAssertReturns({ try WadRayMath.rayDiv(5, 3, rounding: .up) }, 1_666_666_666_666_666_666_666_666_667)
        XCTAssertReturns({ try WadRayMath.rayDiv(5, 3, rounding: .down) }, 1_666_666_666_666_666_666_666_666_666)
    }

    /// math-notes gotcha 2: the Floor/Ceil guards cover only the product, so at
    /// a = ⌊(MAX − HALF_RAY)/b⌋ + 1 `rayMul` reverts while `rayMulFloor`/`rayMulCeil` still pass;
    /// their own boundary is a = ⌊MAX/b⌋ (passes) and ⌊MAX/b⌋ + 1 (reverts). Likewise for the
    /// divisions: ⌊MAX/RAY⌋ passes Floor/Ceil and one more reverts. (derived)
    func testFloorCeilBoundariesDifferFromHalfUp() throws {
        let b: UInt256 = 3_000_000_000_000_000_000_000_000_008 // MAX mod b < HALF_RAY, so the two limits differ
        let halfUpLimit = u256((uint256MaxOracle - R / 2) / BigUInt(b))
        let productLimit = u256(uint256MaxOracle / BigUInt(b))
        XCTAssertLessThan(halfUpLimit, productLimit)
        XCTAssertNoThrow(try WadRayMath.rayMul(halfUpLimit, b))
        XCTAssertReverts({ try WadRayMath.rayMul(halfUpLimit + 1, b) }, .overflow)
        XCTAssertReturns({ try WadRayMath.rayMulFloor(productLimit, b) }, u256(BigUInt(productLimit) * BigUInt(b) / R))
        XCTAssertReturns({ try WadRayMath.rayMulCeil(productLimit, b) }, u256((BigUInt(productLimit) * BigUInt(b) + R - 1) / R))
        XCTAssertReverts({ try WadRayMath.rayMulFloor(productLimit + 1, b) }, .overflow)
        XCTAssertReverts({ try WadRayMath.rayMulCeil(productLimit + 1, b) }, .overflow)
        let divLimit = U("115792089237316195423570985008687907853269984665640") // ⌊MAX / RAY⌋
        XCTAssertReturns({ try WadRayMath.rayDivFloor(divLimit, 7) }, u256(BigUInt(divLimit) * R / 7))
        XCTAssertReturns({ try WadRayMath.rayDivCeil(divLimit, 7) }, u256((BigUInt(divLimit) * R + 6) / 7))
        XCTAssertReverts({ try WadRayMath.rayDivFloor(divLimit + 1, 7) }, .overflow)
        XCTAssertReverts({ try WadRayMath.rayDivCeil(divLimit + 1, 7) }, .overflow)
        // Half-up division at the same a: a·RAY + ⌊b/2⌋ overflows only when ⌊b/2⌋ > MAX − a·RAY.
        let slack = uint256MaxOracle - BigUInt(divLimit) * R
        XCTAssertReturns({ try WadRayMath.rayDiv(divLimit, u256(slack * 2 + 1)) },
                         u256((BigUInt(divLimit) * R + slack) / (slack * 2 + 1)))
        XCTAssertReverts({ try WadRayMath.rayDiv(divLimit, u256(slack * 2 + 2)) }, .overflow)
    }

    func testDerivedHalfUpTies() {
        XCTAssertReturns({ try WadRayMath.wadMul(1, 500_000_000_000_000_000) }, 1)
        XCTAssertReturns({ try WadRayMath.wadMul(1, 499_999_999_999_999_999) }, 0)
        XCTAssertReturns({ try WadRayMath.rayMul(1, 500_000_000_000_000_000_000_000_000) }, 1)
        XCTAssertReturns({ try WadRayMath.rayMul(1, 499_999_999_999_999_999_999_999_999) }, 0)
        XCTAssertReturns({ try WadRayMath.rayDiv(5, 3) }, 1_666_666_666_666_666_666_666_666_667)
        XCTAssertReturns({ try WadRayMath.wadDiv(1, 3) }, 333_333_333_333_333_333)
    }

    // MARK: Random differential against the literal formulas

    func testHalfUpFunctionsMatchFormula() {
        checkFixedPoint("wadMul", seed: 0x3001, boundary: { B in B.isZero ? nil : (uint256MaxOracle - W / 2) / B },
                        operation: { try WadRayMath.wadMul($0, $1) },
                        oracle: { A, B in oracleQuotient(numerator: A * B + W / 2, divisor: W) })
        checkFixedPoint("wadDiv", seed: 0x3002, boundary: { B in (uint256MaxOracle - B / 2) / W },
                        operation: { try WadRayMath.wadDiv($0, $1) },
                        oracle: { A, B in oracleQuotient(numerator: A * W + B / 2, divisor: B) })
        checkFixedPoint("rayMul", seed: 0x3003, boundary: { B in B.isZero ? nil : (uint256MaxOracle - R / 2) / B },
                        operation: { try WadRayMath.rayMul($0, $1) },
                        oracle: { A, B in oracleQuotient(numerator: A * B + R / 2, divisor: R) })
        checkFixedPoint("rayDiv", seed: 0x3004, boundary: { B in (uint256MaxOracle - B / 2) / R },
                        operation: { try WadRayMath.rayDiv($0, $1) },
                        oracle: { A, B in oracleQuotient(numerator: A * R + B / 2, divisor: B) })
        checkFixedPoint("rayMul(rounding: .halfUp)", seed: 0x3005, boundary: { B in B.isZero ? nil : (uint256MaxOracle - R / 2) / B },
                        operation: { try WadRayMath.rayMul($0, $1, rounding: .halfUp) },
                        oracle: { A, B in oracleQuotient(numerator: A * B + R / 2, divisor: R) })
        checkFixedPoint("rayDiv(rounding: .halfUp)", seed: 0x3006, boundary: { B in (uint256MaxOracle - B / 2) / R },
                        operation: { try WadRayMath.rayDiv($0, $1, rounding: .halfUp) },
                        oracle: { A, B in oracleQuotient(numerator: A * R + B / 2, divisor: B) })
    }

    func testFloorAndCeilFunctionsMatchFormula() {
        checkFixedPoint("rayMulFloor", seed: 0x3011, boundary: { B in B.isZero ? nil : uint256MaxOracle / B },
                        operation: { try WadRayMath.rayMulFloor($0, $1) },
                        oracle: { A, B in oracleQuotient(numerator: A * B, divisor: R) })
        checkFixedPoint("rayMulCeil", seed: 0x3012, boundary: { B in B.isZero ? nil : uint256MaxOracle / B },
                        operation: { try WadRayMath.rayMulCeil($0, $1) },
                        oracle: { A, B in oracleCeilQuotient(numerator: A * B, divisor: R) })
        checkFixedPoint("rayDivFloor", seed: 0x3013, boundary: { _ in uint256MaxOracle / R },
                        operation: { try WadRayMath.rayDivFloor($0, $1) },
                        oracle: { A, B in B.isZero ? .failure(.divisionByZero) : oracleQuotient(numerator: A * R, divisor: B) })
        checkFixedPoint("rayDivCeil", seed: 0x3014, boundary: { _ in uint256MaxOracle / R },
                        operation: { try WadRayMath.rayDivCeil($0, $1) },
                        oracle: { A, B in B.isZero ? .failure(.divisionByZero) : oracleCeilQuotient(numerator: A * R, divisor: B) })
        checkFixedPoint("rayMul(rounding: .down)", seed: 0x3015, boundary: { B in B.isZero ? nil : uint256MaxOracle / B },
                        operation: { try WadRayMath.rayMul($0, $1, rounding: .down) },
                        oracle: { A, B in oracleQuotient(numerator: A * B, divisor: R) })
        checkFixedPoint("rayMul(rounding: .up)", seed: 0x3016, boundary: { B in B.isZero ? nil : uint256MaxOracle / B },
                        operation: { try WadRayMath.rayMul($0, $1, rounding: .up) },
                        oracle: { A, B in oracleCeilQuotient(numerator: A * B, divisor: R) })
        checkFixedPoint("rayDiv(rounding: .down)", seed: 0x3017, boundary: { _ in uint256MaxOracle / R },
                        operation: { try WadRayMath.rayDiv($0, $1, rounding: .down) },
                        oracle: { A, B in B.isZero ? .failure(.divisionByZero) : oracleQuotient(numerator: A * R, divisor: B) })
        checkFixedPoint("rayDiv(rounding: .up)", seed: 0x3018, boundary: { _ in uint256MaxOracle / R },
                        operation: { try WadRayMath.rayDiv($0, $1, rounding: .up) },
                        oracle: { A, B in B.isZero ? .failure(.divisionByZero) : oracleCeilQuotient(numerator: A * R, divisor: B) })
    }

    func testConversionsMatchFormula() {
        let ratio = BigUInt(1_000_000_000)
        checkFixedPoint("rayToWad", seed: 0x3021, canRevert: false, boundary: { _ in nil },
                        operation: { a, _ in WadRayMath.rayToWad(a) },
                        oracle: { A, _ in .success(u256(A / ratio + (A % ratio >= ratio / 2 ? 1 : 0))) })
        checkFixedPoint("wadToRay", seed: 0x3022, boundary: { _ in uint256MaxOracle / ratio },
                        operation: { a, _ in try WadRayMath.wadToRay(a) },
                        oracle: { A, _ in oracleQuotient(numerator: A * ratio, divisor: 1) })
    }
}
