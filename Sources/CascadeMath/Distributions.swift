import Foundation

/// Floating-point sampling helpers for market models and bid distributions.
///
/// These are for models only (prices, demand, bids), never for balances or fees actually paid:
/// callers convert a model's `Double` into exact integers with a documented rounding.
///
/// Every function is a pure function of the generator's output, so a seeded generator such as
/// ``SplitMix64`` reproduces the same samples on every platform that has IEEE-754 doubles and a
/// correctly rounded `log`/`sqrt`/`cos` (the results are used as model inputs; a last-bit
/// difference in `log` between libms would change a bid by far less than one wei).
public enum Distributions {
    /// A uniform `Double` in `[0, 1)`: the top 53 bits of one 64-bit draw, times 2⁻⁵³.
    ///
    /// Every one of the 2⁵³ representable multiples of 2⁻⁵³ is equally likely.
    @inlinable
    public static func unitInterval<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        Double(generator.next() >> 11) * 0x1p-53
    }

    /// A standard normal sample (mean 0, variance 1) by the Box–Muller transform
    /// (Box & Muller, "A note on the generation of random normal deviates", 1958):
    /// `√(−2 ln u₁) · cos(2π u₂)` with `u₁ ∈ (0, 1]`, `u₂ ∈ [0, 1)`.
    ///
    /// Draws exactly two 64-bit values per call (the transform's second, sine-based deviate is
    /// not kept, so the number of draws never depends on earlier calls).
    @inlinable
    public static func standardNormal<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        let u1 = 1 - unitInterval(using: &generator)
        let u2 = unitInterval(using: &generator)
        return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
    }

    /// The standard normal quantile Φ⁻¹(p) for `p` in `(0, 1)` (−∞ at 0, +∞ at 1).
    ///
    /// Peter J. Acklam's rational approximation (2003): relative error below 1.15·10⁻⁹ over the
    /// whole open interval, with a central region `|p − ½| ≤ ½ − 0.02425` and two tails.
    /// `p` outside `[0, 1]` or NaN gives NaN.
    public static func normalQuantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let lowTail = 0.02425
        if p < lowTail {
            return tailQuantile(p)
        }
        if p > 1 - lowTail {
            return -tailQuantile(1 - p)
        }
        let q = p - 0.5
        let r = q * q
        let a = (-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00)
        let b = (-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01)
        let numerator = (((((a.0 * r + a.1) * r + a.2) * r + a.3) * r + a.4) * r + a.5) * q
        let denominator = ((((b.0 * r + b.1) * r + b.2) * r + b.3) * r + b.4) * r + 1
        return numerator / denominator
    }

    /// Acklam's lower-tail branch, Φ⁻¹(p) for `0 < p < 0.02425`.
    private static func tailQuantile(_ p: Double) -> Double {
        let c = (-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00)
        let d = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00)
        let q = (-2 * Foundation.log(p)).squareRoot()
        let numerator = ((((c.0 * q + c.1) * q + c.2) * q + c.3) * q + c.4) * q + c.5
        let denominator = (((d.0 * q + d.1) * q + d.2) * q + d.3) * q + 1
        return numerator / denominator
    }
}
