import CascadeAgents
import CascadeChain
import CascadeEngine
import CascadeMath
import XCTest

/// Each counterfactual changes the loaded scenario as documented, and nothing else it should not.
final class CounterfactualScenarioTests: XCTestCase {
    static func blackThursday() throws -> Scenario {
        try ScenarioLoader.load(path: ScenarioRun.path("scenarios/black-thursday-2020.toml"), overrides: ScenarioRun.reducedBlackThursday)
    }

    static func ethCrash() throws -> Scenario {
        try ScenarioLoader.load(path: ScenarioRun.path("scenarios/eth-crash-eip1559.toml"), overrides: [("duration_hours", "0.5")])
    }

    func testNoBackgroundCongestionRemovesOnlyBackgroundDemand() throws {
        for scenario in [try Self.blackThursday(), try Self.ethCrash()] {
            XCTAssertNotEqual(scenario.chain.background, .none)
            let quiet = scenario.removing(.backgroundCongestion)
            XCTAssertEqual(quiet.chain.background, .none)
            XCTAssertEqual(quiet.chain.gasLimit, scenario.chain.gasLimit)
            XCTAssertEqual(quiet.chain.feeMarket, scenario.chain.feeMarket)
            XCTAssertEqual(quiet.chain.startTimestamp, scenario.chain.startTimestamp)
            XCTAssertEqual(quiet.market, scenario.market)
        }
    }

    func testInstantOracleUpdatesEveryBlockAtPriority() throws {
        for scenario in [try Self.blackThursday(), try Self.ethCrash()] {
            let instant = scenario.removing(.oracleDelay)
            let block = scenario.chain.blockTimeSeconds
            XCTAssertFalse(instant.maker!.oracles.isEmpty)
            XCTAssertTrue(scenario.maker!.oracles.allSatisfy { $0.hop > 1 })
            XCTAssertTrue(instant.maker!.oracles.allSatisfy { $0.hop == 1 })
            XCTAssertFalse(instant.lending.feeds.isEmpty)
            for (old, new) in zip(scenario.lending.feeds, instant.lending.feeds) {
                XCTAssertEqual(new.deviationBps, 0)
                XCTAssertEqual(new.heartbeatSeconds, block)
                XCTAssertEqual(new.tokens, old.tokens)
                XCTAssertEqual(new.quorum, old.quorum)
            }
            var relayers = 0
            for spec in instant.agents {
                switch spec {
                case .makerRelayer(_, _, let configuration), .feedRelayer(_, _, let configuration):
                    relayers += 1
                    XCTAssertEqual(configuration.spreadBps, 0)
                    XCTAssertEqual(configuration.heartbeat, block)
                    XCTAssertEqual(configuration.gas, .fixed(Scenario.priorityGasPrice))
                default: continue
                }
            }
            XCTAssertGreaterThanOrEqual(relayers, 2)
            XCTAssertEqual(instant.market, scenario.market)
        }
    }

    func testUnlimitedDepthRemovesPriceImpactAndDeepensPools() throws {
        let scenario = try Self.ethCrash()
        let deep = scenario.removing(.marketDepth)
        XCTAssertEqual(deep.market.assets.map(\.symbol), scenario.market.assets.map(\.symbol))
        XCTAssertTrue(deep.market.assets.allSatisfy { $0.depthUSD2Percent == Scenario.unlimitedDepthUSD })
        XCTAssertEqual(deep.market.assets.map(\.source), scenario.market.assets.map(\.source))
        for (old, new) in zip(scenario.lending.liquidity, deep.lending.liquidity) {
            if case .uniswapPair = old.venue {
                XCTAssertEqual(new.usd, old.usd * 10_000)
            } else {
                XCTAssertEqual(new.usd, old.usd, "lending liquidity is not market depth")
            }
        }
        for (old, new) in zip(scenario.lending.uniswap!.definition.pairs, deep.lending.uniswap!.definition.pairs) {
            XCTAssertEqual(new.reserveA, try old.reserveA * UInt256(10_000))
            XCTAssertEqual(new.reserveB, try old.reserveB * UInt256(10_000))
        }
        var checked = 0
        for (old, new) in zip(scenario.agents, deep.agents) {
            switch (old, new) {
            case let (.liquidators(_, _, _, before), .liquidators(_, _, _, after)):
                checked += 1
                XCTAssertEqual(Set(after.assets.keys), Set(before.assets.keys))
                XCTAssertTrue(after.assets.values.allSatisfy { $0.depthUSD2Percent == Scenario.unlimitedDepthUSD })
                XCTAssertEqual(after.gas, before.gas)
            case let (.arbitrageurs(_, _, before, _), .arbitrageurs(_, _, after, _)):
                checked += 1
                XCTAssertEqual(after.map(\.amount), try before.map { try $0.amount * UInt256(10_000) })
            default: continue
            }
        }
        XCTAssertEqual(checked, 3, "one liquidator group and two arbitrageurs")
    }

    func testUnlimitedKeepersHaveCapitalAndEscalateAndCeilingsMakeRoom() throws {
        for scenario in [try Self.blackThursday(), try Self.ethCrash()] {
            let strong = scenario.removing(.keeperCapacity)
            let ray = try UInt256(10).power(UInt256(27))
            var extra = UInt256.zero
            var keepers = 0
            for (old, new) in zip(scenario.agents, strong.agents) {
                switch (old, new) {
                case let (.flipKeepers(_, count, before, oldConfiguration), .flipKeepers(_, _, after, configuration)):
                    keepers += 1
                    XCTAssertEqual(after, try before * UInt256(Scenario.unlimitedCapitalFactor))
                    extra = try extra + (after - before) * ray * UInt256(UInt64(count))
                    XCTAssertEqual(configuration.gas, Scenario.escalating(oldConfiguration.gas))
                case let (.clipKeepers(_, count, before, _), .clipKeepers(_, _, after, configuration)):
                    keepers += 1
                    XCTAssertEqual(after, try before * UInt256(Scenario.unlimitedCapitalFactor))
                    extra = try extra + (after - before) * ray * UInt256(UInt64(count))
                    guard case .escalate(_, _, _, _, _, let cap) = configuration.gas else { return XCTFail("clip keepers escalate") }
                    XCTAssertEqual(cap, Scenario.priorityGasPrice)
                case let (.liquidators(_, _, before, _), .liquidators(_, _, after, configuration)):
                    keepers += 1
                    XCTAssertEqual(after.map(\.amount), try before.map { try $0.amount * UInt256(Scenario.unlimitedCapitalFactor) })
                    guard case .escalate = configuration.gas else { return XCTFail("liquidators escalate") }
                default: continue
                }
            }
            XCTAssertGreaterThanOrEqual(keepers, 2)
            XCTAssertEqual(strong.maker!.parameters.Line, try scenario.maker!.parameters.Line + extra,
                           "Line rises by exactly the DAI the keepers' vaults draw (rad)")
            XCTAssertEqual(strong.market, scenario.market)
            XCTAssertEqual(strong.chain.background, scenario.chain.background)
        }
    }

    func testEscalatingKeepsWindowsAndFloors() {
        let cap = Scenario.priorityGasPrice
        XCTAssertEqual(Scenario.escalating(.fixed(UInt256(7))),
                       .escalate(percentile: 60, blocks: 20, bumpPercent: 12, patienceBlocks: 1, floor: UInt256(7), cap: cap))
        XCTAssertEqual(Scenario.escalating(.followMarket(percentile: 50, blocks: 10, premiumPercent: 5, floor: UInt256(3), cap: UInt256(9))),
                       .escalate(percentile: 50, blocks: 10, bumpPercent: 12, patienceBlocks: 1, floor: UInt256(3), cap: cap))
        XCTAssertEqual(Scenario.escalating(.escalate(percentile: 70, blocks: 5, bumpPercent: 20, patienceBlocks: 3, floor: UInt256(1), cap: UInt256(2))),
                       .escalate(percentile: 70, blocks: 5, bumpPercent: 20, patienceBlocks: 3, floor: UInt256(1), cap: cap))
    }

    /// Every counterfactual of both shipped scenarios builds a world (transformations stay inside
    /// what the protocols accept).
    func testEveryCounterfactualBuilds() throws {
        for scenario in [try Self.blackThursday(), try Self.ethCrash()] {
            for factor in Counterfactual.allCases {
                XCTAssertNoThrow(try WorldBuilder.build(scenario.removing(factor), signing: false), "\(factor)")
            }
        }
    }

    func testAttributionArithmetic() {
        func result(_ badDebts: [Double]) -> MonteCarloResult {
            MonteCarloResult(scenario: "s", seed: 1, horizonBlocks: 10, horizonSeconds: 120, initialDebtUSD: 1_000, paths: badDebts.map {
                PathMetrics(badDebtUSD: $0, liquidatedDebtUSD: 0, liquidations: 0, zeroBidAuctions: 0, delayP50Blocks: nil,
                            delayP90Blocks: nil, delayMaxBlocks: nil, cascadeDepth: 0, endogenousShare: 0)
            })
        }
        let attribution = Attribution(baseline: result([0, 100, 200]), counterfactuals: [
            (.backgroundCongestion, result([0, 0, 0])), (.oracleDelay, result([0, 150, 300])), (.marketDepth, result([0, 100, 200])),
            (.keeperCapacity, result([0, 25, 50])),
        ])
        XCTAssertEqual(attribution.baselineMeanBadDebtUSD, 100)
        XCTAssertEqual(attribution.factors.map(\.reductionUSD), [100, -50, 0, 75])
        XCTAssertEqual(attribution.factors.map(\.share), [1, -0.5, 0, 0.75], "shares need not sum to 1")
        let none = Attribution(baseline: result([0, 0]), counterfactuals: [(.marketDepth, result([0, 10]))])
        XCTAssertNil(none.factors[0].share)
        XCTAssertEqual(none.factors[0].reductionUSD, -5)
        let json = attribution.json(engineVersion: "test").serialized(indent: nil)
        XCTAssertTrue(json.contains("\"baseline\":{\"mean_bad_debt_usd\":100}"))
        XCTAssertTrue(json.contains("{\"name\":\"oracle_delay\",\"description\":"))
        XCTAssertTrue(json.contains("\"mean_bad_debt_usd\":150,\"reduction_usd\":-50,\"share\":-0.5}"))
    }
}
