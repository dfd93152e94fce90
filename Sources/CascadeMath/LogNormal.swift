import Foundation

/// A lognormal distribution: `X = exp(μ + σ·Z)` with `Z` standard normal.
///
/// Used for bids per unit of gas (in gwei) in the background-demand models. It is fitted from two
/// quantiles, as gas statistics are usually published (a median or 60th percentile and a 90th
/// percentile): with `zₚ = Φ⁻¹(p)`,
/// `σ = (ln x₂ − ln x₁) / (z₂ − z₁)` and `μ = ln x₁ − σ·z₁`.
///
/// ```swift
/// let bids = LogNormal(quantile: 0.5, is: 10, quantile: 0.9, is: 35)!  // gwei
/// bids.median          // 10.0
/// bids.quantile(0.9)   // 35.0 (to rounding)
/// ```
///
/// Floating point: for models only, never for amounts actually paid.
public struct LogNormal: Sendable, Hashable {
    /// Mean of `ln X`.
    public let mu: Double
    /// Standard deviation of `ln X`, ≥ 0 (0: every draw equals the median).
    public let sigma: Double

    /// The distribution with `ln X ~ N(mu, sigma²)`; `sigma` must be finite and ≥ 0 and `mu` finite.
    public init(mu: Double, sigma: Double) {
        precondition(mu.isFinite && sigma.isFinite && sigma >= 0, "LogNormal needs a finite mu and a finite sigma ≥ 0")
        self.mu = mu
        self.sigma = sigma
    }

    /// The lognormal whose `p1` quantile is `x1` and whose `p2` quantile is `x2`, or `nil` unless
    /// `0 < p1 < p2 < 1` and `0 < x1 ≤ x2` (all finite). `x1 == x2` gives `sigma = 0`.
    public init?(quantile p1: Double, is x1: Double, quantile p2: Double, is x2: Double) {
        guard p1 > 0, p1 < p2, p2 < 1, x1.isFinite, x2.isFinite, x1 > 0, x1 <= x2 else { return nil }
        let z1 = Distributions.normalQuantile(p1)
        let z2 = Distributions.normalQuantile(p2)
        let sigma = (Foundation.log(x2) - Foundation.log(x1)) / (z2 - z1)
        self.init(mu: Foundation.log(x1) - sigma * z1, sigma: sigma)
    }

    /// The median, `exp(μ)`.
    public var median: Double { Foundation.exp(mu) }

    /// The `p` quantile, `exp(μ + σ·Φ⁻¹(p))`, for `p` in `[0, 1]` (0 at `p = 0`, +∞ at `p = 1`);
    /// the median for every `p` when `σ = 0`.
    public func quantile(_ p: Double) -> Double {
        sigma == 0 ? median : Foundation.exp(mu + sigma * Distributions.normalQuantile(p))
    }

    /// The same shape with every value multiplied by `factor` (> 0): `μ + ln factor`, same `σ`.
    public func scaled(by factor: Double) -> LogNormal {
        LogNormal(mu: mu + Foundation.log(factor), sigma: sigma)
    }
}
