import CascadeMath

/// How collateral ratios are spread over a synthetic population's debt: the debt-weighted
/// distribution, i.e. for each ratio the share of the total debt (not of the positions) held
/// at or below it.
///
/// ```swift
/// // 23.5 % of the debt at ratios 150–225 %, 26.1 % at 225–275 %, …
/// let book = CollateralRatioDistribution.quantiles([
///     .init(debtShare: 0, collateralRatio: 1.5), .init(debtShare: 0.235, collateralRatio: 2.25),
///     .init(debtShare: 0.496, collateralRatio: 2.75), .init(debtShare: 1, collateralRatio: 6.24)])
/// let parametric = CollateralRatioDistribution.lognormal(median: 2.8, p90: 5.0, floor: 1.55)
/// ```
public enum CollateralRatioDistribution: Sendable, Hashable {
    /// Points of the debt-weighted cumulative distribution, linear between them: the first at
    /// debt share 0 (the smallest ratio), the last at 1 (the largest); shares increasing, ratios
    /// not decreasing (two points at one ratio put the debt between them at that ratio).
    case quantiles([DebtQuantile])
    /// A lognormal debt-weighted distribution through its median and 90th percentile, with every
    /// ratio below `floor` raised to `floor` (the debt the lognormal puts below it sits at the
    /// floor). Without a floor the population's minimum collateral ratio serves as one.
    case lognormal(median: Double, p90: Double, floor: Double?)

    /// One point: `debtShare` of the total debt is held at ratios up to `collateralRatio`.
    public struct DebtQuantile: Sendable, Hashable {
        /// Cumulative share of the debt, in [0, 1].
        public let debtShare: Double
        /// Collateral value over debt, e.g. 2.25 for 225 %.
        public let collateralRatio: Double

        public init(debtShare: Double, collateralRatio: Double) {
            self.debtShare = debtShare
            self.collateralRatio = collateralRatio
        }
    }

    /// The inverse of a validated distribution's debt-weighted CDF, ready to evaluate.
    enum Inverse {
        case piecewiseLinear(shares: [Double], ratios: [Double])
        case lognormal(LogNormal, floor: Double)

        /// The ratio below which a share `u` (in [0, 1]) of the debt lies.
        func collateralRatio(atDebtShare u: Double) -> Double {
            switch self {
            case .piecewiseLinear(let shares, let ratios):
                // The segment [shares[i − 1], shares[i]] holding u.
                var low = 1, high = shares.count - 1
                while low < high {
                    let middle = (low + high) / 2
                    if shares[middle] < u { low = middle + 1 } else { high = middle }
                }
                let fraction = (u - shares[low - 1]) / (shares[low] - shares[low - 1])
                return ratios[low - 1] + (ratios[low] - ratios[low - 1]) * min(max(fraction, 0), 1)
            case .lognormal(let distribution, let floor):
                return max(floor, distribution.quantile(min(max(u, 0), 1)))
            }
        }
    }

    /// The inverse CDF; `floor` is the lognormal's lower bound (its own floor, else the
    /// population's minimum ratio). Only for validated distributions.
    func inverse(floor: Double?) -> Inverse {
        switch self {
        case .quantiles(let points):
            return .piecewiseLinear(shares: points.map(\.debtShare), ratios: points.map(\.collateralRatio))
        case .lognormal(let median, let p90, let own):
            guard let distribution = LogNormal(quantile: 0.5, is: median, quantile: 0.9, is: p90), let bound = own ?? floor else {
                preconditionFailure("an unvalidated lognormal collateral-ratio distribution")
            }
            return .lognormal(distribution, floor: bound)
        }
    }
}
