// Tests of TwoLimbDivisor (TwoLimbDivisor.swift): the reciprocal against its definition
// (Möller & Granlund 2011, ⌊(2¹⁹² − 1) / d⌋ − 2⁶⁴ for the normalised d) evaluated with BigUInt,
// and the division of UInt256 by two-limb divisors — directly and through
// `quotientAndRemainder(dividingBy: UInt256)`, `/` and `%` — against BigUInt.
import BigInt
import CascadeMath
import XCTest

extension SplitMix64 {
    /// A divisor of 65 to 128 bits (non-zero high limb), biased toward the edges of the 3/2
    /// division: high limbs 1, 2⁶³ − 1, 2⁶³, 2⁶³ + 1, 2⁶⁴ − 1; low limbs 0, 1, 2⁶³, 2⁶⁴ − 1;
    /// DeFi divisors (10¹⁹…10³⁸, rays and indexes just above one ray); random bit lengths.
    mutating func twoLimbDivisor() -> UInt256 {
        let highs: [UInt64] = [1, 2, 3, (1 << 63) - 1, 1 << 63, (1 << 63) + 1, .max, .max - 1]
        let lows: [UInt64] = [0, 1, 2, (1 << 63) - 1, 1 << 63, .max, .max - 1]
        switch below(8) {
        case 0:
            return UInt256(w0: lows[below(lows.count)], w1: highs[below(highs.count)], w2: 0, w3: 0)
        case 1:
            return UInt256(w0: next(), w1: highs[below(highs.count)], w2: 0, w3: 0)
        case 2:
            return UInt256(w0: lows[below(lows.count)], w1: next() | 1, w2: 0, w3: 0)
        case 3:
            return pow10(20 + below(19))   // 10²⁰ … 10³⁸: two limbs
        case 4:
            // An index: one ray plus up to 2⁸⁰ (a liquidity or borrow index after years of interest).
            return pow10(27) &+ UInt256(w0: next(), w1: next() >> UInt64(48 + below(16)), w2: 0, w3: 0)
        default:
            let bits = 65 + below(64)
            let high = (next() >> UInt64(128 - bits)) | (UInt64(1) << UInt64(bits - 65))
            return UInt256(w0: next(), w1: high, w2: 0, w3: 0)
        }
    }
}

/// The normalised divisor and reciprocal by definition.
func oracleTwoLimbDivisorFields(_ d: UInt256) -> (high: UInt64, low: UInt64, shift: UInt64, reciprocal: UInt64) {
    var shift: UInt64 = 0
    var normalized = BigUInt(d)
    while normalized < (BigUInt(1) << 127) { normalized <<= 1; shift += 1 }
    let reciprocal = ((BigUInt(1) << 192) - 1) / normalized - (BigUInt(1) << 64)
    let limbs = lowLimbs(normalized)
    return (limbs.1, limbs.0, shift, UInt64(reciprocal))
}

final class TwoLimbDivisorTests: XCTestCase {
    func testInitialiserMatchesDefinition() {
        var rng = SplitMix64(seed: 0x2D1)
        var m = Mismatches("TwoLimbDivisor.init")
        for _ in 0..<20_000 {
            let d = rng.twoLimbDivisor()
            let divisor = TwoLimbDivisor(high: d.w1, low: d.w0)
            let oracle = oracleTwoLimbDivisorFields(d)
            m.check(divisor.high == oracle.high && divisor.low == oracle.low && divisor.shift == oracle.shift
                        && divisor.reciprocal == oracle.reciprocal, "TwoLimbDivisor(\(d))")
            m.check(divisor.divisor.high == d.w1 && divisor.divisor.low == d.w0, "TwoLimbDivisor(\(d)).divisor")
        }
        m.finish(minimumCases: 40_000)
    }

    func testQuotientAndRemainderMatchesOracle() {
        let m = runRandomCases("quotientAndRemainder(dividingBy: TwoLimbDivisor)", seed: 0x2D2, cases: uint256RandomCases) { rng, _, m in
            let a = rng.uint256()
            let d = rng.twoLimbDivisor()
            let (Q, R) = BigUInt(a).quotientAndRemainder(dividingBy: BigUInt(d))
            let (q, r) = a.quotientAndRemainder(dividingBy: TwoLimbDivisor(high: d.w1, low: d.w0))
            m.check(q == u256(Q) && r == u256(R), "\(a) divmod \(d)")
            // The general division takes this path for every two-limb divisor.
            checkDivision(a, d, BigUInt(a), BigUInt(d), &m)
        }
        m.finish(minimumCases: uint256RandomCases * 4)
    }

    /// DeFi-shaped dividends: an amount times a ray, divided by an index — Aave's `rayDiv`.
    func testRayDividedByIndexesMatchesOracle() {
        let m = runRandomCases("amount·RAY / index", seed: 0x2D3, cases: uint256RandomCases) { rng, _, m in
            let amount = UInt256(w0: rng.next(), w1: rng.next() >> UInt64(rng.below(64)), w2: 0, w3: 0)
            let a = amount &* pow10(27)
            let d = rng.twoLimbDivisor()
            let (Q, R) = BigUInt(a).quotientAndRemainder(dividingBy: BigUInt(d))
            let (q, r) = a.quotientAndRemainder(dividingBy: TwoLimbDivisor(high: d.w1, low: d.w0))
            m.check(q == u256(Q) && r == u256(R), "\(a) divmod \(d)")
        }
        m.finish(minimumCases: uint256RandomCases)
    }

    /// Every edge dividend against every edge divisor: dividends below, equal to and just above
    /// the divisor, all-ones limbs (the largest quotient limbs), and the quotient step skipping.
    func testEdgeDividendsAndDivisors() {
        var m = Mismatches("TwoLimbDivisor edges")
        let highs: [UInt64] = [1, 2, (1 << 63) - 1, 1 << 63, (1 << 63) + 1, .max]
        let lows: [UInt64] = [0, 1, (1 << 63), .max]
        var cases = 0
        for h in highs {
            for l in lows {
                let d = UInt256(w0: l, w1: h, w2: 0, w3: 0)
                let dividends = uint256EdgeSet + [
                    d, d &- 1, d &+ 1, d &* d, (d &* d) &- 1, pow2(192), pow2(192, plus: -1), pow2(128, plus: -1),
                    pow10(77), UInt256(w0: .max, w1: .max, w2: .max, w3: 0), UInt256(w0: 0, w1: h, w2: h, w3: h),
                ]
                for a in dividends {
                    let (Q, R) = BigUInt(a).quotientAndRemainder(dividingBy: BigUInt(d))
                    let (q, r) = a.quotientAndRemainder(dividingBy: TwoLimbDivisor(high: h, low: l))
                    m.check(q == u256(Q) && r == u256(R), "\(a) divmod \(d)")
                    cases += 1
                }
            }
        }
        m.finish(minimumCases: cases)
        // Spelled out: divmod(2^256 − 1, 10^27) and divmod(10^45, 1.05·10^27), computed with
        // Python's integers.
        let ray = TwoLimbDivisor(high: pow10(27).w1, low: pow10(27).w0)
        let (q, r) = UInt256.max.quotientAndRemainder(dividingBy: ray)
        XCTAssertEqual(q, U("115792089237316195423570985008687907853269984665640"))
        XCTAssertEqual(r, U("564039457584007913129639935"))
        let index = U("1050000000000000000000000000")
        let (q2, r2) = pow10(45).quotientAndRemainder(dividingBy: TwoLimbDivisor(high: index.w1, low: index.w0))
        XCTAssertEqual(q2, U("952380952380952380"))
        XCTAssertEqual(r2, U("1000000000000000000000000000"))
    }
}
