/// A line chart of one or more series over a shared x axis (e.g. market and oracle price over
/// blocks). Non-finite y values break a line (no value in that block).
public struct LineChart: Sendable {
    /// One line.
    public struct Series: Sendable {
        public var name: String
        public var x: [Double]
        public var y: [Double]
        public var dashed: Bool

        /// `x` and `y` of equal length.
        public init(name: String, x: [Double], y: [Double], dashed: Bool = false) {
            precondition(x.count == y.count, "a series needs one y per x")
            self.name = name
            self.x = x
            self.y = y
            self.dashed = dashed
        }
    }

    public var id: String
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series]
    /// Whether the y axis starts at 0 (amounts, utilisation) or at the data's minimum (prices).
    public var fromZero: Bool

    public init(id: String, title: String, xLabel: String, yLabel: String, series: [Series], fromZero: Bool = true) {
        self.id = id
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.fromZero = fromZero
    }

    /// The chart as one `<svg>` element.
    public func svg() -> String {
        let xs = series.flatMap(\.x).filter(\.isFinite), ys = series.flatMap(\.y).filter(\.isFinite)
        let yLow = fromZero ? min(0, ys.min() ?? 0) : ys.min() ?? 0
        let frame = ChartFrame(x: AxisScale(covering: xs.min() ?? 0, xs.max() ?? 1),
                               y: AxisScale(covering: yLow, ys.max() ?? 1))
        let colors = series.indices.map { ChartFrame.palette[$0 % ChartFrame.palette.count] }
        var svg = frame.open(id: id, title: title, xLabel: xLabel, yLabel: yLabel,
                             legend: series.indices.map { (series[$0].name, colors[$0]) })
        for (index, line) in series.enumerated() {
            var path = "", drawing = false
            for (x, y) in zip(line.x, line.y) {
                guard x.isFinite, y.isFinite else { drawing = false; continue }
                path += (drawing ? "L" : "M") + ChartFrame.n(frame.px(x)) + " " + ChartFrame.n(frame.py(y))
                drawing = true
            }
            svg += "<path d=\"\(path)\" stroke=\"\(colors[index])\" fill=\"none\" stroke-width=\"1.4\"\(line.dashed ? " stroke-dasharray=\"5 3\"" : "") class=\"line\"/>"
        }
        return svg + "</svg>"
    }
}
