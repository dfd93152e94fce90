import CascadeEngine
import XCTest

/// Black Thursday's counterfactuals on the reduced day (10:00–13:00 UTC, 300 vaults): what
/// congestion and the keepers' gas behaviour did to the auctions.
final class CounterfactualTests: XCTestCase {
    static func delayP50(_ metrics: RunMetrics) -> UInt64 {
        let delays = metrics.liquidations.map(\.delayBlocks).sorted()
        return delays.isEmpty ? 0 : delays[(delays.count - 1) / 2]
    }

    static func zeroBids(_ metrics: RunMetrics) -> Int { metrics.auctions.filter(\.zeroBid).count }

    func testWithoutBackgroundDemandDelaysFallAndZeroBidAuctionsDisappear() throws {
        let baseline = try ScenarioRun.run(try ScenarioRun.blackThursday()).metrics
        let quiet = try ScenarioRun.run(try ScenarioRun.blackThursday([("chain.background.demand_share", "0")])).metrics
        XCTAssertGreaterThan(Self.zeroBids(baseline), 0, "congestion must produce zero-bid auctions")
        XCTAssertGreaterThan(quiet.liquidations.count, 0)
        XCTAssertLessThan(Self.delayP50(quiet), Self.delayP50(baseline))
        XCTAssertEqual(Self.zeroBids(quiet), 0)
    }

    func testKeepersThatEscalateGasWinMoreAuctionsWithRealBids() throws {
        let baseline = try ScenarioRun.run(try ScenarioRun.blackThursday()).metrics
        let escalating = try ScenarioRun.run(try ScenarioRun.blackThursday([
            ("agents.keepers.gas.strategy", "\"escalate\""), ("agents.keepers.gas.bump_percent", "12"),
            ("agents.keepers.gas.patience_blocks", "2"),
        ])).metrics
        XCTAssertGreaterThan(escalating.auctions.count, 0)
        XCTAssertLessThan(Self.zeroBids(escalating), Self.zeroBids(baseline))
    }
}
