import CascadeEngine
import XCTest

/// Each class of error names the file, the key and, where it can, the line.
final class ProtocolDefinitionErrorTests: XCTestCase {
    /// A valid one-ilk Maker file to mutate.
    static let maker = """
        kind = "maker"
        Line = "1_500_000_000"
        Hole = "150_000_000"
        wait = 561_600

        [ilks.ETH-A]
        gem = "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2"
        gem_join = "0x2f0b23f53734252bda2277357e97e1517d6b042a"
        mat = "1.45"
        line = "1_500_000_000"
        dust = "7_500"
        liquidator = "clip"
        clipper = "0xc67963a226eddd77b91ad8c421630a1b0adff270"
        chop = "1.13"
        hole = "40_000_000"
        buf = "1.10"
        tail = 7_200
        cusp = "0.45"
        chip = "0.1%"
        tip = "250"

        [ilks.ETH-A.calc]
        type = "stairstep-exponential-decrease"
        step = 90
        cut = "0.99"
        """

    /// A valid one-reserve Aave file to mutate.
    static let aave = """
        kind = "aave-v3"
        [pool]
        address = "0x87870bca3f3fd6335c3f4ce8392d69350b4fa4e2"
        treasury = "0x464c71f6c2f760dda6093dcb91c24c39e5d6e18c"
        liquidation_rules = "v3.3"
        [reserves.WETH]
        address = "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2"
        decimals = 18
        ltv = "80.5%"
        liquidation_threshold = "83%"
        liquidation_bonus = "105%"
        liquidation_protocol_fee = "10%"
        reserve_factor = "15%"
        [reserves.WETH.interest_rate]
        optimal_usage_ratio = "90%"
        base_variable_borrow_rate = 0
        variable_rate_slope1 = "2.7%"
        variable_rate_slope2 = "80%"
        """

    /// The single problem of loading `text`, or a failure.
    func problem(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> ConfigurationError.Problem? {
        do {
            _ = try ProtocolDefinitionLoader.parse(text: text, source: "test.toml")
            XCTFail("expected an error", file: file, line: line)
        } catch {
            XCTAssertEqual(error.problems.count, 1, "\(error)", file: file, line: line)
            XCTAssertTrue(error.description.hasPrefix("test.toml"), file: file, line: line)
            return error.problems.first
        }
        return nil
    }

    func testTheBaseTextsLoad() throws {
        XCTAssertEqual(try ProtocolDefinitionLoader.parse(text: Self.maker, source: "m").marketCount, 1)
        XCTAssertEqual(try ProtocolDefinitionLoader.parse(text: Self.aave, source: "a").kind, "aave-v3")
    }

    func testMissingKey() {
        let p = problem(Self.maker.replacingOccurrences(of: "dust = \"7_500\"\n", with: ""))
        XCTAssertEqual(p?.key, "ilks.ETH-A.dust")
        XCTAssertTrue(p?.found.contains("required") == true)
    }

    func testUnknownKeyListsTheExpectedOnes() {
        let p = problem(Self.aave.replacingOccurrences(of: "reserve_factor = \"15%\"", with: "reserve_factor = \"15%\"\nltvv = 1"))
        XCTAssertEqual(p?.key, "reserves.WETH.ltvv")
        XCTAssertEqual(p?.line, 14)
        XCTAssertTrue(p?.expected.hasPrefix("one of address, borrow_cap, borrowing_enabled") == true, p?.expected ?? "")
        XCTAssertTrue(p?.expected.contains("ltv") == true)
    }

    func testUnknownTableListsTheEnclosingKeys() {
        let p = problem(Self.aave + "\n[reserves.WETH.interest_rat]\nkink = 1\n")
        XCTAssertEqual(p?.key, "reserves.WETH.interest_rat.kink")
        XCTAssertEqual(p?.line, 20)
        XCTAssertTrue(p?.expected.contains("interest_rate") == true, p?.expected ?? "")
        let top = problem(Self.maker + "\n[extra]\nx = 1\n")
        XCTAssertEqual(top?.expected, "one of Hole, Line, base, gas, ilks, kind, par, wait")
    }

    func testMisspeltRequiredKeyNamesTheTypo() {
        let p = problem(Self.aave.replacingOccurrences(of: "ltv = ", with: "ltvv = "))
        XCTAssertEqual(p?.key, "reserves.WETH.ltv")
        XCTAssertTrue(p?.found.contains("reserves.WETH.ltvv") == true)
    }

    func testWrongType() {
        let p = problem(Self.maker.replacingOccurrences(of: "mat = \"1.45\"", with: "mat = 1.45"))
        XCTAssertEqual(p?.key, "ilks.ETH-A.mat")
        XCTAssertEqual(p?.line, 9)
        XCTAssertTrue(p?.found.hasPrefix("float") == true)
    }

    func testThresholdBelowLTV() {
        let p = problem(Self.aave.replacingOccurrences(of: "\"83%\"", with: "\"80%\""))
        XCTAssertEqual(p?.key, "reserves.WETH.liquidation_threshold")
        XCTAssertEqual(p?.line, 10)
        XCTAssertEqual(p?.found, "8000")
    }

    func testBonusNotAboveHundredPercent() {
        let p = problem(Self.aave.replacingOccurrences(of: "\"105%\"", with: "\"100%\""))
        XCTAssertEqual(p?.key, "reserves.WETH.liquidation_bonus")
        XCTAssertEqual(p?.line, 11)
    }

    func testWholeTableProblemIsLocatedAtItsHeader() {
        let p = problem(Self.aave.replacingOccurrences(of: "\"80%\"", with: "\"1000%\""))
        XCTAssertEqual(p?.key, "reserves.WETH.interest_rate")
        XCTAssertEqual(p?.line, 14)
    }

    func testCuspNotBelowOne() {
        let p = problem(Self.maker.replacingOccurrences(of: "cusp = \"0.45\"", with: "cusp = \"1\""))
        XCTAssertEqual(p?.key, "ilks.ETH-A.cusp")
        XCTAssertEqual(p?.line, 18)
    }

    func testMalformedAmount() {
        let p = problem(Self.maker.replacingOccurrences(of: "tip = \"250\"", with: "tip = \"250 dai\""))
        XCTAssertEqual(p?.key, "ilks.ETH-A.tip")
        XCTAssertTrue(p?.found.contains("column 5") == true, p?.found ?? "")
    }

    func testUnknownKind() {
        let p = problem("kind = \"aave-v2\"\n")
        XCTAssertEqual(p?.key, "kind")
        XCTAssertEqual(p?.line, 1)
        XCTAssertTrue(p?.expected.contains("\"aave-v3\"") == true)
    }

    func testSyntaxErrorIsLocated() {
        let p = problem("kind = \"maker\"\nLine = \n")
        XCTAssertEqual(p?.line, 2)
        XCTAssertTrue(p?.expected.contains("column 8") == true)
    }

    func testUnreadableFile() {
        do {
            _ = try ProtocolDefinitionLoader.load(path: "/nonexistent/cascade.toml")
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(error.problems.first?.file, "/nonexistent/cascade.toml")
            XCTAssertTrue(error.description.hasPrefix("/nonexistent/cascade.toml: expected a readable"))
        }
    }

    func testSeveralProblemsAreReportedTogether() {
        let text = Self.aave.replacingOccurrences(of: "\"83%\"", with: "\"80%\"") + "\nextra = true\n"
        XCTAssertThrowsError(try ProtocolDefinitionLoader.parse(text: text, source: "x.toml")) { error in
            XCTAssertEqual((error as? ConfigurationError)?.problems.map(\.key),
                           ["reserves.WETH.interest_rate.extra", "reserves.WETH.liquidation_threshold"])
        }
    }
}
