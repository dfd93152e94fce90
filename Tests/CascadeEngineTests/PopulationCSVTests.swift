import CascadeEngine
import XCTest

/// `PositionSpec.list(csv:…)`: the listed-population format and each malformed case's line.
final class PopulationCSVTests: XCTestCase {
    func testCommentsBlankLinesCRLFExtraColumnsAndAnyColumnOrder() throws {
        let text = "# ETH-A vaults (source: a comment)\r\n\r\nowner, collateral_ratio ,debt_usd\r\nalice,2.5, 1500000\r\n# mid-file comment\n\nbob,1.62,7800.5\n"
        XCTAssertEqual(try PositionSpec.list(csv: text, source: "v.csv", minimumCollateralRatio: nil),
                       [PositionSpec(debtUSD: 1_500_000, collateralRatio: 2.5), PositionSpec(debtUSD: 7_800.5, collateralRatio: 1.62)])
    }

    /// Each malformed text: the line, the column (key) and what was found.
    func testMalformedTextsAreLocated() {
        let cases: [(text: String, minimum: Double?, line: Int, key: String, found: String)] = [
            ("", nil, 1, "", "end of text"),
            ("# only a comment\n", nil, 2, "", "end of text"),
            ("debt_usd,collateral_ratio\n", nil, 2, "", "end of text"),
            ("1000,2.5\n", nil, 1, "", "\"1000,2.5\""),
            ("debt_usd,ratio\n1000,2.5\n", nil, 1, "", "\"debt_usd,ratio\""),
            ("debt_usd,collateral_ratio,debt_usd\n1,2,3\n", nil, 1, "", "\"debt_usd,collateral_ratio,debt_usd\""),
            ("debt_usd,collateral_ratio\n1000,2.5\n2000\n", nil, 3, "", "1 in \"2000\""),
            ("debt_usd,collateral_ratio\n1000,2.5\n1_000,2.5\n", nil, 3, "debt_usd", "\"1_000\""),
            ("debt_usd,collateral_ratio\n# c\n0,2.5\n", nil, 3, "debt_usd", "\"0\""),
            ("debt_usd,collateral_ratio\n-5,2.5\n", nil, 2, "debt_usd", "\"-5\""),
            ("debt_usd,collateral_ratio\ninf,2.5\n", nil, 2, "debt_usd", "\"inf\""),
            ("debt_usd,collateral_ratio\n1000,1\n", nil, 2, "collateral_ratio", "\"1\""),
            ("debt_usd,collateral_ratio\n1000,250%\n", nil, 2, "collateral_ratio", "\"250%\""),
            ("debt_usd,collateral_ratio\n1000,2\n1000,1.49\n", 1.5, 3, "collateral_ratio", "\"1.49\""),
        ]
        for item in cases {
            XCTAssertThrowsError(try PositionSpec.list(csv: item.text, source: "v.csv", minimumCollateralRatio: item.minimum), item.text) { error in
                guard let problem = (error as? ConfigurationError)?.problems.first else { return XCTFail("\(error)") }
                XCTAssertEqual(problem.file, "v.csv", item.text)
                XCTAssertEqual(problem.line, item.line, item.text)
                XCTAssertEqual(problem.key, item.key, item.text)
                XCTAssertEqual(problem.found, item.found, item.text)
            }
        }
    }
}
