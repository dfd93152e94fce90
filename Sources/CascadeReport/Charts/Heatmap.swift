/// A heatmap of one value per cell of a grid (a sweep: rows and columns are axis values), cells
/// shaded from light (lowest) to dark red (highest), each labelled with its value.
public struct Heatmap: Sendable {
    public var id: String
    public var title: String
    public var rowLabel: String
    public var columnLabel: String
    public var rows: [String]
    public var columns: [String]
    /// `values[row][column]`; `nil` draws an empty cell.
    public var values: [[Double?]]

    public init(id: String, title: String, rowLabel: String, columnLabel: String, rows: [String], columns: [String],
                values: [[Double?]]) {
        self.id = id
        self.title = title
        self.rowLabel = rowLabel
        self.columnLabel = columnLabel
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// The chart as one `<svg>` element.
    public func svg() -> String {
        let n = ChartFrame.n
        let labelWidth = min(260, 12 + 7 * Double(rows.map(\.count).max() ?? 4))
        let left = max(labelWidth, 60), top = 64.0
        let cellWidth = max(48, min(120, (ChartFrame.width - left - 20) / Double(max(columns.count, 1))))
        let cellHeight = 28.0
        let width = max(ChartFrame.width, left + cellWidth * Double(columns.count) + 20)
        let height = top + cellHeight * Double(rows.count) + 30
        let all = values.flatMap { $0.compactMap { $0 } }.filter(\.isFinite)
        let low = all.min() ?? 0, high = all.max() ?? 1
        var svg = ChartFrame.root(id: id, title: title, width: width, height: height)
        svg += "<text x=\"\(n(left))\" y=\"36\">\(XMLText.escape(columnLabel)) →</text>"
        svg += "<text x=\"8\" y=\"\(n(top - 8))\">\(XMLText.escape(rowLabel)) ↓</text>"
        for (column, label) in columns.enumerated() {
            svg += "<text x=\"\(n(left + cellWidth * (Double(column) + 0.5)))\" y=\"\(n(top - 8))\" text-anchor=\"middle\">\(XMLText.escape(label))</text>"
        }
        for (row, label) in rows.enumerated() {
            let y = top + cellHeight * Double(row)
            svg += "<text x=\"\(n(left - 6))\" y=\"\(n(y + cellHeight / 2 + 4))\" text-anchor=\"end\">\(XMLText.escape(label))</text>"
            for column in columns.indices {
                let value = row < values.count && column < values[row].count ? values[row][column] : nil
                let x = left + cellWidth * Double(column)
                let share = value.map { high > low ? ($0 - low) / (high - low) : 0.5 } ?? 0
                let fill = value == nil ? "#ffffff" : Self.shade(share)
                svg += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(cellWidth))\" height=\"\(n(cellHeight))\" fill=\"\(fill)\" stroke=\"#ffffff\" class=\"cell\"/>"
                if let value {
                    svg += "<text x=\"\(n(x + cellWidth / 2))\" y=\"\(n(y + cellHeight / 2 + 4))\" text-anchor=\"middle\" fill=\"\(share > 0.6 ? "#ffffff" : "#000000")\">\(SVGNumber.compact(value))</text>"
                }
            }
        }
        return svg + "</svg>"
    }

    /// A colour from #fff5f0 (share 0) to #a50f15 (share 1), linear in RGB.
    static func shade(_ share: Double) -> String {
        let t = min(1, max(0, share.isFinite ? share : 0))
        let from = (255.0, 245.0, 240.0), to = (165.0, 15.0, 21.0)
        let channels = [from.0 + (to.0 - from.0) * t, from.1 + (to.1 - from.1) * t, from.2 + (to.2 - from.2) * t]
        return "#" + channels.map { channel in
            let hex = String(Int(channel.rounded()), radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }
}
