import CascadeAgents
import CascadeChain
import CascadeEngine
import CascadeMath
import Foundation
import XCTest

/// The block loop on a reduced Black Thursday: determinism, a trace that ordinary Ethereum
/// tooling can check, block-space rules, and accounting invariants at every block.
final class SimulationTests: XCTestCase {
    func testSameScenarioAndSeedGiveByteIdenticalOutputs() throws {
        // Signed on two threads, then on one: the same bytes.
        let first = try ScenarioRun.run(try ScenarioRun.blackThursday(), signingThreads: 2)
        let second = try ScenarioRun.run(try ScenarioRun.blackThursday(), signingThreads: 1)
        XCTAssertEqual(first.summary, second.summary)
        XCTAssertEqual(first.trace, second.trace)
        XCTAssertGreaterThan(first.metrics.liquidations.count, 0, "the reduced day must liquidate")
        // Another seed is another run.
        let other = try ScenarioRun.run(try WorldBuilder.build(
            ScenarioLoader.load(path: ScenarioRun.path("scenarios/black-thursday-2020.toml"),
                                overrides: ScenarioRun.reducedBlackThursday), seed: 7))
        XCTAssertNotEqual(first.trace, other.trace)
    }

    /// Signatures never change outcomes: a run that skips signing and recovery gives the same
    /// summary, first-price (Black Thursday: flip keepers, relayer, Compound, Uniswap) and
    /// EIP-1559 (Aave, clip keepers, jump diffusion).
    func testMetricsAreIdenticalWithoutSigning() throws {
        let blackThursday = try ScenarioLoader.load(path: ScenarioRun.path("scenarios/black-thursday-2020.toml"),
                                                    overrides: ScenarioRun.reducedBlackThursday)
        let ethCrash = try ScenarioLendingRunTests.ethCrash()
        for scenario in [blackThursday, ethCrash] {
            let signed = try WorldBuilder.build(scenario)
            let unsigned = try WorldBuilder.build(scenario, signing: false)
            XCTAssertTrue(signed.signsTransactions)
            XCTAssertFalse(unsigned.signsTransactions)
            let summary = ScenarioRun.summary(signed)
            XCTAssertEqual(summary, ScenarioRun.summary(unsigned), scenario.name)
            XCTAssertTrue(summary.contains("\"liquidations\": ") && !summary.contains("\"liquidations\": 0,"),
                          "\(scenario.name) must liquidate for the comparison to mean something")
        }
    }

    func testTraceTransactionsDecodeRecoverAndFitTheirBlocks() throws {
        let run = try ScenarioRun.run(try ScenarioRun.blackThursday())
        var blocks = 0, transactions = 0
        for line in try ScenarioRun.lines(run.trace) {
            switch line["type"] as? String {
            case "block":
                blocks += 1
                let used = line["gas_used"] as! Int, limit = line["gas_limit"] as! Int
                XCTAssertLessThanOrEqual(used, limit)
                XCTAssertEqual(line["base_fee"] as? String, "0", "first-price market")
            case "tx":
                transactions += 1
                let raw = try Hex.decode(line["raw"] as! String)
                let decoded = try SignedTransaction.decode(raw, expectedChainID: 1)
                XCTAssertEqual(decoded.sender.checksummed, line["from"] as? String)
                XCTAssertEqual(Hex.encode(decoded.hash.bytes), line["hash"] as? String)
                XCTAssertEqual(decoded.transaction.nonce, UInt64(line["nonce"] as! Int))
                let call = try ContractCall.decode(decoded.transaction.data)
                XCTAssertEqual(call.name, line["function"] as? String)
                XCTAssertLessThanOrEqual(line["gas_used"] as! Int, Int(decoded.transaction.gasLimit))
            default:
                break
            }
        }
        XCTAssertEqual(blocks, 830)
        XCTAssertGreaterThan(transactions, 100)
    }

    func testBaseFeesFollowTheEIP1559Rule() throws {
        let world = try ScenarioRun.blackThursday([("chain.fee_market", "\"eip1559\""), ("chain.gas_limit", "30_000_000")])
        let run = try ScenarioRun.run(world)
        let rule = FeeMarket.eip1559(BaseFee(elasticity: 2, maxChangeDenominator: 8))
        var previous: (baseFee: UInt256, used: UInt64, limit: UInt64)?
        var rises = 0, falls = 0
        for line in try ScenarioRun.lines(run.trace) where line["type"] as? String == "block" {
            let baseFee = try XCTUnwrap(UInt256(decimal: line["base_fee"] as! String))
            if let previous {
                XCTAssertEqual(baseFee, rule.nextBaseFee(parentBaseFee: previous.baseFee, parentGasUsed: previous.used,
                                                         parentGasLimit: previous.limit))
                if baseFee > previous.baseFee { rises += 1 }
                if baseFee < previous.baseFee { falls += 1 }
            }
            previous = (baseFee, UInt64(line["gas_used"] as! Int), UInt64(line["gas_limit"] as! Int))
        }
        XCTAssertGreaterThan(rises + falls, 0, "the base fee must move")
    }

    /// Also: after every block the flip auctions kept for the keepers equal the Flipper's read
    /// afresh (its bids in `active` order, finished at the next block's timestamp).
    func testAccountingInvariantsHoldAtEveryBlock() throws {
        var simulation = Simulation(world: try ScenarioRun.blackThursday(), trace: nil)
        XCTAssertEqual(simulation.world.state.invariantViolations(), [])
        let ilk = try XCTUnwrap(Bytes32(ascii: "ETH-A"))
        var finished = 0
        while !simulation.isFinished {
            simulation.step()
            let violations = simulation.world.state.invariantViolations()
            XCTAssertEqual(violations, [], "block \(simulation.blocksDone)")
            let flipper = try XCTUnwrap(simulation.world.state.maker?.flipper(ilk))
            let auctions = try XCTUnwrap(simulation.world.positions.flipAuctions[ilk])
            let now = try XCTUnwrap(auctions.timestamp)
            let fresh = flipper.active.map { id in
                let bid = flipper.bid(id)
                return (id, bid, (bid.tic != 0 && bid.tic < now) || bid.end < now)
            }
            let same = auctions.entries.map(\.id) == fresh.map(\.0) && auctions.entries.map(\.bid) == fresh.map(\.1)
                && auctions.entries.map(\.finished) == fresh.map(\.2)
                && auctions.finished == auctions.entries.indices.filter { auctions.entries[$0].finished }
            XCTAssertTrue(same, "flip auctions after block \(simulation.blocksDone)")
            finished += auctions.finished.count
            if !violations.isEmpty || !same { break }
        }
        XCTAssertGreaterThan(simulation.metrics.liquidations.count, 0)
        XCTAssertGreaterThan(finished, 0)
    }
}
