import CascadeChain
import CascadeMath
import XCTest

final class BackgroundDemandTests: XCTestCase {
    let gwei = BlockSpace.gwei
    let calm = LogNormal(quantile: 0.5, is: 10, quantile: 0.9, is: 35)!

    func demand(_ model: BackgroundModel, noise: Double = 0.1, slices: Int = 100, seed: UInt64 = 11) -> BackgroundDemand {
        BackgroundDemand(model: model, gasLimit: 10_000_000, blockTimeSeconds: 13, sliceCount: slices, demandNoise: noise,
                         priorityFee: 2 &* gwei, random: SplitMix64(seed: seed))
    }

    func testSlicesAreSortedAndAddUpToTheDemand() {
        var background = demand(.constant(demandShare: 1.5, bids: calm))
        for block in 0..<500 as Range<UInt64> {
            let blockDemand = background.demand(at: block * 13)
            XCTAssertEqual(blockDemand.bids.count, 100)
            XCTAssertEqual(blockDemand.bids.reduce(0) { $0 + $1.gas }, blockDemand.gasDemanded)
            XCTAssert(zip(blockDemand.bids, blockDemand.bids.dropFirst()).allSatisfy { $0.maxFeePerGas >= $1.maxFeePerGas })
            XCTAssertEqual(blockDemand.priorityFee, 2 &* gwei)
        }
    }

    func testNoiseIsMeanPreservingAndZeroNoiseIsExact() {
        var noisy = demand(.constant(demandShare: 1.5, bids: calm))
        var total: UInt64 = 0
        for block in 0..<4_000 as Range<UInt64> { total += noisy.demand(at: block).gasDemanded }
        XCTAssertEqual(Double(total) / 4_000 / 15_000_000, 1, accuracy: 0.01)
        var exact = demand(.constant(demandShare: 0.8, bids: calm), noise: 0)
        XCTAssertEqual(exact.demand(at: 0).gasDemanded, 8_000_000)
    }

    func testLadderFollowsTheBidDistribution() {
        // Stratified slices: the median slice of each block sits near the distribution's median.
        var background = demand(.constant(demandShare: 1, bids: calm), noise: 0)
        for block in 0..<50 as Range<UInt64> {
            let bids = background.demand(at: block).bids
            let weiPerGwei = 1e9
            // Stratum 50 spans quantiles 0.50–0.51 (10.0–10.25 gwei), stratum 90 spans 0.90–0.91 (35.0–37.1 gwei).
            XCTAssert((10...10.25).contains(bids[49].maxFeePerGas.doubleValue / weiPerGwei))
            XCTAssert((35...37.1).contains(bids[9].maxFeePerGas.doubleValue / weiPerGwei))
        }
    }

    func testSameSeedSameDemandAndStreamsStayAligned() {
        var a = demand(.constant(demandShare: 1.5, bids: calm), seed: 4)
        var b = demand(.constant(demandShare: 1.5, bids: calm), seed: 4)
        var c = demand(.constant(demandShare: 3, bids: calm), noise: 0.4, seed: 4)
        for block in 0..<20 as Range<UInt64> {
            let x = a.demand(at: block), y = b.demand(at: block), z = c.demand(at: block)
            XCTAssertEqual(x, y)
            // Another level or noise draws the same numbers: the bid ladder is unchanged.
            XCTAssertEqual(x.bids.map(\.maxFeePerGas), z.bids.map(\.maxFeePerGas))
        }
        var other = demand(.constant(demandShare: 1.5, bids: calm), seed: 5)
        XCTAssertNotEqual(other.demand(at: 0), demand(.constant(demandShare: 1.5, bids: calm), seed: 4).demandOnce())
    }

    func testNoneMeansNoDemand() {
        var background = demand(.none)
        XCTAssertEqual(background.demand(at: 0), BackgroundBlockDemand(bids: [], priorityFee: 2 &* gwei))
        XCTAssertEqual(background.stress, 1)
    }

    func testReplayStepsThroughTheRecordedRows() throws {
        let series = try GasPriceSeries(text: "timestamp,p60_gwei,p90_gwei\n0,10,20\n3600,150,250\n", source: "s.csv")
        var background = demand(.replay(series, demandShare: 1), noise: 0)
        let calmBlock = background.demand(at: 3_599)
        let busyBlock = background.demand(at: 3_600)
        // Stratum 60 (quantile 0.60–0.61) sits at the recorded 60th percentile.
        XCTAssertEqual(calmBlock.bids[39].maxFeePerGas.doubleValue / 1e9, 10, accuracy: 0.3)
        XCTAssertEqual(busyBlock.bids[39].maxFeePerGas.doubleValue / 1e9, 150, accuracy: 3)
        XCTAssert((250...257.5).contains(busyBlock.bids[9].maxFeePerGas.doubleValue / 1e9))
    }

    func testVolatilityRaisesDemandAndBids() {
        let coupling = VolatilityCoupling.blackThursday
        var background = demand(.volatilityCoupled(coupling), noise: 0)
        let calmDemand = background.demand(at: 0, absoluteLogReturn: 0)
        XCTAssertEqual(background.stress, 1)
        XCTAssertEqual(calmDemand.gasDemanded, 15_000_000)
        // A crash: 1 % moves every block for an hour; the 3-hour average climbs to ≈ 3.6× calm.
        for block in 1...277 as ClosedRange<UInt64> { _ = background.demand(at: block * 13, absoluteLogReturn: 0.01) }
        let stressed = background.demand(at: 278 * 13, absoluteLogReturn: -0.01)
        let s = background.stress
        XCTAssertEqual(s, 3.63, accuracy: 0.05)
        XCTAssertEqual(Double(stressed.gasDemanded), 15_000_000 * pow(s, 0.42), accuracy: 15_000_000 * 0.001)
        let calmMedian = calmDemand.bids[49].maxFeePerGas.doubleValue, stressedMedian = stressed.bids[49].maxFeePerGas.doubleValue
        XCTAssertEqual(stressedMedian / calmMedian, pow(s, 1.5), accuracy: pow(s, 1.5) * 0.15)
        // Calm returns decay the stress with the 3-hour half-life.
        for block in 279...(279 + 3 * 277) as ClosedRange<UInt64> { _ = background.demand(at: block * 13, absoluteLogReturn: 0) }
        XCTAssertEqual(background.stress, s / 2, accuracy: s * 0.05)
    }

    func testVolatilityDefaultsComeFromBlackThursday() {
        let coupling = VolatilityCoupling.blackThursday
        XCTAssertEqual(coupling.calmBids.median, 10, accuracy: 1e-9)
        XCTAssertEqual(coupling.calmBids.quantile(0.9), 35, accuracy: 1e-6)
        XCTAssertEqual(coupling.halfLifeHours, 3)
        XCTAssertEqual(coupling.calmHourlyVolatility, 0.0152)
        XCTAssertEqual(coupling.bidElasticity, 1.5)
        XCTAssertEqual(coupling.demandElasticity, 0.42)
        XCTAssertEqual(coupling.demandShare, BackgroundModel.defaultDemandShare)
    }
}

private extension BackgroundDemand {
    /// The first block's demand of a fresh generator.
    func demandOnce() -> BackgroundBlockDemand {
        var copy = self
        return copy.demand(at: 0)
    }
}
