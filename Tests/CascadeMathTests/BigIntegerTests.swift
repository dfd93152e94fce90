// Tests of BigInteger (BigInteger.swift), the GMP-backed arbitrary-precision integer, against
// attaswift BigInt on random values of up to 1,000 bits, plus copy-on-write, range
// conversions, text and division by zero.
import BigInt
import CascadeMath
import Foundation
import XCTest

extension SplitMix64 {
    /// A signed oracle value of 0…1000 bits (edge-biased: ±2^k, ±(2^k − 1), small values).
    mutating func bigInt(maxBits: Int = 1000) -> BigInt {
        let bits = below(maxBits + 1)
        var magnitude: BigUInt
        switch below(8) {
        case 0: magnitude = BigUInt(1) << bits
        case 1: magnitude = (BigUInt(1) << bits) - 1
        case 2: magnitude = BigUInt(below(3))
        default:
            var words: [UInt] = []
            for _ in 0..<(bits + 63) / 64 { words.append(UInt(next())) }
            magnitude = BigUInt(words: words) & ((BigUInt(1) << bits) - 1)
            if bits > 0 { magnitude |= BigUInt(1) << (bits - 1) }
        }
        return chance(1, in: 2) ? -BigInt(magnitude) : BigInt(magnitude)
    }
}

/// The value of a BigInteger as the oracle reads it (via its decimal text, parsed by attaswift).
func oracleValue(_ x: BigInteger) -> BigInt { BigInt(x.description, radix: 10)! }

/// A BigInteger with the oracle's value, built from 256-bit limbs through `init(UInt256)`,
/// shifts, additions and negation (so that parsing is not the only way in).
func bigInteger(fromLimbs value: BigInt) -> BigInteger {
    var result = BigInteger.zero
    var rest = value.magnitude
    var shift = 0
    while !rest.isZero {
        let chunk = u256Wrapping(rest)
        result += BigInteger(chunk) << shift
        rest >>= 256
        shift += 256
    }
    return value < 0 ? -result : result
}

/// ⌊A / 2^k⌋ for any size (toward −∞).
func oracleFloorShiftAnySize(_ A: BigInt, _ k: Int) -> BigInt {
    let q = A.magnitude >> k
    if A >= 0 { return BigInt(q) }
    return -BigInt((q << k) == A.magnitude ? q : q + 1)
}

/// The double of |A| truncated to 53 significant bits (toward zero), with A's sign (mpz_get_d).
func oracleTruncatedDouble(_ A: BigInt) -> Double {
    let m = A.magnitude, bits = m.bitWidth
    let value = bits <= 53 ? Double(UInt64(m)) : Double(sign: .plus, exponent: bits - 53, significand: Double(UInt64(m >> (bits - 53))))
    return A < 0 ? -value : value
}

final class BigIntegerTests: XCTestCase {
    // MARK: Arithmetic against the oracle

    func testArithmeticMatchesOracle() {
        let cases = 1_500
        let m = runRandomCases("BigInteger arithmetic", seed: 0x7001, cases: cases) { rng, i, m in
            let A = rng.bigInt(), B = i % 10 == 0 ? rng.bigInt(maxBits: 64) : rng.bigInt()
            let x = BigInteger(A.description)!, y = i % 2 == 0 ? BigInteger(B.description)! : bigInteger(fromLimbs: B)
            m.check(oracleValue(x) == A && oracleValue(y) == B, "conversion of \(A), \(B)")
            m.check(oracleValue(x + y) == A + B, "\(A) + \(B)")
            m.check(oracleValue(x - y) == A - B, "\(A) - \(B)")
            m.check(oracleValue(x * y) == A * B, "\(A) * \(B)")
            m.check(oracleValue(-x) == -A && oracleValue(x.magnitude) == BigInt(A.magnitude), "-\(A), |\(A)|")
            m.check(x.signum == A.signum() && x.isNegative == (A < 0), "\(A).signum")
            m.check((x < y) == (A < B) && (x == y) == (A == B) && (x > y) == (A > B) && (x <= y) == (A <= B),
                    "compare \(A), \(B)")
            if B.isZero {
                m.check(outcome { try x / y } == .failure(.divisionByZero), "\(A) / 0")
            } else {
                let (q, r) = oracleTruncatingDivision(A, B)
                var fq = q, fr = r // floor: adjust when the remainder's sign differs from the divisor's
                if !r.isZero && (r < 0) != (B < 0) { fq -= 1; fr += B }
                m.check(outcome { oracleValue(try x / y) } == .success(q), "\(A) / \(B)")
                m.check(outcome { oracleValue(try x % y) } == .success(r), "\(A) % \(B)")
                let tqr = outcome { try x.quotientAndRemainder(dividingBy: y) }
                let fqr = outcome { try x.flooredQuotientAndRemainder(dividingBy: y) }
                if case .success(let t) = tqr, case .success(let f) = fqr {
                    m.check(oracleValue(t.quotient) == q && oracleValue(t.remainder) == r, "\(A).quotientAndRemainder(\(B))")
                    m.check(oracleValue(f.quotient) == fq && oracleValue(f.remainder) == fr, "\(A).flooredQuotientAndRemainder(\(B))")
                } else {
                    m.check(false, "division of \(A) by \(B) threw")
                }
            }
            let k = rng.below(601) - 300
            m.check(oracleValue(x << k) == (k >= 0 ? A << k : oracleFloorShiftAnySize(A, -k)), "\(A) << \(k)")
            let e = rng.below(4)
            m.check(oracleValue(x.power(UInt(e))) == A.power(e), "\(A) ** \(e)")
            m.check(x.doubleValue == oracleTruncatedDouble(A), "\(A).doubleValue")
            // Compound assignment on a fresh value and on one whose box is shared.
            var sum = x; sum += y
            var difference = x; difference -= y
            var product = x; product *= y
            m.check(oracleValue(sum) == A + B && oracleValue(difference) == A - B && oracleValue(product) == A * B,
                    "compound \(A), \(B)")
            m.check(oracleValue(x) == A, "compound assignment changed its source \(A)")
            // Equal values hash equally.
            m.check(x.hashValue == BigInteger(A.description)!.hashValue, "hash of \(A)")
        }
        m.finish(minimumCases: cases * 14)
    }

    func testTextMatchesOracleDescription() {
        var rng = SplitMix64(seed: 0x7002)
        for _ in 0..<500 {
            let A = rng.bigInt()
            let text = A.description
            let x = BigInteger(text)
            XCTAssertEqual(x?.description, text)
            XCTAssertEqual(bigInteger(fromLimbs: A).description, text)
            if A >= 0 { XCTAssertEqual(BigInteger("+" + text)?.description, text) }
            XCTAssertEqual(BigInteger((A < 0 ? "-000" : "000") + A.magnitude.description)?.description, text)
        }
        let thousandDigits = "9" + String(repeating: "0", count: 999)
        XCTAssertEqual(BigInteger(thousandDigits)?.description, thousandDigits)
        XCTAssertEqual(BigInteger("-0")?.description, "0")
        XCTAssertEqual(BigInteger("-0")?.signum, 0)
        for bad in ["", "+", "-", "--1", "+-1", "1a", " 1", "1 ", "0x10", "1.0", "1_000", "1e3"] {
            XCTAssertNil(BigInteger(bad), "\"\(bad)\"")
        }
    }

    func testSmallInitialisersAndLiterals() {
        for v in [0, 1, -1, Int.max, Int.min, 1 << 40, -(1 << 40)] {
            XCTAssertEqual(oracleValue(BigInteger(v)), BigInt(v))
        }
        let literal: BigInteger = -12_345
        XCTAssertEqual(oracleValue(literal), -12_345)
        XCTAssertEqual(BigInteger.zero.description, "0")
        XCTAssertEqual(BigInteger().signum, 0)
    }

    func testCodableRoundTrip() throws {
        var rng = SplitMix64(seed: 0x7003)
        let values = (0..<50).map { _ in BigInteger(rng.bigInt().description)! }
        let data = try JSONEncoder().encode(values)
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "[" + values.map { "\"\(oracleValue($0))\"" }.joined(separator: ",") + "]")
        XCTAssertEqual(try JSONDecoder().decode([BigInteger].self, from: data), values)
        XCTAssertThrowsError(try JSONDecoder().decode([BigInteger].self, from: Data(#"["12x"]"#.utf8))) { error in
            XCTAssertTrue(error is DecodingError, "\(error)")
        }
    }

    // MARK: Copy on write

    func testMutatingACopyNeverChangesTheOriginal() {
        let original = BigInteger("123456789012345678901234567890123456789")!
        var copy = original
        copy += BigInteger(1)
        XCTAssertEqual(original.description, "123456789012345678901234567890123456789")
        XCTAssertEqual(copy.description, "123456789012345678901234567890123456790")
        var copy2 = original
        copy2 -= original
        XCTAssertEqual(copy2.description, "0")
        XCTAssertEqual(original.description, "123456789012345678901234567890123456789")
        var copy3 = original
        copy3 *= BigInteger(-2)
        XCTAssertEqual(copy3.description, "-246913578024691357802469135780246913578")
        XCTAssertEqual(original.description, "123456789012345678901234567890123456789")
        // Copies in a collection.
        var array = [original, original]
        array[0] += original
        XCTAssertEqual(array[0].description, "246913578024691357802469135780246913578")
        XCTAssertEqual(array[1].description, "123456789012345678901234567890123456789")
        XCTAssertEqual(original.description, "123456789012345678901234567890123456789")
    }

    func testCompoundAssignmentWithItselfAndSharedValues() {
        var x = BigInteger(21)
        x += x
        XCTAssertEqual(x.description, "42")
        x *= x
        XCTAssertEqual(x.description, "1764")
        x -= x
        XCTAssertEqual(x.description, "0")
        // `+=` on a shared value, repeatedly, from many copies: each copy evolves on its own.
        let base = BigInteger("1" + String(repeating: "0", count: 100))!
        var copies = Array(repeating: base, count: 5)
        for i in copies.indices { for _ in 0...i { copies[i] += base } }
        for (i, copy) in copies.enumerated() {
            XCTAssertEqual(oracleValue(copy), oracleValue(base) * BigInt(i + 2))
        }
        XCTAssertEqual(oracleValue(base), BigInt(10).power(100))
        // A value mutated after being captured in an aggregate leaves the aggregate intact.
        var running = BigInteger.zero
        var history: [BigInteger] = []
        for step in 1...20 {
            running += BigInteger(step)
            history.append(running)
        }
        XCTAssertEqual(history.map { oracleValue($0) }, (1...20).map { BigInt($0 * ($0 + 1) / 2) })
    }

    // MARK: Range conversions

    func testUInt256AndInt256RangeEdges() {
        let max256 = BigInteger(UInt256.max)
        XCTAssertEqual(oracleValue(max256), BigInt(uint256MaxOracle))
        XCTAssertEqual(max256.uint256Value, .max)
        XCTAssertNil((max256 + BigInteger(1)).uint256Value)
        XCTAssertEqual(BigInteger(0).uint256Value, 0)
        XCTAssertNil(BigInteger(-1).uint256Value)
        XCTAssertEqual(BigInteger(-1).magnitude.uint256Value, 1)
        let int256Max = BigInteger(Int256.max), int256Min = BigInteger(Int256.min)
        XCTAssertEqual(oracleValue(int256Max), int256MaxOracle)
        XCTAssertEqual(oracleValue(int256Min), int256MinOracle)
        XCTAssertEqual(int256Max.int256Value, .max)
        XCTAssertEqual(int256Min.int256Value, .min)
        XCTAssertNil((int256Max + BigInteger(1)).int256Value)
        XCTAssertNil((int256Min - BigInteger(1)).int256Value)
        XCTAssertEqual(BigInteger(-1).int256Value, -1)
        XCTAssertNil(max256.int256Value)
        XCTAssertEqual(int256Max.uint256Value, Int256.max.bitPattern)
        XCTAssertNil(int256Min.uint256Value)
    }

    func testRangeConversionsMatchOracle() {
        var rng = SplitMix64(seed: 0x7004)
        var m = Mismatches("BigInteger range conversions")
        for i in 0..<5_000 {
            // Values clustered around the 256-bit boundaries.
            let A: BigInt
            switch i % 3 {
            case 0: A = BigInt(BigUInt(rng.uint256())) * (rng.chance(1, in: 2) ? -1 : 1)
            case 1: A = BigInt(int256EdgeSet[rng.below(int256EdgeSet.count)]) + BigInt(rng.below(5) - 2)
            default: A = (rng.chance(1, in: 2) ? BigInt(two256) : -BigInt(two256)) + BigInt(rng.below(5) - 2)
            }
            let x = bigInteger(fromLimbs: A)
            let expectedUnsignedValue: UInt256? = A >= 0 && A <= BigInt(uint256MaxOracle) ? u256(A.magnitude) : nil
            let expectedSignedValue: Int256? = A >= int256MinOracle && A <= int256MaxOracle ? i256(A) : nil
            m.check(x.uint256Value == expectedUnsignedValue, "\(A).uint256Value")
            m.check(x.int256Value == expectedSignedValue, "\(A).int256Value")
            if let v = expectedSignedValue { m.check(oracleValue(BigInteger(v)) == A, "BigInteger(Int256 \(A))") }
        }
        m.finish(minimumCases: 10_000)
    }

    // MARK: Division by zero

    func testDivisionByZeroThrows() {
        for value in [BigInteger(0), BigInteger(7), BigInteger(-7), BigInteger(UInt256.max)] {
            XCTAssertReverts({ try value / BigInteger(0) }, .divisionByZero)
            XCTAssertReverts({ try value % BigInteger(0) }, .divisionByZero)
            XCTAssertReverts({ try value.quotientAndRemainder(dividingBy: .zero) }, .divisionByZero)
            XCTAssertReverts({ try value.flooredQuotientAndRemainder(dividingBy: BigInteger("-0")!) }, .divisionByZero)
        }
    }
}
