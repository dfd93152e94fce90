import CascadeEngine
import Foundation
import XCTest

/// Percentiles and tail means against distributions with known values.
final class EmpiricalDistributionTests: XCTestCase {
    /// 1 … 100 in a scrambled order.
    static let hundred = EmpiricalDistribution((1...100).map { Double(($0 * 37) % 100 + 1) })

    func testOneToHundredPercentilesAreNearestRank() {
        let sample = Self.hundred
        XCTAssertEqual(sample.count, 100)
        XCTAssertEqual(sample.percentile(50), 50)
        XCTAssertEqual(sample.percentile(90), 90)
        XCTAssertEqual(sample.percentile(95), 95)
        XCTAssertEqual(sample.percentile(99), 99)
        XCTAssertEqual(sample.percentile(100), 100)
        XCTAssertEqual(sample.percentile(0.5), 1)
        XCTAssertEqual(sample.percentile(95.5), 96, "⌈95.5⌉ = rank 96")
        XCTAssertEqual(sample.minimum, 1)
        XCTAssertEqual(sample.maximum, 100)
    }

    func testOneToHundredTailMeansAndMoments() {
        let sample = Self.hundred
        XCTAssertEqual(sample.tailMean(95), 97.5)  // (95 + … + 100) / 6
        XCTAssertEqual(sample.tailMean(99), 99.5)  // (99 + 100) / 2
        XCTAssertEqual(sample.tailMean(100), 100)
        XCTAssertEqual(sample.mean, 50.5)
        // Sample variance of 1 … n is n(n + 1)/12.
        XCTAssertEqual(sample.standardDeviation, (100.0 * 101 / 12).squareRoot(), accuracy: 1e-12)
    }

    func testRanksOfSmallSamples() {
        let twenty = EmpiricalDistribution((1...20).map(Double.init))
        XCTAssertEqual(twenty.rank(95), 19, "0.95 · 20 = 19 exactly, not 20 through binary rounding")
        XCTAssertEqual(twenty.rank(99), 20)
        let one = EmpiricalDistribution([7])
        XCTAssertEqual(one.percentile(1), 7)
        XCTAssertEqual(one.percentile(99), 7)
        XCTAssertEqual(one.tailMean(99), 7)
        XCTAssertEqual(one.standardDeviation, 0)
        let empty = EmpiricalDistribution([Double]())
        XCTAssertNil(empty.percentile(95))
        XCTAssertNil(empty.tailMean(95))
        XCTAssertEqual(empty.mean, 0)
    }

    /// The exponential(1) quantile grid xᵢ = −ln(1 − (i − ½)/n): VaR_p → −ln(1 − p) and
    /// ES_p → 1 − ln(1 − p) (memorylessness).
    func testExponentialQuantileGridMatchesClosedForms() {
        let n = 200_000
        let sample = EmpiricalDistribution((1...n).map { -log(1 - (Double($0) - 0.5) / Double(n)) })
        for p in [0.95, 0.99] {
            XCTAssertEqual(sample.percentile(p * 100)!, -log(1 - p), accuracy: 1e-3, "VaR \(p)")
            XCTAssertEqual(sample.tailMean(p * 100)!, 1 - log(1 - p), accuracy: 1e-3, "ES \(p)")
        }
        XCTAssertEqual(sample.mean, 1, accuracy: 1e-3)
        XCTAssertEqual(sample.standardDeviation, 1, accuracy: 1e-2)
    }

    /// The uniform(0, 1) grid: VaR_p → p, ES_p → (1 + p)/2.
    func testUniformQuantileGridMatchesClosedForms() {
        let n = 100_000
        let sample = EmpiricalDistribution((1...n).map { (Double($0) - 0.5) / Double(n) }.reversed())
        for p in [0.5, 0.95, 0.99] {
            XCTAssertEqual(sample.percentile(p * 100)!, p, accuracy: 1e-4)
            XCTAssertEqual(sample.tailMean(p * 100)!, (1 + p) / 2, accuracy: 1e-4)
        }
        XCTAssertEqual(sample.standardDeviation, (1.0 / 12).squareRoot(), accuracy: 1e-4)
    }

    func testShareAboveIsStrict() {
        let sample = EmpiricalDistribution([0, 0, 1, 2, 2])
        XCTAssertEqual(sample.shareAbove(0), 0.6)
        XCTAssertEqual(sample.shareAbove(1), 0.4)
        XCTAssertEqual(sample.shareAbove(2), 0)
        XCTAssertEqual(sample.shareAbove(-1), 1)
    }

    /// Risk measures of 100 paths with bad debt 0 … 99 and liquidated debt 10 … 1,000.
    func testRiskMeasuresOfKnownPaths() {
        let paths = (0..<100).map { i in
            PathMetrics(badDebtUSD: Double(i), liquidatedDebtUSD: Double(10 * (i + 1)), liquidations: i, zeroBidAuctions: 0,
                        delayP50Blocks: nil, delayP90Blocks: nil, delayMaxBlocks: nil, cascadeDepth: 0, endogenousShare: 0)
        }
        let risk = RiskMeasures(paths: paths.reversed(), initialDebtUSD: 1_000, insolvencyFraction: 0.05)
        XCTAssertEqual(risk.valueAtRisk.map(\.percentile), [95, 99])
        XCTAssertEqual(risk.valueAtRisk[0].value, 94)
        XCTAssertEqual(risk.valueAtRisk[0].expectedShortfall, 96.5)  // mean of 94 … 99
        XCTAssertEqual(risk.valueAtRisk[1].value, 98)
        XCTAssertEqual(risk.valueAtRisk[1].expectedShortfall, 98.5)
        XCTAssertEqual(risk.liquidationsAtRisk[0].value, 950)
        XCTAssertEqual(risk.liquidationsAtRisk[0].expectedShortfall, 975)
        XCTAssertEqual(risk.insolvencyProbability, 0.99, "every path but the one with 0")
        XCTAssertEqual(risk.probabilityAboveFraction, 0.49, "51 … 99 exceed 5 % of 1,000")
    }
}
