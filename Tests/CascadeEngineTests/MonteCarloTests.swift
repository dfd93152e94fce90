import CascadeEngine
import XCTest

/// Monte Carlo paths on the reduced Black Thursday (half an hour from 10:00 UTC, 300 vaults).
final class MonteCarloTests: XCTestCase {
    static func scenario() throws -> Scenario {
        try ScenarioLoader.load(path: ScenarioRun.path("scenarios/black-thursday-2020.toml"),
                                overrides: ScenarioRun.reducedBlackThursday + [("duration_hours", "0.5")])
    }

    /// Signatures never change outcomes: a path's metrics and its summary are identical with and
    /// without signing.
    func testMetricsIdenticalWithAndWithoutSigning() throws {
        let scenario = try Self.scenario()
        let seed = MonteCarlo.pathSeed(scenario.seed, path: 1)
        let signed = try MonteCarlo.simulate(scenario, seed: seed, signing: true)
        let unsigned = try MonteCarlo.simulate(scenario, seed: seed, signing: false)
        XCTAssertGreaterThan(signed.liquidations, 0, "the path must do something")
        XCTAssertEqual(signed, unsigned)
        XCTAssertEqual(ScenarioRun.summary(try WorldBuilder.build(scenario, seed: seed, signing: true)),
                       ScenarioRun.summary(try WorldBuilder.build(scenario, seed: seed, signing: false)))
    }

    func testPathsAreIdenticalForOneAndTwoThreadsAndDifferAcrossSeeds() throws {
        let scenario = try Self.scenario()
        let one = try MonteCarlo.run(scenario, paths: 3, jobs: 1)
        let two = try MonteCarlo.run(scenario, paths: 3, jobs: 2)
        XCTAssertEqual(one.paths, two.paths)
        XCTAssertEqual(one.csv, two.csv)
        XCTAssertEqual(one.json(engineVersion: "t", insolvencyFraction: 0.01), two.json(engineVersion: "t", insolvencyFraction: 0.01))
        XCTAssertEqual(one.paths[0], try MonteCarlo.simulate(scenario, seed: MonteCarlo.pathSeed(scenario.seed, path: 0)))
        XCTAssertGreaterThan(Set(one.paths.map(\.liquidatedDebtUSD)).count, 1, "paths draw different worlds")
        XCTAssertEqual(one.csv.split(separator: "\n").first.map(String.init), MonteCarloResult.csvHeader)
        XCTAssertEqual(one.csv.split(separator: "\n").count, 4)
        XCTAssertEqual(one.horizonBlocks, scenario.blocks)
        XCTAssertEqual(one.horizonSeconds, UInt64(scenario.blocks) * scenario.chain.blockTimeSeconds)
    }

    func testInitialDebtIsThePopulationsDebt() throws {
        let scenario = try Self.scenario()
        // 300 vaults holding 6 M DAI and the Compound book of the scenario file ($30 M).
        XCTAssertEqual(scenario.initialDebtUSD, 36_000_000)
    }
}
