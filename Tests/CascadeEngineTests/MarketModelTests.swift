import CascadeEngine
import CascadeMath
import Foundation
import XCTest

/// `MarketModel`'s exogenous paths: statistics against theory, determinism, correlation.
///
/// Statistical tolerances are four standard errors of the estimate (a correct model fails one
/// check with probability ≈ 6·10⁻⁵; the seeds are fixed, so each check either always passes or
/// always fails), and each check's tolerance is far below the effect of the error it guards
/// against (a missing −σ²/2, a missing jump compensation, days taken for years).
final class MarketModelTests: XCTestCase {
    static let start: UInt64 = 1_583_971_200
    static let day = 86_400.0
    static let year = MarketModel.secondsPerYear

    /// One asset with `source`, depth 1 M USD, half-life 30 min.
    static func single(_ source: PriceSource) -> MarketConfiguration {
        MarketConfiguration(assets: [AssetMarket(symbol: "ETH", source: source, depthUSD2Percent: 1_000_000, recoveryHalfLifeSeconds: 1_800)])
    }

    /// `ln(S(T) / S(0))` of `paths` independent paths of asset 0, each advanced `steps` times by
    /// `stepSeconds`.
    static func logReturns(_ configuration: MarketConfiguration, paths: Int, steps: Int, stepSeconds: UInt64, seed: UInt64 = 1) -> [Double] {
        let root = SplitMix64(seed: seed)
        return (0..<paths).map { path in
            var market = MarketModel(configuration: configuration, random: root.derived(stream: UInt64(path)), startTimestamp: start)
            let initial = market.exogenousPrice(0)
            for step in 1...steps { market.advance(to: start + UInt64(step) * stepSeconds) }
            return log(market.exogenousPrice(0) / initial)
        }
    }

    static func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(xs.count) }

    static func variance(_ xs: [Double]) -> Double {
        let m = mean(xs)
        return xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(xs.count - 1)
    }

    static func correlation(_ xs: [Double], _ ys: [Double]) -> Double {
        let (mx, my) = (mean(xs), mean(ys))
        let covariance = zip(xs, ys).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let sx = xs.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }, sy = ys.reduce(0) { $0 + ($1 - my) * ($1 - my) }
        return covariance / (sx * sy).squareRoot()
    }

    // MARK: GBM

    func testGBMLogReturnHasTheoreticalMeanAndVariance() {
        let (mu, sigma) = (0.1, 0.8)
        let paths = 4_000, steps = 52, week: UInt64 = 7 * 86_400
        let t = Double(steps) * Double(week) / Self.year
        let returns = Self.logReturns(Self.single(.gbm(initial: 195, driftPerYear: mu, volatilityPerYear: sigma)),
                                      paths: paths, steps: steps, stepSeconds: week)
        let expectedVariance = sigma * sigma * t
        // Mean (μ − σ²/2)·T = −0.219; without the Itô term it would be +0.100.
        XCTAssertEqual(Self.mean(returns), (mu - sigma * sigma / 2) * t, accuracy: 4 * (expectedVariance / Double(paths)).squareRoot())
        XCTAssertEqual(Self.variance(returns), expectedVariance, accuracy: 4 * expectedVariance * (2 / Double(paths - 1)).squareRoot())
    }

    func testGBMExpectedPriceGrowsAtTheDrift() {
        let (mu, sigma) = (0.5, 0.3)
        let paths = 4_000, steps = 12, month: UInt64 = 30 * 86_400
        let t = Double(steps) * Double(month) / Self.year
        let growth = Self.logReturns(Self.single(.gbm(initial: 1, driftPerYear: mu, volatilityPerYear: sigma)),
                                     paths: paths, steps: steps, stepSeconds: month).map(exp)
        let standardError = (Self.variance(growth) / Double(paths)).squareRoot()
        XCTAssertEqual(Self.mean(growth), exp(mu * t), accuracy: 4 * standardError)
    }

    func testZeroVolatilityGBMIsTheDeterministicGrowth() {
        var market = MarketModel(configuration: Self.single(.gbm(initial: 100, driftPerYear: 0.2, volatilityPerYear: 0)),
                                 random: SplitMix64(seed: 3), startTimestamp: Self.start)
        market.advance(to: Self.start + 31_536_000 / 2)
        XCTAssertEqual(market.exogenousPrice(0), 100 * exp(0.1), accuracy: 1e-9)
    }

    // MARK: Merton

    /// With σ = 0 and s = 0 every jump is exactly m, so the number of jumps on a path is
    /// `(ln return − drift·T) / m`, an integer.
    func jumpCounts(jumpsPerDay: Double, paths: Int, steps: Int, stepSeconds: UInt64) -> [Double] {
        let (mu, m) = (0.05, -0.05)
        let seconds = Double(steps) * Double(stepSeconds)
        let drift = mu * seconds / Self.year - jumpsPerDay / Self.day * (exp(m) - 1) * seconds
        let source = PriceSource.merton(initial: 150, driftPerYear: mu, volatilityPerYear: 0, jumpsPerDay: jumpsPerDay, jumpMean: m, jumpStdDev: 0)
        return Self.logReturns(Self.single(source), paths: paths, steps: steps, stepSeconds: stepSeconds).map { ($0 - drift) / m }
    }

    func testMertonJumpCountIsPoissonWithTheConfiguredRate() {
        let paths = 4_000
        let counts = jumpCounts(jumpsPerDay: 2, paths: paths, steps: 24, stepSeconds: 3_600)  // λT = 2
        for count in counts { XCTAssertEqual(count, count.rounded(), accuracy: 1e-6) }
        XCTAssertEqual(Self.mean(counts), 2, accuracy: 4 * (2 / Double(paths)).squareRoot())
        // Var of the sample variance of Poisson(λ): (λ(1 + 3λ) − λ²) / N.
        XCTAssertEqual(Self.variance(counts), 2, accuracy: 4 * ((2 * 7 - 4) / Double(paths)).squareRoot())
        XCTAssertEqual(Double(counts.filter { $0.rounded() == 0 }.count) / Double(paths), exp(-2),
                       accuracy: 4 * (exp(-2) * (1 - exp(-2)) / Double(paths)).squareRoot())
    }

    func testMertonLargeJumpMeansInOneStep() {
        // λΔt = 200 in one step: drawn in pieces of at most 64.
        let paths = 2_000
        let counts = jumpCounts(jumpsPerDay: 200, paths: paths, steps: 1, stepSeconds: 86_400)
        XCTAssertEqual(Self.mean(counts), 200, accuracy: 4 * (200 / Double(paths)).squareRoot())
        XCTAssertEqual(Self.variance(counts), 200, accuracy: 4 * ((200 * 601 - 40_000) / Double(paths)).squareRoot())
    }

    func testMertonLogReturnHasTheoreticalMeanAndVariance() {
        let (mu, sigma, lambda, m, s) = (0.1, 0.5, 0.5, -0.05, 0.03)
        let paths = 4_000, steps = 30, day: UInt64 = 86_400
        let t = Double(steps) * Double(day) / Self.year
        let jumps = lambda * Double(steps)  // expected number of jumps, 15
        let kappa = exp(m + s * s / 2) - 1
        let source = PriceSource.merton(initial: 150, driftPerYear: mu, volatilityPerYear: sigma, jumpsPerDay: lambda, jumpMean: m, jumpStdDev: s)
        let returns = Self.logReturns(Self.single(source), paths: paths, steps: steps, stepSeconds: day)
        let expectedVariance = sigma * sigma * t + jumps * (s * s + m * m)
        // The compensation −λκT = +0.725 is 40 tolerances wide.
        XCTAssertEqual(Self.mean(returns), (mu - sigma * sigma / 2) * t - jumps * kappa + jumps * m,
                       accuracy: 4 * (expectedVariance / Double(paths)).squareRoot())
        // The sample variance of a non-normal sample: its standard error from the sample's fourth moment.
        let center = Self.mean(returns)
        let fourth = returns.reduce(0) { $0 + pow($1 - center, 4) } / Double(paths)
        XCTAssertEqual(Self.variance(returns), expectedVariance,
                       accuracy: 4 * ((fourth - expectedVariance * expectedVariance) / Double(paths)).squareRoot())
        // Compensated: the expected price grows at the drift alone.
        let growth = returns.map(exp)
        XCTAssertEqual(Self.mean(growth), exp(mu * t), accuracy: 4 * (Self.variance(growth) / Double(paths)).squareRoot())
    }

    // MARK: Determinism

    /// ETH (Merton), DAI (constant), WBTC (GBM), correlated.
    static let mixed = MarketConfiguration(
        assets: [
            AssetMarket(symbol: "ETH", source: .merton(initial: 195, driftPerYear: 0, volatilityPerYear: 0.9, jumpsPerDay: 3,
                                                       jumpMean: -0.04, jumpStdDev: 0.02),
                        depthUSD2Percent: 2_800_000, recoveryHalfLifeSeconds: 1_800),
            AssetMarket(symbol: "DAI", source: .constant(1), depthUSD2Percent: 500_000, recoveryHalfLifeSeconds: 600),
            AssetMarket(symbol: "WBTC", source: .gbm(initial: 7_900, driftPerYear: 0.1, volatilityPerYear: 0.7),
                        depthUSD2Percent: 5_000_000, recoveryHalfLifeSeconds: 3_600),
        ],
        correlations: [[1, 0.8], [0.8, 1]])

    func path(seed: UInt64) -> [Double] {
        var market = MarketModel(configuration: Self.mixed, random: SplitMix64(seed: seed), startTimestamp: Self.start)
        var prices: [Double] = []
        for block in 1...500 {
            market.advance(to: Self.start + UInt64(block) * 13)
            if block % 50 == 0 { market.trade(0, usd: 1_000_000, tag: block) }
            prices += [market.price(0), market.price(1), market.price(2)]
        }
        return prices
    }

    func testSameSeedGivesTheIdenticalPath() {
        XCTAssertEqual(path(seed: 42), path(seed: 42))
    }

    func testDifferentSeedsGiveDifferentPaths() {
        let (a, b) = (path(seed: 42), path(seed: 43))
        XCTAssertNotEqual(a, b)
        XCTAssertEqual(a.enumerated().filter { $0.offset % 3 == 1 }.map(\.element), Array(repeating: 1, count: 500))  // DAI
        XCTAssertEqual(zip(a, b).filter { $0 == $1 }.count, 500)  // only the constant DAI agrees
    }

    func testAdvancingToTheSameTimeDrawsNothing() {
        var once = MarketModel(configuration: Self.mixed, random: SplitMix64(seed: 5), startTimestamp: Self.start)
        var repeated = once
        once.advance(to: Self.start + 13)
        repeated.advance(to: Self.start)
        repeated.advance(to: Self.start + 13)
        repeated.advance(to: Self.start + 13)
        XCTAssertEqual(once, repeated)
    }

    // MARK: Correlation

    func testIncrementsHaveTheConfiguredCorrelations() throws {
        let gbm = PriceSource.gbm(initial: 100, driftPerYear: 0, volatilityPerYear: 0.6)
        func asset(_ symbol: String, _ source: PriceSource) -> AssetMarket {
            AssetMarket(symbol: symbol, source: source, depthUSD2Percent: 1e6, recoveryHalfLifeSeconds: 60)
        }
        let rho = [[1, 0.8, -0.3], [0.8, 1, 0], [-0.3, 0, 1]]
        let configuration = MarketConfiguration(
            assets: [asset("ETH", gbm), asset("DAI", .constant(1)), asset("WBTC", gbm),
                     asset("SOL", .merton(initial: 20, driftPerYear: 0, volatilityPerYear: 1.2, jumpsPerDay: 0, jumpMean: 0, jumpStdDev: 0))],
            correlations: rho)
        XCTAssertEqual(configuration.validationErrors(), [])
        var market = MarketModel(configuration: configuration, random: SplitMix64(seed: 9), startTimestamp: Self.start)
        let steps = 20_000
        var increments = [[Double]](repeating: [], count: 4)
        for step in 1...steps {
            let before = (0..<4).map { log(market.exogenousPrice($0)) }
            market.advance(to: Self.start + UInt64(step) * 3_600)
            for asset in 0..<4 { increments[asset].append(log(market.exogenousPrice(asset)) - before[asset]) }
        }
        XCTAssertEqual(Set(increments[1]), [0])
        for (i, a) in [0, 2, 3].enumerated() {
            for (j, b) in [0, 2, 3].enumerated() where j > i {
                let expected = rho[i][j]
                XCTAssertEqual(Self.correlation(increments[a], increments[b]), expected,
                               accuracy: 4 * (1 - expected * expected) / Double(steps).squareRoot(), "\(a)–\(b)")
            }
        }
    }

    func testPerfectlyCorrelatedAssetsMoveTogether() {
        let configuration = MarketConfiguration(
            assets: ["A", "B"].map {
                AssetMarket(symbol: $0, source: .gbm(initial: 10, driftPerYear: 0, volatilityPerYear: 0.5),
                            depthUSD2Percent: 1e6, recoveryHalfLifeSeconds: 60)
            },
            correlations: [[1, 1], [1, 1]])
        XCTAssertEqual(configuration.validationErrors(), [])
        var market = MarketModel(configuration: configuration, random: SplitMix64(seed: 11), startTimestamp: Self.start)
        for step in 1...100 {
            market.advance(to: Self.start + UInt64(step) * 600)
            XCTAssertEqual(market.exogenousPrice(0), market.exogenousPrice(1))
        }
        XCTAssertNotEqual(market.exogenousPrice(0), 10)
    }

    // MARK: Other sources

    func testSeriesAndConstantAssetsFollowTheirSources() throws {
        let series = try PriceSeries(text: "timestamp,price_usd\n\(Self.start),200\n\(Self.start + 3_600),100\n", source: "s.csv")
        let configuration = MarketConfiguration(assets: [
            AssetMarket(symbol: "ETH", source: .series(series), depthUSD2Percent: 1e6, recoveryHalfLifeSeconds: 60),
            AssetMarket(symbol: "DAI", source: .constant(1.01), depthUSD2Percent: 1e6, recoveryHalfLifeSeconds: 60),
        ])
        var market = MarketModel(configuration: configuration, random: SplitMix64(seed: 1), startTimestamp: Self.start - 60)
        XCTAssertEqual(market.exogenousPrice(0), 200)
        XCTAssertEqual(market.index(of: "DAI"), 1)
        XCTAssertNil(market.index(of: "WBTC"))
        market.advance(to: Self.start + 1_800)
        XCTAssertEqual(market.exogenousPrice(0), 200 / 2.0.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(market.price(0), market.exogenousPrice(0))
        XCTAssertEqual(market.exogenousPrice(1), 1.01)
        XCTAssertEqual(market.timestamp, Self.start + 1_800)
        market.advance(to: Self.start + 7_200)
        XCTAssertEqual(market.exogenousPrice(0), 100)
    }
}
