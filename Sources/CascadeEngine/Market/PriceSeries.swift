import CascadeChain
import Foundation

/// A recorded price path of one asset in USD — e.g. an exchange's bars of a historical crash —
/// that the market model replays as the asset's exogenous price.
///
/// **Format.** CSV text with a header line naming the columns; `timestamp` and `price_usd` are
/// required (any order), other columns are ignored. Blank lines and lines starting with `#`
/// (comments: put each figure's source there) are skipped. `timestamp` is Unix seconds or an
/// ISO-8601 UTC time (`2020-03-12T10:45:00Z`, as ``UnixTime`` reads it); `price_usd` is a
/// positive, finite number. Timestamps must increase strictly; unlike a gas series the spacing
/// may vary (hourly rows refined by 10-minute rows).
///
/// ```
/// # ETH/USD, one exchange's bars (source in a comment per row group)
/// timestamp,price_usd
/// 2020-03-12T10:00:00Z,167.46
/// 2020-03-12T10:45:00Z,124.05
/// ```
///
/// **Replay.** Between two rows the price is interpolated linearly in log price (a constant
/// rate of return); before the first row it is the first row's price, after the last row the
/// last row's. At a row's own timestamp it is exactly the recorded price.
///
/// Errors are ``ConfigurationError``s naming the source, the line, the column, what was expected
/// and what was found. The engine reads the file; this type only reads text.
public struct PriceSeries: Sendable, Hashable {
    /// One recorded price.
    public struct Row: Sendable, Hashable {
        /// Unix seconds.
        public let timestamp: UInt64
        /// USD per unit of the asset (> 0).
        public let price: Double
        /// The line of the source text the row came from (1-based).
        public let line: Int
    }

    /// The name of the text, for messages (usually the file path).
    public let source: String
    /// The rows, by strictly increasing timestamp (at least one).
    public let rows: [Row]
    /// `ln price` of each row, for the interpolation.
    private let logPrices: [Double]

    /// Reads `text`; `source` names it in errors (`"scenarios/data/eth.csv:14: …"`).
    public init(text: String, source: String) throws(ConfigurationError) {
        self.source = source
        var header: [Substring]?
        var columns = (timestamp: 0, price: 0)
        var rows: [Row] = []
        var lineNumber = 0
        func failure(_ column: String, _ expected: String, _ found: String) -> ConfigurationError {
            ConfigurationError(file: source, key: column, line: lineNumber, expected: expected, found: found)
        }

        // "\r\n" is one Character in Swift, so both line endings are separators.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: ",", omittingEmptySubsequences: false)
                .map { Substring($0.trimmingCharacters(in: .whitespaces)) }

            guard let names = header else {
                let lowered = fields.map { $0.lowercased() }
                guard let t = lowered.firstIndex(of: "timestamp"), let p = lowered.firstIndex(of: "price_usd"),
                      Set(lowered).count == lowered.count else {
                    throw failure("", "a header line naming distinct columns timestamp and price_usd", "\"\(trimmed)\"")
                }
                header = fields
                columns = (t, p)
                continue
            }
            guard fields.count == names.count else {
                throw failure("", "\(names.count) comma-separated fields as in the header", "\(fields.count)")
            }
            let time = fields[columns.timestamp]
            guard let timestamp = UnixTime.parse(time) else {
                throw failure("timestamp", "Unix seconds or an ISO-8601 UTC time such as 2020-03-12T10:00:00Z", "\"\(time)\"")
            }
            let text = fields[columns.price]
            guard let price = Double(text), price.isFinite, price > 0 else {
                throw failure("price_usd", "a positive number of USD", "\"\(text)\"")
            }
            if let previous = rows.last, timestamp <= previous.timestamp {
                throw failure("timestamp", "a time after \(previous.timestamp) (line \(previous.line)): timestamps must increase strictly",
                              "\(timestamp)")
            }
            rows.append(Row(timestamp: timestamp, price: price, line: lineNumber))
        }
        guard !rows.isEmpty else {
            throw failure("", header == nil ? "a header line and at least one data row" : "at least one data row", "end of text")
        }
        self.rows = rows
        logPrices = rows.map { Foundation.log($0.price) }
    }

    /// The price (USD) at `timestamp` (Unix seconds): log-linear between rows, held flat outside.
    ///
    /// Between rows `i` and `i + 1`:
    /// `exp(ln pᵢ + (ln pᵢ₊₁ − ln pᵢ)·(t − tᵢ)/(tᵢ₊₁ − tᵢ))`.
    /// - Complexity: O(log n) in the number of rows.
    public func price(at timestamp: UInt64) -> Double {
        // The first row after `timestamp`, by binary search.
        var low = 0, high = rows.count
        while low < high {
            let middle = (low + high) / 2
            if rows[middle].timestamp <= timestamp { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return rows[0].price }
        let before = low - 1
        guard low < rows.count, rows[before].timestamp != timestamp else { return rows[before].price }
        let fraction = Double(timestamp - rows[before].timestamp) / Double(rows[low].timestamp - rows[before].timestamp)
        return Foundation.exp(logPrices[before] + (logPrices[low] - logPrices[before]) * fraction)
    }
}
