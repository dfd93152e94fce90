import CascadeMath
import Foundation

extension Distributions {
    /// Largest mean drawn with one uniform; larger means are split into pieces of at most this
    /// size (a sum of independent Poisson counts is Poisson with the summed mean), which keeps
    /// `e^(−mean)` and the cumulative sums far from underflow and rounding trouble.
    static let poissonPieceMean = 64.0

    /// A Poisson-distributed count with mean `mean` (finite, ≥ 0), by inversion: one uniform
    /// `u` per piece of at most ``poissonPieceMean``, and the smallest `k` whose cumulative
    /// probability `Σᵢ₌₀ᵏ e^(−λ) λⁱ/i!` exceeds `u`.
    ///
    /// Draws exactly `⌈mean / 64⌉` values from `generator` (none for a mean of 0), so the number
    /// of draws depends on the mean only, never on the outcome.
    /// - Complexity: O(mean + number of pieces).
    static func poisson<G: RandomNumberGenerator>(mean: Double, using generator: inout G) -> Int {
        precondition(mean.isFinite && mean >= 0, "a Poisson mean must be finite and ≥ 0")
        var remaining = mean
        var count = 0
        while remaining > 0 {
            let lambda = Swift.min(remaining, poissonPieceMean)
            remaining -= lambda
            let u = unitInterval(using: &generator)
            var probability = Foundation.exp(-lambda)
            var cumulative = probability
            var k = 0
            // Past the mode the terms shrink; stop once they no longer change the sum (u within
            // rounding of 1).
            while cumulative <= u, probability > 0 || Double(k) < lambda {
                k += 1
                probability *= lambda / Double(k)
                cumulative += probability
            }
            count += k
        }
        return count
    }
}
