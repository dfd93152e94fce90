// Tests of LimbDivisor (LimbDivisor.swift): the precomputed constants against the runtime
// initialiser and against the definition (Möller & Granlund 2011, Algorithm 4) evaluated with
// BigUInt, and UInt256.quotientAndRemainder(dividingBy: LimbDivisor) against BigUInt.
import BigInt
import CascadeMath
import XCTest

/// The fields of a divisor by definition: normalised = d·2^s with the top bit set,
/// reciprocal = ⌊(2¹²⁸ − 1) / normalised⌋ − 2⁶⁴.
func oracleLimbDivisorFields(_ d: UInt64) -> (normalized: UInt64, shift: UInt64, reciprocal: UInt64) {
    var shift: UInt64 = 0
    var normalized = BigUInt(d)
    while normalized < (BigUInt(1) << 63) { normalized <<= 1; shift += 1 }
    let reciprocal = ((BigUInt(1) << 128) - 1) / normalized - (BigUInt(1) << 64)
    return (UInt64(normalized), shift, UInt64(reciprocal))
}

extension SplitMix64 {
    /// A non-zero 64-bit divisor biased toward edges: 1, 2, powers of two and ten, 2⁶⁴ − 1,
    /// values just below and above 2⁶³, and random values of every bit length.
    mutating func limbDivisor() -> UInt64 {
        switch below(10) {
        case 0: return limbDivisorEdges[below(limbDivisorEdges.count)]
        case 1: return UInt64(1) << UInt64(below(64))
        case 2: return pow10Limbs[below(pow10Limbs.count)]
        default:
            let bits = 1 + below(64)
            return (next() >> UInt64(64 - bits)) | (UInt64(1) << UInt64(bits - 1))
        }
    }
}

let limbDivisorEdges: [UInt64] = [1, 2, 3, 7, 10, 1 << 63, (1 << 63) - 1, (1 << 63) + 1, .max, .max - 1]
let pow10Limbs: [UInt64] = (0...19).map { k in (0..<k).reduce(UInt64(1)) { acc, _ in acc * 10 } }

final class LimbDivisorTests: XCTestCase {
    func testConstantsEqualRuntimeInitialiserAndDefinition() {
        let constants: [(LimbDivisor, UInt64, String)] = [
            (.e18, 1_000_000_000_000_000_000, "e18"),
            (.e9, 1_000_000_000, "e9"),
            (.e19, 10_000_000_000_000_000_000, "e19"),
            (.e4, 10_000, "e4"),
        ]
        for (constant, d, name) in constants {
            let runtime = LimbDivisor(d)
            XCTAssertEqual(constant.normalized, runtime.normalized, "\(name).normalized")
            XCTAssertEqual(constant.shift, runtime.shift, "\(name).shift")
            XCTAssertEqual(constant.reciprocal, runtime.reciprocal, "\(name).reciprocal")
            XCTAssertEqual(constant, runtime, name)
            XCTAssertEqual(constant.divisor, d, "\(name).divisor")
            let oracle = oracleLimbDivisorFields(d)
            XCTAssertEqual(constant.normalized, oracle.normalized, "\(name).normalized vs definition")
            XCTAssertEqual(constant.shift, oracle.shift, "\(name).shift vs definition")
            XCTAssertEqual(constant.reciprocal, oracle.reciprocal, "\(name).reciprocal vs definition")
        }
    }

    func testRuntimeInitialiserMatchesDefinition() {
        var rng = SplitMix64(seed: 0x11D)
        var m = Mismatches("LimbDivisor.init")
        for _ in 0..<5_000 {
            let d = rng.limbDivisor()
            let divisor = LimbDivisor(d)
            let oracle = oracleLimbDivisorFields(d)
            m.check(divisor.normalized == oracle.normalized && divisor.shift == oracle.shift
                        && divisor.reciprocal == oracle.reciprocal && divisor.divisor == d, "LimbDivisor(\(d))")
        }
        m.finish(minimumCases: 5_000)
    }

    func testQuotientAndRemainderMatchesOracle() {
        let m = runRandomCases("quotientAndRemainder(dividingBy: LimbDivisor)", seed: 0x11E, cases: uint256RandomCases) { rng, i, m in
            let constants: [LimbDivisor] = [.e18, .e9, .e19, .e4]
            let a = rng.uint256()
            let divisor = i % 4 == 0 ? constants[rng.below(4)] : LimbDivisor(rng.limbDivisor())
            let (Q, R) = BigUInt(a).quotientAndRemainder(dividingBy: BigUInt(divisor.divisor))
            let (q, r) = a.quotientAndRemainder(dividingBy: divisor)
            m.check(q == u256(Q) && BigUInt(r) == R, "\(a) divmod \(divisor.divisor)")
        }
        m.finish(minimumCases: uint256RandomCases)
    }

    /// Every edge dividend against every edge divisor, including the largest quotient digit
    /// (dividend limbs of all ones) and dividends below the divisor.
    func testEdgeDividendsAndDivisors() {
        var m = Mismatches("LimbDivisor edges")
        let divisors: [UInt64] = [1, 2, 3, 10, 10_000, 1_000_000_000, 1_000_000_000_000_000_000,
                                  10_000_000_000_000_000_000, 1 << 63, (1 << 63) - 1, (1 << 63) + 1, .max, .max - 1]
        let dividends = uint256EdgeSet + [pow2(192), pow2(192, plus: -1), pow2(128, plus: -1), pow10(77), UInt256(UInt64.max - 1)]
        for d in divisors {
            let divisor = LimbDivisor(d)
            for a in dividends {
                let (Q, R) = BigUInt(a).quotientAndRemainder(dividingBy: BigUInt(d))
                let (q, r) = a.quotientAndRemainder(dividingBy: divisor)
                m.check(q == u256(Q) && BigUInt(r) == R, "\(a) divmod \(d)")
            }
        }
        m.finish(minimumCases: divisors.count * dividends.count)
        // Spelled out: divmod(2^256 − 1, 10^19), computed with Python's integers.
        let (q, r) = UInt256.max.quotientAndRemainder(dividingBy: LimbDivisor.e19)
        XCTAssertEqual(q, U("11579208923731619542357098500868790785326998466564056403945"))
        XCTAssertEqual(r, 7_584_007_913_129_639_935)
    }
}
