import CascadeProtocols
import Foundation
import XCTest

@testable import CascadeEngine

/// `PopulationConfiguration`: the population-table reader and the validation, each problem
/// located at its key's line.
final class PopulationConfigurationTests: XCTestCase {
    /// A synthetic table beside keys the caller owns (`protocol`, `collateral`).
    static let synthetic = """
        [population.eth-a]
        protocol = "maker"
        collateral = "ETH-A"
        source = "synthetic"
        positions = 5_000
        total_debt_usd = 100_000_000
        collateral_ratio = { quantiles = [[0.0, 1.5], [0.235, 2.25], [0.496, 2.75], [0.565, 3.0], [1.0, 8.0]] }
        concentration = [[3, 0.25], [15, 0.50], [100, 0.83]]
        minimum_collateral_ratio = 1.5
        """

    static let lognormal = """
        [population.eth-a]
        source = "synthetic"
        positions = 5_000
        total_debt_usd = 100_000_000
        collateral_ratio = { family = "lognormal", median = 2.8, p90 = 5.0, floor = 1.55 }
        """

    /// Reads `table` of `text`; the keys nobody asked for are returned beside the configuration.
    func read(_ text: String, table: String = "population.eth-a", dataDirectory: String = "")
        throws(ConfigurationError) -> (PopulationConfiguration, unknown: [String]) {
        var reader = KeyReader(file: "scenario.toml", document: try! TOMLDocument(parsing: text))
        let configuration = try PopulationConfiguration.read(&reader, table: table, dataDirectory: dataDirectory)
        return (configuration, reader.unknownKeys().map(\.key))
    }

    /// The problems of reading `text`, or a failure.
    func problems(_ text: String, dataDirectory: String = "", file: StaticString = #filePath, line: UInt = #line) -> [ConfigurationError.Problem] {
        do {
            _ = try read(text, dataDirectory: dataDirectory)
            XCTFail("expected an error", file: file, line: line)
        } catch {
            return error.problems
        }
        return []
    }

    /// The single problem of `text` with `old` replaced by `new`: its key (under
    /// `population.eth-a.`), line and what it expected.
    func problem(_ text: String, _ old: String, _ new: String, file: StaticString = #filePath, line: UInt = #line)
        -> (key: String, line: Int?, expected: String, found: String)? {
        XCTAssertTrue(text.contains(old), "\(old) not in the text", file: file, line: line)
        let found = problems(text.replacingOccurrences(of: old, with: new), file: file, line: line)
        XCTAssertEqual(found.count, 1, "\(found)", file: file, line: line)
        guard let first = found.first else { return nil }
        XCTAssertEqual(first.file, "scenario.toml", file: file, line: line)
        return (String(first.key.dropFirst("population.eth-a.".count)), first.line, first.expected, first.found)
    }

    // MARK: Reading

    func testASyntheticTableReadsAndLeavesTheCallersKeys() throws {
        let (configuration, unknown) = try read(Self.synthetic)
        XCTAssertEqual(unknown, ["population.eth-a.protocol", "population.eth-a.collateral"])
        XCTAssertEqual(configuration.minimumCollateralRatio, 1.5)
        guard case .synthetic(let population) = configuration.source else { return XCTFail("\(configuration.source)") }
        XCTAssertEqual(population.positions, 5_000)
        XCTAssertEqual(population.totalDebtUSD, 100_000_000)
        XCTAssertEqual(population.concentration, [.init(top: 3, debtShare: 0.25), .init(top: 15, debtShare: 0.5), .init(top: 100, debtShare: 0.83)])
        XCTAssertEqual(population.collateralRatio, .quantiles([
            .init(debtShare: 0, collateralRatio: 1.5), .init(debtShare: 0.235, collateralRatio: 2.25), .init(debtShare: 0.496, collateralRatio: 2.75),
            .init(debtShare: 0.565, collateralRatio: 3), .init(debtShare: 1, collateralRatio: 8)]))
    }

    func testALognormalReadsInlineDottedOrAsATable() throws {
        let dotted = Self.lognormal.replacingOccurrences(
            of: "collateral_ratio = { family = \"lognormal\", median = 2.8, p90 = 5.0, floor = 1.55 }",
            with: "collateral_ratio.family = \"lognormal\"\ncollateral_ratio.median = 2.8\ncollateral_ratio.p90 = 5\ncollateral_ratio.floor = 1.55")
        let table = Self.lognormal.replacingOccurrences(
            of: "collateral_ratio = { family = \"lognormal\", median = 2.8, p90 = 5.0, floor = 1.55 }",
            with: "[population.eth-a.collateral_ratio]\nfamily = \"lognormal\"\nmedian = 2.8\np90 = 5\nfloor = 1.55")
        for text in [Self.lognormal, dotted, table] {
            let (configuration, unknown) = try read(text)
            XCTAssertEqual(unknown, [])
            XCTAssertEqual(configuration.source, .synthetic(SyntheticPopulation(
                positions: 5_000, totalDebtUSD: 1e8, collateralRatio: .lognormal(median: 2.8, p90: 5, floor: 1.55))), text)
            XCTAssertNil(configuration.minimumCollateralRatio)
        }
    }

    func testACSVTableReadsTheFileRelativeToTheDataDirectory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("population-\(UUID())")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("data"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "debt_usd,collateral_ratio\n1000,2\n500,1.6\n".write(to: directory.appendingPathComponent("data/vaults.csv"), atomically: true, encoding: .utf8)
        let text = "[population.eth-a]\nsource = \"csv\"\nfile = \"data/vaults.csv\"\nminimum_collateral_ratio = 1.5\n"
        let (configuration, unknown) = try read(text, dataDirectory: directory.path)
        XCTAssertEqual(unknown, [])
        XCTAssertEqual(configuration.source, .listed([PositionSpec(debtUSD: 1_000, collateralRatio: 2), PositionSpec(debtUSD: 500, collateralRatio: 1.6)]))

        // A row below the minimum names the CSV file and its line.
        try "debt_usd,collateral_ratio\n1000,2\n500,1.4\n".write(to: directory.appendingPathComponent("data/vaults.csv"), atomically: true, encoding: .utf8)
        let below = problems(text, dataDirectory: directory.path)
        XCTAssertEqual(below.map(\.description), [directory.path + "/data/vaults.csv:3: collateral_ratio: expected a collateral ratio ≥ 1.5 "
                                                     + "(minimum_collateral_ratio), found \"1.4\""])

        let missing = problems(text, dataDirectory: "/nonexistent")
        XCTAssertEqual(missing.first?.key, "population.eth-a.file")
        XCTAssertEqual(missing.first?.line, 3)
        XCTAssertTrue(missing.first?.found.hasPrefix("\"/nonexistent/data/vaults.csv\"") == true, "\(missing)")
    }

    // MARK: Errors while reading

    func testSourceAndTypeErrorsAreLocated() {
        let text = Self.synthetic
        XCTAssertEqual(problem(text, "source = \"synthetic\"", "source = \"random\"")?.key, "source")
        XCTAssertEqual(problem(text, "source = \"synthetic\"", "source = \"random\"")?.line, 4)
        XCTAssertEqual(problem(text, "positions = 5_000", "positions = 5e3")?.expected, "an integer number of positions")
        XCTAssertEqual(problem(text, "positions = 5_000", "positions = 5e3")?.line, 5)
        XCTAssertEqual(problem(text, "total_debt_usd = 100_000_000", "total_debt_usd = \"100 M\"")?.key, "total_debt_usd")
        let missing = problem(text, "total_debt_usd = 100_000_000\n", "total_debt_ud = 1\n")
        XCTAssertEqual(missing?.key, "total_debt_usd")
        XCTAssertEqual(missing?.line, 6, "the look-alike's line")
        XCTAssertEqual(problem(text, "minimum_collateral_ratio = 1.5", "minimum_collateral_ratio = 1.0")?.key, "minimum_collateral_ratio")
        XCTAssertEqual(problem(text, "minimum_collateral_ratio = 1.5", "minimum_collateral_ratio = 1.0")?.line, 9)
    }

    func testCollateralRatioShapeErrorsAreLocated() {
        let text = Self.synthetic
        let line = "collateral_ratio = { quantiles = [[0.0, 1.5], [0.235, 2.25], [0.496, 2.75], [0.565, 3.0], [1.0, 8.0]] }"
        let scalar = problem(text, line, "collateral_ratio = 2.5")
        XCTAssertEqual(scalar?.key, "collateral_ratio")
        XCTAssertEqual(scalar?.line, 7)
        XCTAssertEqual(problem(text, line, "collateral_ratio = { quantile = [[0.0, 1.5], [1.0, 3.0]] }")?.key, "collateral_ratio.quantiles")
        XCTAssertEqual(problem(text, line, "collateral_ratio = { quantiles = [[0.0, 1.5], [1.0, 3.0]], family = \"lognormal\" }")?.key,
                       "collateral_ratio.family")
        XCTAssertEqual(problem(text, line, "collateral_ratio = { family = \"normal\" }")?.key, "collateral_ratio.family")
        XCTAssertEqual(problem(text, line, "collateral_ratio = { family = \"lognormal\", median = 2.8 }")?.key, "collateral_ratio.p90")
        let element = problem(text, line, "collateral_ratio = { quantiles = [[0.0, 1.5], [0.5], [1.0, 3.0]] }")
        XCTAssertEqual(element?.key, "collateral_ratio.quantiles")
        XCTAssertEqual(element?.line, 7)
        XCTAssertEqual(element?.found, "element 2, [0.5]")
        XCTAssertEqual(problem(text, line, "collateral_ratio = { quantiles = [[0.0, \"1.5\"], [1.0, 3.0]] }")?.found, "element 1, [0.0, \"1.5\"]")
        XCTAssertEqual(problem(text, line, "collateral_ratio = { quantiles = 1.5 }")?.found, "float 1.5")
    }

    func testConcentrationShapeErrorsAreLocated() {
        let text = Self.synthetic
        let element = problem(text, "[[3, 0.25], [15, 0.50]", "[[3, 0.25], [15.0, 0.50]")
        XCTAssertEqual(element?.key, "concentration")
        XCTAssertEqual(element?.line, 8)
        XCTAssertEqual(element?.found, "element 2, [15.0, 0.5]")
        XCTAssertEqual(problem(text, "concentration = [[3, 0.25], [15, 0.50], [100, 0.83]]", "concentration = 3")?.found, "integer 3")
    }

    // MARK: Validation

    /// Each invalid value class: its key, line and the element named.
    func testEveryInvalidValueIsLocated() {
        let s = Self.synthetic
        let quantiles = "[[0.0, 1.5], [0.235, 2.25], [0.496, 2.75], [0.565, 3.0], [1.0, 8.0]]"
        let cases: [(old: String, new: String, key: String, line: Int, found: String)] = [
            ("positions = 5_000", "positions = 0", "positions", 5, "0"),
            ("positions = 5_000", "positions = 10_000_001", "positions", 5, "10000001"),
            ("total_debt_usd = 100_000_000", "total_debt_usd = -1", "total_debt_usd", 6, "-1.0"),
            ("total_debt_usd = 100_000_000", "total_debt_usd = inf", "total_debt_usd", 6, "float inf"),
            // Quantiles.
            (quantiles, "[[0.0, 1.5]]", "collateral_ratio.quantiles", 7, "1"),
            (quantiles, "[[0.1, 1.5], [1.0, 8.0]]", "collateral_ratio.quantiles", 7, "element 1, [0.1, 1.5]"),
            (quantiles, "[[0.0, 1.5], [0.9, 8.0]]", "collateral_ratio.quantiles", 7, "element 2, [0.9, 8.0]"),
            (quantiles, "[[0.0, 1.5], [0.5, 2.0], [0.4, 3.0], [1.0, 8.0]]", "collateral_ratio.quantiles", 7, "element 3, [0.4, 3.0]"),
            (quantiles, "[[0.0, 1.5], [0.5, 3.0], [0.6, 2.0], [1.0, 8.0]]", "collateral_ratio.quantiles", 7, "element 3, [0.6, 2.0]"),
            (quantiles, "[[0.0, 1.4], [1.0, 8.0]]", "collateral_ratio.quantiles", 7, "element 1, [0.0, 1.4]"),
            (quantiles, "[[0.0, 1.5], [1.0, nan]]", "collateral_ratio.quantiles", 7, "element 2, [1.0, nan]"),
            // Concentration.
            ("[[3, 0.25], [15, 0.50]", "[[0, 0.25], [15, 0.50]", "concentration", 8, "element 1, [0, 0.25]"),
            ("[[3, 0.25], [15, 0.50]", "[[15, 0.25], [15, 0.50]", "concentration", 8, "element 2, [15, 0.5]"),
            ("[[3, 0.25], [15, 0.50]", "[[3, 0.25], [15, 0.25]", "concentration", 8, "element 2, [15, 0.25]"),
            ("[100, 0.83]", "[100, 1.2]", "concentration", 8, "element 3, [100, 1.2]"),
            ("[100, 0.83]", "[6_000, 0.83]", "concentration", 8, "element 3, [6000, 0.83]"),
            ("[100, 0.83]", "[5_000, 0.83]", "concentration", 8, "element 3, [5000, 0.83]"),
            ("[100, 0.83]", "[100, 1.0]", "concentration", 8, "element 3, [100, 1.0]"),
        ]
        for item in cases {
            let found = problem(s, item.old, item.new)
            XCTAssertEqual(found?.key, item.key, item.new)
            XCTAssertEqual(found?.line, item.line, item.new)
            XCTAssertEqual(found?.found, item.found, item.new)
        }
    }

    func testANonConcaveCurveIsRefusedWithTheBandsNamed() {
        let found = problem(Self.synthetic, "[[3, 0.25], [15, 0.50]", "[[3, 0.09], [15, 0.50]")
        XCTAssertEqual(found?.key, "concentration")
        XCTAssertEqual(found?.line, 8)
        XCTAssertEqual(found?.found, "positions 4–15 average 3.42 % of the debt each (41 % together), more than positions 1–3 (3 % each, 9 % together)")
        // Equal averages are a valid (flat) curve.
        XCTAssertNoThrow(try read(Self.synthetic.replacingOccurrences(of: "[[3, 0.25], [15, 0.50]", with: "[[3, 0.1], [15, 0.50]")))
        // Concave down to the rest: the top 100 of 5,000 positions must hold at least 2 %.
        let rest = problem(Self.synthetic, "concentration = [[3, 0.25], [15, 0.50], [100, 0.83]]", "concentration = [[100, 0.01]]")
        XCTAssertEqual(rest?.found, "positions 101–5000 average 0.0202 % of the debt each (99 % together), more than positions 1–100 (0.01 % each, 1 % together)")
    }

    func testLognormalValuesAreLocated() {
        let l = Self.lognormal
        let ratio = "collateral_ratio = { family = \"lognormal\", median = 2.8, p90 = 5.0, floor = 1.55 }"
        let cases: [(new: String, key: String, found: String)] = [
            ("collateral_ratio = { family = \"lognormal\", median = 2.8, p90 = 2.0, floor = 1.55 }", "collateral_ratio.p90", "2.0"),
            ("collateral_ratio = { family = \"lognormal\", median = -2.8, p90 = 5.0, floor = 1.55 }", "collateral_ratio.median", "-2.8"),
            ("collateral_ratio = { family = \"lognormal\", median = 2.8, p90 = 5.0 }", "collateral_ratio.floor", "none"),
            ("collateral_ratio = { family = \"lognormal\", median = 2.8, p90 = 5.0, floor = 1.0 }", "collateral_ratio.floor", "1.0"),
            ("collateral_ratio = { family = \"lognormal\", median = 2.8, p90 = 5.0, floor = 3.0 }", "collateral_ratio.floor", "3.0"),
            ("collateral_ratio = { family = \"lognormal\", median = 2.8, p90 = 5.0, floor = 1.4 }\nminimum_collateral_ratio = 1.5",
             "collateral_ratio.floor", "1.4"),
            ("collateral_ratio = { family = \"lognormal\", median = 1.4, p90 = 5.0 }\nminimum_collateral_ratio = 1.5",
             "collateral_ratio.floor", "1.5 (minimum_collateral_ratio)"),
        ]
        for item in cases {
            let found = problem(l, ratio, item.new)
            XCTAssertEqual(found?.key, item.key, item.new)
            XCTAssertEqual(found?.line, 5, item.new)
            XCTAssertEqual(found?.found, item.found, item.new)
        }
    }

    func testEveryValueProblemIsReportedTogether() {
        let text = Self.synthetic.replacingOccurrences(of: "positions = 5_000", with: "positions = 0")
            .replacingOccurrences(of: "total_debt_usd = 100_000_000", with: "total_debt_usd = 0")
            .replacingOccurrences(of: "[1.0, 8.0]", with: "[0.9, 8.0]")
        XCTAssertEqual(problems(text).map(\.description), [
            "scenario.toml:5: population.eth-a.positions: expected 1…10000000 positions, found 0",
            "scenario.toml:6: population.eth-a.total_debt_usd: expected a positive, finite debt (USD), found 0.0",
            "scenario.toml:7: population.eth-a.collateral_ratio.quantiles: expected a last debt share of 1 (the largest ratio), found element 5, [0.9, 8.0]",
        ])
    }

    func testTheInitializerThrowsTheFirstProblem() {
        let population = SyntheticPopulation(positions: 10, totalDebtUSD: 1, collateralRatio: .lognormal(median: 2, p90: 3, floor: nil))
        XCTAssertThrowsError(try PopulationConfiguration(.synthetic(population))) { error in
            XCTAssertEqual((error as? ParameterError)?.key, "population.collateral_ratio.floor")
        }
        XCTAssertNoThrow(try PopulationConfiguration(.synthetic(population), minimumCollateralRatio: 1.5))
        XCTAssertEqual(PopulationConfiguration.validationErrors(.listed([]), minimumCollateralRatio: nil).map(\.description),
                       ["population.positions: expected at least one position, found none"])
        XCTAssertEqual(PopulationConfiguration.validationErrors(.listed([PositionSpec(debtUSD: 0, collateralRatio: 2),
                                                                         PositionSpec(debtUSD: 1, collateralRatio: 1.2)]),
                                                                minimumCollateralRatio: 1.25).map(\.found),
                       ["position 1: 0.0", "position 2: 1.2"])
    }
}
