import CascadeChain
import CascadeMath
import XCTest

final class BlockMetricsTests: XCTestCase {
    func testUtilisationAndShares() throws {
        var pool = Mempool(policy: BlockSpace.policy())
        var builder = BlockSpace.firstPriceBuilder(gasLimit: 1_000_000)
        try pool.insert(BlockSpace.legacy(1, gasPriceGwei: 90, gasLimit: 250_000), block: 1)
        let background = BackgroundBlockDemand(bids: [BackgroundBid(gas: 500_000, maxFeePerGas: 100 &* BlockSpace.gwei),
                                                      BackgroundBid(gas: 100_000, maxFeePerGas: 20 &* BlockSpace.gwei)], priorityFee: 0)
        let block = builder.build(from: &pool, background: background, accountNonce: { _ in 0 })
        let metrics = BlockMetrics(block)
        XCTAssertEqual(metrics.gasUsed, 850_000)
        XCTAssertEqual(metrics.utilisation, 0.85)
        XCTAssertEqual(metrics.agentGasShare, 250_000.0 / 850_000.0)
        XCTAssertEqual(metrics.backgroundGasShare, 600_000.0 / 850_000.0)
        XCTAssertEqual(metrics.backgroundGasDemanded, 600_000)
        XCTAssertEqual(metrics.includedCount, 1)
        XCTAssertEqual(metrics.pendingCount, 0)
        XCTAssertEqual(metrics.clearingPrice, 20 &* BlockSpace.gwei)
        XCTAssertEqual(metrics.tips, block.feesPaid)
        XCTAssertEqual(metrics.burned, 0)
    }

    func testEmptyBlock() {
        var pool = Mempool(policy: BlockSpace.policy())
        var builder = BlockSpace.eip1559Builder()
        let metrics = BlockMetrics(builder.build(from: &pool, background: .none, accountNonce: { _ in 0 }))
        XCTAssertEqual(metrics.utilisation, 0)
        XCTAssertEqual(metrics.agentGasShare, 0)
        XCTAssertEqual(metrics.backgroundGasShare, 0)
        XCTAssertNil(metrics.clearingPrice)
        XCTAssertEqual(metrics.baseFee, 1_000_000_000)
    }
}
