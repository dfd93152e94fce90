/// A population described by aggregates — how many positions, how much debt, how concentrated,
/// at which collateral ratios — from which ``PopulationGenerator`` builds the positions.
///
/// ```swift
/// let book = SyntheticPopulation(
///     positions: 4_458, totalDebtUSD: 114_000_000,
///     collateralRatio: .lognormal(median: 2.8, p90: 5.0, floor: 1.55),
///     concentration: [.init(top: 3, debtShare: 0.25), .init(top: 15, debtShare: 0.50), .init(top: 100, debtShare: 0.83)])
/// ```
public struct SyntheticPopulation: Sendable, Hashable {
    /// The number of positions, 1…``maximumPositions``.
    public let positions: Int
    /// The debt of all positions together, USD (> 0).
    public let totalDebtUSD: Double
    /// The debt-weighted distribution of collateral ratios.
    public let collateralRatio: CollateralRatioDistribution
    /// Points of the concentration curve, by increasing `top` (may be empty: one power law
    /// over all positions).
    public let concentration: [ConcentrationPoint]

    /// The most positions a population may have (16 bytes each, plus the generator's working
    /// arrays): a typo such as `positions = 5_000_000_000` is refused rather than exhausting memory.
    public static let maximumPositions = 10_000_000

    public init(positions: Int, totalDebtUSD: Double, collateralRatio: CollateralRatioDistribution,
                concentration: [ConcentrationPoint] = []) {
        self.positions = positions
        self.totalDebtUSD = totalDebtUSD
        self.collateralRatio = collateralRatio
        self.concentration = concentration
    }

    /// A run of ranks between two concentration points and the share of the debt it holds: the
    /// positions ranked `k₍ⱼ₋₁₎ + 1 … kⱼ` hold `sⱼ − sⱼ₋₁`, the rest `1 − s_last`.
    struct Band {
        /// 0-based ranks, largest debt first.
        let ranks: Range<Int>
        let debtShare: Double

        /// The debt of each position when the band's debt is split evenly, USD. Validation
        /// compares these; the generator's sizes with exponent 0 are exactly these values.
        func evenDebt(totalDebtUSD: Double) -> Double { totalDebtUSD * debtShare / Double(ranks.count) }
    }

    /// The bands of a population whose concentration points are valid (`top` increasing and at
    /// most ``positions``); the last band is the rest, absent when the last point covers every position.
    var bands: [Band] {
        var bands: [Band] = []
        var previous = (top: 0, share: 0.0)
        for point in concentration {
            bands.append(Band(ranks: previous.top..<point.top, debtShare: point.debtShare - previous.share))
            previous = (point.top, point.debtShare)
        }
        if previous.top < positions {
            bands.append(Band(ranks: previous.top..<positions, debtShare: 1 - previous.share))
        }
        return bands
    }
}
