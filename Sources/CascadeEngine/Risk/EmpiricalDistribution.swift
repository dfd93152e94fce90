import Foundation

/// The empirical distribution of a sample (one value per Monte Carlo path): order statistics,
/// moments and tail means, with the definitions the outputs state (docs/outputs.md).
///
/// **Percentile** (nearest rank, the definition of `RunSummary` and of Hyndman & Fan's type 1):
/// for `n` sorted values `x₍₁₎ ≤ … ≤ x₍ₙ₎` and `0 < p ≤ 100`, the `p`-th percentile is `x₍ₖ₎` with
/// `k = ⌈p·n/100⌉` (at least 1). It is always an observed value; for 1 … 100 the 95th percentile
/// is 95.
///
/// **Tail mean** (expected shortfall): the mean of the observations ranked at or above that
/// rank, `(x₍ₖ₎ + … + x₍ₙ₎) / (n − k + 1)`: the mean of the tail at or beyond the percentile.
/// For 1 … 100 the tail mean at 95 is (95 + … + 100) / 6 = 97.5. It is never below the percentile.
public struct EmpiricalDistribution: Sendable, Equatable {
    /// The values, sorted ascending.
    public let sorted: [Double]

    /// The distribution of `values` (any order). Non-finite values are kept (they sort last, or
    /// first for −∞); callers pass finite USD amounts and counts.
    public init<Values: Sequence<Double>>(_ values: Values) {
        sorted = values.sorted()
    }

    /// Number of observations.
    public var count: Int { sorted.count }

    /// Arithmetic mean; 0 for an empty sample.
    public var mean: Double {
        sorted.isEmpty ? 0 : Self.sum(sorted[...]) / Double(sorted.count)
    }

    /// Sample standard deviation with Bessel's correction, `√(Σ(x − mean)² / (n − 1))`; 0 for
    /// fewer than two observations.
    public var standardDeviation: Double {
        guard sorted.count > 1 else { return 0 }
        let mean = self.mean
        let squares = sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (squares / Double(sorted.count - 1)).squareRoot()
    }

    /// Smallest and largest value; `nil` for an empty sample.
    public var minimum: Double? { sorted.first }
    public var maximum: Double? { sorted.last }

    /// The nearest rank `k = ⌈p·n/100⌉` (1-based, clamped to 1 … n) of percentile `percent`.
    /// - Precondition: `0 < percent ≤ 100` and the sample is not empty.
    public func rank(_ percent: Double) -> Int {
        precondition(percent > 0 && percent <= 100, "a percentile is in (0, 100]")
        precondition(!sorted.isEmpty, "an empty sample has no percentiles")
        // The product is snapped to 10⁻⁶ before the ceiling, so that binary rounding (0.95 is not
        // exact) cannot push 95 % of 100 to rank 96.
        let exact = percent * Double(sorted.count) / 100
        let snapped = (exact * 1e6).rounded() / 1e6
        let rank = Int(snapped.rounded(.up))
        return min(max(rank, 1), sorted.count)
    }

    /// The nearest-rank `percent`-th percentile; `nil` for an empty sample.
    public func percentile(_ percent: Double) -> Double? {
        sorted.isEmpty ? nil : sorted[rank(percent) - 1]
    }

    /// The mean of the observations ranked at or above the `percent`-th percentile's rank
    /// (expected shortfall beyond that percentile); `nil` for an empty sample.
    public func tailMean(_ percent: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let tail = sorted[(rank(percent) - 1)...]
        return Self.sum(tail) / Double(tail.count)
    }

    /// Share of observations strictly greater than `threshold` (0 … 1); 0 for an empty sample.
    public func shareAbove(_ threshold: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] <= threshold { low = middle + 1 } else { high = middle }
        }
        return Double(sorted.count - low) / Double(sorted.count)
    }

    /// Kahan–Neumaier compensated sum, so that means of large samples do not drift with order.
    static func sum(_ values: ArraySlice<Double>) -> Double {
        var total = 0.0, compensation = 0.0
        for value in values {
            let next = total + value
            if abs(total) >= abs(value) {
                compensation += (total - next) + value
            } else {
                compensation += (value - next) + total
            }
            total = next
        }
        return total + compensation
    }
}
