import CascadeProtocols
import Foundation
import XCTest

@testable import CascadeEngine

/// `MarketConfiguration`: the `[market]` reader and the validation, each problem located.
final class MarketConfigurationTests: XCTestCase {
    /// Every price source; ETH replays the shipped Black Thursday file.
    static let scenario = """
        [market.assets.ETH]
        price = "series"
        series = "data/black-thursday-2020/eth-usd.csv"
        depth_usd_2pct = 2_800_000
        recovery_half_life_seconds = 1_800

        [market.assets.DAI]
        price = "constant"
        initial_price = 1.0
        depth_usd_2pct = 2.8e6
        recovery_half_life_seconds = 600

        [market.assets.WBTC]
        price = "gbm"
        initial_price = 7_900
        drift_per_year = 0
        volatility_per_year = 0.7
        depth_usd_2pct = 5_000_000
        recovery_half_life_seconds = 1_800

        [market.assets.SOL]
        price = "merton"
        initial_price = 20
        drift_per_year = 0.05
        volatility_per_year = 1.1
        jumps_per_day = 0.5
        jump_mean = -0.08
        jump_std_dev = 0.04
        depth_usd_2pct = 400_000
        recovery_half_life_seconds = 900

        [market.correlations]
        SOL.WBTC = 0.6
        """

    static let scenarios = ProtocolFilesTests.root.appendingPathComponent("scenarios").path

    func read(_ text: String, dataDirectory: String = scenarios) throws(ConfigurationError) -> MarketConfiguration {
        var reader = KeyReader(file: "scenario.toml", document: try! TOMLDocument(parsing: text))
        let configuration = try MarketConfiguration.read(&reader, dataDirectory: dataDirectory)
        XCTAssertEqual(reader.unknownKeys(), [])
        return configuration
    }

    /// The problems of reading `text`, or a failure.
    func problems(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [ConfigurationError.Problem] {
        do {
            _ = try read(text)
            XCTFail("expected an error", file: file, line: line)
        } catch {
            return error.problems
        }
        return []
    }

    /// `scenario` with `old` replaced by `new` (which must occur).
    func edited(_ old: String, _ new: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        XCTAssertTrue(Self.scenario.contains(old), old, file: file, line: line)
        return Self.scenario.replacingOccurrences(of: old, with: new)
    }

    func testReadsEverySource() throws {
        let market = try read(Self.scenario)
        XCTAssertEqual(market.assets.map(\.symbol), ["ETH", "DAI", "WBTC", "SOL"])
        guard case .series(let series) = market.assets[0].source else { return XCTFail("ETH source") }
        XCTAssertEqual(series.source, Self.scenarios + "/data/black-thursday-2020/eth-usd.csv")
        XCTAssertEqual(series.rows.first?.price, 195.21)
        XCTAssertEqual(market.assets[1].source, .constant(1))
        XCTAssertEqual(market.assets[2].source, .gbm(initial: 7_900, driftPerYear: 0, volatilityPerYear: 0.7))
        XCTAssertEqual(market.assets[3].source, .merton(initial: 20, driftPerYear: 0.05, volatilityPerYear: 1.1,
                                                        jumpsPerDay: 0.5, jumpMean: -0.08, jumpStdDev: 0.04))
        XCTAssertEqual(market.assets.map(\.depthUSD2Percent), [2_800_000, 2_800_000, 5_000_000, 400_000])
        XCTAssertEqual(market.assets.map(\.recoveryHalfLifeSeconds), [1_800, 600, 1_800, 900])
        XCTAssertEqual(market.stochasticAssets, [2, 3])
        XCTAssertEqual(market.correlations, [[1, 0.6], [0.6, 1]])
    }

    func testCorrelationsDefaultToIndependent() throws {
        let market = try read(edited("[market.correlations]\nSOL.WBTC = 0.6", ""))
        XCTAssertEqual(market.correlations, [[1, 0], [0, 1]])
    }

    func testMissingSeriesFileNamesTheKeyAndThePath() {
        let p = problems(edited("eth-usd.csv", "eth-usd-missing.csv"))
        XCTAssertEqual(p.count, 1)
        XCTAssertEqual(p.first?.key, "market.assets.ETH.series")
        XCTAssertEqual(p.first?.line, 3)
        XCTAssertEqual(p.first?.file, "scenario.toml")
        XCTAssertTrue(p.first?.found.hasPrefix("\"\(Self.scenarios)/data/black-thursday-2020/eth-usd-missing.csv\"") == true, "\(p)")
    }

    func testMalformedSeriesNamesTheCSVLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("market-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "timestamp,price_usd\n100,1\n50,1\n".write(to: directory.appendingPathComponent("p.csv"), atomically: true, encoding: .utf8)
        let text = edited("\"data/black-thursday-2020/eth-usd.csv\"", "\"p.csv\"")
        XCTAssertThrowsError(try read(text, dataDirectory: directory.path)) { error in
            let p = (error as? ConfigurationError)?.problems.first
            XCTAssertEqual(p?.file, directory.appendingPathComponent("p.csv").path)
            XCTAssertEqual(p?.line, 3)
            XCTAssertEqual(p?.key, "timestamp")
        }
    }

    func testUnknownPriceSource() {
        let p = problems(edited("price = \"gbm\"", "price = \"heston\""))
        XCTAssertEqual(p.first?.key, "market.assets.WBTC.price")
        XCTAssertEqual(p.first?.line, 14)
        XCTAssertEqual(p.first?.expected, "one of \"constant\", \"series\", \"gbm\", \"merton\"")
    }

    func testMissingAndMistypedNumbers() {
        let missing = problems(edited("jump_std_dev = 0.04\n", ""))
        XCTAssertEqual(missing.first?.key, "market.assets.SOL.jump_std_dev")
        XCTAssertEqual(missing.first?.found, "no value (the key is required)")
        let typed = problems(edited("volatility_per_year = 0.7", "volatility_per_year = \"70%\""))
        XCTAssertEqual(typed.first?.key, "market.assets.WBTC.volatility_per_year")
        XCTAssertEqual(typed.first?.line, 17)
        XCTAssertEqual(typed.first?.found, "string \"70%\"")
        XCTAssertEqual(problems(edited("volatility_per_year = 0.7", "volatility_per_year = nan")).first?.found, "float nan")
    }

    func testNoAssets() {
        let p = problems("[market]\n")
        XCTAssertEqual(p.first?.key, "market.assets")
        XCTAssertEqual(p.first?.found, "none")
    }

    func testOutOfRangeValuesAreReportedTogetherAtTheirLines() {
        let text = edited("depth_usd_2pct = 5_000_000", "depth_usd_2pct = -1")
            .replacingOccurrences(of: "volatility_per_year = 1.1", with: "volatility_per_year = -0.1")
            .replacingOccurrences(of: "recovery_half_life_seconds = 600", with: "recovery_half_life_seconds = 0")
            .replacingOccurrences(of: "initial_price = 1.0", with: "initial_price = 0")
            .replacingOccurrences(of: "jumps_per_day = 0.5", with: "jumps_per_day = -2")
        let p = problems(text)
        XCTAssertEqual(p.map(\.key), ["market.assets.DAI.initial_price", "market.assets.DAI.recovery_half_life_seconds",
                                      "market.assets.WBTC.depth_usd_2pct", "market.assets.SOL.volatility_per_year",
                                      "market.assets.SOL.jumps_per_day"])
        XCTAssertEqual(p.map(\.line), [9, 11, 18, 25, 26])
        XCTAssertEqual(p[2].description, "scenario.toml:18: market.assets.WBTC.depth_usd_2pct: expected a positive, finite amount of USD, found -1.0")
    }

    func testCorrelationOutOfRangeIsLocatedAsWritten() {
        let p = problems(edited("SOL.WBTC = 0.6", "SOL.WBTC = 1.5"))
        XCTAssertEqual(p.count, 1)
        XCTAssertEqual(p.first?.key, "market.correlations.SOL.WBTC")
        XCTAssertEqual(p.first?.line, 33)
        XCTAssertEqual(p.first?.expected, "a correlation in [-1, 1]")
    }

    func testCorrelationNamesMustBeTwoDifferentStochasticAssets() {
        let unknown = problems(edited("SOL.WBTC", "SOL.ADA"))
        XCTAssertEqual(unknown.first?.key, "market.correlations.SOL.ADA")
        XCTAssertEqual(unknown.first?.found, "ADA (no [market.assets.ADA] table)")
        XCTAssertEqual(problems(edited("SOL.WBTC", "SOL.DAI")).first?.found, "DAI (price = \"constant\", not stochastic)")
        XCTAssertEqual(problems(edited("SOL.WBTC", "ETH.WBTC")).first?.found, "ETH (price = \"series\", not stochastic)")
        XCTAssertEqual(problems(edited("SOL.WBTC", "SOL.SOL")).first?.found, "\"SOL.SOL\"")
        XCTAssertEqual(problems(edited("SOL.WBTC = 0.6", "SOL = 0.6")).first?.key, "market.correlations.SOL")
    }

    func testACorrelationPairIsGivenOnce() {
        let p = problems(Self.scenario + "\nWBTC.SOL = 0.6\n")
        XCTAssertEqual(p.first?.key, "market.correlations.WBTC.SOL")
        XCTAssertEqual(p.first?.line, 34)
        XCTAssertEqual(p.first?.found, "a second value for market.correlations.SOL.WBTC (line 33)")
    }

    func testCorrelationsMustBePositiveSemiDefinite() {
        let gbm = """
            price = "gbm"
            initial_price = 1
            drift_per_year = 0
            volatility_per_year = 0.5
            depth_usd_2pct = 1_000
            recovery_half_life_seconds = 60
            """
        let text = ["A", "B", "C"].map { "[market.assets.\($0)]\n\(gbm)\n" }.joined()
        let consistent = text + "[market.correlations]\nA.B = 0.9\nA.C = 0.9\nB.C = 0.7\n"
        XCTAssertNoThrow(try read(consistent))
        let p = problems(text + "[market.correlations]\nA.B = 0.9\nA.C = 0.9\nB.C = -0.9\n")
        XCTAssertEqual(p.count, 1)
        XCTAssertEqual(p.first?.key, "market.correlations")
        XCTAssertEqual(p.first?.line, 22)
        XCTAssertEqual(p.first?.expected, "a positive semi-definite matrix (correlations some joint distribution can have)")
        XCTAssertTrue(p.first?.found.hasPrefix("a residual variance of -") == true, "\(p)")
        XCTAssertTrue(p.first?.found.hasSuffix(" for C given A, B") == true, "\(p)")
        // A and B identical (ρ = 1) but correlated differently with C.
        let singular = problems(text + "[market.correlations]\nA.B = 1\nA.C = 0\nB.C = 0.5\n")
        XCTAssertEqual(singular.first?.found, "B fully determined by A but its residual covariance with C is 0.5")
        XCTAssertNoThrow(try read(text + "[market.correlations]\nA.B = 1\nA.C = 0.5\nB.C = 0.5\n"))
    }

    // MARK: Validation of configurations built in Swift

    static func asset(_ symbol: String, _ source: PriceSource = .gbm(initial: 1, driftPerYear: 0, volatilityPerYear: 0.5)) -> AssetMarket {
        AssetMarket(symbol: symbol, source: source, depthUSD2Percent: 1_000, recoveryHalfLifeSeconds: 60)
    }

    func testMatrixShapeSymmetryAndDiagonal() {
        let assets = [Self.asset("A"), Self.asset("USD", .constant(1)), Self.asset("B")]
        XCTAssertEqual(MarketConfiguration(assets: assets).validationErrors(), [])
        XCTAssertEqual(MarketConfiguration(assets: assets, correlations: [[1, 0, 0], [0, 1, 0], [0, 0, 1]]).validationErrors(),
                       [ParameterError(key: "market.correlations", expected: "a 2×2 matrix over the stochastic assets (A, B), or none",
                                       found: "rows of lengths [3, 3, 3]")])
        XCTAssertEqual(MarketConfiguration(assets: assets, correlations: [[1, 0.5], [0.4, 1]]).validationErrors(),
                       [ParameterError(key: "market.correlations.A.B", expected: "a symmetric matrix (0.4 as below the diagonal)", found: "0.5")])
        XCTAssertEqual(MarketConfiguration(assets: assets, correlations: [[1, 0], [0, 0.9]]).validationErrors(),
                       [ParameterError(key: "market.correlations.B.B", expected: "1 on the diagonal", found: "0.9")])
    }

    func testSymbolsAndJumpSizes() {
        let errors = MarketConfiguration(assets: [
            Self.asset("A"), Self.asset("A"), Self.asset(""),
            Self.asset("J", .merton(initial: 1, driftPerYear: 0, volatilityPerYear: 0, jumpsPerDay: 1, jumpMean: 800, jumpStdDev: 0)),
        ]).validationErrors(key: "m")
        XCTAssertEqual(errors.map(\.key), ["m.assets.A", "m.assets.", "m.assets.J.jump_mean"])
    }
}
