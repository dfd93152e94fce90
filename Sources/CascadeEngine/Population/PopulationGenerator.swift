import CascadeMath
import Foundation

/// Builds the positions a run opens at its start (docs/population.md).
///
/// **Debts.** The positions are ranked by debt, largest first. Each band of ranks between two
/// concentration points (and the rest after the last point) receives exactly its share of
/// ``SyntheticPopulation/totalDebtUSD``; within a band the debt of rank `r` (1-based, counted
/// over the whole population) is proportional to `r^−α`, a power law:
///
///     debt(r) = total · (sⱼ − sⱼ₋₁) · r^−α / Σ_{ρ in band j} ρ^−α
///
/// `α` is ``targetExponent`` (Zipf's law) when that keeps the list non-increasing across every
/// band boundary, else the largest multiple of `targetExponent / 64` that does (found by
/// bisection; every candidate list is checked element by element). Exponent 0 splits each band
/// evenly, which validation guarantees is non-increasing, so a list is always found. One
/// exponent serves all bands.
///
/// So the largest `k` positions hold the configured share at each concentration point, and all
/// debts sum to the total, up to floating rounding: relative error below 10⁻⁹ (in practice
/// about 10⁻¹⁴).
///
/// **Collateral ratios.** The positions are laid, in an order shuffled by `random`
/// (Fisher–Yates), end to end along the cumulative-debt axis; each receives the debt-weighted
/// inverse CDF of ``CollateralRatioDistribution`` at the midpoint of its debt interval, as a
/// share of the total. The debt at ratios up to any quantile point therefore differs from the
/// configured share by at most the debt of the one position straddling it.
///
/// **Output.** Positions by debt, largest first (equal debts in rank order); listed positions
/// (``PopulationConfiguration/Source/listed(_:)``) are returned as listed, drawing nothing.
/// The same configuration and generator state give the same positions.
///
/// - Complexity: O(n) for `n` positions, times at most 7 debt lists when Zipf must be flattened;
///   plus O(n log q) for `q` quantile points.
public enum PopulationGenerator {
    /// The exponent of the power law within bands, when it keeps the debts sorted: 1, Zipf's law.
    public static let targetExponent = 1.0
    /// The exponents tried below the target are its multiples of 1/`exponentSteps`.
    static let exponentSteps = 64

    /// The positions of `configuration`; `random` decides which position gets which ratio.
    public static func generate(_ configuration: PopulationConfiguration, random: SplitMix64) -> [PositionSpec] {
        switch configuration.source {
        case .listed(let positions):
            return positions
        case .synthetic(let population):
            let debts = debts(of: population).sizes
            var generator = random
            let ratios = collateralRatios(debts: debts, inverse: population.collateralRatio.inverse(floor: configuration.minimumCollateralRatio),
                                          random: &generator)
            return debts.indices.map { PositionSpec(debtUSD: debts[$0], collateralRatio: ratios[$0]) }
        }
    }

    /// The debts of a validated population, largest first, and the exponent `α` they follow.
    static func debts(of population: SyntheticPopulation) -> (sizes: [Double], exponent: Double) {
        let bands = population.bands
        var sizes = [Double](repeating: 0, count: population.positions)
        /// Fills `sizes` for exponent `alpha`; whether they are non-increasing.
        func fill(_ alpha: Double) -> Bool {
            for band in bands {
                var weights = 0.0
                for rank in band.ranks {
                    let weight = Foundation.pow(Double(rank + 1), -alpha)
                    sizes[rank] = weight
                    weights += weight
                }
                let scale = population.totalDebtUSD * band.debtShare / weights
                for rank in band.ranks { sizes[rank] = scale * sizes[rank] }
            }
            return zip(sizes, sizes.dropFirst()).allSatisfy { $0 >= $1 }
        }
        if fill(targetExponent) { return (sizes, targetExponent) }
        func exponent(_ step: Int) -> Double { targetExponent * Double(step) / Double(exponentSteps) }
        var low = 0, high = exponentSteps  // fill(exponent(low)) holds (validation), fill(exponent(high)) does not.
        while high - low > 1 {
            let middle = (low + high) / 2
            if fill(exponent(middle)) { low = middle } else { high = middle }
        }
        let holds = fill(exponent(low))
        precondition(holds, "an unvalidated concentration curve")
        return (sizes, exponent(low))
    }

    /// The ratio of each position: `inverse` at the midpoint of the position's debt interval,
    /// positions laid along the debt axis in a shuffled order.
    static func collateralRatios(debts: [Double], inverse: CollateralRatioDistribution.Inverse,
                                 random: inout SplitMix64) -> [Double] {
        var order = Array(debts.indices)
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            order.swapAt(i, Int(uniform(below: UInt64(i + 1), using: &random)))
        }
        let total = debts.reduce(0, +)
        var ratios = [Double](repeating: 0, count: debts.count)
        var cumulative = 0.0
        for index in order {
            let debt = debts[index]
            ratios[index] = inverse.collateralRatio(atDebtShare: min((cumulative + debt / 2) / total, 1.0.nextDown))
            cumulative += debt
        }
        return ratios
    }

    /// A uniform integer in `0..<bound` (`bound` ≥ 1), by Lemire's multiply-and-reject method
    /// ("Fast random integer generation in an interval", ACM TOMACS 2019): unbiased, one draw
    /// except with probability below `bound / 2⁶⁴`.
    static func uniform(below bound: UInt64, using generator: inout SplitMix64) -> UInt64 {
        var product = generator.next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = generator.next().multipliedFullWidth(by: bound) }
        }
        return product.high
    }
}
