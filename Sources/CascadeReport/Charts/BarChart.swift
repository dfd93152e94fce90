/// A bar chart over a numeric x axis: histograms (bars spanning bins), counts per block or per
/// generation, with optional vertical markers (e.g. VaR lines).
public struct BarChart: Sendable {
    /// One bar from `lower` to `upper` on the x axis, `value` high.
    public struct Bar: Sendable, Equatable {
        public var lower: Double
        public var upper: Double
        public var value: Double

        public init(lower: Double, upper: Double, value: Double) {
            self.lower = lower
            self.upper = upper
            self.value = value
        }
    }

    public var id: String
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var bars: [Bar]
    public var markers: [ChartMarker]

    public init(id: String, title: String, xLabel: String, yLabel: String, bars: [Bar], markers: [ChartMarker] = []) {
        self.id = id
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.bars = bars
        self.markers = markers
    }

    /// Counts of `values` in `bins` equal bins from the smallest to the largest value (the last
    /// bin closed); one bin of width 1 when all values are equal.
    public static func histogram(_ values: [Double], bins: Int) -> [Bar] {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max(), bins > 0 else { return [] }
        guard high > low else { return [Bar(lower: low - 0.5, upper: low + 0.5, value: Double(finite.count))] }
        let width = (high - low) / Double(bins)
        var counts = [Double](repeating: 0, count: bins)
        for value in finite { counts[min(bins - 1, Int((value - low) / width))] += 1 }
        return counts.indices.map { Bar(lower: low + Double($0) * width, upper: low + Double($0 + 1) * width, value: counts[$0]) }
    }

    /// Counts of integer values, one bar per value from the smallest to the largest (bars
    /// centred on the value).
    public static func counts(_ values: [Int]) -> [Bar] {
        guard let low = values.min(), let high = values.max() else { return [] }
        var counts = [Double](repeating: 0, count: high - low + 1)
        for value in values { counts[value - low] += 1 }
        return counts.indices.map { Bar(lower: Double(low + $0) - 0.4, upper: Double(low + $0) + 0.4, value: counts[$0]) }
    }

    /// The chart as one `<svg>` element.
    public func svg() -> String {
        let xs = bars.flatMap { [$0.lower, $0.upper] } + markers.map(\.x)
        let frame = ChartFrame(x: AxisScale(covering: xs.min() ?? 0, xs.max() ?? 1),
                               y: AxisScale(covering: 0, bars.map(\.value).max() ?? 1))
        var svg = frame.open(id: id, title: title, xLabel: xLabel, yLabel: yLabel, legend: [])
        let n = ChartFrame.n
        for bar in bars where bar.value > 0 {
            let left = frame.px(bar.lower), right = max(frame.px(bar.upper), left + 0.5), top = frame.py(bar.value)
            svg += "<rect x=\"\(n(left))\" y=\"\(n(top))\" width=\"\(n(right - left))\" height=\"\(n(frame.py(0) - top))\" fill=\"#1f77b4\" class=\"bar\"/>"
        }
        for marker in markers { svg += frame.marker(marker) }
        return svg + "</svg>"
    }
}
