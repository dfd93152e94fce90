@testable import CascadeStore
import XCTest

/// paths.csv: written in the contract's column order, read back exactly, bad fields located.
final class PathRecordTests: XCTestCase {
    func testCSVRoundTrip() throws {
        let text = PathRecord.csv(StoreFixtures.paths)
        XCTAssertEqual(try PathRecord.parseCSV(text, file: "paths.csv"), StoreFixtures.paths)
    }

    func testColumnsAreFoundByNameAndCRLFIsAccepted() throws {
        let text = "endogenous_share,cascade_depth,delay_max_blocks,delay_p90_blocks,delay_p50_blocks,zero_bid_auctions,liquidations,"
            + "liquidated_debt_usd,bad_debt_usd,seed,path,note\r\n0.5,2,9,8,7,1,4,100.25,3.5,77,0,x\r\n"
        XCTAssertEqual(try PathRecord.parseCSV(text, file: "paths.csv"), [
            PathRecord(path: 0, seed: "77", badDebtUSD: 3.5, liquidatedDebtUSD: 100.25, liquidations: 4, zeroBidAuctions: 1,
                        delayP50Blocks: 7, delayP90Blocks: 8, delayMaxBlocks: 9, cascadeDepth: 2, endogenousShare: 0.5),
        ])
    }

    func assertRejected(_ text: String, mentions expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try PathRecord.parseCSV(text, file: "out/paths.csv"), file: file, line: line) { error in
            XCTAssertEqual("\(error)", "out/paths.csv: " + expected, file: file, line: line)
        }
    }

    func testBadFieldsAreLocated() {
        let header = PathRecord.columns.joined(separator: ",")
        assertRejected("path,seed\n", mentions: "line 1: expected a column 'bad_debt_usd', found path,seed")
        assertRejected(header + "\n0,1,0,0,0,0,,,,0\n", mentions: "line 2: expected 11 fields, found 10")
        assertRejected(header + "\n0,1,0,0,0,0,,,,0,0\n0,1,lots,0,0,0,,,,0,0\n",
                       mentions: "line 3: bad_debt_usd: expected a finite number, found 'lots'")
        assertRejected(header + "\n0,-1,0,0,0,0,,,,0,0\n", mentions: "line 2: seed: expected a 64-bit unsigned integer, found '-1'")
        assertRejected(header + "\n0,1,0,0,2.5,0,,,,0,0\n", mentions: "line 2: liquidations: expected a non-negative integer, found '2.5'")
        assertRejected(header + "\n0,1,nan,0,0,0,,,,0,0\n", mentions: "line 2: bad_debt_usd: expected a finite number, found 'nan'")
    }
}
