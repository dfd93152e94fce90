import CascadeMath
import XCTest

final class DistributionsTests: XCTestCase {
    func testUnitIntervalStaysInHalfOpenRangeAndIsReproducible() {
        var a = SplitMix64(seed: 42), b = SplitMix64(seed: 42)
        for _ in 0..<10_000 {
            let x = Distributions.unitInterval(using: &a)
            XCTAssert(x >= 0 && x < 1)
            XCTAssertEqual(x, Distributions.unitInterval(using: &b))
        }
    }

    func testBoxMullerHasStandardMoments() {
        var random = SplitMix64(seed: 7)
        let n = 200_000
        var sum = 0.0, sumSquares = 0.0, below = 0
        for _ in 0..<n {
            let z = Distributions.standardNormal(using: &random)
            sum += z
            sumSquares += z * z
            if z < 1.2815515655446008 { below += 1 }
        }
        let mean = sum / Double(n)
        XCTAssertEqual(mean, 0, accuracy: 0.01)  // standard error 0.0022
        XCTAssertEqual(sumSquares / Double(n) - mean * mean, 1, accuracy: 0.015)
        XCTAssertEqual(Double(below) / Double(n), 0.9, accuracy: 0.003)  // P(Z < z₉₀) = 0.9
    }

    func testBoxMullerDrawsTwoValuesPerCall() {
        var sampled = SplitMix64(seed: 3), counted = SplitMix64(seed: 3)
        _ = Distributions.standardNormal(using: &sampled)
        _ = counted.next()
        _ = counted.next()
        XCTAssertEqual(sampled.next(), counted.next())
    }

    /// Reference values of Φ⁻¹ from Python's `statistics.NormalDist().inv_cdf` (Wichura AS241,
    /// accurate to about 1e-16).
    func testNormalQuantileMatchesReferenceValues() {
        let reference: [(Double, Double)] = [
            (1e-10, -6.361340902404056), (1e-5, -4.2648907939228256), (0.001, -3.090232306167813),
            (0.02, -2.0537489106318225), (0.02425, -1.9729610513118845), (0.1, -1.2815515655446008),
            (0.25, -0.6744897501960817), (0.5, 0), (0.6, 0.2533471031357998), (0.9, 1.2815515655446008),
            (0.975, 1.9599639845400536), (0.999, 3.090232306167813), (0.999999999, 5.997807019601638),
        ]
        for (p, z) in reference {
            XCTAssertEqual(Distributions.normalQuantile(p), z, accuracy: max(1e-12, abs(z) * 1.2e-9), "p = \(p)")
        }
        XCTAssertEqual(Distributions.normalQuantile(0), -.infinity)
        XCTAssertEqual(Distributions.normalQuantile(1), .infinity)
        XCTAssert(Distributions.normalQuantile(-0.1).isNaN)
        XCTAssert(Distributions.normalQuantile(.nan).isNaN)
    }

    func testNormalQuantileIsMonotoneAcrossBranchBoundaries() {
        var previous = -Double.infinity
        for i in 1..<100_000 {
            let z = Distributions.normalQuantile(Double(i) / 100_000)
            XCTAssertGreaterThan(z, previous)
            previous = z
        }
    }
}
