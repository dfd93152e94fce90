/// A linear axis: a range rounded out to "nice" numbers (1, 2 or 5 × 10ᵏ steps) and its ticks.
struct AxisScale: Equatable {
    let lower: Double
    let upper: Double
    let ticks: [Double]

    /// The nice range covering `lower...upper` with about `count` ticks. An empty range (all
    /// values equal) is widened by one unit either side (or 1 when the value is 0).
    init(covering lower: Double, _ upper: Double, count: Int = 5) {
        var low = lower.isFinite ? lower : 0, high = upper.isFinite ? upper : 1
        if high < low { swap(&low, &high) }
        if high == low {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        let rough = (high - low) / Double(max(count, 1))
        let magnitude = Self.power(rough)
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        let first = (low / step).rounded(.down), last = (high / step).rounded(.up)
        self.lower = first * step
        self.upper = last * step
        ticks = stride(from: first, through: last, by: 1).map { $0 * step }
    }

    /// 10^⌊log₁₀ value⌋ for a positive value.
    private static func power(_ value: Double) -> Double {
        var power = 1.0
        while power * 10 <= value { power *= 10 }
        while power > value { power /= 10 }
        return power
    }

    /// Where `value` falls in `0...1` across the range.
    func fraction(_ value: Double) -> Double {
        upper == lower ? 0 : (value - lower) / (upper - lower)
    }
}
