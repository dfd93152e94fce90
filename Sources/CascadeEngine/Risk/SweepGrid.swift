/// The cells of a sweep: the Cartesian product of its axes, the last axis varying fastest.
public struct SweepGrid: Sendable, Hashable {
    /// The axes in command-line order.
    public let axes: [SweepAxis]

    /// At most this many cells.
    public static let maximumCells = 10_000

    /// A grid over `axes` (at least one, each key once, at most ``maximumCells`` cells).
    /// - Throws: ``ConfigurationError`` with file `--vary`.
    public init(axes: [SweepAxis]) throws(ConfigurationError) {
        guard !axes.isEmpty else {
            throw ConfigurationError(file: "--vary", key: "", line: nil, expected: "at least one --vary key=values", found: "none")
        }
        var keys = Set<String>()
        for axis in axes where !keys.insert(axis.key).inserted {
            throw ConfigurationError(file: "--vary", key: axis.key, line: nil, expected: "each key on one axis", found: "the key twice")
        }
        let cells = axes.reduce(1.0) { $0 * Double($1.values.count) }
        guard cells <= Double(Self.maximumCells) else {
            throw ConfigurationError(file: "--vary", key: "", line: nil, expected: "at most \(Self.maximumCells) cells",
                                     found: "\(Int(cells)) (\(axes.map { "\($0.values.count)" }.joined(separator: " × ")))")
        }
        self.axes = axes
    }

    /// Number of cells.
    public var count: Int { axes.reduce(1) { $0 * $1.values.count } }

    /// The overrides of cell `index` (0 ..< ``count``), one `(key, value)` per axis in axis order.
    public func cell(_ index: Int) -> [(key: String, value: String)] {
        var remainder = index
        var values: [(key: String, value: String)] = []
        for axis in axes.reversed() {
            values.append((axis.key, axis.values[remainder % axis.values.count]))
            remainder /= axis.values.count
        }
        return values.reversed()
    }
}
