/// Deterministic decimal text for charts and reports: the same `Double` gives the same
/// characters on every platform and locale (no `String(format:)`).
public enum SVGNumber {
    /// `value` rounded half away from zero to `decimals` places, trailing zeros removed
    /// (`fixed(12.50, 2)` is `"12.5"`, `fixed(-0.004, 2)` is `"0"`). Non-finite values give `"0"`.
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e18 else { return String(Int64(value.rounded())) }
        let units = Int64(scaled)
        if units == 0 { return "0" }
        let sign = value < 0 ? "-" : ""
        let divisor = Int64(scale)
        let whole = units / divisor
        var fraction = decimals == 0 ? "" : String(units % divisor)
        if decimals > 0 {
            fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
        }
        return sign + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// A short axis label: thousands grouped as `k`, `M`, `B` with at most 3 significant
    /// decimals (`1500` → `"1.5k"`, `2_000_000` → `"2M"`, `0.25` → `"0.25"`).
    public static func compact(_ value: Double) -> String {
        let magnitude = abs(value)
        for (limit, suffix) in [(1e9, "B"), (1e6, "M"), (1e3, "k")] where magnitude >= limit {
            return fixed(value / limit, 2) + suffix
        }
        if magnitude >= 1 || magnitude == 0 { return fixed(value, 2) }
        return fixed(value, 4)
    }

    /// A USD amount with thousands separators and cents (`1234567.891` → `"1,234,567.89"`).
    public static func usd(_ value: Double) -> String {
        let text = fixed(value, 2)
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        var cents = parts.count > 1 ? String(parts[1]) : ""
        cents += String(repeating: "0", count: 2 - cents.count)
        return (negative ? "-" : "") + whole + grouped + "." + cents
    }
}
