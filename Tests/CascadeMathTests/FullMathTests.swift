// Tests of FullMath (FullMath.swift) against Uniswap v3-core's own test vectors and the exact
// formula evaluated with BigUInt.
//
// Source vectors: Uniswap/v3-core `test/FullMath.spec.ts` (repo HEAD d8b1c635, file last change
// 3face0c8), as collected in /work/helpers/math-notes.md §6. On chain every revert is an empty
// `require`; the model distinguishes `.divisionByZero` (denominator 0) from `.overflow`
// (result ≥ 2²⁵⁶).
import BigInt
import CascadeMath
import XCTest

private let Q128 = pow2(128)
private let MAX = UInt256.max

/// ⌊a·b/d⌋ and ⌈a·b/d⌉ exactly, with the reverts of FullMath: d == 0 → division by zero,
/// result > 2²⁵⁶ − 1 → overflow.
func oracleMulDiv(_ A: BigUInt, _ B: BigUInt, _ D: BigUInt, roundingUp: Bool) -> Result<UInt256, Revert> {
    if D.isZero { return .failure(.divisionByZero) }
    let (q, r) = (A * B).quotientAndRemainder(dividingBy: D)
    return expectedUnsigned(roundingUp && !r.isZero ? q + 1 : q)
}

final class FullMathTests: XCTestCase {
    // MARK: FullMath.spec.ts — mulDiv

    func testMulDivSpecVectors() throws {
        // FullMath.spec.ts "#mulDiv": reverts if denominator is 0
        XCTAssertReverts({ try FullMath.mulDiv(Q128, 5, 0) }, .divisionByZero)
        // "reverts if denominator is 0 and numerator overflows"
        XCTAssertReverts({ try FullMath.mulDiv(Q128, Q128, 0) }, .divisionByZero)
        // "reverts if output overflows uint256"
        XCTAssertReverts({ try FullMath.mulDiv(Q128, Q128, 1) }, .overflow)
        // "reverts on overflow with all max inputs"
        XCTAssertReverts({ try FullMath.mulDiv(MAX, MAX, MAX - 1) }, .overflow)
        // "all max inputs"
        XCTAssertReturns({ try FullMath.mulDiv(MAX, MAX, MAX) }, MAX)
        // "accurate without phantom overflow": mulDiv(Q128, 50·Q128/100, 150·Q128/100) = Q128/3
        let third = try Q128 / 3
        XCTAssertReturns({ try FullMath.mulDiv(Q128, Q128 * 50 / 100, Q128 * 150 / 100) }, third)
        XCTAssertReturns({ try FullMath.mulDiv(Q128, Q128 * 50 / 100, Q128 * 150 / 100) },
                         U("113427455640312821154458202477256070485"))
        // "accurate with phantom overflow": mulDiv(Q128, 35·Q128, 8·Q128) = 4375·Q128/1000
        let q4375 = try Q128 * 4375 / 1000
        XCTAssertReturns({ try FullMath.mulDiv(Q128, Q128 * 35, Q128 * 8) }, q4375)
        XCTAssertReturns({ try FullMath.mulDiv(Q128, Q128 * 35, Q128 * 8) },
                         U("1488735355279105777652263907513985925120"))
        // "accurate with phantom overflow and repeating decimal": mulDiv(Q128, 1000·Q128, 3000·Q128) = Q128/3
        XCTAssertReturns({ try FullMath.mulDiv(Q128, Q128 * 1000, Q128 * 3000) }, third)
    }

    // MARK: FullMath.spec.ts — mulDivRoundingUp

    func testMulDivRoundingUpSpecVectors() throws {
        XCTAssertReverts({ try FullMath.mulDivRoundingUp(Q128, 5, 0) }, .divisionByZero)
        XCTAssertReverts({ try FullMath.mulDivRoundingUp(Q128, Q128, 0) }, .divisionByZero)
        XCTAssertReverts({ try FullMath.mulDivRoundingUp(Q128, Q128, 1) }, .overflow)
        XCTAssertReverts({ try FullMath.mulDivRoundingUp(MAX, MAX, MAX - 1) }, .overflow)
        XCTAssertReturns({ try FullMath.mulDivRoundingUp(MAX, MAX, MAX) }, MAX)
        XCTAssertReturns({ try FullMath.mulDivRoundingUp(Q128, Q128 * 50 / 100, Q128 * 150 / 100) },
                         U("113427455640312821154458202477256070486")) // Q128/3 + 1
        let q4375 = try Q128 * 4375 / 1000, thirdUp = try Q128 / 3 + 1
        XCTAssertReturns({ try FullMath.mulDivRoundingUp(Q128, Q128 * 35, Q128 * 8) }, q4375)
        XCTAssertReturns({ try FullMath.mulDivRoundingUp(Q128, Q128 * 1000, Q128 * 3000) }, thirdUp)
    }

    /// FullMath.spec.ts "reverts if mulDiv overflows 256 bits after rounding up" (both cases):
    /// the floor is exactly 2²⁵⁶ − 1 with a non-zero remainder (derived), so `mulDiv` is right at
    /// its boundary and passes, while only the rounding step of `mulDivRoundingUp` reverts.
    func testRoundingUpRevertsExactlyAtTheFloorBoundary() {
        let cases: [(UInt256, UInt256, UInt256)] = [
            (535_006_138_814_359, U("432862656469423142931042426214547535783388063929571229938474969"), 2),
            (U("115792089237316195423570985008687907853269984659341747863450311749907997002549"),
             U("115792089237316195423570985008687907853269984659341747863450311749907997002550"),
             U("115792089237316195423570985008687907853269984653042931687443039491902864365164")),
        ]
        for (a, b, d) in cases {
            XCTAssertReturns({ try FullMath.mulDiv(a, b, d) }, MAX)
            XCTAssertReverts({ try FullMath.mulDivRoundingUp(a, b, d) }, .overflow)
            let (q, r) = (BigUInt(a) * BigUInt(b)).quotientAndRemainder(dividingBy: BigUInt(d))
            XCTAssertEqual(q, uint256MaxOracle)
            XCTAssertFalse(r.isZero)
            XCTAssertReturns({ try FullMath.mulDivRemainder(a, b, d).remainder }, u256(r))
        }
    }

    /// Derived boundaries: for fixed a > d, the largest b whose floor (ceil) quotient fits passes
    /// and b + 1 reverts with `.overflow`. Also the denominator boundary d = high(a·b) (reverts)
    /// versus d = high(a·b) + 1 (passes) of the 512-bit path.
    func testDerivedOverflowBoundaries() {
        let pairs: [(UInt256, UInt256)] = [(Q128 &* 3, Q128 &- 1), (MAX, MAX &- 1), (pow10(40), 7), (pow2(200), pow2(199, plus: 1))]
        for (a, d) in pairs {
            let A = BigUInt(a), D = BigUInt(d)
            let bFloor = u256((two256 * D - 1) / A) // largest b with ⌊a·b/d⌋ ≤ 2^256 − 1
            let bCeil = u256(uint256MaxOracle * D / A) // largest b with ⌈a·b/d⌉ ≤ 2^256 − 1
            XCTAssertEqual(outcome { try FullMath.mulDiv(a, bFloor, d) }, oracleMulDiv(A, BigUInt(bFloor), D, roundingUp: false))
            XCTAssertNoThrow(try FullMath.mulDiv(a, bFloor, d))
            XCTAssertReverts({ try FullMath.mulDiv(a, bFloor &+ 1, d) }, .overflow)
            XCTAssertEqual(outcome { try FullMath.mulDivRoundingUp(a, bCeil, d) }, oracleMulDiv(A, BigUInt(bCeil), D, roundingUp: true))
            XCTAssertNoThrow(try FullMath.mulDivRoundingUp(a, bCeil, d))
            XCTAssertReverts({ try FullMath.mulDivRoundingUp(a, bCeil &+ 1, d) }, .overflow)
        }
        var rng = SplitMix64(seed: 0xF0)
        for _ in 0..<2_000 {
            let a = rng.uint256(bitLength: 129 + rng.below(128)), b = rng.uint256(bitLength: 129 + rng.below(128))
            let high = a.multipliedFullWidth(by: b).high
            guard !high.isZero, high != MAX else { continue }
            XCTAssertReverts({ try FullMath.mulDiv(a, b, high) }, .overflow)
            XCTAssertEqual(outcome { try FullMath.mulDiv(a, b, high &+ 1) },
                           oracleMulDiv(BigUInt(a), BigUInt(b), BigUInt(high) + 1, roundingUp: false))
        }
    }

    // MARK: Random differential against the formula

    func testMulDivMatchesFormula() {
        let cases = 20_000
        let m = runRandomCases("FullMath", seed: 0xF11, cases: cases) { rng, i, m in
            let a = rng.uint256(), b = rng.uint256()
            let A = BigUInt(a), B = BigUInt(b)
            let product = A * B
            let d: UInt256
            switch i % 4 {
            case 0: d = rng.uint256()
            case 1: d = u256Wrapping(product >> 256) &+ UInt256(UInt64(rng.below(3))) &- 1 // the 512-bit boundary
            case 2: d = UInt256(rng.next() >> UInt64(rng.below(64)))
            default: d = i % 400 == 3 ? 0 : rng.uint256(bitLength: 1 + rng.below(256))
            }
            // ⌊a·b/d⌋, ⌈a·b/d⌉ and a·b mod d from one exact division; d == 0 → division by
            // zero, a quotient (or its ceiling) above 2^256 − 1 → overflow.
            let floor: Result<UInt256, Revert>, ceiling: Result<UInt256, Revert>, exactRemainder: BigUInt
            if d.isZero {
                (floor, ceiling, exactRemainder) = (.failure(.divisionByZero), .failure(.divisionByZero), 0)
            } else {
                let (q, r) = product.quotientAndRemainder(dividingBy: BigUInt(d))
                (floor, ceiling, exactRemainder) = (expectedUnsigned(q), expectedUnsigned(r.isZero ? q : q + 1), r)
            }
            if case .failure = floor { m.tally("revert") }
            m.check(outcome { try FullMath.mulDiv(a, b, d) } == floor, "mulDiv(\(a), \(b), \(d))")
            m.check(outcome { try FullMath.mulDivRoundingUp(a, b, d) } == ceiling, "mulDivRoundingUp(\(a), \(b), \(d))")
            let remainder = outcome { try FullMath.mulDivRemainder(a, b, d) }
            switch (remainder, floor) {
            case (.success(let v), .success(let q)):
                m.check(v.quotient == q && BigUInt(v.remainder) == exactRemainder, "mulDivRemainder(\(a), \(b), \(d))")
            case (.failure(let e), .failure(let expected)):
                m.check(e == expected, "mulDivRemainder(\(a), \(b), \(d)) threw \(e)")
            default:
                m.check(false, "mulDivRemainder(\(a), \(b), \(d)) gave \(remainder), expected \(floor)")
            }
        }
        m.finish(minimumCases: cases * 3)
        XCTAssertGreaterThan(m[tally: "revert"], cases / 10)
        XCTAssertLessThan(m[tally: "revert"], cases * 9 / 10)
    }
}
