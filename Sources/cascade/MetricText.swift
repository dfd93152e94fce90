import CascadeStore
import Foundation

/// How `cascade runs` prints a key metric: USD with cents, counts and blocks as integers (two
/// decimals when a Monte Carlo mean is fractional), probabilities with four decimals, `–` when
/// missing.
enum MetricText {
    static func format(_ value: Double?, _ metric: KeyMetric) -> String {
        guard let value else { return "–" }
        switch metric.unit {
        case "USD": return String(format: "%.2f", value)
        case "probability": return String(format: "%.4f", value)
        default: return value == value.rounded() ? String(format: "%.0f", value) : String(format: "%.2f", value)
        }
    }

    /// A signed difference in the metric's format (`+12.50`, `-3`, `0`).
    static func difference(_ value: Double?, _ metric: KeyMetric) -> String {
        guard let value else { return "–" }
        let text = format(abs(value), metric)
        return value > 0 ? "+" + text : value < 0 ? "-" + text : text
    }
}
