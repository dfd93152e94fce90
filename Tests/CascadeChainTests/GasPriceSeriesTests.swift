import CascadeChain
import XCTest

final class GasPriceSeriesTests: XCTestCase {
    /// The first hours of 12 March 2020 (shared/DATA.md), with comments and a CRLF line.
    let march12 = """
    # Black Thursday, hourly mean / p60 / p90 gas price (gwei) over all mainnet transactions.
    timestamp,mean_gwei,p60_gwei,p90_gwei

    2020-03-12T00:00:00Z,10.0,8.3,28.4\r
    2020-03-12T01:00:00Z,12.0,10.0,33.0
    2020-03-12T02:00,16.3,11.3,35.0
    1583982000, 14.0 , 11.0 , 35.0
    """

    func testReadsTheMarch2020Table() throws {
        let series = try GasPriceSeries(text: march12, source: "gas.csv")
        XCTAssertEqual(series.rows.count, 4)
        XCTAssertEqual(series.start, 1_583_971_200)  // 2020-03-12T00:00:00Z
        XCTAssertEqual(series.interval, 3_600)
        XCTAssertEqual(series.rows.map(\.line), [4, 5, 6, 7])
        XCTAssertEqual(series.rows[1].p60Gwei, 10)
        XCTAssertEqual(series.rows[3].p90Gwei, 35)
        XCTAssertEqual(series.rows[0].bids.quantile(0.6), 8.3, accuracy: 1e-9)
        XCTAssertEqual(series.rows[0].bids.quantile(0.9), 28.4, accuracy: 1e-9)
    }

    func testRowsAreSteps() throws {
        let series = try GasPriceSeries(text: march12, source: "gas.csv")
        XCTAssertEqual(series.row(at: 0).line, 4)
        XCTAssertEqual(series.row(at: 1_583_971_200 + 3_599).line, 4)
        XCTAssertEqual(series.row(at: 1_583_971_200 + 3_600).line, 5)
        XCTAssertEqual(series.row(at: 1_583_971_200 + 99_999).line, 7)
        XCTAssertFalse(series.covers(1_583_971_199))
        XCTAssertTrue(series.covers(1_583_971_200 + 4 * 3_600 - 1))
        XCTAssertFalse(series.covers(1_583_971_200 + 4 * 3_600))
    }

    func testGapNamesTheLine() {
        let text = "timestamp,p60_gwei,p90_gwei\n0,1,2\n60,1,2\n180,1,2\n"
        XCTAssertThrowsError(try GasPriceSeries(text: text, source: "gap.csv")) { error in
            let e = error as? GasPriceSeriesError
            XCTAssertEqual(e?.line, 4)
            XCTAssertEqual(e?.column, "timestamp")
            XCTAssertEqual(e?.expected, "120, one interval of 60 s after line 3")
            XCTAssertEqual(e?.found, "180: a gap of 60 s (missing rows)")
            XCTAssertEqual(e?.description, "gap.csv:4: column timestamp: expected 120, one interval of 60 s after line 3, found 180: a gap of 60 s (missing rows)")
        }
    }

    func testUnsortedAndIrregularTimestampsNameTheLine() {
        XCTAssertThrowsError(try GasPriceSeries(text: "timestamp,p60_gwei,p90_gwei\n100,1,2\n100,1,2\n", source: "dup.csv")) {
            XCTAssertEqual(($0 as? GasPriceSeriesError)?.line, 3)
            XCTAssertEqual(($0 as? GasPriceSeriesError)?.expected, "a time after 100 (line 2): timestamps must increase")
        }
        XCTAssertThrowsError(try GasPriceSeries(text: "timestamp,p60_gwei,p90_gwei\n100,1,2\n200,1,2\n150,1,2\n", source: "back.csv")) {
            XCTAssertEqual(($0 as? GasPriceSeriesError)?.line, 4)
        }
        XCTAssertThrowsError(try GasPriceSeries(text: "timestamp,p60_gwei,p90_gwei\n0,1,2\n60,1,2\n90,1,2\n", source: "odd.csv")) {
            XCTAssertEqual(($0 as? GasPriceSeriesError)?.found, "90: an irregular step of 30 s")
        }
    }

    func testBadValuesNameLineAndColumn() {
        let cases: [(String, Int, String?, String)] = [
            ("timestamp,p60_gwei,p90_gwei\n0,abc,2\n", 2, "p60_gwei", "\"abc\""),
            ("timestamp,p60_gwei,p90_gwei\n0,-1,2\n", 2, "p60_gwei", "\"-1\""),
            ("timestamp,p60_gwei,p90_gwei\n0,5,4\n", 2, "p90_gwei", "4"),
            ("timestamp,p60_gwei,p90_gwei\n2020-02-30T00:00Z,1,2\n", 2, "timestamp", "\"2020-02-30T00:00Z\""),
            ("timestamp,p60_gwei,p90_gwei\n0,1\n", 2, nil, "2"),
            ("time,p60_gwei,p90_gwei\n0,1,2\n", 1, nil, "\"time,p60_gwei,p90_gwei\""),
            ("# only a comment\n", 2, nil, "end of text"),
            ("timestamp,p60_gwei,p90_gwei\n", 2, nil, "end of text"),
        ]
        for (text, line, column, found) in cases {
            XCTAssertThrowsError(try GasPriceSeries(text: text, source: "x.csv"), text) { error in
                let e = error as? GasPriceSeriesError
                XCTAssertEqual(e?.source, "x.csv")
                XCTAssertEqual(e?.line, line, text)
                XCTAssertEqual(e?.column, column, text)
                XCTAssertEqual(e?.found, found, text)
            }
        }
    }

    func testSingleRowAndLeapDay() throws {
        let series = try GasPriceSeries(text: "p90_gwei,timestamp,p60_gwei\n30,2020-02-29T12:00:00Z,20\n", source: "one.csv")
        XCTAssertNil(series.interval)
        XCTAssertEqual(series.start, 1_582_977_600)
        XCTAssertEqual(series.row(at: 5_000_000_000).p60Gwei, 20)
        XCTAssertTrue(series.covers(1_582_977_600))
        XCTAssertFalse(series.covers(1_582_977_601))
    }
}
