import CascadeMath
import XCTest

final class LogNormalTests: XCTestCase {
    func testFitReproducesBothQuantiles() throws {
        // 12 March 2020, 15:00 UTC: p60 188.5 gwei, p90 259.3 gwei.
        let bids = try XCTUnwrap(LogNormal(quantile: 0.6, is: 188.5, quantile: 0.9, is: 259.3))
        XCTAssertEqual(bids.quantile(0.6), 188.5, accuracy: 1e-6)
        XCTAssertEqual(bids.quantile(0.9), 259.3, accuracy: 1e-6)
        // σ = ln(259.3/188.5) / (z₉₀ − z₆₀), computed independently.
        XCTAssertEqual(bids.sigma, 0.31889 / 1.028204, accuracy: 1e-4)
        XCTAssertLessThan(bids.median, 188.5)
    }

    func testMedianFitAndScaling() throws {
        let bids = try XCTUnwrap(LogNormal(quantile: 0.5, is: 10, quantile: 0.9, is: 35))
        XCTAssertEqual(bids.median, 10, accuracy: 1e-12)
        let doubled = bids.scaled(by: 2)
        XCTAssertEqual(doubled.median, 20, accuracy: 1e-12)
        XCTAssertEqual(doubled.quantile(0.9), 70, accuracy: 1e-6)
        XCTAssertEqual(doubled.sigma, bids.sigma)
    }

    func testDegenerateAndInvalidFits() throws {
        let flat = LogNormal(quantile: 0.6, is: 50, quantile: 0.9, is: 50)
        XCTAssertEqual(flat?.sigma, 0)
        XCTAssertEqual(try XCTUnwrap(flat).quantile(0), 50, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(flat).quantile(0.999), flat?.median)
        XCTAssertNil(LogNormal(quantile: 0.6, is: 60, quantile: 0.9, is: 50))
        XCTAssertNil(LogNormal(quantile: 0.9, is: 10, quantile: 0.6, is: 20))
        XCTAssertNil(LogNormal(quantile: 0.5, is: 0, quantile: 0.9, is: 20))
        XCTAssertNil(LogNormal(quantile: 0, is: 1, quantile: 0.9, is: 20))
    }

    func testQuantileEnds() throws {
        let bids = try XCTUnwrap(LogNormal(quantile: 0.5, is: 10, quantile: 0.9, is: 35))
        XCTAssertEqual(bids.quantile(0), 0)
        XCTAssertEqual(bids.quantile(1), .infinity)
    }
}
