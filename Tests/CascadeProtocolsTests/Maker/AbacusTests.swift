import CascadeMath
import CascadeProtocols
import XCTest

/// Vectors of makerdao/dss `src/test/abaci.t.sol`; exact values derived in
/// /work/helpers/math-notes.md (section 4, "abaci price functions").
final class AbacusTests: XCTestCase {
    let ray = DSSMath.ray

    func testLinearDecrease() throws {
        let calc = Abacus.linearDecrease(tau: 3_600)
        let top = try 1_000 * ray
        for k in 0..<10 as Range<UInt64> {
            XCTAssertEqual(try calc.price(top: top, dur: UInt256(360 * k)), try UInt256(1_000 - 100 * k) * ray, "k = \(k)")
        }
        XCTAssertEqual(try calc.price(top: top, dur: 3_600), .zero)
        XCTAssertEqual(try calc.price(top: top, dur: 1_000_000), .zero)
        XCTAssertEqual(try Abacus.linearDecrease(tau: 0).price(top: top, dur: 0), .zero)
    }

    /// The price holds from any duration until its next change: a whole `step` for the stairstep
    /// curve, one second for the others; at the change the stairstep price moves.
    func testPriceChanges() throws {
        let top = try 1_800 * ray
        let stairs = Abacus.stairstepExponentialDecrease(step: 90, cut: 990_000_000_000_000_000_000_000_000)
        for dur in 0..<400 as Range<UInt64> {
            let change = try XCTUnwrap(stairs.priceChange(after: UInt256(dur)))
            XCTAssertEqual(change, UInt256((dur / 90 + 1) * 90), "dur \(dur)")
            XCTAssertEqual(try stairs.price(top: top, dur: UInt256(dur)), try stairs.price(top: top, dur: change - .one), "dur \(dur)")
            XCTAssertLessThan(try stairs.price(top: top, dur: change), try stairs.price(top: top, dur: UInt256(dur)), "dur \(dur)")
        }
        XCTAssertNil(Abacus.stairstepExponentialDecrease(step: 0, cut: ray).priceChange(after: 5))
        XCTAssertEqual(Abacus.stairstepExponentialDecrease(step: 90, cut: ray).priceChange(after: .max), .max)
        XCTAssertEqual(Abacus.linearDecrease(tau: 3_600).priceChange(after: 17), 18)
        XCTAssertEqual(Abacus.exponentialDecrease(cut: ray).priceChange(after: 17), 18)
        XCTAssertEqual(Abacus.exponentialDecrease(cut: ray).priceChange(after: .max), .max)
    }

    func testExponentialDecrease() throws {
        let calc = Abacus.exponentialDecrease(cut: 999_230_132_966_000_000_000_000_000)
        let top = try 4_000 * ray
        let expected: [UInt256] = [
            4_000_000_000_000_000_000_000_000_000_000,
            2_000_000_000_258_757_259_554_676_144_000,
            1_000_000_000_258_757_259_571_414_976_000,
            500_000_000_194_067_944_691_115_352_000,
            250_000_000_129_378_629_802_446_316_000,
        ]
        for (i, value) in expected.enumerated() {
            let price = try calc.price(top: top, dur: UInt256(UInt64(i) * 900))
            XCTAssertEqual(price, value, "i = \(i)")
            // The test's tolerance: within RAY/1000 of top / 2^i.
            let halved = top >> i
            let difference = price > halved ? price &- halved : halved &- price
            XCTAssertLessThanOrEqual(difference, try ray / 1_000)
        }
    }

    func testStairstepExponentialDecrease() throws {
        let cut: UInt256 = 988_765_432_110_000_000_000_000_000
        let top = try 50_000_000 * ray
        let perSecond = Abacus.stairstepExponentialDecrease(step: 1, cut: cut)
        XCTAssertEqual(try perSecond.price(top: top, dur: 0), top)
        XCTAssertEqual(try perSecond.price(top: top, dur: 1), 49_438_271_605_500_000_000_000_000_000_000_000)
        XCTAssertEqual(try perSecond.price(top: top, dur: 2), 48_882_853_986_783_750_952_605_000_000_000_000)
        XCTAssertEqual(try perSecond.price(top: top, dur: 10), 44_658_358_139_279_727_501_320_294_900_000_000)
        let everyFive = Abacus.stairstepExponentialDecrease(step: 5, cut: cut)
        XCTAssertEqual(try everyFive.price(top: top, dur: 4), top)
        XCTAssertEqual(try everyFive.price(top: top, dur: 5), 49_438_271_605_500_000_000_000_000_000_000_000)
        // Each step is within the test's tolerance of lastPrice · cut / RAY.
        var last = top
        for dur in 1...300 as ClosedRange<UInt64> {
            let price = try perSecond.price(top: top, dur: UInt256(dur))
            let stepped = try (try last * cut) / ray
            let difference = price > stepped ? price &- stepped : stepped &- price
            XCTAssertLessThanOrEqual(difference, 100_000_000, "dur = \(dur)")
            last = price
        }
        XCTAssertThrowsError(try Abacus.stairstepExponentialDecrease(step: 0, cut: cut).price(top: top, dur: 1)) {
            XCTAssertEqual($0 as? Revert, .divisionByZero)
        }
    }
}
