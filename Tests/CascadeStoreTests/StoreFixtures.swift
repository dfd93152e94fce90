import CascadeEngine
import CascadeStore
import Foundation

/// Entries with known values, and a temporary folder per test.
enum StoreFixtures {
    static let createdAt = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28T20:26:40Z
    static let createdAtText = "2026-05-28T20:26:40Z"

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cascade-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static let inputs = [
        RunInfo.Input(path: "scenarios/a.toml", keccak256: "0x" + String(repeating: "a", count: 64)),
        RunInfo.Input(path: "protocols/m.toml", keccak256: "0x" + String(repeating: "b", count: 64)),
    ]

    /// A single run: bad debt 1234.56 USD, 7 liquidations, delays 3/9/12 blocks.
    static func run(seed: UInt64 = 42, overrides: [String] = ["chain.gas_limit=30000000"], inputs: [RunInfo.Input] = inputs,
                    badDebt: Double = 1234.56) -> RunEntry {
        let info = RunInfo(command: "run", scenario: "scenarios/a.toml", overrides: overrides, seed: seed, engineVersion: "0.1.0",
                           inputs: inputs)
        let metrics = KeyMetrics([.badDebtUSD: badDebt, .liquidations: 7, .liquidatedDebtUSD: 50_000.25, .zeroBidAuctions: 2,
                                  .delayP50Blocks: 3, .delayP90Blocks: 9, .delayMaxBlocks: 12, .cascadeDepth: 2])
        let path = PathRecord(path: 0, seed: String(seed), badDebtUSD: badDebt, liquidatedDebtUSD: 50_000.25, liquidations: 7,
                               zeroBidAuctions: 2, delayP50Blocks: 3, delayP90Blocks: 9, delayMaxBlocks: 12, cascadeDepth: 2,
                               endogenousShare: 0.285714)
        return RunEntry(info: info, scenarioName: "alpha", outputFolder: "/tmp/out/a", document: "summary.json",
                        summary: #"{"scenario": "alpha", "bad_debt_usd": \#(badDebt)}"#, pathCount: nil, metrics: metrics,
                        paths: [path], createdAt: createdAt)
    }

    /// Three paths, the second without liquidations (no delays).
    static let paths = [
        PathRecord(path: 0, seed: "18446744073709551615", badDebtUSD: 0, liquidatedDebtUSD: 1000.5, liquidations: 3, zeroBidAuctions: 0,
                    delayP50Blocks: 2, delayP90Blocks: 4, delayMaxBlocks: 4, cascadeDepth: 1, endogenousShare: 0),
        PathRecord(path: 1, seed: "12", badDebtUSD: 0, liquidatedDebtUSD: 0, liquidations: 0, zeroBidAuctions: 0,
                    delayP50Blocks: nil, delayP90Blocks: nil, delayMaxBlocks: nil, cascadeDepth: 0, endogenousShare: 0),
        PathRecord(path: 2, seed: "977", badDebtUSD: 250.75, liquidatedDebtUSD: 9000, liquidations: 11, zeroBidAuctions: 5,
                    delayP50Blocks: 7, delayP90Blocks: 30, delayMaxBlocks: 41, cascadeDepth: 3, endogenousShare: 0.125),
    ]

    /// A Monte Carlo of ``paths`` with its risk measures.
    static func monteCarlo() -> RunEntry {
        let info = RunInfo(command: "montecarlo", scenario: "scenarios/a.toml", overrides: [], seed: 42, engineVersion: "0.1.0",
                           arguments: ["paths=3"], inputs: inputs)
        let metrics = KeyMetrics([.badDebtUSD: 83.58, .liquidations: 4.67, .var95USD: 250.75, .var99USD: 250.75, .es95USD: 250.75,
                                  .es99USD: 250.75, .lar95USD: 9000, .lar99USD: 9000, .insolvencyProbability: 1.0 / 3])
        return RunEntry(info: info, scenarioName: "alpha", outputFolder: "/tmp/out/mc", document: "montecarlo.json",
                        summary: #"{"scenario": "alpha", "paths": 3}"#, pathCount: 3, metrics: metrics, paths: paths,
                        createdAt: createdAt)
    }
}
