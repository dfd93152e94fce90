import CascadeChain
import CascadeEngine
import Foundation
import XCTest

/// `PriceSeries`: reading, log-linear interpolation, located errors, and the shipped data files.
final class MarketPriceSeriesTests: XCTestCase {
    /// 100 USD at t = 1000, 400 USD at t = 2000, 50 USD at 2020-03-12T00:00:00Z.
    let threeRows = """
        # a comment, then a blank line

        timestamp,price_usd
        1000,100
        2000, 400\r
        2020-03-12T00:00:00Z,50
        """

    func testReadsRowsWithTheirLines() throws {
        let series = try PriceSeries(text: threeRows, source: "p.csv")
        XCTAssertEqual(series.rows.map(\.timestamp), [1_000, 2_000, 1_583_971_200])
        XCTAssertEqual(series.rows.map(\.price), [100, 400, 50])
        XCTAssertEqual(series.rows.map(\.line), [4, 5, 6])
    }

    func testAtARowThePriceIsExactlyTheRecordedOne() throws {
        let series = try PriceSeries(text: threeRows, source: "p.csv")
        XCTAssertEqual(series.price(at: 1_000), 100)
        XCTAssertEqual(series.price(at: 2_000), 400)
        XCTAssertEqual(series.price(at: 1_583_971_200), 50)
    }

    func testBetweenRowsThePriceIsLogLinear() throws {
        let series = try PriceSeries(text: threeRows, source: "p.csv")
        XCTAssertEqual(series.price(at: 1_500), 200, accuracy: 1e-12)  // √(100·400)
        XCTAssertEqual(series.price(at: 1_250), 100 * pow(4, 0.25), accuracy: 1e-12)
        XCTAssertEqual(series.price(at: 1_999), 100 * pow(4, 0.999), accuracy: 1e-10)
        let middle = (2_000 + 1_583_971_200) / 2
        XCTAssertEqual(series.price(at: UInt64(middle)), (400.0 * 50).squareRoot(), accuracy: 1e-9)
    }

    func testOutsideTheRowsThePriceIsHeld() throws {
        let series = try PriceSeries(text: threeRows, source: "p.csv")
        XCTAssertEqual(series.price(at: 0), 100)
        XCTAssertEqual(series.price(at: 999), 100)
        XCTAssertEqual(series.price(at: 1_583_971_201), 50)
        XCTAssertEqual(series.price(at: .max), 50)
    }

    func testColumnsInAnyOrderAndOthersIgnored() throws {
        let series = try PriceSeries(text: "note,PRICE_USD,timestamp\nopen,7.5,60\nlow,2.5,120\n", source: "p.csv")
        XCTAssertEqual(series.rows.map(\.price), [7.5, 2.5])
        XCTAssertEqual(series.rows.map(\.timestamp), [60, 120])
    }

    func testASingleRowIsAConstant() throws {
        let series = try PriceSeries(text: "timestamp,price_usd\n500,3\n", source: "p.csv")
        XCTAssertEqual(series.price(at: 0), 3)
        XCTAssertEqual(series.price(at: 10_000), 3)
    }

    // MARK: Located errors

    /// The single problem of reading `text` as "bad.csv".
    func problem(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> ConfigurationError.Problem? {
        do {
            _ = try PriceSeries(text: text, source: "bad.csv")
            XCTFail("expected an error", file: file, line: line)
        } catch {
            XCTAssertEqual(error.problems.count, 1, file: file, line: line)
            XCTAssertEqual(error.problems.first?.file, "bad.csv", file: file, line: line)
            return error.problems.first
        }
        return nil
    }

    func testMissingHeader() {
        let p = problem("# prices\n1000,100\n")
        XCTAssertEqual(p?.line, 2)
        XCTAssertEqual(p?.expected, "a header line naming distinct columns timestamp and price_usd")
        XCTAssertEqual(p?.found, "\"1000,100\"")
        XCTAssertEqual(problem("timestamp,price_usd,price_usd\n1,2,3\n")?.line, 1)
    }

    func testBadNumber() {
        let p = problem("timestamp,price_usd\n1000,100\n2000,1O0\n")
        XCTAssertEqual(p?.line, 3)
        XCTAssertEqual(p?.key, "price_usd")
        XCTAssertEqual(p?.description, "bad.csv:3: price_usd: expected a positive number of USD, found \"1O0\"")
    }

    func testBadTimestamp() {
        let p = problem("timestamp,price_usd\n2020-02-30T00:00Z,100\n")
        XCTAssertEqual(p?.line, 2)
        XCTAssertEqual(p?.key, "timestamp")
        XCTAssertEqual(p?.found, "\"2020-02-30T00:00Z\"")
    }

    func testNegativeZeroAndInfinitePrices() {
        for bad in ["-5", "0", "inf", "nan"] {
            let p = problem("timestamp,price_usd\n1000,\(bad)\n")
            XCTAssertEqual(p?.key, "price_usd", bad)
            XCTAssertEqual(p?.found, "\"\(bad)\"", bad)
        }
    }

    func testDuplicateTimestamp() {
        let p = problem("timestamp,price_usd\n1000,100\n\n1000,101\n")
        XCTAssertEqual(p?.line, 4)
        XCTAssertEqual(p?.key, "timestamp")
        XCTAssertEqual(p?.expected, "a time after 1000 (line 2): timestamps must increase strictly")
        XCTAssertEqual(p?.found, "1000")
    }

    func testUnsortedTimestamp() {
        let p = problem("timestamp,price_usd\n1000,100\n2000,100\n1970-01-01T00:25:00Z,100\n")
        XCTAssertEqual(p?.line, 4)
        XCTAssertEqual(p?.expected, "a time after 2000 (line 3): timestamps must increase strictly")
        XCTAssertEqual(p?.found, "1500")
    }

    func testWrongFieldCount() {
        let p = problem("timestamp,price_usd\n1000,100,7\n")
        XCTAssertEqual(p?.line, 2)
        XCTAssertEqual(p?.expected, "2 comma-separated fields as in the header")
        XCTAssertEqual(p?.found, "3")
    }

    func testEmptyTextAndHeaderOnly() {
        XCTAssertEqual(problem("")?.expected, "a header line and at least one data row")
        XCTAssertEqual(problem("# nothing\n")?.found, "end of text")
        let p = problem("timestamp,price_usd\n# no rows\n")
        XCTAssertEqual(p?.expected, "at least one data row")
        XCTAssertEqual(p?.line, 3)  // the empty last line after the final newline
    }

    // MARK: Shipped data

    static let dataDirectory = ProtocolFilesTests.root.appendingPathComponent("scenarios/data/black-thursday-2020")

    func testShippedBlackThursdayPriceLoads() throws {
        let path = Self.dataDirectory.appendingPathComponent("eth-usd.csv").path
        let series = try PriceSeries(text: String(contentsOfFile: path, encoding: .utf8), source: path)
        let midnight: UInt64 = 1_583_971_200  // 2020-03-12T00:00:00Z
        XCTAssertEqual(series.rows.count, 97)
        XCTAssertEqual(series.rows.first?.timestamp, midnight)
        XCTAssertEqual(series.rows.first?.price, 195.21)
        XCTAssertEqual(series.rows.last?.timestamp, midnight + 86_399)
        XCTAssertEqual(series.rows.last?.price, 107.52)
        // The lows of the two legs, at the midpoints of their 10-minute bars.
        XCTAssertEqual(series.price(at: midnight + 10 * 3_600 + 45 * 60), 124.05)
        XCTAssertEqual(series.price(at: midnight + 23 * 3_600 + 25 * 60), 101.01)
        XCTAssertEqual(series.rows.map(\.price).min(), 101.01)
        XCTAssertEqual(series.rows.map(\.price).max(), 195.21)
    }

    func testShippedBlackThursdayGasLoads() throws {
        let path = Self.dataDirectory.appendingPathComponent("gas-prices.csv").path
        let series = try GasPriceSeries(text: String(contentsOfFile: path, encoding: .utf8), source: path)
        XCTAssertEqual(series.rows.count, 24)
        XCTAssertEqual(series.start, 1_583_971_200)
        XCTAssertEqual(series.interval, 3_600)
        XCTAssertEqual(series.rows[0].p60Gwei, 8.3)
        XCTAssertEqual(series.rows[0].p90Gwei, 28.4)
        XCTAssertEqual(series.rows[15].p90Gwei, 259.3)  // the day's highest hourly p90
        XCTAssertEqual(series.rows[23].p60Gwei, 77.8)
    }
}
