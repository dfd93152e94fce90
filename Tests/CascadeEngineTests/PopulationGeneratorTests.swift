import CascadeMath
import XCTest

@testable import CascadeEngine

/// `PopulationGenerator`: debts that sum to the total with the configured top-k shares, sorted;
/// collateral ratios whose debt-weighted distribution is the configured one; determinism.
final class PopulationGeneratorTests: XCTestCase {
    /// The 20 Feb 2020 ETH-A book (docs/population.md): 4,458 vaults, Zipf within the bands.
    static let quantiles: [CollateralRatioDistribution.DebtQuantile] = [
        .init(debtShare: 0, collateralRatio: 1.5), .init(debtShare: 0.235, collateralRatio: 2.25),
        .init(debtShare: 0.496, collateralRatio: 2.75), .init(debtShare: 0.565, collateralRatio: 3.0),
        .init(debtShare: 1, collateralRatio: 6.24)]
    static let concentration = [ConcentrationPoint(top: 3, debtShare: 0.25), ConcentrationPoint(top: 15, debtShare: 0.50),
                                ConcentrationPoint(top: 100, debtShare: 0.83)]
    static let book = SyntheticPopulation(positions: 4_458, totalDebtUSD: 114_000_000, collateralRatio: .quantiles(quantiles),
                                          concentration: concentration)

    func generate(_ population: SyntheticPopulation, minimum: Double? = nil, seed: UInt64 = 1) throws -> [PositionSpec] {
        PopulationGenerator.generate(try PopulationConfiguration(.synthetic(population), minimumCollateralRatio: minimum),
                                     random: SplitMix64(seed: seed))
    }

    /// The share of the debt held at ratios strictly below `ratio`.
    func debtShare(_ positions: [PositionSpec], below ratio: Double) -> Double {
        let total = positions.reduce(0) { $0 + $1.debtUSD }
        return positions.filter { $0.collateralRatio < ratio }.reduce(0) { $0 + $1.debtUSD } / total
    }

    func assertNonIncreasing(_ positions: [PositionSpec], file: StaticString = #filePath, line: UInt = #line) {
        let first = positions.indices.dropLast().first { positions[$0].debtUSD < positions[$0 + 1].debtUSD }
        XCTAssertNil(first, "debt rises after rank \(first.map { $0 + 1 } ?? 0)", file: file, line: line)
    }

    func testDebtsSumToTheTotalAndTopSharesAreExact() throws {
        let positions = try generate(Self.book)
        XCTAssertEqual(positions.count, 4_458)
        let total = positions.reduce(0) { $0 + $1.debtUSD }
        XCTAssertEqual(total, 114_000_000, accuracy: 114_000_000 * 1e-12)
        for point in Self.concentration {
            let top = positions.prefix(point.top).reduce(0) { $0 + $1.debtUSD }
            XCTAssertEqual(top / 114_000_000, point.debtShare, accuracy: 1e-12, "top \(point.top)")
        }
        assertNonIncreasing(positions)
        XCTAssertEqual(PopulationGenerator.debts(of: Self.book).exponent, 1, "Zipf keeps this book sorted")
        // Zipf within the top band: 1 : 1/2 : 1/3 of 25 %.
        XCTAssertEqual(positions[0].debtUSD / positions[1].debtUSD, 2, accuracy: 1e-12)
        XCTAssertEqual(positions[0].debtUSD, 114_000_000 * 0.25 / (1 + 1.0 / 2 + 1.0 / 3), accuracy: 1e-6)
    }

    func testAShareTooSteepForZipfFlattensTheExponent() throws {
        // Top 10 hold 20 % (2 % each on average), the other 90 hold 80 % (0.89 % each): with
        // Zipf the 10th would be smaller than the 11th.
        let population = SyntheticPopulation(positions: 100, totalDebtUSD: 1_000, collateralRatio: .quantiles(Self.quantiles),
                                             concentration: [.init(top: 10, debtShare: 0.2)])
        let (sizes, exponent) = PopulationGenerator.debts(of: population)
        XCTAssertGreaterThan(exponent, 0)
        XCTAssertLessThan(exponent, 1)
        XCTAssertEqual(exponent * Double(PopulationGenerator.exponentSteps), (exponent * 64).rounded(), "a multiple of 1/64")
        XCTAssertGreaterThanOrEqual(sizes[9], sizes[10])
        XCTAssertEqual(sizes.prefix(10).reduce(0, +), 200, accuracy: 1e-9)
        XCTAssertEqual(sizes.reduce(0, +), 1_000, accuracy: 1e-9)
        assertNonIncreasing(try generate(population))
        // The next step up breaks the order at the band boundary.
        let steeper = exponent + 1.0 / 64
        let band = (1...10).reduce(0.0) { $0 + pow(Double($1), -steeper) }, rest = (11...100).reduce(0.0) { $0 + pow(Double($1), -steeper) }
        XCTAssertLessThan(200 * pow(10, -steeper) / band, 800 * pow(11, -steeper) / rest)
    }

    func testEqualAveragesGiveEqualDebts() throws {
        let population = SyntheticPopulation(positions: 100, totalDebtUSD: 1_000, collateralRatio: .quantiles(Self.quantiles),
                                             concentration: [.init(top: 10, debtShare: 0.1)])
        let (sizes, exponent) = PopulationGenerator.debts(of: population)
        XCTAssertEqual(exponent, 0)
        XCTAssertEqual(Set(sizes), [10])
    }

    func testWithoutConcentrationOnePowerLaw() throws {
        let population = SyntheticPopulation(positions: 1_000, totalDebtUSD: 1_000, collateralRatio: .quantiles(Self.quantiles))
        let positions = try generate(population)
        let harmonic = (1...1_000).reduce(0.0) { $0 + 1 / Double($1) }
        XCTAssertEqual(positions[0].debtUSD, 1_000 / harmonic, accuracy: 1e-9)
        XCTAssertEqual(positions[999].debtUSD, 1 / harmonic, accuracy: 1e-12)
    }

    func testOnePositionHoldsEverything() throws {
        let positions = try generate(SyntheticPopulation(positions: 1, totalDebtUSD: 5_000, collateralRatio: .quantiles(Self.quantiles)))
        XCTAssertEqual(positions, [PositionSpec(debtUSD: 5_000, collateralRatio: 2.75 + 0.25 * (0.5 - 0.496) / (0.565 - 0.496))])
    }

    func testDebtWeightedQuantilesAreReproducedWithinOnePosition() throws {
        // A concentrated book (largest position 13.6 % of the debt) and a spread one (0.22 %).
        for population in [Self.book,
                           SyntheticPopulation(positions: 20_000, totalDebtUSD: 5e8, collateralRatio: .quantiles(Self.quantiles),
                                               concentration: [.init(top: 100, debtShare: 0.05)])] {
            let positions = try generate(population, seed: 42)
            let largest = positions[0].debtUSD / population.totalDebtUSD
            for point in Self.quantiles {
                XCTAssertEqual(debtShare(positions, below: point.collateralRatio), point.debtShare, accuracy: largest,
                               "ratio \(point.collateralRatio), \(population.positions) positions")
            }
            // The first position along the debt axis sits half its debt above share 0.
            XCTAssertLessThanOrEqual(positions.map(\.collateralRatio).min()!, 1.5 + 0.75 * largest / 2 / 0.235)
            XCTAssertTrue(positions.allSatisfy { $0.collateralRatio >= 1.5 && $0.collateralRatio <= 6.24 })
        }
    }

    func testEqualRatiosHoldTheirSegmentAtOneRatio() throws {
        let points: [CollateralRatioDistribution.DebtQuantile] = [
            .init(debtShare: 0, collateralRatio: 1.5), .init(debtShare: 0.3, collateralRatio: 1.5), .init(debtShare: 1, collateralRatio: 4)]
        let positions = try generate(SyntheticPopulation(positions: 10_000, totalDebtUSD: 1e6, collateralRatio: .quantiles(points)),
                                     minimum: 1.5)
        let atFloor = positions.filter { $0.collateralRatio == 1.5 }.reduce(0) { $0 + $1.debtUSD } / 1e6
        XCTAssertEqual(atFloor, 0.3, accuracy: positions[0].debtUSD / 1e6)
    }

    func testLognormalMedianAndP90AreReproduced() throws {
        let population = SyntheticPopulation(positions: 50_000, totalDebtUSD: 1e9, collateralRatio: .lognormal(median: 2.8, p90: 5.0, floor: 1.55),
                                             concentration: [.init(top: 100, debtShare: 0.04)])
        let positions = try generate(population, seed: 9)
        let largest = positions[0].debtUSD / 1e9
        XCTAssertEqual(debtShare(positions, below: 2.8), 0.5, accuracy: largest)
        XCTAssertEqual(debtShare(positions, below: 5.0), 0.9, accuracy: largest)
        // The floor holds the debt the lognormal puts below it: Φ((ln 1.55 − μ) / σ).
        let lognormal = LogNormal(quantile: 0.5, is: 2.8, quantile: 0.9, is: 5.0)!
        let belowFloor = 0.5 * erfc(-(log(1.55) - lognormal.mu) / (lognormal.sigma * 2.0.squareRoot()))
        XCTAssertEqual(positions.map(\.collateralRatio).min(), 1.55)
        let atFloor = positions.filter { $0.collateralRatio == 1.55 }.reduce(0) { $0 + $1.debtUSD } / 1e9
        XCTAssertEqual(atFloor, belowFloor, accuracy: largest)
        XCTAssertGreaterThan(atFloor, 0.05)
    }

    func testTheMinimumRatioServesAsTheLognormalFloor() throws {
        let population = SyntheticPopulation(positions: 1_000, totalDebtUSD: 1e6, collateralRatio: .lognormal(median: 2, p90: 4, floor: nil))
        XCTAssertEqual(try generate(population, minimum: 1.5).map(\.collateralRatio).min(), 1.5)
    }

    func testTheSameSeedGivesTheSamePositionsAndAnotherSeedAnotherAssignment() throws {
        let first = try generate(Self.book, seed: 7)
        XCTAssertEqual(try generate(Self.book, seed: 7), first)
        let other = try generate(Self.book, seed: 8)
        XCTAssertEqual(other.map(\.debtUSD), first.map(\.debtUSD), "the debts do not depend on the seed")
        XCTAssertNotEqual(other.map(\.collateralRatio), first.map(\.collateralRatio))
    }

    func testListedPositionsComeBackAsListed() throws {
        let listed = [PositionSpec(debtUSD: 10, collateralRatio: 2), PositionSpec(debtUSD: 30, collateralRatio: 1.6)]
        XCTAssertEqual(PopulationGenerator.generate(try PopulationConfiguration(.listed(listed)), random: SplitMix64(seed: 1)), listed)
    }

    func testUniformDrawsStayBelowTheBoundAndReachEveryValue() {
        var random = SplitMix64(seed: 3)
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<7_000 { counts[Int(PopulationGenerator.uniform(below: 7, using: &random))] += 1 }
        XCTAssertTrue(counts.allSatisfy { (850...1_150).contains($0) }, "\(counts)")
        XCTAssertEqual(PopulationGenerator.uniform(below: 1, using: &random), 0)
    }
}
