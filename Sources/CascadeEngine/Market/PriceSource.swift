/// Where one asset's exogenous price (USD, before the impact of liquidation sales) comes from.
///
/// The stochastic sources are stepped exactly over any interval `Δt` (years of 365 days,
/// ``MarketModel/secondsPerYear``), with `Z` a standard normal correlated across assets
/// (``MarketConfiguration/correlations``); docs/market.md derives the steps.
///
/// | source | `ln S(t+Δt) − ln S(t)` |
/// | --- | --- |
/// | `constant` | 0 |
/// | `series` | the recorded path (``PriceSeries``) |
/// | `gbm` | `(μ − σ²/2)·Δt + σ·√Δt·Z` |
/// | `merton` | `(μ − σ²/2 − λκ)·Δt + σ·√Δt·Z + Σᵢ₌₁ᴺ Yᵢ`, `N ~ Poisson(λΔt)`, `Yᵢ ~ N(m, s²)`, `κ = e^(m + s²/2) − 1` |
///
/// In both stochastic models `μ` is the expected growth rate: `E[S(t)] = S(0)·e^(μt)` (for
/// `merton` thanks to the compensation `−λκ`).
public enum PriceSource: Sendable, Hashable {
    /// A fixed price (USD > 0), e.g. a stablecoin at 1.
    case constant(Double)
    /// A recorded path, log-linear between rows.
    case series(PriceSeries)
    /// Geometric Brownian motion from `initial` (USD > 0) with expected growth rate
    /// `driftPerYear` (μ, 0.1 = 10 % a year) and volatility `volatilityPerYear` (σ ≥ 0 of the
    /// log price over a year).
    case gbm(initial: Double, driftPerYear: Double, volatilityPerYear: Double)
    /// Merton's jump diffusion: a GBM as above plus jumps arriving as a Poisson process of rate
    /// `jumpsPerDay` (λ ≥ 0 per 86,400 s), each multiplying the price by `e^Y` with
    /// `Y ~ N(jumpMean, jumpStdDev²)` (log jump size; −0.1 is a fall of ≈ 9.5 %).
    case merton(initial: Double, driftPerYear: Double, volatilityPerYear: Double,
                jumpsPerDay: Double, jumpMean: Double, jumpStdDev: Double)

    /// `true` for `gbm` and `merton`, the sources that draw correlated normal increments.
    public var isStochastic: Bool {
        switch self {
        case .constant, .series: false
        case .gbm, .merton: true
        }
    }

    /// The name of the source as the scenario file writes it (`price = "…"`).
    public var name: String {
        switch self {
        case .constant: "constant"
        case .series: "series"
        case .gbm: "gbm"
        case .merton: "merton"
        }
    }
}
