// Differential tests of UInt256 (UInt256.swift, UInt256+Arithmetic.swift, UInt256+Bitwise.swift,
// UInt256+Division.swift, UInt256+Conversions.swift) against attaswift BigUInt.
//
// Every checked operation is pinned exactly: it must throw `.overflow` / `.underflow` /
// `.divisionByZero` iff the exact oracle result is out of range / the divisor is zero, and
// return the oracle's value otherwise. Wrapping operations must equal the oracle mod 2²⁵⁶.
import BigInt
import CascadeMath
import Foundation
import XCTest

/// Random cases per operation family (each loop below checks one family).
let uint256RandomCases = 100_000

// MARK: - Per-family checks, shared by the edge-set and random tests

/// `+ - &+ &-` and the reporting-overflow primitives.
func checkAdditive(_ a: UInt256, _ b: UInt256, _ A: BigUInt, _ B: BigUInt, _ m: inout Mismatches) {
    let sum = A + B
    let sumOverflows = sum.bitWidth > 256
    let wrappedSum = u256Wrapping(sum)
    m.check(outcome { try a + b } == (sumOverflows ? .failure(.overflow) : .success(wrappedSum)), "\(a) + \(b)")
    m.check(a &+ b == wrappedSum, "\(a) &+ \(b)")
    let (s, o) = a.addingReportingOverflow(b)
    m.check(s == wrappedSum && o == sumOverflows, "\(a).addingReportingOverflow(\(b))")

    let underflows = A < B
    // A − B mod 2^256: the two's complement of B − A when B > A.
    let wrappedDifference: UInt256
    if underflows {
        let l = negatedLimbs(lowLimbs(B - A))
        wrappedDifference = UInt256(w0: l.0, w1: l.1, w2: l.2, w3: l.3)
    } else {
        wrappedDifference = u256(A - B)
    }
    m.check(outcome { try a - b } == (underflows ? .failure(.underflow) : .success(wrappedDifference)), "\(a) - \(b)")
    m.check(a &- b == wrappedDifference, "\(a) &- \(b)")
    let (d, u) = a.subtractingReportingOverflow(b)
    m.check(d == wrappedDifference && u == underflows, "\(a).subtractingReportingOverflow(\(b))")
}

/// `* &*`, `multipliedFullWidth`, `multipliedReportingOverflow`, `multipliedWrapping`.
func checkMultiplicative(_ a: UInt256, _ b: UInt256, _ A: BigUInt, _ B: BigUInt, _ m: inout Mismatches) {
    let product = A * B
    let overflows = product.bitWidth > 256
    let low = u256Wrapping(product), high = u256Wrapping(product >> 256)
    m.check(outcome { try a * b } == (overflows ? .failure(.overflow) : .success(low)), "\(a) * \(b)")
    m.check(a &* b == low, "\(a) &* \(b)")
    m.check(a.multipliedWrapping(by: b) == low, "\(a).multipliedWrapping(by: \(b))")
    let full = a.multipliedFullWidth(by: b)
    m.check(full.high == high && full.low == low, "\(a).multipliedFullWidth(by: \(b))")
    let (p, o) = a.multipliedReportingOverflow(by: b)
    m.check(p == low && o == overflows, "\(a).multipliedReportingOverflow(by: \(b))")
}

/// `/ %`, `quotientAndRemainder(dividingBy:)` and, for one-limb divisors, `dividingByLimb`.
func checkDivision(_ a: UInt256, _ b: UInt256, _ A: BigUInt, _ B: BigUInt, _ m: inout Mismatches) {
    if B.isZero {
        m.check(outcome { try a / b } == .failure(.divisionByZero), "\(a) / 0")
        m.check(outcome { try a % b } == .failure(.divisionByZero), "\(a) % 0")
        m.check(outcome { try a.quotientAndRemainder(dividingBy: b).quotient } == .failure(.divisionByZero),
                "\(a).quotientAndRemainder(dividingBy: 0)")
        return
    }
    let (Q, R) = A.quotientAndRemainder(dividingBy: B)
    let q = u256(Q), r = u256(R)
    m.check(outcome { try a / b } == .success(q), "\(a) / \(b)")
    m.check(outcome { try a % b } == .success(r), "\(a) % \(b)")
    let qr = outcome { try a.quotientAndRemainder(dividingBy: b) }
    if case .success(let v) = qr {
        m.check(v.quotient == q && v.remainder == r, "\(a).quotientAndRemainder(dividingBy: \(b))")
    } else {
        m.check(false, "\(a).quotientAndRemainder(dividingBy: \(b)) threw \(qr)")
    }
    if B.bitWidth <= 64 {
        let limb = a.quotientAndRemainder(dividingByLimb: b.w0)
        m.check(limb.quotient == q && UInt256(limb.remainder) == r, "\(a).quotientAndRemainder(dividingByLimb: \(b))")
    }
}

/// Exact `base ** exponent` as the oracle sees it: `nil` when it needs more than 256 bits.
func oraclePower(_ base: BigUInt, _ exponent: BigUInt) -> BigUInt? {
    if exponent.isZero { return 1 }
    if base <= 1 { return base }
    // base ≥ 2^(bits−1), so base^e ≥ 2^((bits−1)·e): certainly too large when (bits−1)·e ≥ 256.
    if BigUInt(base.bitWidth - 1) * exponent >= 256 { return nil }
    let result = base.power(Int(exponent)) // here e < 256 and the result has < 512 bits
    return result > uint256MaxOracle ? nil : result
}

/// `base ** exponent mod 2²⁵⁶` by square-and-multiply on BigUInt, keeping the low four words
/// (attaswift's `power(_:modulus:)` divides at every step: far too slow for 10⁵ debug cases).
func oraclePowerWrapping(_ base: BigUInt, _ exponent: BigUInt) -> BigUInt {
    func low(_ x: BigUInt) -> BigUInt { BigUInt(words: x.words.prefix(4)) }
    var result: BigUInt = 1
    var square = low(base)
    for i in 0..<exponent.bitWidth {
        if exponent[bitAt: i] { result = low(result * square) }
        square = low(square * square)
    }
    return result
}

/// `power` (checked) and `powerWrapping` (mod 2²⁵⁶).
func checkPower(_ a: UInt256, _ e: UInt256, _ A: BigUInt, _ E: BigUInt, _ m: inout Mismatches, wrapping: Bool = true) {
    let expected: Result<UInt256, Revert> = oraclePower(A, E).map { .success(u256($0)) } ?? .failure(.overflow)
    m.check(outcome { try a.power(e) } == expected, "\(a).power(\(e))")
    if wrapping {
        m.check(a.powerWrapping(e) == u256(oraclePowerWrapping(A, E)), "\(a).powerWrapping(\(e))")
        // Cross-check the fast oracle against attaswift's modular power on the edge set.
        m.check(oraclePowerWrapping(A, E) == A.power(E, modulus: two256), "oracle powerWrapping(\(a), \(e))")
    }
}

/// `& | ^ ~` (and the compound assignments), bit counts, limb accessors.
func checkBitwise(_ a: UInt256, _ b: UInt256, _ A: BigUInt, _ B: BigUInt, _ m: inout Mismatches) {
    let and = u256(A & B), or = u256(A | B), xor = u256(A ^ B)
    m.check(a & b == and, "\(a) & \(b)")
    m.check(a | b == or, "\(a) | \(b)")
    m.check(a ^ b == xor, "\(a) ^ \(b)")
    m.check(~a == u256(uint256MaxOracle - A), "~\(a)")
    var x = a
    x &= b; m.check(x == and, "\(a) &= \(b)")
    x = a; x |= b; m.check(x == or, "\(a) |= \(b)")
    x = a; x ^= b; m.check(x == xor, "\(a) ^= \(b)")
    let bits = A.bitWidth // attaswift: bits needed, 0 for zero
    m.check(a.leadingZeroBitCount == 256 - bits, "\(a).leadingZeroBitCount")
    m.check(a.bitLength == bits, "\(a).bitLength")
    m.check(a.trailingZeroBitCount == (A.isZero ? 256 : A.trailingZeroBitCount), "\(a).trailingZeroBitCount")
    let words = A.words // the oracle's own 64-bit words, least significant first
    func word(_ i: Int) -> UInt64 { i < words.count ? UInt64(words[i]) : 0 }
    m.check(a.nonzeroBitCount == words.reduce(0) { $0 + $1.nonzeroBitCount }, "\(a).nonzeroBitCount")
    m.check(a.significantLimbCount == words.count, "\(a).significantLimbCount")
    m.check(a.isZero == A.isZero, "\(a).isZero")
    m.check(a.uint64Value == (words.count <= 1 ? word(0) : nil), "\(a).uint64Value")
    m.check(a.uint128Value == (words.count <= 2 ? UInt128(word(1)) << 64 | UInt128(word(0)) : nil), "\(a).uint128Value")
    m.check(a[limb: 0] == word(0) && a[limb: 1] == word(1) && a[limb: 2] == word(2) && a[limb: 3] == word(3),
            "\(a)[limb:]")
}

/// `< <= > >= == !=`.
func checkComparison(_ a: UInt256, _ b: UInt256, _ A: BigUInt, _ B: BigUInt, _ m: inout Mismatches) {
    m.check((a < b) == (A < B) && (a <= b) == (A <= B) && (a > b) == (A > B) && (a >= b) == (A >= B)
                && (a == b) == (A == B) && (a != b) == (A != B), "compare \(a), \(b)")
}

/// `<< >> <<= >>=` by `count` (any Int; negative shifts the other way).
func checkShift(_ a: UInt256, _ A: BigUInt, _ count: Int, _ m: inout Mismatches) {
    let magnitude = Int(clamping: count.magnitude)
    let up = magnitude >= 256 ? 0 : u256Wrapping(A << magnitude)
    let down = magnitude >= 256 ? 0 : u256(A >> magnitude)
    let left = count >= 0 ? up : down
    let right = count >= 0 ? down : up
    m.check(a << count == left, "\(a) << \(count)")
    m.check(a >> count == right, "\(a) >> \(count)")
    var x = a
    x <<= count; m.check(x == left, "\(a) <<= \(count)")
    x = a; x >>= count; m.check(x == right, "\(a) >>= \(count)")
}

/// Decimal and hex text, both directions. The decimal rendering is checked by reading it back
/// with BigUInt's parser (exact) and for canonical form; `variants` adds the literal comparison
/// with BigUInt's `description`, leading zeros, upper case, no prefix, and the same digits with
/// 2²⁵⁶ added (which must be rejected).
func checkText(_ a: UInt256, _ A: BigUInt, _ m: inout Mismatches, variants: Bool = true) {
    let decimal = a.description
    let hexDigits = String(A, radix: 16)
    m.check(BigUInt(decimal, radix: 10) == A && (decimal == "0" || !decimal.hasPrefix("0")), "\(A).description = \(decimal)")
    m.check(a.hexString == "0x" + hexDigits, "\(a).hexString")
    m.check(UInt256(decimal: decimal) == a, "UInt256(decimal: \(decimal))")
    m.check(UInt256(hex: "0x" + hexDigits) == a, "UInt256(hex: 0x\(hexDigits))")
    guard variants else { return }
    m.check(decimal == A.description && a.decimalString == decimal && UInt256(decimal) == a, "\(A).description = \(decimal)")
    m.check(UInt256(decimal: "000" + decimal) == a, "UInt256(decimal: 000\(decimal))")
    m.check(UInt256(hex: hexDigits) == a, "UInt256(hex: \(hexDigits))")
    m.check(UInt256(hex: "0X00" + hexDigits.uppercased()) == a, "UInt256(hex: 0X00\(hexDigits.uppercased()))")
    let tooLarge = A + two256
    m.check(UInt256(decimal: tooLarge.description) == nil, "UInt256(decimal: \(tooLarge)) accepted")
    m.check(UInt256(hex: String(tooLarge, radix: 16)) == nil, "UInt256(hex: \(String(tooLarge, radix: 16))) accepted")
}

/// Big-endian bytes, both directions.
func checkBytes(_ a: UInt256, _ A: BigUInt, _ m: inout Mismatches) {
    let minimal = [UInt8](A.serialize()) // attaswift: big-endian, no leading zeros, empty for 0
    let padded = [UInt8](repeating: 0, count: 32 - minimal.count) + minimal
    m.check(a.bigEndianBytes == padded, "\(a).bigEndianBytes")
    m.check(a.minimalBigEndianBytes == minimal, "\(a).minimalBigEndianBytes")
    m.check(UInt256(bigEndian: padded) == a && UInt256(bigEndian: minimal) == a, "UInt256(bigEndian:) of \(a)")
    m.check(UInt256(bigEndian: [0] + padded) == nil, "UInt256(bigEndian:) accepted 33 bytes")
}

/// The correctly rounded (to nearest, ties to even) Double of a non-negative oracle value.
func oracleDouble(_ X: BigUInt) -> Double {
    let bits = X.bitWidth
    if bits <= 53 { return Double(UInt64(X)) }
    let drop = bits - 53
    var q = X >> drop
    let r = X - (q << drop)
    let half = BigUInt(1) << (drop - 1)
    if r > half || (r == half && q[bitAt: 0]) { q += 1 }
    return Double(sign: .plus, exponent: drop, significand: Double(UInt64(q)))
}

/// The exact integer part of a finite non-negative Double, computed from its bits.
func oracleTruncate(_ d: Double) -> BigUInt {
    if d < 1 { return 0 }
    let e = Int(d.exponent)
    let significand = BigUInt(d.significandBitPattern | (1 << 52))
    return e >= 52 ? significand << (e - 52) : significand >> (52 - e)
}

final class UInt256Tests: XCTestCase {
    // MARK: Generator sanity

    /// The shared generator is the published SplitMix64 (reference outputs of splitmix64.c).
    func testSplitMix64MatchesReferenceOutputs() {
        var rng = SplitMix64(seed: splitMix64ReferenceSeed)
        XCTAssertEqual((0..<5).map { _ in rng.next() }, splitMix64ReferenceOutputs)
    }

    /// The edge-biased generator really produces the edges and all limb counts.
    func testGeneratorCoversEdgesAndAllLimbCounts() {
        var rng = SplitMix64(seed: 7)
        var limbCounts = Set<Int>()
        var seen = Set<UInt256>()
        for _ in 0..<20_000 {
            let v = rng.uint256()
            limbCounts.insert(v.significantLimbCount)
            seen.insert(v)
        }
        XCTAssertEqual(limbCounts, [0, 1, 2, 3, 4])
        for edge in uint256EdgeSet + [pow10(18), pow10(27), pow2(64, plus: -1), pow2(255, plus: -1)] {
            XCTAssertTrue(seen.contains(edge), "generator never produced \(edge)")
        }
    }

    /// The fast limb-level conversions of TestRandom.swift agree with their definitions
    /// written in BigUInt/BigInt arithmetic (so the oracle plumbing is itself checked).
    func testOracleConversionsMatchTheirDefinitions() {
        var rng = SplitMix64(seed: 0x0AC1E)
        for i in 0..<3_000 {
            let pattern = rng.uint256()
            let P = BigUInt(pattern)
            XCTAssertEqual(P, BigUInt(pattern.description, radix: 10)!) // limbs → value, cross-checked via text
            let signed = Int256(bitPattern: pattern)
            let definition = P >= (BigUInt(1) << 255) ? BigInt(P) - BigInt(two256) : BigInt(P)
            XCTAssertEqual(BigInt(signed), definition)
            // Any integer, reduced mod 2^256, both ways.
            let wide = BigInt(P) * BigInt(BigUInt(rng.uint256())) * (i % 2 == 0 ? 1 : -1) + BigInt(i)
            var reduced = wide % BigInt(two256)
            if reduced < 0 { reduced += BigInt(two256) }
            XCTAssertEqual(BigUInt(i256Wrapping(wide).bitPattern), reduced.magnitude)
            XCTAssertEqual(BigUInt(u256Wrapping(wide.magnitude)), wide.magnitude % two256)
        }
        XCTAssertEqual(BigInt(Int256.min), -(BigInt(1) << 255))
        XCTAssertEqual(i256Wrapping(-(BigInt(1) << 255)), .min)
        XCTAssertEqual(i256Wrapping(-BigInt(two256)), 0)
        XCTAssertEqual(u256(uint256MaxOracle), .max)
        for x in [int256MinOracle, int256MaxOracle, BigInt(0), BigInt(-1)] { XCTAssertTrue(fitsInt256(x), "\(x)") }
        for x in [int256MinOracle - 1, int256MaxOracle + 1, BigInt(two256), -BigInt(two256)] { XCTAssertFalse(fitsInt256(x), "\(x)") }
        XCTAssertFalse(fitsInt256(-(BigInt(1) << 255) - (BigInt(1) << 254))) // 256 bits, not a power of two
    }

    // MARK: Edge set: every pair through every operation

    func testEdgeSetPairsThroughEveryOperation() {
        var m = Mismatches("UInt256 edge pairs")
        for a in uint256EdgeSet {
            let A = BigUInt(a)
            for b in uint256EdgeSet {
                let B = BigUInt(b)
                checkAdditive(a, b, A, B, &m)
                checkMultiplicative(a, b, A, B, &m)
                checkDivision(a, b, A, B, &m)
                checkPower(a, b, A, B, &m)
                checkBitwise(a, b, A, B, &m)
                checkComparison(a, b, A, B, &m)
            }
            for count in -300...300 { checkShift(a, A, count, &m) }
            for count in [Int.min, Int.min + 1, -Int.max / 2, Int.max / 2, Int.max] { checkShift(a, A, count, &m) }
            checkText(a, A, &m)
            checkBytes(a, A, &m)
        }
        m.finish(minimumCases: 64 * 32 + 8 * 606 * 4 + 8 * 14)
    }

    /// The edge results spelled out, so the oracle itself is cross-checked on the extremes.
    func testEdgeResultsSpelledOut() {
        let max = UInt256.max
        XCTAssertEqual(max, U("115792089237316195423570985008687907853269984665640564039457584007913129639935"))
        XCTAssertReverts({ try max + 1 }, .overflow)
        XCTAssertReturns({ try max + 0 }, max)
        XCTAssertReverts({ try UInt256.zero - 1 }, .underflow)
        XCTAssertReturns({ try max - max }, 0)
        XCTAssertReverts({ try pow2(128) * pow2(128) }, .overflow)
        XCTAssertReturns({ try pow2(128) * pow2(127) }, pow2(255))
        XCTAssertReverts({ try max / 0 }, .divisionByZero)
        XCTAssertReverts({ try UInt256.zero % 0 }, .divisionByZero)
        XCTAssertEqual(max &+ 1, 0)
        XCTAssertEqual(UInt256.zero &- 1, max)
        XCTAssertEqual(max &* max, 1) // (2^256 − 1)^2 ≡ 1 mod 2^256
        let full = max.multipliedFullWidth(by: max) // (2^256 − 1)^2 = (2^256 − 2)·2^256 + 1
        XCTAssertEqual(full.high, max &- 1)
        XCTAssertEqual(full.low, 1)
        XCTAssertReturns({ try UInt256(2).power(255) }, pow2(255))
        XCTAssertReverts({ try UInt256(2).power(256) }, .overflow)
        XCTAssertReturns({ try UInt256.zero.power(0) }, 1)
        XCTAssertReturns({ try UInt256.zero.power(max) }, 0)
        XCTAssertReturns({ try UInt256.one.power(max) }, 1)
        XCTAssertEqual(UInt256(3).powerWrapping(0), 1)
        XCTAssertEqual(UInt256(2).powerWrapping(256), 0)
        XCTAssertEqual(max.powerWrapping(max), max) // (−1)^odd ≡ −1
        XCTAssertEqual(UInt256.one << 255, pow2(255))
        XCTAssertEqual(UInt256.one << 256, 0)
        XCTAssertEqual(max >> 255, 1)
        XCTAssertEqual(max >> -1, max &- 1) // a negative count shifts the other way
        XCTAssertEqual(UInt256.zero.leadingZeroBitCount, 256)
        XCTAssertEqual(UInt256.zero.trailingZeroBitCount, 256)
        XCTAssertEqual(max.nonzeroBitCount, 256)
        XCTAssertEqual(pow2(64).significantLimbCount, 2)
    }

    // MARK: Random differential tests, one family per test

    func testAdditionAndSubtractionMatchOracle() {
        let m = runRandomCases("UInt256 + - &+ &-", seed: 0xADD, cases: uint256RandomCases) { rng, _, m in
            let a = rng.uint256(), b = rng.uint256()
            let A = BigUInt(a), B = BigUInt(b)
            m.tally("overflow", when: (A + B).bitWidth > 256)
            m.tally("underflow", when: A < B)
            checkAdditive(a, b, A, B, &m)
        }
        m.finish(minimumCases: uint256RandomCases * 6)
        // Both outcomes of each checked operation must be exercised substantially.
        XCTAssertGreaterThan(m[tally: "overflow"], uint256RandomCases / 50)
        XCTAssertGreaterThan(m[tally: "underflow"], uint256RandomCases / 5)
    }

    func testMultiplicationMatchesOracle() {
        let m = runRandomCases("UInt256 * &* fullWidth", seed: 0x3A1, cases: uint256RandomCases) { rng, _, m in
            let a = rng.uint256(), b = rng.uint256()
            let A = BigUInt(a), B = BigUInt(b)
            m.tally("overflow", when: (A * B).bitWidth > 256)
            checkMultiplicative(a, b, A, B, &m)
        }
        m.finish(minimumCases: uint256RandomCases * 5)
        XCTAssertGreaterThan(m[tally: "overflow"], uint256RandomCases / 5)
        XCTAssertLessThan(m[tally: "overflow"], uint256RandomCases * 4 / 5)
    }

    func testDivisionMatchesOracle() {
        let m = runRandomCases("UInt256 / % quotientAndRemainder", seed: 0xD1F, cases: uint256RandomCases) { rng, i, m in
            var a = rng.uint256(), b = rng.uint256()
            if i % 4 == 0 {
                // Divisor close to the dividend (same limb count, quotient of a few bits):
                // the multi-limb path where estimation errors of the quotient digit hide.
                b = (a >> rng.below(8)) &- UInt256(UInt64(rng.below(3)))
            } else if i % 4 == 1 {
                b = UInt256(rng.next() >> UInt64(rng.below(64))) // one-limb divisor
            }
            if i % 8 == 2 { swap(&a, &b) }
            m.tally("zero divisor", when: b.isZero)
            m.tally("multi-limb division", when: b.significantLimbCount > 1 && a >= b)
            checkDivision(a, b, BigUInt(a), BigUInt(b), &m)
        }
        m.finish(minimumCases: uint256RandomCases * 3)
        XCTAssertGreaterThan(m[tally: "zero divisor"], 100)
        XCTAssertGreaterThan(m[tally: "multi-limb division"], uint256RandomCases / 5)
    }

    func testPowerMatchesOracle() {
        let m = runRandomCases("UInt256 power", seed: 0x90E, cases: uint256RandomCases) { rng, i, m in
            // Bases of every size; exponents near the largest that fits, small, below 300, or huge.
            let a = i % 3 == 0 ? rng.uint256() : rng.small(bits: 64)
            let e: UInt256
            switch rng.below(10) {
            case 0..<4 where BigUInt(a).bitWidth >= 2:
                let limit = 256 / log2(oracleDouble(BigUInt(a))) // base^limit ≈ 2^256
                e = UInt256(UInt64(Swift.max(0, Int(limit) + rng.below(5) - 2)))
            case 0..<6: e = UInt256(UInt64(rng.below(8)))
            case 6..<9: e = UInt256(UInt64(rng.below(300)))
            default: e = rng.uint256()
            }
            let A = BigUInt(a), E = BigUInt(e)
            m.tally("fits", when: oraclePower(A, E) != nil)
            checkPower(a, e, A, E, &m, wrapping: false)
        }
        m.finish(minimumCases: uint256RandomCases)
        XCTAssertGreaterThan(m[tally: "fits"], uint256RandomCases / 4)
        XCTAssertLessThan(m[tally: "fits"], uint256RandomCases * 9 / 10)
    }

    func testPowerWrappingMatchesOracle() {
        // Each case costs up to 512 wrapping multiplications here and in the oracle, so
        // exponents are mostly short (≤ 10 bits) and sometimes full width.
        let cases = uint256RandomCases / 4
        let m = runRandomCases("UInt256 powerWrapping", seed: 0x90F, cases: cases) { rng, _, m in
            let a = rng.uint256()
            let e = rng.chance(1, in: 1_000) ? rng.uint256() : rng.small(bits: 10)
            m.check(a.powerWrapping(e) == u256(oraclePowerWrapping(BigUInt(a), BigUInt(e))), "\(a).powerWrapping(\(e))")
        }
        m.finish(minimumCases: cases)
    }

    func testBitwiseMatchesOracle() {
        let m = runRandomCases("UInt256 bitwise", seed: 0xB17, cases: uint256RandomCases) { rng, _, m in
            let a = rng.uint256(), b = rng.uint256()
            checkBitwise(a, b, BigUInt(a), BigUInt(b), &m)
        }
        m.finish(minimumCases: uint256RandomCases * 15)
    }

    func testComparisonMatchesOracle() {
        let m = runRandomCases("UInt256 comparison", seed: 0xC0A, cases: uint256RandomCases) { rng, i, m in
            let a = rng.uint256()
            // Often equal, or differing in one bit only, so every limb decides sometimes.
            let b = i % 3 == 0 ? a : (i % 3 == 1 ? a ^ (UInt256.one << rng.below(256)) : rng.uint256())
            checkComparison(a, b, BigUInt(a), BigUInt(b), &m)
        }
        m.finish(minimumCases: uint256RandomCases)
    }

    func testShiftsMatchOracle() {
        var m = runRandomCases("UInt256 shifts", seed: 0x5F7, cases: uint256RandomCases) { rng, i, m in
            let a = rng.uint256()
            let count = i % 50 == 0 ? [Int.min, Int.max, -257, 257, -256, 256][rng.below(6)] : rng.below(601) - 300
            checkShift(a, BigUInt(a), count, &m)
        }
        // Every count −300…300 on a few values of every size.
        var rng = SplitMix64(seed: 0x5F8)
        for _ in 0..<40 {
            let a = rng.uint256(), A = BigUInt(a)
            for count in -300...300 { checkShift(a, A, count, &m) }
        }
        m.finish(minimumCases: uint256RandomCases * 4)
    }

    func testShiftByExtremeCountsDoesNotTrap() {
        // Int.min has no positive counterpart; a negative count must still mean "the other way".
        XCTAssertEqual(UInt256.max << Int.min, 0)
        XCTAssertEqual(UInt256.max >> Int.min, 0)
        XCTAssertEqual(UInt256.max << Int.max, 0)
        XCTAssertEqual(UInt256.max >> Int.max, 0)
    }

    // MARK: Text

    /// 75,000 cases here; Int256Tests' text test adds 25,000 more through the same UInt256
    /// decimal printer and parser (Int256 text is sign + UInt256 magnitude text).
    func testDecimalAndHexTextMatchOracle() {
        let cases = uint256RandomCases * 3 / 4
        let m = runRandomCases("UInt256 text", seed: 0x7E7, cases: cases) { rng, i, m in
            let a = rng.uint256()
            checkText(a, BigUInt(a), &m, variants: i % 10 == 0)
        }
        m.finish(minimumCases: cases * 4)
    }

    func testMalformedTextIsRejected() {
        let decimal = ["", "+", "-", "+1", "-1", "1a", "a1", " 1", "1 ", "1_000", "1.0", "1e3", "0x1",
                       "\u{0661}", // ARABIC-INDIC DIGIT ONE
                       "115792089237316195423570985008687907853269984665640564039457584007913129639936", // 2^256
                       "999999999999999999999999999999999999999999999999999999999999999999999999999999"]
        for text in decimal {
            XCTAssertNil(UInt256(decimal: text), "decimal \"\(text)\"")
            XCTAssertNil(UInt256(text), "LosslessStringConvertible \"\(text)\"")
        }
        let hex = ["", "0x", "0X", "x1", "0x0x1", "g", "0xg", "0x-1", " 0x1", "0x1 ", "0x_1", "+0x1",
                   "1" + String(repeating: "0", count: 64), // 65 digits, non-zero: 2^256
                   "0x" + String(repeating: "f", count: 65)]
        for text in hex { XCTAssertNil(UInt256(hex: text), "hex \"\(text)\"") }
        // Boundaries that must be accepted.
        XCTAssertEqual(UInt256(decimal: "115792089237316195423570985008687907853269984665640564039457584007913129639935"), .max)
        XCTAssertEqual(UInt256(hex: "0x" + String(repeating: "0", count: 70) + String(repeating: "F", count: 64)), .max)
        XCTAssertEqual(UInt256(decimal: String(repeating: "0", count: 100) + "1"), 1)
        XCTAssertEqual(UInt256(hex: "0"), 0)
        XCTAssertEqual(UInt256(hex: "0x0"), 0)
        XCTAssertEqual(UInt256.zero.hexString, "0x0")
        XCTAssertEqual(UInt256.zero.description, "0")
    }

    func testCodableRoundTripsThroughDecimalStrings() throws {
        var rng = SplitMix64(seed: 0xC0D)
        let values = (0..<200).map { _ in rng.uint256() } + uint256EdgeSet
        let data = try JSONEncoder().encode(values)
        let expectedJSON = "[" + values.map { "\"\(BigUInt($0))\"" }.joined(separator: ",") + "]"
        XCTAssertEqual(String(decoding: data, as: UTF8.self), expectedJSON)
        XCTAssertEqual(try JSONDecoder().decode([UInt256].self, from: data), values)
        // 0x-hex is accepted on input.
        XCTAssertEqual(try JSONDecoder().decode([UInt256].self, from: Data(#"["0x2a","0xFF"]"#.utf8)), [42, 255])
        for bad in [#"["1a"]"#, #"[""]"#, #"["-1"]"#, #"[12]"#,
                    #"["115792089237316195423570985008687907853269984665640564039457584007913129639936"]"#] {
            XCTAssertThrowsError(try JSONDecoder().decode([UInt256].self, from: Data(bad.utf8)), bad) { error in
                XCTAssertTrue(error is DecodingError, "\(bad): \(error)")
            }
        }
    }

    // MARK: Bytes, floating point, initialisers

    func testBigEndianBytesMatchOracle() {
        var rng = SplitMix64(seed: 0xB1E)
        var m = Mismatches("UInt256 bytes")
        for _ in 0..<uint256RandomCases / 5 {
            let a = rng.uint256()
            checkBytes(a, BigUInt(a), &m)
        }
        m.finish(minimumCases: uint256RandomCases / 5 * 4)
        XCTAssertEqual(UInt256(bigEndian: [UInt8]()), 0)
        XCTAssertEqual(UInt256(bigEndian: [0x01, 0x00]), 256)
    }

    func testDoubleValueIsCorrectlyRounded() {
        var rng = SplitMix64(seed: 0xD0B)
        var m = Mismatches("UInt256.doubleValue")
        for i in 0..<uint256RandomCases / 5 {
            var a = rng.uint256()
            if i % 3 == 0 {
                // Exactly halfway between two doubles (ties to even) or one unit either side.
                let bits = 54 + rng.below(203)
                let drop = bits - 53
                a = ((rng.uint256(bitLength: bits) >> drop) << drop) | (UInt256.one << (drop - 1))
                a = [a, a &- 1, a &+ 1][rng.below(3)]
            }
            m.check(a.doubleValue == oracleDouble(BigUInt(a)), "\(a).doubleValue = \(a.doubleValue)")
        }
        m.finish(minimumCases: uint256RandomCases / 5)
        XCTAssertEqual(UInt256.max.doubleValue, 0x1p256) // rounds up to 2^256
        XCTAssertEqual(pow2(53, plus: 1).doubleValue, 0x1p53) // tie → even
        XCTAssertEqual(pow2(53, plus: 3).doubleValue, 0x1p53 + 4) // tie → even (upward)
    }

    func testTruncatingDoubleConversionMatchesOracle() {
        var rng = SplitMix64(seed: 0x7D0)
        var m = Mismatches("UInt256(truncating:)")
        for _ in 0..<uint256RandomCases / 5 {
            let exponent = rng.below(258) - 2 // 2^−2 … 2^255
            let d = Double(sign: .plus, exponent: exponent, significand: 1 + Double(rng.next() >> 12) / 0x1p52)
            m.check(UInt256(truncating: d) == u256(oracleTruncate(d)), "UInt256(truncating: \(d))")
        }
        m.finish(minimumCases: uint256RandomCases / 5)
        for rejected in [Double.nan, .infinity, -.infinity, -1, -0.5, 0x1p256, 0x1p300, .greatestFiniteMagnitude] {
            XCTAssertNil(UInt256(truncating: rejected), "\(rejected)")
        }
        XCTAssertEqual(UInt256(truncating: -0.0), 0)
        XCTAssertEqual(UInt256(truncating: 0.999), 0)
        XCTAssertEqual(UInt256(truncating: 0x1p64), pow2(64))
        XCTAssertEqual(UInt256(truncating: 0x1p256.nextDown), u256(oracleTruncate(0x1p256.nextDown)))
        XCTAssertEqual(UInt256(truncating: 0x1p256.nextDown), u256(two256 - (BigUInt(1) << 203))) // 53 one-bits on top
    }

    func testInitialisersAndLiteralsMatchOracle() {
        var rng = SplitMix64(seed: 0x1A1)
        for _ in 0..<1_000 {
            let x = rng.next(), y = rng.next()
            XCTAssertEqual(BigUInt(UInt256(x)), BigUInt(x))
            let wide = UInt128(x) << 64 | UInt128(y)
            XCTAssertEqual(BigUInt(UInt256(wide)), BigUInt(wide))
            let a = rng.uint256()
            XCTAssertEqual(UInt256(exactly: BigUInt(a)), a) // generic BinaryInteger path
            XCTAssertNil(UInt256(exactly: BigUInt(a) + two256))
        }
        XCTAssertNil(UInt256(exactly: -1))
        XCTAssertNil(UInt256(exactly: Int64.min))
        XCTAssertEqual(UInt256(exactly: Int64.max), UInt256(UInt64(Int64.max)))
        XCTAssertEqual(UInt256(exactly: UInt64.max), pow2(64, plus: -1))
        let literal: UInt256 = 115_792_089_237_316_195_423_570_985_008_687_907_853_269_984_665_640_564_039_457_584_007_913_129_639_935
        XCTAssertEqual(literal, u256(uint256MaxOracle))
        let ray: UInt256 = 1_000_000_000_000_000_000_000_000_000
        XCTAssertEqual(ray, pow10(27))
        XCTAssertEqual(UInt256.bitWidth, 256)
        XCTAssertEqual(UInt256.min, 0)
        XCTAssertEqual(UInt256.zero, UInt256())
        XCTAssertEqual(UInt256.one, 1)
    }

    // MARK: Revert

    func testRevertPanicCodesAndDescriptions() {
        XCTAssertEqual(Revert.overflow.panicCode, 0x11)
        XCTAssertEqual(Revert.underflow.panicCode, 0x11)
        XCTAssertEqual(Revert.divisionByZero.panicCode, 0x12)
        XCTAssertNil(Revert.reason("x").panicCode)
        XCTAssertEqual(Revert.reason("UniswapV2: K").description, "UniswapV2: K")
    }
}
