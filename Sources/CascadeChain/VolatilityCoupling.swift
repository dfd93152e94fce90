import CascadeMath
import Foundation

/// Background demand that rises with market volatility: when prices move, everyone transacts
/// (and bids) more.
///
/// Each block the model updates an exponentially weighted mean `v` of the absolute log return of
/// the reference price per block (half-life ``halfLifeHours``), and compares it with the calm
/// level `v₀ = calmHourlyVolatility · √(blockTime / 3600 s) · √(2/π)` (the mean absolute value of a
/// normal return with that standard deviation). With the stress `s = max(1, v / v₀)`:
/// - gas demanded = `demandShare · s^demandElasticity` of the block gas limit;
/// - bids = ``calmBids`` scaled by `s^bidElasticity` (the whole distribution moves up; its shape,
///   σ, is kept).
///
/// Defaults (``blackThursday``) are fitted to the hourly table of 12 March 2020 in
/// `/work/shared/DATA.md` (the day ETH fell ≈ 45 % while gas prices rose ≈ 10×):
///
/// | parameter | default | derivation |
/// | --- | --- | --- |
/// | ``calmBids`` | median 10 gwei, p90 35 gwei | hours 00–05: mean p60 12.8 gwei and mean p90 35.0 gwei, fitted lognormal median 10.0 gwei |
/// | ``calmHourlyVolatility`` | 0.0152 | hours 00–05: mean hourly `ln(high/low)` 0.0242, divided by 2√(2/π) ≈ 1.596 (a Brownian path's expected range) |
/// | ``bidElasticity`` | 1.5 | hours 10–17 against 00–05: mean gas price ×9.28 while mean hourly range ×4.37, ln 9.28 / ln 4.37 = 1.51 |
/// | ``halfLifeHours`` | 3 | least squares of ln(mean gas price) over the 24 hours with elasticity 1.5: half-lives 2, 3, 4 h give 5.8, 4.5, 4.6 (gas stayed high for hours after the 10:00 crash) |
/// | ``demandElasticity`` | 0.42 | transactions per hour ranged 22,000–41,000 (×1.86) that day, ln 1.86 / ln 4.37; a lower bound, as full blocks cap what was included (uncertain) |
/// | ``demandShare`` | 1.5 | ``BackgroundModel/defaultDemandShare``: blocks full, clearing at the 33rd percentile |
public struct VolatilityCoupling: Sendable, Hashable {
    /// Calm gas demand as a share of the block gas limit (≥ 0; above 1 means excess demand).
    public let demandShare: Double
    /// Calm bid distribution per gas (gwei).
    public let calmBids: LogNormal
    /// Half-life of the volatility estimate (hours, > 0).
    public let halfLifeHours: Double
    /// Calm standard deviation of hourly log returns (> 0).
    public let calmHourlyVolatility: Double
    /// Exponent of the stress in the bid scale (≥ 0).
    public let bidElasticity: Double
    /// Exponent of the stress in the gas demanded (≥ 0).
    public let demandElasticity: Double

    /// A coupling with the given parameters (see the type's documentation for their meaning).
    public init(demandShare: Double, calmBids: LogNormal, halfLifeHours: Double, calmHourlyVolatility: Double,
                bidElasticity: Double, demandElasticity: Double) {
        precondition(demandShare >= 0 && halfLifeHours > 0 && calmHourlyVolatility > 0 && bidElasticity >= 0 && demandElasticity >= 0,
                     "invalid volatility-coupling parameters")
        self.demandShare = demandShare
        self.calmBids = calmBids
        self.halfLifeHours = halfLifeHours
        self.calmHourlyVolatility = calmHourlyVolatility
        self.bidElasticity = bidElasticity
        self.demandElasticity = demandElasticity
    }

    /// Calm bids of 12 March 2020, 00:00–06:00 UTC: median 10 gwei, 90th percentile 35 gwei.
    public static let calmBids2020 = LogNormal(quantile: 0.5, is: 10, quantile: 0.9, is: 35)!

    /// The defaults fitted to 12 March 2020 (table above).
    public static let blackThursday = VolatilityCoupling(demandShare: BackgroundModel.defaultDemandShare, calmBids: calmBids2020, halfLifeHours: 3,
                                                         calmHourlyVolatility: 0.0152, bidElasticity: 1.5, demandElasticity: 0.42)

    /// The calm mean absolute log return per block of `blockTimeSeconds`.
    func calmAbsoluteReturn(blockTimeSeconds: UInt64) -> Double {
        calmHourlyVolatility * (Double(blockTimeSeconds) / 3_600).squareRoot() * (2 / Double.pi).squareRoot()
    }

    /// The weight of the previous estimate in the per-block update: `0.5^(blockTime / halfLife)`.
    func decay(blockTimeSeconds: UInt64) -> Double {
        Foundation.pow(0.5, Double(blockTimeSeconds) / (halfLifeHours * 3_600))
    }
}
