import CascadeReport
import XCTest

/// Deterministic number text: known values, rounding half away from zero, no locale.
final class SVGNumberTests: XCTestCase {
    func testFixedRoundsHalfAwayFromZeroAndTrimsZeros() {
        XCTAssertEqual(SVGNumber.fixed(12.5, 2), "12.5")
        XCTAssertEqual(SVGNumber.fixed(0.125, 2), "0.13")
        XCTAssertEqual(SVGNumber.fixed(-2.25, 1), "-2.3")
        XCTAssertEqual(SVGNumber.fixed(-0.004, 2), "0")
        XCTAssertEqual(SVGNumber.fixed(3, 1), "3")
        XCTAssertEqual(SVGNumber.fixed(1234.05, 1), "1234.1")
        XCTAssertEqual(SVGNumber.fixed(.nan, 2), "0")
    }

    func testCompactUsesSuffixes() {
        XCTAssertEqual(SVGNumber.compact(1500), "1.5k")
        XCTAssertEqual(SVGNumber.compact(2_000_000), "2M")
        XCTAssertEqual(SVGNumber.compact(-3_250_000_000), "-3.25B")
        XCTAssertEqual(SVGNumber.compact(0.25), "0.25")
        XCTAssertEqual(SVGNumber.compact(0.00012), "0.0001")
        XCTAssertEqual(SVGNumber.compact(0), "0")
    }

    func testUSDGroupsThousands() {
        XCTAssertEqual(SVGNumber.usd(1_234_567.891), "1,234,567.89")
        XCTAssertEqual(SVGNumber.usd(-1000), "-1,000.00")
        XCTAssertEqual(SVGNumber.usd(0.5), "0.50")
        XCTAssertEqual(SVGNumber.usd(999), "999.00")
    }
}
