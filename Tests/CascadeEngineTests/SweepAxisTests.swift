import CascadeEngine
import XCTest

/// `--vary` parsing: both syntaxes, the grid's order, and located errors.
final class SweepAxisTests: XCTestCase {
    func testListOfValues() throws {
        let axis = try SweepAxis.parse("chain.gas_limit=10000000,30000000")
        XCTAssertEqual(axis, SweepAxis(key: "chain.gas_limit", values: ["10000000", "30000000"]))
        XCTAssertEqual(try SweepAxis.parse("a.b=\"x,y\", [1, 2] ,{ k = 1, j = 2 }").values, ["\"x,y\"", "[1, 2]", "{ k = 1, j = 2 }"])
        XCTAssertEqual(try SweepAxis.parse("x=\"2020-03-12T10:00:00Z\"").values, ["\"2020-03-12T10:00:00Z\""], "a quoted colon is no range")
        XCTAssertEqual(try SweepAxis.parse("x=5").values, ["5"])
    }

    func testIntegerRangeIncludesStop() throws {
        XCTAssertEqual(try SweepAxis.parse("chain.gas_limit=10_000_000:30_000_000:10_000_000").values,
                       ["10000000", "20000000", "30000000"])
        XCTAssertEqual(try SweepAxis.parse("k=1:10:4").values, ["1", "5", "9"])
        XCTAssertEqual(try SweepAxis.parse("k=-2:2:2").values, ["-2", "0", "2"])
    }

    func testDecimalRangeKeepsThePrecisionOfItsNumbers() throws {
        XCTAssertEqual(try SweepAxis.parse("k=0.05:0.15:0.05").values, ["0.05", "0.10", "0.15"])
        XCTAssertEqual(try SweepAxis.parse("k=0.1:0.3:0.1").values, ["0.1", "0.2", "0.3"], "0.3 reached despite binary rounding")
        XCTAssertEqual(try SweepAxis.parse("k=1:2:0.5").values, ["1.0", "1.5", "2.0"])
        XCTAssertEqual(try SweepAxis.parse("k=1e7:3e7:1e7").values, ["10000000", "20000000", "30000000"])
    }

    func testErrorsNameTheKeyAndTheProblem() {
        func message(_ argument: String) -> String {
            do {
                _ = try SweepAxis.parse(argument)
                return "no error"
            } catch {
                return error.description
            }
        }
        XCTAssertTrue(message("chain.gas_limit").contains("key=v1,v2"))
        XCTAssertTrue(message("=1,2").contains("key=v1,v2"))
        XCTAssertTrue(message("k=").contains("values after ="))
        XCTAssertTrue(message("k=1:2:0").contains("a step > 0"))
        XCTAssertTrue(message("k=3:1:1").contains("stop ≥ start"))
        XCTAssertTrue(message("k=1:x:1").contains("\"x\""))
        XCTAssertTrue(message("k=1:2").contains("three numbers"))
        XCTAssertTrue(message("k=1,,2").contains("empty value at position 2"))
        XCTAssertTrue(message("k=\"a,b").contains("balanced quotes"))
        XCTAssertTrue(message("k=1,1").contains("each value once"))
        XCTAssertTrue(message("k=0:1:0.0001").contains("at most 1000 values"))
        XCTAssertTrue(message("chain.gas_limit=1:2:0").hasPrefix("--vary: chain.gas_limit:"))
    }

    func testGridIsTheProductWithTheLastAxisFastest() throws {
        let grid = try SweepGrid(axes: [SweepAxis(key: "a", values: ["1", "2"]), SweepAxis(key: "b", values: ["x", "y", "z"])])
        XCTAssertEqual(grid.count, 6)
        XCTAssertEqual((0..<6).map { grid.cell($0).map { "\($0.key)=\($0.value)" }.joined(separator: " ") },
                       ["a=1 b=x", "a=1 b=y", "a=1 b=z", "a=2 b=x", "a=2 b=y", "a=2 b=z"])
    }

    func testGridRefusesRepeatedKeysNoAxesAndTooManyCells() {
        XCTAssertThrowsError(try SweepGrid(axes: [SweepAxis(key: "a", values: ["1"]), SweepAxis(key: "a", values: ["2"])]))
        XCTAssertThrowsError(try SweepGrid(axes: []))
        let wide = SweepAxis(key: "a", values: (0..<1_000).map(String.init))
        XCTAssertThrowsError(try SweepGrid(axes: [wide, SweepAxis(key: "b", values: (0..<11).map(String.init))])) { error in
            XCTAssertTrue("\(error)".contains("at most 10000 cells"))
        }
    }
}
