// Tests of Rounding and UInt256.divided(by:rounding:) (Rounding.swift) against the formulas of
// its doc table, evaluated with BigUInt:
//   .down   ⌊n/d⌋
//   .halfUp ⌊(n + ⌊d/2⌋)/d⌋, reverting `.overflow` when n + ⌊d/2⌋ > 2²⁵⁶ − 1
//   .up     ⌈n/d⌉
// and `.divisionByZero` for d == 0 in every mode.
import BigInt
import CascadeMath
import XCTest

func oracleDivided(_ N: BigUInt, _ D: BigUInt, _ rounding: Rounding) -> Result<UInt256, Revert> {
    if D.isZero { return .failure(.divisionByZero) }
    switch rounding {
    case .down: return .success(u256(N / D))
    case .halfUp: return expectedUnsigned(N + D / 2 > uint256MaxOracle ? N + D / 2 : (N + D / 2) / D)
    case .up: return .success(u256((N + D - 1) / D))
    }
}

final class RoundingTests: XCTestCase {
    func testCasesAreTheThreeOfTheTable() {
        XCTAssertEqual(Rounding.allCases, [.down, .halfUp, .up])
    }

    func testDividedMatchesFormula() {
        let cases = 15_000
        let m = runRandomCases("divided(by:rounding:)", seed: 0x20D, cases: cases) { rng, i, m in
            var n = rng.uint256()
            let d = i % 5 == 0 ? UInt256(UInt64(rng.below(4))) : rng.uint256()
            if i % 3 == 0 { n = UInt256.max &- (d >> 1) &+ UInt256(UInt64(rng.below(3))) &- 1 } // the half-up boundary
            let N = BigUInt(n), D = BigUInt(d)
            for rounding in Rounding.allCases {
                m.check(outcome { try n.divided(by: d, rounding: rounding) } == oracleDivided(N, D, rounding),
                        "\(n).divided(by: \(d), rounding: .\(rounding))")
            }
        }
        m.finish(minimumCases: cases * 3)
    }

    func testHalfUpBoundaryAndTies() {
        // n + ⌊d/2⌋ == 2^256 − 1 passes; one more reverts. .down and .up never overflow.
        for d: UInt256 in [2, 3, 10, pow10(18), pow10(27), .max] {
            let n = UInt256.max &- (d >> 1)
            XCTAssertReturns({ try n.divided(by: d, rounding: .halfUp) }, u256(uint256MaxOracle / BigUInt(d)))
            XCTAssertReverts({ try (n &+ 1).divided(by: d, rounding: .halfUp) }, .overflow)
            XCTAssertReturns({ try UInt256.max.divided(by: d, rounding: .down) }, u256(uint256MaxOracle / BigUInt(d)))
            XCTAssertReturns({ try UInt256.max.divided(by: d, rounding: .up) },
                             u256((uint256MaxOracle + BigUInt(d) - 1) / BigUInt(d)))
        }
        XCTAssertReturns({ try UInt256(5).divided(by: 10, rounding: .halfUp) }, 1) // tie rounds up
        XCTAssertReturns({ try UInt256(4).divided(by: 10, rounding: .halfUp) }, 0)
        XCTAssertReturns({ try UInt256(1).divided(by: 3, rounding: .halfUp) }, 0) // ⌊(1 + 1)/3⌋
        XCTAssertReturns({ try UInt256(2).divided(by: 3, rounding: .halfUp) }, 1)
        XCTAssertReturns({ try UInt256(1).divided(by: 3, rounding: .up) }, 1)
        XCTAssertReturns({ try UInt256(3).divided(by: 3, rounding: .up) }, 1)
        XCTAssertReturns({ try UInt256.max.divided(by: 1, rounding: .up) }, .max)
        for rounding in Rounding.allCases {
            XCTAssertReverts({ try UInt256(1).divided(by: 0, rounding: rounding) }, .divisionByZero)
            XCTAssertReverts({ try UInt256.zero.divided(by: 0, rounding: rounding) }, .divisionByZero)
        }
    }
}
