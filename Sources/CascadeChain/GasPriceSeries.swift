import CascadeMath

/// A recorded gas-price series — e.g. hourly percentiles of mainnet gas prices — that background
/// demand replays.
///
/// **Format.** CSV text with a header line naming the columns; `timestamp`, `p60_gwei` and
/// `p90_gwei` are required (any order), other columns such as `mean_gwei` are ignored. Blank lines
/// and lines starting with `#` (comments: put each figure's source there) are skipped.
/// `timestamp` is Unix seconds or an ISO-8601 UTC time (`2020-03-12T10:00:00Z`); the percentiles
/// are positive numbers of gwei with `p90_gwei ≥ p60_gwei`.
///
/// ```
/// # 12 March 2020, hourly gas-price percentiles (gwei), see docs/blockspace.md
/// timestamp,mean_gwei,p60_gwei,p90_gwei
/// 2020-03-12T00:00:00Z,10.0,8.3,28.4
/// 2020-03-12T01:00:00Z,12.0,10.0,33.0
/// ```
///
/// **Rows.** Timestamps must increase with a regular spacing, set by the first two rows; a
/// missing row (a gap), a repeated or decreasing timestamp, or an irregular step is an error
/// naming the line. The chain layer never reads files: the caller passes the text and the name it
/// came from, which errors quote.
///
/// **Replay.** Each row is fitted with the lognormal whose 60th and 90th percentiles are the
/// recorded ones (``LogNormal``). Rows are steps: a row applies from its timestamp until the next
/// row's, as the recorded figures are aggregates over that interval; the first row also applies
/// before the series starts and the last row after it ends (``covers(_:)`` tells whether a time is
/// inside).
public struct GasPriceSeries: Sendable, Hashable {
    /// One recorded interval.
    public struct Row: Sendable, Hashable {
        /// Start of the interval (Unix seconds).
        public let timestamp: UInt64
        /// 60th percentile of gas prices (gwei).
        public let p60Gwei: Double
        /// 90th percentile of gas prices (gwei).
        public let p90Gwei: Double
        /// The lognormal bid distribution (gwei) fitted to the two percentiles.
        public let bids: LogNormal
        /// The line of the source text the row came from.
        public let line: Int
    }

    /// The name of the text, for messages.
    public let source: String
    /// The rows, by increasing timestamp (at least one).
    public let rows: [Row]
    /// Seconds between consecutive rows; `nil` for a single row.
    public let interval: UInt64?

    /// Reads `text`; `source` names it in errors (`"scenarios/data/gas.csv:14: …"`).
    public init(text: String, source: String) throws(GasPriceSeriesError) {
        self.source = source
        var header: [Substring]?
        var columns = (timestamp: 0, p60: 0, p90: 0)
        var rows: [Row] = []
        var interval: UInt64?
        var lineNumber = 0
        func failure(_ column: String?, _ expected: String, _ found: String) -> GasPriceSeriesError {
            GasPriceSeriesError(source: source, line: lineNumber, column: column, expected: expected, found: found)
        }

        // "\r\n" is one Character in Swift, so both line endings are separators.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            let trimmed = Self.trim(line)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: ",", omittingEmptySubsequences: false).map(Self.trim)

            guard let names = header else {
                let lowered = fields.map { $0.lowercased() }
                guard let t = lowered.firstIndex(of: "timestamp"), let p60 = lowered.firstIndex(of: "p60_gwei"),
                      let p90 = lowered.firstIndex(of: "p90_gwei"), Set(lowered).count == lowered.count else {
                    throw failure(nil, "a header line naming distinct columns timestamp, p60_gwei and p90_gwei", "\"\(trimmed)\"")
                }
                header = fields
                columns = (t, p60, p90)
                continue
            }
            guard fields.count == names.count else {
                throw failure(nil, "\(names.count) comma-separated fields as in the header", "\(fields.count)")
            }
            guard let timestamp = UnixTime.parse(fields[columns.timestamp]) else {
                throw failure("timestamp", "Unix seconds or an ISO-8601 UTC time such as 2020-03-12T10:00:00Z",
                              "\"\(fields[columns.timestamp])\"")
            }
            func gwei(_ index: Int, _ name: String) throws(GasPriceSeriesError) -> Double {
                guard let value = Double(fields[index]), value.isFinite, value > 0 else {
                    throw failure(name, "a positive number of gwei", "\"\(fields[index])\"")
                }
                return value
            }
            let p60 = try gwei(columns.p60, "p60_gwei")
            let p90 = try gwei(columns.p90, "p90_gwei")
            guard p90 >= p60, let bids = LogNormal(quantile: 0.6, is: p60, quantile: 0.9, is: p90) else {
                throw failure("p90_gwei", "a 90th percentile at least the 60th (\(fields[columns.p60]))", "\(fields[columns.p90])")
            }
            if let previous = rows.last {
                guard timestamp > previous.timestamp else {
                    throw failure("timestamp", "a time after \(previous.timestamp) (line \(previous.line)): timestamps must increase",
                                  "\(timestamp)")
                }
                let step = timestamp - previous.timestamp
                if let interval, step != interval {
                    let what = step > interval ? "a gap of \(step - interval) s (missing rows)" : "an irregular step of \(step) s"
                    throw failure("timestamp", "\(previous.timestamp + interval), one interval of \(interval) s after line \(previous.line)",
                                  "\(timestamp): \(what)")
                }
                interval = step
            }
            rows.append(Row(timestamp: timestamp, p60Gwei: p60, p90Gwei: p90, bids: bids, line: lineNumber))
        }
        guard !rows.isEmpty else {
            throw failure(nil, header == nil ? "a header line and at least one data row" : "at least one data row", "end of text")
        }
        self.rows = rows
        self.interval = interval
    }

    /// First covered time (Unix seconds): the first row's timestamp.
    public var start: UInt64 { rows[0].timestamp }

    /// `true` when `timestamp` (Unix seconds) falls inside the recorded rows: from the first row's
    /// timestamp to one interval past the last (for a single row, only its own timestamp).
    public func covers(_ timestamp: UInt64) -> Bool {
        timestamp >= start && timestamp - start < UInt64(rows.count) * (interval ?? 1)
    }

    /// The row in force at `timestamp` (Unix seconds): the last row that starts at or before it,
    /// the first row before the series starts.
    /// - Complexity: O(1).
    public func row(at timestamp: UInt64) -> Row {
        guard let interval, timestamp > start else { return rows[0] }
        return rows[Int(Swift.min(UInt64(rows.count - 1), (timestamp - start) / interval))]
    }

    /// `text` without leading and trailing spaces and tabs.
    private static func trim(_ text: Substring) -> Substring {
        var start = text.startIndex, end = text.endIndex
        while start < end, text[start] == " " || text[start] == "\t" { start = text.index(after: start) }
        while end > start {
            let before = text.index(before: end)
            guard text[before] == " " || text[before] == "\t" else { break }
            end = before
        }
        return text[start..<end]
    }
}
