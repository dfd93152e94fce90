// Differential tests of Int256 (Int256.swift, Int256+Arithmetic.swift) against attaswift BigInt.
//
// Checked operations must throw `.overflow` exactly when the exact result leaves
// [−2²⁵⁵, 2²⁵⁵ − 1] (including `Int256.min / −1` and `−Int256.min`), `.divisionByZero` exactly
// for a zero divisor, and return the oracle's value otherwise. Division truncates toward zero,
// the remainder takes the dividend's sign (so `Int256.min % −1 == 0`). Wrapping operations
// equal the oracle mod 2²⁵⁶; `>>` is arithmetic (rounds toward −∞).
import BigInt
import CascadeMath
import Foundation
import XCTest

let int256RandomCases = 100_000

// MARK: - Per-family checks

func checkSignedAdditive(_ a: Int256, _ b: Int256, _ A: BigInt, _ B: BigInt, _ m: inout Mismatches) {
    let sum = A + B, difference = A - B
    let wrappedSum = i256Wrapping(sum), wrappedDifference = i256Wrapping(difference)
    let sumOverflows = !fitsInt256(sum)
    let differenceOverflows = !fitsInt256(difference)
    m.check(outcome { try a + b } == (sumOverflows ? .failure(.overflow) : .success(wrappedSum)), "\(a) + \(b)")
    m.check(outcome { try a - b } == (differenceOverflows ? .failure(.overflow) : .success(wrappedDifference)), "\(a) - \(b)")
    m.check(a &+ b == wrappedSum, "\(a) &+ \(b)")
    m.check(a &- b == wrappedDifference, "\(a) &- \(b)")
    let (s, o) = a.addingReportingOverflow(b)
    m.check(s == wrappedSum && o == sumOverflows, "\(a).addingReportingOverflow(\(b))")
    let (d, u) = a.subtractingReportingOverflow(b)
    m.check(d == wrappedDifference && u == differenceOverflows, "\(a).subtractingReportingOverflow(\(b))")
}

func checkSignedMultiplicative(_ a: Int256, _ b: Int256, _ A: BigInt, _ B: BigInt, _ m: inout Mismatches) {
    let product = A * B
    let wrapped = i256Wrapping(product)
    let overflows = !fitsInt256(product)
    m.check(outcome { try a * b } == (overflows ? .failure(.overflow) : .success(wrapped)), "\(a) * \(b)")
    m.check(a &* b == wrapped, "\(a) &* \(b)")
    let (p, o) = a.multipliedReportingOverflow(by: b)
    m.check(p == wrapped && o == overflows, "\(a).multipliedReportingOverflow(by: \(b))")
}

/// Truncating quotient and dividend-signed remainder, built from magnitudes (independent of
/// the oracle's own signed-division convention).
func oracleTruncatingDivision(_ A: BigInt, _ B: BigInt) -> (quotient: BigInt, remainder: BigInt) {
    let (q, r) = A.magnitude.quotientAndRemainder(dividingBy: B.magnitude)
    let quotient = (A < 0) != (B < 0) ? -BigInt(q) : BigInt(q)
    let remainder = A < 0 ? -BigInt(r) : BigInt(r)
    return (quotient, remainder)
}

func checkSignedDivision(_ a: Int256, _ b: Int256, _ A: BigInt, _ B: BigInt, _ m: inout Mismatches) {
    if B.isZero {
        m.check(outcome { try a / b } == .failure(.divisionByZero), "\(a) / 0")
        m.check(outcome { try a % b } == .failure(.divisionByZero), "\(a) % 0")
        m.check(outcome { try a.quotientAndRemainder(dividingBy: b).quotient } == .failure(.divisionByZero),
                "\(a).quotientAndRemainder(dividingBy: 0)")
        return
    }
    let (Q, R) = oracleTruncatingDivision(A, B)
    let quotient = expectedSigned(Q), remainder = i256(R)
    m.check(outcome { try a / b } == quotient, "\(a) / \(b)")
    m.check(outcome { try a % b } == .success(remainder), "\(a) % \(b)")
    let qr = outcome { try a.quotientAndRemainder(dividingBy: b) }
    switch (qr, quotient) {
    case (.success(let v), .success(let q)):
        m.check(v.quotient == q && v.remainder == remainder, "\(a).quotientAndRemainder(dividingBy: \(b))")
    case (.failure(let e), .failure(let expected)):
        m.check(e == expected, "\(a).quotientAndRemainder(dividingBy: \(b)) threw \(e)")
    default:
        m.check(false, "\(a).quotientAndRemainder(dividingBy: \(b)) gave \(qr), expected quotient \(Q)")
    }
}

/// Unary minus and the sign/magnitude accessors and conversions.
func checkSignedUnary(_ a: Int256, _ A: BigInt, _ m: inout Mismatches) {
    m.check(outcome { try -a } == expectedSigned(-A), "-(\(a))")
    m.check(BigUInt(a.magnitude) == A.magnitude, "\(a).magnitude")
    m.check(a.signum == (A < 0 ? -1 : (A.isZero ? 0 : 1)) && a.isNegative == (A < 0) && a.isZero == A.isZero,
            "\(a).signum")
    m.check(a.uint256Value == (A < 0 ? nil : u256(A.magnitude)), "\(a).uint256Value")
    // Reinterpretations: bit pattern → Int256(exactly:) and sign/magnitude → Int256(negative:magnitude:).
    let pattern = a.bitPattern, P = BigUInt(pattern)
    m.check(Int256(exactly: pattern) == (BigInt(P) > int256MaxOracle ? nil : i256(BigInt(P))), "Int256(exactly: \(pattern))")
    for negative in [false, true] {
        let exact = negative ? -BigInt(P) : BigInt(P)
        let expected: Int256? = exact < int256MinOracle || exact > int256MaxOracle ? nil : i256(exact)
        m.check(Int256(negative: negative, magnitude: pattern) == expected, "Int256(negative: \(negative), magnitude: \(pattern))")
    }
    m.check(~a == i256(-A - 1), "~\(a)") // two's complement: ~x == −x − 1, always in range
    m.check(a.leadingZeroBitCount == 256 - P.bitWidth, "\(a).leadingZeroBitCount")
}

func checkSignedPower(_ a: Int256, _ e: UInt256, _ A: BigInt, _ E: BigUInt, _ m: inout Mismatches) {
    let expected: Result<Int256, Revert>
    if let magnitude = oraclePower(A.magnitude, E) {
        let negative = A < 0 && E[bitAt: 0]
        expected = expectedSigned(negative ? -BigInt(magnitude) : BigInt(magnitude))
    } else {
        expected = .failure(.overflow)
    }
    m.check(outcome { try a.power(e) } == expected, "\(a).power(\(e))")
}

/// `& | ^` on the two's-complement bit patterns, and `< == …` on the values.
func checkSignedBitwiseAndComparison(_ a: Int256, _ b: Int256, _ A: BigInt, _ B: BigInt, _ m: inout Mismatches) {
    let P = BigUInt(a.bitPattern), Q = BigUInt(b.bitPattern)
    m.check((a & b).bitPattern == u256(P & Q), "\(a) & \(b)")
    m.check((a | b).bitPattern == u256(P | Q), "\(a) | \(b)")
    m.check((a ^ b).bitPattern == u256(P ^ Q), "\(a) ^ \(b)")
    m.check((a < b) == (A < B) && (a <= b) == (A <= B) && (a > b) == (A > B) && (a >= b) == (A >= B)
                && (a == b) == (A == B) && (a != b) == (A != B), "compare \(a), \(b)")
}

/// ⌊A / 2^n⌋ (toward −∞), the arithmetic shift right.
func oracleFloorShift(_ A: BigInt, _ n: Int) -> BigInt {
    let m = A.magnitude
    if A >= 0 { return n >= 256 ? 0 : BigInt(m >> n) }
    if n >= 256 { return -1 }
    let q = m >> n
    return -BigInt((q << n) == m ? q : q + 1) // −⌈m / 2^n⌉
}

func checkSignedShift(_ a: Int256, _ A: BigInt, _ count: Int, _ m: inout Mismatches) {
    let magnitude = Int(clamping: count.magnitude)
    let up = magnitude >= 256 ? Int256.zero : i256Wrapping(A << magnitude)
    let down = i256(oracleFloorShift(A, magnitude))
    m.check(a << count == (count >= 0 ? up : down), "\(a) << \(count)")
    m.check(a >> count == (count >= 0 ? down : up), "\(a) >> \(count)")
}

func checkSignedText(_ a: Int256, _ A: BigInt, _ m: inout Mismatches, variants: Bool = true) {
    let text = A.description
    m.check(a.description == text, "\(a).description")
    m.check(Int256(text) == a, "Int256(\"\(text)\")")
    m.check(a.doubleValue == (A < 0 ? -oracleDouble(A.magnitude) : oracleDouble(A.magnitude)), "\(a).doubleValue")
    guard variants else { return }
    if A >= 0 { m.check(Int256("+" + text) == a, "Int256(\"+\(text)\")") }
    // The same value ± 2²⁵⁶ is out of range and must be rejected.
    let outside = A < 0 ? A - BigInt(two256) : A + BigInt(two256)
    m.check(Int256(outside.description) == nil, "Int256(\"\(outside)\") accepted")
}

final class Int256Tests: XCTestCase {
    func testEdgeSetPairsThroughEveryOperation() {
        XCTAssertEqual(Set(int256EdgeSet).count, 14) // 0, ±1, ±(2^64−1), ±2^64, ±(2^64+1), ±2^128, min, max, −max
        var m = Mismatches("Int256 edge pairs")
        for a in int256EdgeSet {
            let A = BigInt(a)
            for b in int256EdgeSet {
                let B = BigInt(b)
                checkSignedAdditive(a, b, A, B, &m)
                checkSignedMultiplicative(a, b, A, B, &m)
                checkSignedDivision(a, b, A, B, &m)
                checkSignedBitwiseAndComparison(a, b, A, B, &m)
            }
            for e in uint256EdgeSet + [2, 3, 254, 255, 256] { checkSignedPower(a, e, A, BigUInt(e), &m) }
            for count in -300...300 { checkSignedShift(a, A, count, &m) }
            for count in [Int.min, Int.min + 1, Int.max] { checkSignedShift(a, A, count, &m) }
            checkSignedUnary(a, A, &m)
            checkSignedText(a, A, &m)
        }
        m.finish(minimumCases: 14 * 14 * 16 + 14 * 13 + 14 * 604 * 2 + 14 * 9 + 14 * 4)
    }

    /// The Solidity corner cases, spelled out.
    func testSolidityCornerCases() {
        let min = Int256.min, max = Int256.max
        XCTAssertEqual(BigInt(min), int256MinOracle)
        XCTAssertEqual(BigInt(max), int256MaxOracle)
        XCTAssertReverts({ try min / -1 }, .overflow)
        XCTAssertReverts({ try min.quotientAndRemainder(dividingBy: -1) }, .overflow)
        XCTAssertReturns({ try min % -1 }, 0)
        XCTAssertReverts({ try -min }, .overflow)
        XCTAssertReturns({ try -max }, i256(-int256MaxOracle))
        XCTAssertReturns({ try min / 1 }, min)
        XCTAssertReturns({ try min / 2 }, i256(int256MinOracle / 2))
        XCTAssertReverts({ try min * -1 }, .overflow)
        XCTAssertReverts({ try min - 1 }, .overflow)
        XCTAssertReverts({ try max + 1 }, .overflow)
        XCTAssertReturns({ try max + min }, -1)
        XCTAssertReverts({ try Int256(1) / 0 }, .divisionByZero)
        XCTAssertReverts({ try min % 0 }, .divisionByZero)
        XCTAssertReturns({ try Int256(-7) / 2 }, -3) // truncates toward zero
        XCTAssertReturns({ try Int256(-7) % 2 }, -1) // dividend's sign
        XCTAssertReturns({ try Int256(7) % -2 }, 1)
        XCTAssertEqual(Int256(-7) >> 1, -4) // SAR rounds toward −∞
        XCTAssertEqual(Int256(-1) >> 300, -1)
        XCTAssertEqual(Int256(1) >> 300, 0)
        XCTAssertEqual(min >> Int.min, 0) // a negative count shifts left
        XCTAssertEqual(min << Int.min, -1) // … and right, arithmetically
        XCTAssertReturns({ try Int256(-2).power(255) }, min)
        XCTAssertReverts({ try Int256(2).power(255) }, .overflow)
        XCTAssertReturns({ try Int256(-1).power(UInt256.max) }, -1)
        XCTAssertReturns({ try min.power(0) }, 1)
        XCTAssertReturns({ try min.power(1) }, min)
        XCTAssertReverts({ try min.power(2) }, .overflow)
        XCTAssertEqual(min.magnitude, pow2(255))
        XCTAssertEqual(Int256(exactly: pow2(255)), nil)
        XCTAssertEqual(Int256(exactly: pow2(255, plus: -1)), max)
        XCTAssertEqual(Int256(negative: true, magnitude: pow2(255)), min)
        XCTAssertNil(Int256(negative: true, magnitude: pow2(255, plus: 1)))
        XCTAssertEqual(Int256(negative: true, magnitude: 0), 0)
        let literal: Int256 = -57_896_044_618_658_097_711_785_492_504_343_953_926_634_992_332_820_282_019_728_792_003_956_564_819_968
        XCTAssertEqual(literal, min)
    }

    // MARK: Random differential tests

    func testAdditionAndSubtractionMatchOracle() {
        let m = runRandomCases("Int256 + - &+ &-", seed: 0x5ADD, cases: int256RandomCases) { rng, _, m in
            let a = rng.int256(), b = rng.int256()
            let A = BigInt(a), B = BigInt(b)
            m.tally("overflow", when: expectedSigned(A + B) == .failure(.overflow))
            checkSignedAdditive(a, b, A, B, &m)
        }
        m.finish(minimumCases: int256RandomCases * 6)
        XCTAssertGreaterThan(m[tally: "overflow"], int256RandomCases / 50)
    }

    func testMultiplicationMatchesOracle() {
        let m = runRandomCases("Int256 * &*", seed: 0x53A1, cases: int256RandomCases) { rng, _, m in
            let a = rng.int256(), b = rng.int256()
            let A = BigInt(a), B = BigInt(b)
            let product = A * B
            m.tally("overflow", when: !fitsInt256(product))
            checkSignedMultiplicative(a, b, A, B, &m)
        }
        m.finish(minimumCases: int256RandomCases * 3)
        XCTAssertGreaterThan(m[tally: "overflow"], int256RandomCases / 5)
        XCTAssertLessThan(m[tally: "overflow"], int256RandomCases * 4 / 5)
    }

    func testDivisionMatchesOracle() {
        let m = runRandomCases("Int256 / %", seed: 0x5D1F, cases: int256RandomCases) { rng, i, m in
            var a = rng.int256()
            var b = rng.int256()
            if i % 4 == 0 { b = Int256(bitPattern: a.bitPattern >> rng.below(8)) } // quotient of a few bits
            if i % 1000 == 0 { b = -1 }
            if i % 2000 == 0 { a = .min } // Int256.min / −1 overflows, Int256.min % −1 == 0
            m.tally("min / -1", when: a == .min && b == -1)
            checkSignedDivision(a, b, BigInt(a), BigInt(b), &m)
        }
        m.finish(minimumCases: int256RandomCases * 3)
        XCTAssertGreaterThan(m[tally: "min / -1"], 10)
    }

    func testNegationAndConversionsMatchOracle() {
        var m = runRandomCases("Int256 unary", seed: 0x5E6, cases: int256RandomCases) { rng, _, m in
            let a = rng.int256()
            checkSignedUnary(a, BigInt(a), &m)
        }
        var rng = SplitMix64(seed: 0x5E7)
        for _ in 0..<10_000 {
            let x = Int64(bitPattern: rng.next() >> UInt64(rng.below(64)))
            let v = rng.chance(1, in: 2) ? x : (x == .min ? x : -x)
            m.check(BigInt(Int256(v)) == BigInt(v), "Int256(\(v) as Int64)")
        }
        m.finish(minimumCases: int256RandomCases * 8)
    }

    func testPowerMatchesOracle() {
        let m = runRandomCases("Int256 power", seed: 0x590E, cases: int256RandomCases) { rng, i, m in
            let a = i % 3 == 0 ? rng.int256() : Int256(bitPattern: rng.small(bits: 64)) &* (rng.chance(1, in: 2) ? -1 : 1)
            let e = rng.chance(1, in: 10) ? rng.uint256() : UInt256(UInt64(rng.below(300)))
            m.tally("fits", when: oraclePower(BigInt(a).magnitude, BigUInt(e)).map { $0.bitWidth < 256 } ?? false)
            checkSignedPower(a, e, BigInt(a), BigUInt(e), &m)
        }
        m.finish(minimumCases: int256RandomCases)
        XCTAssertGreaterThan(m[tally: "fits"], int256RandomCases / 10)
    }

    func testBitwiseAndComparisonMatchOracle() {
        let m = runRandomCases("Int256 bitwise/compare", seed: 0x5B17, cases: int256RandomCases) { rng, i, m in
            let a = rng.int256()
            let b = i % 3 == 0 ? a : (i % 3 == 1 ? a ^ Int256(bitPattern: UInt256.one << rng.below(256)) : rng.int256())
            checkSignedBitwiseAndComparison(a, b, BigInt(a), BigInt(b), &m)
        }
        m.finish(minimumCases: int256RandomCases * 4)
    }

    func testShiftsMatchOracle() {
        var m = runRandomCases("Int256 shifts", seed: 0x55F7, cases: int256RandomCases) { rng, i, m in
            let a = rng.int256()
            let count = i % 50 == 0 ? [Int.min, Int.max, -257, 257, -256, 256][rng.below(6)] : rng.below(601) - 300
            checkSignedShift(a, BigInt(a), count, &m)
        }
        var rng = SplitMix64(seed: 0x55F8)
        for _ in 0..<20 {
            let a = rng.int256(), A = BigInt(a)
            for count in -300...300 { checkSignedShift(a, A, count, &m) }
        }
        m.finish(minimumCases: int256RandomCases * 2)
    }

    func testTextAndDoubleMatchOracle() {
        let cases = int256RandomCases / 4
        let m = runRandomCases("Int256 text", seed: 0x57E7, cases: cases) { rng, i, m in
            let a = rng.int256()
            checkSignedText(a, BigInt(a), &m, variants: i % 4 == 0)
        }
        m.finish(minimumCases: cases * 3)
    }

    func testMalformedTextIsRejected() {
        for text in ["", "-", "+", "--1", "+-1", "-+1", " 1", "1 ", "1a", "0x1", "1.0", "-1_0",
                     "57896044618658097711785492504343953926634992332820282019728792003956564819968", // 2^255
                     "-57896044618658097711785492504343953926634992332820282019728792003956564819969"] { // −2^255 − 1
            XCTAssertNil(Int256(text), "\"\(text)\"")
        }
        XCTAssertEqual(Int256("-57896044618658097711785492504343953926634992332820282019728792003956564819968"), .min)
        XCTAssertEqual(Int256("57896044618658097711785492504343953926634992332820282019728792003956564819967"), .max)
        XCTAssertEqual(Int256("-0"), 0)
        XCTAssertEqual(Int256("+0"), 0)
        XCTAssertEqual(Int256("-000123"), -123)
    }

    func testCodableRoundTripsThroughDecimalStrings() throws {
        var rng = SplitMix64(seed: 0x5C0D)
        let values = (0..<200).map { _ in rng.int256() } + int256EdgeSet
        let data = try JSONEncoder().encode(values)
        let expectedJSON = "[" + values.map { "\"\(BigInt($0))\"" }.joined(separator: ",") + "]"
        XCTAssertEqual(String(decoding: data, as: UTF8.self), expectedJSON)
        XCTAssertEqual(try JSONDecoder().decode([Int256].self, from: data), values)
        for bad in [#"["0x2a"]"#, #"["-"]"#, #"[-1]"#,
                    #"["57896044618658097711785492504343953926634992332820282019728792003956564819968"]"#] {
            XCTAssertThrowsError(try JSONDecoder().decode([Int256].self, from: Data(bad.utf8)), bad) { error in
                XCTAssertTrue(error is DecodingError, "\(bad): \(error)")
            }
        }
    }
}
