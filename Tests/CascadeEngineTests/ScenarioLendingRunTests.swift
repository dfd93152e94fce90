@testable import CascadeAgents
import CascadeChain
@testable import CascadeEngine
import CascadeMath
import CascadeProtocols
import XCTest

/// Scenarios with Aave, Compound and Uniswap run end to end: the shipped eth-crash scenario
/// (reduced), and the one-position fixture whose outcome is known (LendingScenarioFixture).
final class ScenarioLendingRunTests: XCTestCase {
    /// eth-crash-eip1559 shrunk to three hours, 400 Aave positions and 150 vaults, with a steeper
    /// drift (−2,000 a year: ≈ −20 % an hour) so that a short run crashes whatever the draws (the
    /// OSM releases a price an hour after it sees it: Maker liquidates from the third hour).
    static let reducedEthCrash: [(key: String, value: String)] = [
        ("duration_hours", "3"),
        ("market.assets.ETH.drift_per_year", "-2000"),
        ("population.aave-weth-usdc.positions", "400"),
        ("population.aave-weth-usdc.total_debt_usd", "96000000"),
        ("population.eth-a.positions", "150"),
        ("population.eth-a.total_debt_usd", "22500000"),
    ]

    static func ethCrash(_ overrides: [(key: String, value: String)] = []) throws -> Scenario {
        try ScenarioLoader.load(path: LendingScenarioFixture.root.appendingPathComponent("scenarios/eth-crash-eip1559.toml").path,
                                overrides: reducedEthCrash + overrides)
    }

    /// Runs `world` to the end, checking the chain's accounting identities after every block.
    func runCheckingInvariants(_ world: World, file: StaticString = #filePath, line: UInt = #line) -> Simulation {
        XCTAssertEqual(world.state.invariantViolations(), [], "before the first block", file: file, line: line)
        var simulation = Simulation(world: world, trace: nil)
        while !simulation.isFinished {
            simulation.step()
            let violations = simulation.world.state.invariantViolations()
            if !violations.isEmpty {
                XCTFail("after block \(simulation.blocksDone): \(violations.prefix(5))", file: file, line: line)
                break
            }
        }
        simulation.run()  // nothing left to step: computes the end-of-run metrics
        return simulation
    }

    /// The sets the block loop keeps for every agent, checked after every block against a
    /// recomputation from scratch: the Aave liquidatable set (positions certain from their keys,
    /// the others scanned) against every account's exact health factor, and the Clipper
    /// keepers' barks and auction statuses (kept across blocks while their inputs stand) against
    /// a fresh computation. A short `tail` makes auctions need redos within the run.
    func testSharedSetsEqualAFreshComputationAfterEveryBlock() throws {
        let world = try WorldBuilder.build(try Self.ethCrash([("protocols.maker.ilks.ETH-A.tail", "600")]))
        let ilk = try XCTUnwrap(Bytes32(ascii: "ETH-A"))
        var simulation = Simulation(world: world, trace: nil)
        var liquidatable = 0, needingRedo = 0, barks = 0, mismatches = 0
        while !simulation.isFinished, mismatches < 3 {
            simulation.step()
            let state = simulation.world.state, positions = simulation.world.positions
            let pool = try XCTUnwrap(state.aave), maker = try XCTUnwrap(state.maker)
            let unhealthy = positions.aaveUnhealthy
            let time = try XCTUnwrap(unhealthy.timestamp)
            var expected: [Address: UInt128] = [:]
            for owner in pool.accounts {
                guard try pool.healthFactor(of: owner, prices: state.aavePrices, timestamp: time)
                    < AavePoolConfiguration.healthFactorLiquidationThreshold else { continue }
                expected[owner] = pool.position(of: owner).borrowingMask
            }
            let kept = Dictionary(uniqueKeysWithValues: zip(unhealthy.owners, unhealthy.borrowingMasks))
            // The shared set, kept from an earlier block or read straight from the index, lists
            // the borrowers in the order the candidates checked one by one give (the liquidators
            // walk it in that order).
            let candidates = positions.aaveCandidates(pool, prices: state.aavePrices, timestamp: time)
            var freshOrder: [Address] = []
            AaveUnhealthy.liquidatable(candidates, pool: pool, prices: state.aavePrices, timestamp: time) { index, _ in
                freshOrder.append(candidates[index].owner)
            }
            // The metrics' set, at the block's own timestamp.
            let blockTime = time - simulation.world.chain.blockTimeSeconds
            let metricsExpected = try Set(pool.accounts.filter {
                try pool.healthFactor(of: $0, prices: state.aavePrices, timestamp: blockTime)
                    < AavePoolConfiguration.healthFactorLiquidationThreshold
            })
            if freshOrder != unhealthy.owners || Set(simulation.metrics.lending.aaveLiquidatable.keys) != metricsExpected {
                mismatches += 1
                XCTFail("after block \(simulation.blocksDone): Aave order \(freshOrder == unhealthy.owners), metrics' set "
                        + "\(Set(simulation.metrics.lending.aaveLiquidatable.keys) == metricsExpected)")
            }
            var fresh = ClipAuctions()
            _ = fresh.refresh(maker, clipper: try XCTUnwrap(maker.clipper(ilk)), ilk: ilk, unsafe: positions.makerUnsafe[ilk],
                              touched: [], timestamp: time)
            let auctions = try XCTUnwrap(positions.clipAuctions[ilk])
            // The statuses as `getStatus` gives them for every active auction, by id.
            let clipper = try XCTUnwrap(maker.clipper(ilk))
            let statuses = clipper.active.sorted().compactMap { id -> ClipAuctions.Auction? in
                guard let status = try? clipper.getStatus(id, now: time) else { return nil }
                return ClipAuctions.Auction(id: id, price: status.needsRedo ? nil : status.price, lot: status.lot, tab: status.tab)
            }
            XCTAssertEqual(auctions.auctions, statuses, "after block \(simulation.blocksDone)")
            XCTAssertEqual(auctions.needingRedo, auctions.auctions.indices.filter { auctions.auctions[$0].needsRedo })
            XCTAssertEqual(auctions.lowestPrice, auctions.auctions.compactMap(\.price).min())
            if kept != expected || auctions.barks != fresh.barks || auctions.auctions != fresh.auctions {
                mismatches += 1
                XCTFail("after block \(simulation.blocksDone): Aave \(kept == expected), barks \(auctions.barks == fresh.barks), "
                        + "auctions \(auctions.auctions == fresh.auctions)")
            }
            liquidatable += kept.count
            needingRedo += auctions.auctions.filter(\.needsRedo).count
            barks += auctions.barks.count
        }
        XCTAssertGreaterThan(liquidatable, 0)
        XCTAssertGreaterThan(needingRedo, 0)
        XCTAssertGreaterThan(barks, 0)
    }

    /// The metrics' Aave set with unbounded borrowers — a sixth of the borrowers also borrow
    /// WETH, 2.5–20 % of their collateral: two debts are never certain — against every
    /// account's exact health factor at the block's timestamp, after every block. While the
    /// certain pair candidates stand (the index's stamp unchanged) the metrics check only the
    /// unbounded borrowers again; the run must reach blocks where they do and where the
    /// liquidatable unbounded borrowers changed then.
    func testMetricsAaveSetWithUnboundedBorrowersEqualsTheExactSetAfterEveryBlock() throws {
        var world = try WorldBuilder.build(try Self.ethCrash())
        let weth = try XCTUnwrap(world.pricing.tokens.values.first { $0.symbol == "WETH" }?.address)
        let start = world.chain.startTimestamp
        let owners = try XCTUnwrap(world.state.aave).accounts.enumerated().filter { $0.offset % 6 == 0 }.map(\.element)
        let indebted = try world.state.setUp { (setup: inout ChainState.Setup) throws(Revert) -> [Address] in
            var pool = setup.aave, ledger = setup.ledger, indebted: [Address] = []
            for (index, owner) in owners.enumerated() {
                let collateral = try pool.aTokenBalance(of: owner, asset: weth, timestamp: start)
                let amount = try collateral * UInt256(UInt64(index % 8 + 1)) / UInt256(40)
                let context = CallContext(sender: owner, blockNumber: 0, timestamp: start)
                guard (try? pool.borrow(asset: weth, amount: amount, onBehalfOf: owner, context: context,
                                        prices: setup.state.aavePrices, ledger: &ledger)) != nil else { continue }
                indebted.append(owner)
            }
            setup.aave = pool
            setup.ledger = ledger
            return indebted
        }
        for owner in indebted { world.positions.refresh(owner, in: world.state) }
        XCTAssertEqual(world.positions.aavePositions.unboundedOwners.count, indebted.count)
        XCTAssertGreaterThan(indebted.count, owners.count / 2)

        var simulation = Simulation(world: world, trace: nil)
        var lastStamp: LendingPositionIndex.CertainStamp?, lastUnbounded: Set<Address> = []
        var stood = 0, changedWhileStanding = 0, mismatches = 0
        while !simulation.isFinished, mismatches < 3 {
            simulation.step()
            let state = simulation.world.state, positions = simulation.world.positions
            let pool = try XCTUnwrap(state.aave)
            let blockTime = try XCTUnwrap(positions.aaveUnhealthy.timestamp) - simulation.world.chain.blockTimeSeconds
            let expected = try Set(pool.accounts.filter {
                try pool.healthFactor(of: $0, prices: state.aavePrices, timestamp: blockTime)
                    < AavePoolConfiguration.healthFactorLiquidationThreshold
            })
            if Set(simulation.metrics.lending.aaveLiquidatable.keys) != expected {
                mismatches += 1
                XCTFail("after block \(simulation.blocksDone): the metrics' Aave set differs from the exact one")
            }
            let unbounded = expected.intersection(positions.aavePositions.unboundedOwners)
            let stamp = positions.aaveCertainStamp(pool, prices: state.aavePrices, timestamp: blockTime)
            if stamp != nil, stamp == lastStamp, !positions.aavePositions.unboundedOwners.isEmpty {
                stood += 1
                if unbounded != lastUnbounded { changedWhileStanding += 1 }
            }
            (lastStamp, lastUnbounded) = (stamp, unbounded)
        }
        XCTAssertGreaterThan(stood, 0, "no block kept the certain pair candidates with unbounded borrowers present")
        XCTAssertGreaterThan(changedWhileStanding, 0, "the liquidatable unbounded borrowers never changed while the pair candidates stood")
    }

    func testEthCrashLiquidatesOnAaveAndMakerWithInvariantsEveryBlock() throws {
        let scenario = try Self.ethCrash()
        XCTAssertEqual(scenario.blocks, 900)
        XCTAssertEqual(scenario.lending.feeds.map(\.symbol), ["ETH", "USDC"])
        let world = try WorldBuilder.build(scenario)
        XCTAssertNotNil(world.state.aave)
        XCTAssertEqual(world.state.aave?.positions.values.filter(\.isBorrowingAny).count, 400)
        XCTAssertEqual(world.state.pairs.count, 2)
        let simulation = runCheckingInvariants(world)
        let metrics = simulation.metrics
        let aave = metrics.liquidations.filter { $0.protocolName == "aave" }
        XCTAssertFalse(aave.isEmpty, "no Aave liquidation")
        XCTAssertFalse(metrics.liquidations.filter { $0.protocolName == "maker" }.isEmpty, "no Maker liquidation")
        // Delays come from the tracking of liquidatable borrowers, not a constant.
        XCTAssertGreaterThanOrEqual(aave.map(\.delayBlocks).max() ?? 0, 1)
        XCTAssertGreaterThan(metrics.lending.swaps.first { $0.pair == "WETH-USDC" }?.count ?? 0, 0)
        let eth = try XCTUnwrap(metrics.lending.feeds.first { $0.symbol == "ETH" })
        XCTAssertGreaterThan(eth.maxDeviation, 0)
        XCTAssertLessThan(eth.maxDeviation, 0.1)
        XCTAssertGreaterThan(eth.maxAgeSeconds, 0)
        XCTAssertEqual(metrics.badDebt.map(\.protocolName), ["maker", "aave"])
    }

    func testEthCrashIsDeterministic() throws {
        func summary() throws -> String {
            var simulation = Simulation(world: try WorldBuilder.build(try Self.ethCrash([("duration_hours", "1")])), trace: nil)
            simulation.run()
            XCTAssertFalse(simulation.metrics.liquidations.isEmpty)
            return RunSummary(world: simulation.world, metrics: simulation.metrics, engineVersion: "test").json.serialized()
        }
        XCTAssertEqual(try summary(), try summary())
    }

    /// With latency L a liquidator acts on what it saw L blocks earlier and its transaction lands
    /// in the next block: the first liquidation of a borrower comes L + 1 blocks after the first
    /// block it was liquidatable in (the chain has no background demand, so nothing delays it).
    func testFixtureLiquidationDelaysSwapsAndFeed() throws {
        let world = try WorldBuilder.build(try LendingScenarioFixture.load(LendingScenarioFixture.text(agents: LendingScenarioFixture.agents)))
        let simulation = runCheckingInvariants(world)
        let metrics = simulation.metrics
        let aave = try XCTUnwrap(metrics.liquidations.first { $0.protocolName == "aave" })
        let compound = try XCTUnwrap(metrics.liquidations.first { $0.protocolName == "compound" })
        XCTAssertEqual(aave.delayBlocks, 4)
        XCTAssertEqual(compound.delayBlocks, 3)
        XCTAssertEqual(aave.collateral, "ETH")
        XCTAssertGreaterThan(aave.debtUSD, 0)
        // The arbitrageur brought the pool to the market: ETH is held at $1,000 after 00:20.
        let pair = try XCTUnwrap(simulation.world.state.pairs.first { $0.source == "uniswap-v2 WETH-USDC" })
        let (weth, usdc) = pair.token0.symbol == "WETH" ? (pair.reserve0, pair.reserve1) : (pair.reserve1, pair.reserve0)
        let poolPrice = usdc.doubleValue / 1e6 / (weth.doubleValue / 1e18)
        XCTAssertEqual(poolPrice, 1_000, accuracy: 1_000 * 0.004)
        XCTAssertGreaterThan(metrics.lending.swaps.first { $0.pair == "WETH-USDC" }?.count ?? 0, 0)
        // Without rival demand the relayer lands every update in the block it prices (the market
        // moves ≈ 2 % a block during the fall), so the feed ends each block at the market; its
        // last round comes when the fall ends at 00:20 (block 101), ≈ 1,190 s before the last block.
        let feeds = metrics.lending.feeds
        XCTAssertEqual(feeds.map(\.symbol), ["ETH", "USDC"])
        XCTAssertLessThan(feeds[0].maxDeviation, 0.005)
        XCTAssertEqual(Double(feeds[0].maxAgeSeconds), 1_190, accuracy: 40)
        XCTAssertEqual(feeds[1].maxDeviation, 0)
        XCTAssertEqual(feeds[1].maxAgeSeconds, 200 * 12)  // signed one block before the start, never updated
    }

    /// Without liquidators both borrowers end under water at $1,000: Aave's 13,000 / 3,000 WETH
    /// is worth $4,333.33 against $10,000 of USDC (plus a negligible interest), Compound's
    /// 5 WETH $5,000 against a stored borrow of exactly $10,000; both are missed liquidations.
    func testFixtureBadDebtWithoutLiquidators() throws {
        var simulation = Simulation(world: try WorldBuilder.build(try LendingScenarioFixture.load(LendingScenarioFixture.text())), trace: nil)
        simulation.run()
        let metrics = simulation.metrics
        XCTAssertTrue(metrics.liquidations.isEmpty)
        let aave = try XCTUnwrap(metrics.badDebt.first { $0.protocolName == "aave" })
        let compound = try XCTUnwrap(metrics.badDebt.first { $0.protocolName == "compound" })
        XCTAssertEqual(aave.usd, 10_000 - 13_000.0 / 3, accuracy: 0.01)
        XCTAssertEqual(aave.detail.map(\.0), ["deficit_booked_usd", "underwater_positions_usd"])
        XCTAssertEqual(aave.detail[0].1, 0)
        XCTAssertEqual(compound.usd, 5_000, accuracy: 1e-6)
        XCTAssertEqual(metrics.missedLiquidationUSD, 20_000, accuracy: 0.01)
    }

    /// v3.3 books the debt left when a liquidation takes the last collateral as a deficit: a slow
    /// liquidator (60 blocks) finds the position at ≈ $1,000, seizes all 4.333 WETH for
    /// ≈ 4,333 / 1.05 USDC and the rest, ≈ $5,873, is booked; nothing is left under water.
    func testFixtureDeficitUnderV33() throws {
        let agents = """
            [agents.slow-liquidator]
            kind = "liquidator"
            protocol = "aave"
            capital = { USDC = "1_000_000" }
            min_profit_usd = 0
            latency_blocks = 60
            gas = { strategy = "fixed", price = "2 gwei" }

            """
        let scenario = try LendingScenarioFixture.load(LendingScenarioFixture.text(agents: agents),
                                                       overrides: [("protocols.aave.pool.liquidation_rules", "\"v3.3\"")])
        let simulation = runCheckingInvariants(try WorldBuilder.build(scenario))
        let metrics = simulation.metrics
        XCTAssertEqual(metrics.liquidations.filter { $0.protocolName == "aave" }.count, 1)
        let aave = try XCTUnwrap(metrics.badDebt.first { $0.protocolName == "aave" })
        XCTAssertEqual(aave.detail[0].1, 10_000 - 13_000.0 / 3 / 1.05, accuracy: 30)
        XCTAssertEqual(aave.detail[1].1, 0)
        XCTAssertEqual(aave.usd, aave.detail[0].1)
    }
}
