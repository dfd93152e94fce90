/// The common frame of the line and bar charts: a fixed-size SVG canvas, the plotting area, its
/// two linear axes with ticks and labels, a title and a legend. Pixel coordinates are written
/// with one decimal (``SVGNumber``), so the same data gives the same bytes.
struct ChartFrame {
    static let width = 720.0, height = 300.0
    static let left = 76.0, right = 20.0, top = 50.0, bottom = 46.0
    /// Colours of successive series.
    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"]

    let x: AxisScale
    let y: AxisScale

    /// Horizontal pixel of data value `value`.
    func px(_ value: Double) -> Double {
        Self.left + x.fraction(value) * (Self.width - Self.left - Self.right)
    }

    /// Vertical pixel of data value `value` (up is larger).
    func py(_ value: Double) -> Double {
        Self.height - Self.bottom - y.fraction(value) * (Self.height - Self.top - Self.bottom)
    }

    static func n(_ value: Double) -> String { SVGNumber.fixed(value, 1) }

    /// The opening `<svg>` with its title, the axes, ticks and labels, and the legend.
    func open(id: String, title: String, xLabel: String, yLabel: String, legend: [(name: String, color: String)]) -> String {
        let n = Self.n
        let bottomY = Self.height - Self.bottom, rightX = Self.width - Self.right
        var svg = Self.root(id: id, title: title, width: Self.width, height: Self.height)
        svg += "<rect x=\"\(n(Self.left))\" y=\"\(n(Self.top))\" width=\"\(n(rightX - Self.left))\" height=\"\(n(bottomY - Self.top))\" fill=\"#fafafa\" class=\"plot\"/>"
        for tick in y.ticks {
            let ty = py(tick)
            svg += "<line x1=\"\(n(Self.left))\" y1=\"\(n(ty))\" x2=\"\(n(rightX))\" y2=\"\(n(ty))\" stroke=\"#e3e3e3\" class=\"grid\"/>"
            svg += "<text x=\"\(n(Self.left - 6))\" y=\"\(n(ty + 4))\" text-anchor=\"end\">\(SVGNumber.compact(tick))</text>"
        }
        for tick in x.ticks {
            let tx = px(tick)
            svg += "<line x1=\"\(n(tx))\" y1=\"\(n(bottomY))\" x2=\"\(n(tx))\" y2=\"\(n(bottomY + 4))\" stroke=\"#444444\" class=\"axis\"/>"
            svg += "<text x=\"\(n(tx))\" y=\"\(n(bottomY + 17))\" text-anchor=\"middle\">\(SVGNumber.compact(tick))</text>"
        }
        svg += "<line x1=\"\(n(Self.left))\" y1=\"\(n(bottomY))\" x2=\"\(n(rightX))\" y2=\"\(n(bottomY))\" stroke=\"#444444\" class=\"axis\"/>"
        svg += "<line x1=\"\(n(Self.left))\" y1=\"\(n(Self.top))\" x2=\"\(n(Self.left))\" y2=\"\(n(bottomY))\" stroke=\"#444444\" class=\"axis\"/>"
        svg += "<text x=\"\(n((Self.left + rightX) / 2))\" y=\"\(n(Self.height - 8))\" text-anchor=\"middle\">\(XMLText.escape(xLabel))</text>"
        svg += "<text x=\"14\" y=\"\(n((Self.top + bottomY) / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 14 \(n((Self.top + bottomY) / 2)))\">\(XMLText.escape(yLabel))</text>"
        var legendX = Self.left
        for item in legend {
            svg += "<rect x=\"\(n(legendX))\" y=\"30\" width=\"12\" height=\"4\" fill=\"\(item.color)\"/>"
            svg += "<text x=\"\(n(legendX + 16))\" y=\"36\">\(XMLText.escape(item.name))</text>"
            legendX += 28 + Double(item.name.count) * 6.5
        }
        return svg
    }

    /// `<svg …><title>…</title>` and the chart's heading text.
    static func root(id: String, title: String, width: Double, height: Double) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(XMLText.escape(id))\" class=\"chart\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">"
            + "<title>\(XMLText.escape(title))</title>"
            + "<text x=\"\(n(left))\" y=\"18\" font-size=\"13\" font-weight=\"bold\" class=\"heading\">\(XMLText.escape(title))</text>"
    }

    /// A vertical marker line across the plotting area with its label at the top.
    func marker(_ marker: ChartMarker) -> String {
        let n = Self.n, mx = px(marker.x)
        return "<line x1=\"\(n(mx))\" y1=\"\(n(Self.top))\" x2=\"\(n(mx))\" y2=\"\(n(Self.height - Self.bottom))\" stroke=\"\(marker.color)\" stroke-width=\"1.5\" stroke-dasharray=\"4 2\" class=\"marker\"/>"
            + "<text x=\"\(n(mx + 3))\" y=\"\(n(Self.top + 12))\" fill=\"\(marker.color)\">\(XMLText.escape(marker.label))</text>"
    }
}

/// A labelled vertical line on a chart (e.g. VaR 95 % on the bad-debt distribution).
public struct ChartMarker: Sendable, Equatable {
    public var x: Double
    public var label: String
    public var color: String

    public init(x: Double, label: String, color: String = "#d62728") {
        self.x = x
        self.label = label
        self.color = color
    }
}
