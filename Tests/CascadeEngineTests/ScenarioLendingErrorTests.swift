import CascadeEngine
import CascadeMath
import XCTest

/// Each class of bad input to the lending keys (docs/scenarios-lending.md) gives a located
/// ``ConfigurationError``: the scenario file, the key, the line where the key is written (none
/// for a missing key or a `--set` override), what was expected.
final class ScenarioLendingErrorTests: XCTestCase {
    let base = LendingScenarioFixture.text(agents: LendingScenarioFixture.agents)

    /// `base` with `old` replaced by `new` (which must occur).
    func edited(_ old: String, _ new: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        XCTAssertTrue(base.contains(old), "fixture lacks \(old)", file: file, line: line)
        return base.replacingOccurrences(of: old, with: new)
    }

    /// Loading `text` fails first at `key`, on the line of `fragment` in `text` (nil: no line),
    /// expecting something containing `expected`.
    func assertError(_ text: String, overrides: [(key: String, value: String)] = [], key: String, at fragment: String?,
                     expected: String, file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try LendingScenarioFixture.load(text, overrides: overrides)
            XCTFail("loaded", file: file, line: line)
        } catch let error as ConfigurationError {
            let problem = error.problems[0]
            XCTAssertEqual(problem.key, key, problem.description, file: file, line: line)
            XCTAssertTrue(problem.file.hasSuffix("scenario.toml"), problem.description, file: file, line: line)
            XCTAssertEqual(problem.line, fragment.flatMap { LendingScenarioFixture.line(of: $0, in: text) }, problem.description,
                           file: file, line: line)
            XCTAssertTrue(problem.expected.contains(expected), problem.description, file: file, line: line)
        } catch {
            XCTFail("\(error)", file: file, line: line)
        }
    }

    func testTheFixtureLoads() throws {
        let scenario = try LendingScenarioFixture.load(base)
        XCTAssertEqual(scenario.lending.aave?.name, "aave")
        XCTAssertEqual(scenario.lending.compound?.definition.markets.count, 4)
        XCTAssertEqual(scenario.lending.feeds.map(\.symbol), ["ETH", "USDC"])
        XCTAssertEqual(scenario.lending.feeds[1].tokens.map(\.symbol), ["USDC"])  // by default, from [tokens]
        XCTAssertEqual(scenario.lending.feeds[0].deviationBps, 50)
        XCTAssertEqual(scenario.lending.liquidity.map(\.key), ["liquidity.aave.USDC", "liquidity.compound.cUSDC", "liquidity.uniswap.WETH-USDC"])
        XCTAssertEqual(scenario.lending.populations.map(\.name), ["population.aave", "population.compound"])
        XCTAssertEqual(scenario.agents.count, 4)
        guard case let .liquidators(_, count, capital, configuration) = scenario.agents[1] else { return XCTFail("liquidator") }
        XCTAssertEqual(count, 1)
        XCTAssertEqual(capital.map(\.amount), [UInt256(1_000_000_000_000 as UInt64)])  // 1,000,000 USDC, 6 decimals
        XCTAssertEqual(configuration.latency, 3)
        XCTAssertEqual(configuration.assets.count, 2)  // WETH and USDC: the market prices no WBTC or DAI
        XCTAssertEqual(configuration.assets.values.map(\.depthUSD2Percent).sorted(), [10_000_000, 100_000_000])
    }

    // MARK: Protocols

    func testSecondDeploymentOfAKind() {
        let text = base + "\n[protocols.aave2]\nfile = \"./protocols/aave-v3-ethereum.toml\"\n"
        assertError(text, key: "protocols.aave2.file", at: "./protocols/aave", expected: "at most one deployment of kind \"aave-v3\"")
    }

    func testOneAddressPerSymbol() {
        assertError(base, overrides: [("protocols.uniswap.pairs.WETH-USDC.token_a.address", "\"0x00000000000000000000000000000000000000aa\"")],
                    key: "protocols.uniswap.file", at: "protocols/uniswap", expected: "one address per token symbol")
    }

    func testOneNumberOfDecimalsPerAddress() {
        assertError(base, overrides: [("protocols.uniswap.pairs.WETH-USDC.token_b.decimals", "18")],
                    key: "protocols.uniswap.file", at: "protocols/uniswap", expected: "one number of decimals per token address")
    }

    // MARK: Feeds

    func testFeedNamedAfterNoMarketAsset() {
        let text = base + "\n[feeds.BTC]\nreporters = 5\nquorum = 3\n"
        assertError(text, key: "feeds.BTC", at: "[feeds.BTC]", expected: "a feed named after a market asset")
    }

    func testFeedTokens() {
        assertError(edited("tokens = [\"WETH\"]", "tokens = [\"WETHX\"]"), key: "feeds.ETH.tokens", at: "WETHX",
                    expected: "tokens of the scenario's lending protocols")
        assertError(edited("tokens = [\"WETH\"]", "tokens = [\"USDC\"]"), key: "feeds.ETH.tokens", at: "tokens = [\"USDC\"]",
                    expected: "tokens whose [tokens] entry is \"ETH\"")
        assertError(edited("tokens = [\"WETH\"]", "tokens = \"WETH\""), key: "feeds.ETH.tokens", at: "tokens = \"WETH\"",
                    expected: "an array of token symbols")
        assertError(edited("tokens = [\"WETH\"]", "tokens = []"), key: "feeds.ETH.tokens", at: "tokens = []", expected: "at least one")
    }

    func testFeedNumbers() {
        assertError(edited("[feeds.ETH]\ntokens = [\"WETH\"]\nreporters = 5", "[feeds.ETH]\ntokens = [\"WETH\"]\nreporters = 0"),
                    key: "feeds.ETH.reporters", at: "reporters = 0", expected: "1 … 255 reporters")
        assertError(edited("reporters = 5\nquorum = 3\n\n[feeds.USDC]", "reporters = 5\nquorum = 6\n\n[feeds.USDC]"),
                    key: "feeds.ETH.quorum", at: "quorum = 6", expected: "1 … reporters (5)")
        assertError(edited("[feeds.USDC]\n", "[feeds.USDC]\ndeviation_bps = 0\n"), key: "feeds.USDC.deviation_bps",
                    at: "deviation_bps = 0", expected: "1 … 10,000 basis points")
        assertError(edited("heartbeat_seconds = 86_400", "heartbeat_seconds = 0"), key: "feeds.USDC.heartbeat_seconds",
                    at: "heartbeat_seconds = 0", expected: "at least 1 second")
        assertError(edited("[feeds.USDC]\nreporters = 5\n", "[feeds.USDC]\n"), key: "feeds.USDC.reporters", at: nil,
                    expected: "reporters, 1 … 255")
    }

    func testFeedsNeedAStartAfterTheFirstBlockTime() {
        assertError(edited("start_timestamp = \"2025-12-02T00:00:00Z\"", "start_timestamp = 12"), key: "chain.start_timestamp",
                    at: "start_timestamp = 12", expected: "a start after the first block time")
    }

    // MARK: Liquidity

    func testLiquidity() {
        assertError(edited("[liquidity.aave]", "[liquidity.aavex]"), key: "liquidity.aavex.USDC", at: "USDC = 1_000_000",
                    expected: "liquidity.NAME.MARKET with NAME an Aave, Compound or Uniswap table")
        assertError(edited("[liquidity.aave]\nUSDC", "[liquidity.aave]\nUSDT"), key: "liquidity.aave.USDT", at: "USDT =",
                    expected: "a reserve of [protocols.aave]")
        assertError(edited("cUSDC = 1_000_000", "cUSDT = 1_000_000"), key: "liquidity.compound.cUSDT", at: "cUSDT =",
                    expected: "a market of [protocols.compound]")
        assertError(edited("WETH-USDC = 5_000_000", "WETH-WBTC = 5_000_000"), key: "liquidity.uniswap.WETH-WBTC", at: "WETH-WBTC =",
                    expected: "a pair of [protocols.uniswap]")
        assertError(edited("[liquidity.aave]\nUSDC = 1_000_000", "[liquidity.aave]\nUSDC = 0"), key: "liquidity.aave.USDC",
                    at: "USDC = 0", expected: "a positive USD amount")
        assertError(edited("[liquidity.aave]\nUSDC = 1_000_000", "[liquidity.aave]\nUSDC = \"1\""), key: "liquidity.aave.USDC",
                    at: "USDC = \"1\"", expected: "a finite number")
        assertError(edited("WETH-USDC = 5_000_000", "WETH-DAI = 5_000_000"), key: "liquidity.uniswap.WETH-DAI", at: "WETH-DAI =",
                    expected: "a [tokens] entry DAI = \"SYMBOL\"")
    }

    // MARK: Populations

    func testPopulationNeedsItsDeployment() {
        let text = edited("[protocols.compound]\nfile = \"protocols/compound-v2.toml\"\n", "")
            .replacingOccurrences(of: "[liquidity.compound]\ncUSDC = 1_000_000\n", with: "")
        assertError(text, key: "population.compound.protocol", at: "protocol = \"compound\"",
                    expected: "a scenario with a Compound v2 deployment")
        assertError(edited("protocol = \"aave\"\ncollateral", "protocol = \"aavez\"\ncollateral"), key: "population.aave.protocol",
                    at: "\"aavez\"", expected: "one of \"maker\", \"aave\", \"compound\"")
    }

    func testPopulationMarkets() {
        assertError(edited("collateral = \"WETH\"", "collateral = \"WETHX\""), key: "population.aave.collateral", at: "WETHX",
                    expected: "a reserve of [protocols.aave]")
        assertError(edited("debt = \"USDC\"", "debt = \"WETH\""), key: "population.aave.debt", at: "debt = \"WETH\"",
                    expected: "a reserve other than the collateral with borrowing enabled")
        assertError(edited("collateral = \"WETH\"", "collateral = \"WBTC\""), key: "population.aave.collateral", at: "WBTC",
                    expected: "a token priced by a [feeds.SYMBOL] table")
        assertError(base, overrides: [("protocols.aave.reserves.WETH.ltv", "\"0%\"")], key: "population.aave.collateral",
                    at: "collateral = \"WETH\"", expected: "a reserve with a non-zero LTV")
        assertError(edited("collateral = \"cETH\"", "collateral = \"cETHX\""), key: "population.compound.collateral", at: "cETHX",
                    expected: "a market of [protocols.compound]")
        assertError(edited("debt = \"cUSDC\"", "debt = \"cETH\""), key: "population.compound.debt", at: "debt = \"cETH\"",
                    expected: "a market other than the collateral")
    }

    func testPopulationRatiosTheProtocolRefuses() {
        let synthetic = "source = \"synthetic\"\npositions = 10\ntotal_debt_usd = 100_000\n"
            + "collateral_ratio = { family = \"lognormal\", median = 2.0, p90 = 3.0, floor = 1.2 }"
        assertError(edited("source = \"csv\"\nfile = \"aave.csv\"", synthetic), key: "population.aave.collateral_ratio.floor",
                    at: "floor = 1.2", expected: "collateral ratios of at least 1.2423")
        // The CSV's 1.3 is under 1 / 0.75 for cETH once its collateral factor is 75 %.
        assertError(edited("compound.csv", "./aave.csv"), key: "population.compound.file", at: "./aave.csv",
                    expected: "collateral ratios of at least 1.3334")
    }

    func testCompoundOwnersDoNotDefend() {
        let owners = "\n[population.compound.owners]\ndefend_share = 0.5\n"
        let text = edited("file = \"compound.csv\"\n", "file = \"compound.csv\"\n" + owners)
        assertError(text, key: "population.compound.owners", at: "[population.compound.owners]", expected: "no defending owners")
    }

    // MARK: Agents

    func testLiquidatorKeys() {
        assertError(edited("protocol = \"aave\"\ncapital", "protocol = \"maker\"\ncapital"), key: "agents.aave-liquidator.protocol",
                    at: "protocol = \"maker\"", expected: "one of \"aave\", \"compound\"")
        assertError(edited("capital = { USDC = \"1_000_000\" }\nmin_profit_usd = 0\nlatency_blocks = 3",
                           "capital = { FOO = \"1_000_000\" }\nmin_profit_usd = 0\nlatency_blocks = 3"),
                    key: "agents.aave-liquidator.capital.FOO", at: "FOO", expected: "a token of WETH, WBTC, USDC, DAI")
        assertError(edited("capital = { USDC = \"1_000_000\" }\nmin_profit_usd = 0\nlatency_blocks = 3",
                           "capital = { DAI = \"1_000_000\" }\nmin_profit_usd = 0\nlatency_blocks = 3"),
                    key: "agents.aave-liquidator.capital.DAI", at: "DAI =", expected: "a [tokens] entry DAI")
        assertError(edited("capital = { USDC = \"1_000_000\" }\nmin_profit_usd = 0\nlatency_blocks = 3",
                           "capital = { USDC = 1_000_000 }\nmin_profit_usd = 0\nlatency_blocks = 3"),
                    key: "agents.aave-liquidator.capital.USDC", at: "USDC = 1_000_000 }", expected: "whole tokens as a string")
        assertError(edited("capital = { USDC = \"1_000_000\" }\nmin_profit_usd = 0\nlatency_blocks = 3",
                           "capital = { USDC = \"lots\" }\nmin_profit_usd = 0\nlatency_blocks = 3"),
                    key: "agents.aave-liquidator.capital.USDC", at: "\"lots\"", expected: "an amount (whole USDC per agent)")
        assertError(edited("capital = { USDC = \"1_000_000\" }\nmin_profit_usd = 0\nlatency_blocks = 3",
                           "capital = \"1_000_000\"\nmin_profit_usd = 0\nlatency_blocks = 3"),
                    key: "agents.aave-liquidator.capital", at: "capital = \"1_000_000\"", expected: "a table of token amounts")
        assertError(edited("capital = { USDC = \"1_000_000\" }\nmin_profit_usd = 0\nlatency_blocks = 3",
                           "min_profit_usd = 0\nlatency_blocks = 3"),
                    key: "agents.aave-liquidator.capital", at: nil, expected: "a table of token amounts")
        assertError(edited("min_profit_usd = 0\nlatency_blocks = 3", "min_profit_usd = -1\nlatency_blocks = 3"),
                    key: "agents.aave-liquidator.min_profit_usd", at: "min_profit_usd = -1", expected: "a profit ≥ 0 USD")
        assertError(edited("min_profit_usd = 0\nlatency_blocks = 3\n", "min_profit_usd = 0\n"),
                    key: "agents.aave-liquidator.latency_blocks", at: nil, expected: "blocks between observing and sending")
        assertError(edited("latency_blocks = 3\n", "latency_blocks = 3\ndepth_usd_2pct = { FOO = 1 }\n"),
                    key: "agents.aave-liquidator.depth_usd_2pct.FOO", at: "FOO = 1", expected: "a token of the protocol")
        assertError(edited("latency_blocks = 3\n", "latency_blocks = 3\ndepth_usd_2pct = { WETH = 0 }\n"),
                    key: "agents.aave-liquidator.depth_usd_2pct.WETH", at: "WETH = 0", expected: "a positive USD depth")
        assertError(edited("latency_blocks = 3\n", "latency_blocks = 3\nnative = \"BTC\"\n"),
                    key: "agents.aave-liquidator.native", at: "native = \"BTC\"", expected: "a market asset (ETH, USDC)")
        assertError(edited("latency_blocks = 3\n", "latency_blocks = 3\ncolour = \"red\"\n"),
                    key: "agents.aave-liquidator.colour", at: "colour", expected: "one of capital, count")
    }

    func testLiquidatorDepthOverride() throws {
        let scenario = try LendingScenarioFixture.load(edited("latency_blocks = 3\n", "latency_blocks = 3\ndepth_usd_2pct = { WETH = 5_000_000 }\n"))
        guard case let .liquidators(_, _, _, configuration) = scenario.agents[1] else { return XCTFail("liquidator") }
        XCTAssertEqual(configuration.assets.values.first { $0.symbol == "ETH" }?.depthUSD2Percent, 5_000_000)
    }

    func testArbitrageurAndRelayerKeys() {
        assertError(edited("pair = \"WETH-USDC\"", "pair = \"WETH-WBTC\""), key: "agents.arbitrageur.pair", at: "WETH-WBTC",
                    expected: "a pair of the scenario's Uniswap v2 deployment (WETH-USDC, WETH-DAI)")
        assertError(edited("pair = \"WETH-USDC\"", "pair = \"WETH-DAI\""), key: "agents.arbitrageur.capital.USDC",
                    at: "capital = { WETH = \"5_000\"", expected: "a token of WETH, DAI")
        // The arbitrageur's table is the fixture's last.
        assertError(base + "deadline_seconds = 0\n",
                    key: "agents.arbitrageur.deadline_seconds", at: "deadline_seconds = 0", expected: "at least 1 second")
        assertError(edited("feed = \"ETH\"", "feed = \"BTC\""), key: "agents.eth-feed.feed", at: "feed = \"BTC\"",
                    expected: "a [feeds.SYMBOL] table's symbol (ETH, USDC)")
        assertError(edited("kind = \"feed-relayer\"\nfeed = \"ETH\"\ngas = { strategy = \"fixed\", price = \"2 gwei\" }",
                           "kind = \"feed-relayer\"\nfeed = \"ETH\"\ngas = { strategy = \"cheap\" }"),
                    key: "agents.eth-feed.gas.strategy", at: "strategy = \"cheap\"", expected: "one of \"fixed\"")
        assertError(edited("kind = \"feed-relayer\"", "kind = \"feed-relay\""), key: "agents.eth-feed.kind", at: "feed-relay\"",
                    expected: "\"liquidator\", \"arbitrageur\", \"feed-relayer\"")
    }
}
