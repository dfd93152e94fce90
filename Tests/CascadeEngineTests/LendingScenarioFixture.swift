import CascadeEngine
import Foundation
import XCTest

/// A small Aave + Compound + Uniswap scenario written into a fresh temporary folder beside copies
/// of the shipped protocol files, so that tests can vary its text and know every line.
///
/// ETH is held at $3,000 for ten minutes, then falls to $1,000 over the next ten (a recorded
/// series, so the outcome does not depend on a random path). One Aave position (debt $10,000,
/// collateral ratio 1.3) and one Compound account (debt $10,000, ratio 1.5) borrow USDC against
/// WETH; a feed relayer keeps the ETH feed within 0.5 % of the market.
enum LendingScenarioFixture {
    /// The repository root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The scenario text; `agents` are appended (the feed relayer is always there).
    static func text(agents: String = "") -> String {
        """
        name = "lending-fixture"
        description = "one Aave position and one Compound account in a fall from $3,000 to $1,000"
        seed = 7
        blocks = 200

        [chain]
        fee_market = "eip1559"
        start_timestamp = "2025-12-02T00:00:00Z"

        [market.assets.ETH]
        price = "series"
        series = "eth.csv"
        depth_usd_2pct = 10_000_000
        recovery_half_life_seconds = 1_800

        [market.assets.USDC]
        price = "constant"
        initial_price = 1.0
        depth_usd_2pct = 100_000_000
        recovery_half_life_seconds = 600

        [tokens]
        WETH = "ETH"
        USDC = "USDC"

        [protocols.aave]
        file = "protocols/aave-v3-ethereum.toml"

        [protocols.compound]
        file = "protocols/compound-v2.toml"

        [protocols.uniswap]
        file = "protocols/uniswap-v2.toml"

        [feeds.ETH]
        tokens = ["WETH"]
        reporters = 5
        quorum = 3

        [feeds.USDC]
        reporters = 5
        quorum = 3
        heartbeat_seconds = 86_400

        [liquidity.aave]
        USDC = 1_000_000

        [liquidity.compound]
        cUSDC = 1_000_000

        [liquidity.uniswap]
        WETH-USDC = 5_000_000

        [population.aave]
        protocol = "aave"
        collateral = "WETH"
        debt = "USDC"
        source = "csv"
        file = "aave.csv"

        [population.compound]
        protocol = "compound"
        collateral = "cETH"
        debt = "cUSDC"
        source = "csv"
        file = "compound.csv"

        [agents.eth-feed]
        kind = "feed-relayer"
        feed = "ETH"
        gas = { strategy = "fixed", price = "2 gwei" }

        """ + agents
    }

    /// Liquidators (Aave latency 3 blocks, Compound 2) and an arbitrageur of WETH-USDC.
    static let agents = """
        [agents.aave-liquidator]
        kind = "liquidator"
        protocol = "aave"
        capital = { USDC = "1_000_000" }
        min_profit_usd = 0
        latency_blocks = 3
        gas = { strategy = "fixed", price = "2 gwei" }

        [agents.compound-liquidator]
        kind = "liquidator"
        protocol = "compound"
        capital = { USDC = "1_000_000" }
        min_profit_usd = 0
        latency_blocks = 2
        gas = { strategy = "fixed", price = "2 gwei" }

        [agents.arbitrageur]
        kind = "arbitrageur"
        pair = "WETH-USDC"
        capital = { WETH = "5_000", USDC = "5_000_000" }
        min_profit_usd = 0
        gas = { strategy = "fixed", price = "2 gwei" }

        """

    /// Writes `text` as `scenario.toml` into a new temporary folder with the data files and the
    /// shipped protocol files; returns the scenario's path.
    static func write(_ text: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lending-\(UUID().uuidString)")
        let protocols = directory.appendingPathComponent("protocols")
        try FileManager.default.createDirectory(at: protocols, withIntermediateDirectories: true)
        for name in ["aave-v3-ethereum.toml", "compound-v2.toml", "uniswap-v2.toml", "maker-mcd-clip.toml"] {
            try FileManager.default.copyItem(at: root.appendingPathComponent("protocols/\(name)"), to: protocols.appendingPathComponent(name))
        }
        let files = [
            "eth.csv": "timestamp,price_usd\n2025-12-02T00:00:00Z,3000\n2025-12-02T00:10:00Z,3000\n2025-12-02T00:20:00Z,1000\n",
            "aave.csv": "debt_usd,collateral_ratio\n10000,1.3\n",
            "compound.csv": "debt_usd,collateral_ratio\n10000,1.5\n",
            "scenario.toml": text,
        ]
        for (name, contents) in files {
            try contents.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory.appendingPathComponent("scenario.toml").path
    }

    /// Loads `text` (written by ``write(_:)``) with `overrides`.
    static func load(_ text: String, overrides: [(key: String, value: String)] = []) throws -> Scenario {
        try ScenarioLoader.load(path: write(text), overrides: overrides)
    }

    /// The 1-based line of the first line of `text` containing `fragment`.
    static func line(of fragment: String, in text: String) -> Int? {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(fragment) }.map { $0 + 1 }
    }
}
