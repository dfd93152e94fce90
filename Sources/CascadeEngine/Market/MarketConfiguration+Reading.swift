import CascadeProtocols
import Foundation

extension MarketConfiguration {
    /// The `price` values accepted, as ``PriceSource/name`` spells them.
    static let priceSourceNames = ["constant", "series", "gbm", "merton"]

    /// Reads a scenario's `[market]` section (every key in docs/market.md):
    /// `[market.assets.SYMBOL]` tables in file order, then `[market.correlations]` entries
    /// `A.B = ρ` between two stochastic assets (pairs not given are uncorrelated). A `series`
    /// path is relative to `dataDirectory` (the scenario file's folder) unless absolute.
    ///
    /// The first missing or mistyped key, unreadable series file or malformed CSV is thrown at
    /// once; then every out-of-range value (``validationErrors(key:)``) is thrown together, each
    /// at the line of its key. Keys nobody asked for are left to the caller's
    /// ``KeyReader/unknownKeys()``.
    static func read(_ r: inout KeyReader, dataDirectory: String) throws(ConfigurationError) -> MarketConfiguration {
        let names = r.children(of: "market.assets")
        if names.isEmpty { throw r.error("market.assets", expected: "at least one [market.assets.SYMBOL] table", found: "none") }
        var assets: [AssetMarket] = []
        for name in names {
            let key = "market.assets.\(name)"
            func number(_ field: String, _ unit: String) throws(ConfigurationError) -> Double {
                try r.double("\(key).\(field)", unit: unit)
            }
            let source: PriceSource
            switch try r.choice("\(key).price", among: priceSourceNames) {
            case "constant":
                source = .constant(try number("initial_price", "USD"))
            case "series":
                source = .series(try readSeries(&r, key: "\(key).series", dataDirectory: dataDirectory))
            case "gbm":
                source = .gbm(initial: try number("initial_price", "USD"),
                              driftPerYear: try number("drift_per_year", "expected growth rate per year, 0.1 = 10 %"),
                              volatilityPerYear: try number("volatility_per_year", "standard deviation of the log price per √year, 0.8 = 80 %"))
            default:
                source = .merton(initial: try number("initial_price", "USD"),
                                 driftPerYear: try number("drift_per_year", "expected growth rate per year, 0.1 = 10 %"),
                                 volatilityPerYear: try number("volatility_per_year", "standard deviation of the log price per √year, 0.8 = 80 %"),
                                 jumpsPerDay: try number("jumps_per_day", "mean number of jumps per day"),
                                 jumpMean: try number("jump_mean", "mean log jump size, -0.1 ≈ a 9.5 % fall"),
                                 jumpStdDev: try number("jump_std_dev", "standard deviation of the log jump size"))
            }
            assets.append(AssetMarket(symbol: name, source: source,
                                      depthUSD2Percent: try number("depth_usd_2pct", "USD of sales that move the price 2 %"),
                                      recoveryHalfLifeSeconds: try number("recovery_half_life_seconds", "seconds")))
        }
        let (correlations, writtenKeys) = try readCorrelations(&r, assets: assets)
        let configuration = MarketConfiguration(assets: assets, correlations: correlations)
        let problems = configuration.validationErrors(key: "market").map { problem in
            let key = writtenKeys[problem.key] ?? problem.key
            return ConfigurationError.Problem(file: r.file, key: key, line: r.line(key), expected: problem.expected, found: problem.found)
        }
        if !problems.isEmpty { throw ConfigurationError(problems: problems) }
        return configuration
    }

    /// Reads and parses the CSV file named at `key`.
    private static func readSeries(_ r: inout KeyReader, key: String, dataDirectory: String) throws(ConfigurationError) -> PriceSeries {
        let (path, text) = try r.dataFile(key, dataDirectory: dataDirectory)
        return try PriceSeries(text: text, source: path)
    }

    /// The k×k matrix over the stochastic assets (identity plus the entries given), and for each
    /// entry the key as written (`market.correlations.WBTC.ETH`) by the key validation uses
    /// (`market.correlations.ETH.WBTC`, asset order).
    private static func readCorrelations(_ r: inout KeyReader, assets: [AssetMarket])
        throws(ConfigurationError) -> (matrix: [[Double]], writtenKeys: [String: String]) {
        let stochastic = assets.indices.filter { assets[$0].source.isStochastic }
        let symbols = stochastic.map { assets[$0].symbol }
        var matrix = symbols.indices.map { i in symbols.indices.map { i == $0 ? 1.0 : 0.0 } }
        var writtenKeys: [String: String] = [:]
        let prefix = "market.correlations."
        for key in r.document.orderedKeys where key.hasPrefix(prefix) {
            let pair = key.dropFirst(prefix.count).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            let expected = "SYMBOL_A.SYMBOL_B = correlation between two different stochastic assets (\(symbols.joined(separator: ", ")))"
            guard pair.count == 2, pair[0] != pair[1] else {
                throw r.error(key, expected: expected, found: "\"\(key.dropFirst(prefix.count))\"")
            }
            var rows: [Int] = []
            for symbol in pair {
                if let row = symbols.firstIndex(of: symbol) {
                    rows.append(row)
                } else {
                    let what = assets.first { $0.symbol == symbol }.map { "\(symbol) (price = \"\($0.source.name)\", not stochastic)" }
                        ?? "\(symbol) (no [market.assets.\(symbol)] table)"
                    throw r.error(key, expected: expected, found: what)
                }
            }
            let (i, j) = (min(rows[0], rows[1]), max(rows[0], rows[1]))
            let canonical = "market.correlations.\(symbols[i]).\(symbols[j])"
            if let earlier = writtenKeys[canonical] {
                throw r.error(key, expected: "each pair once", found: "a second value for \(earlier) (line \(r.line(earlier).map(String.init) ?? "?"))")
            }
            writtenKeys[canonical] = key
            let value = try r.double(key, unit: "correlation in [-1, 1]")
            matrix[i][j] = value
            matrix[j][i] = value
        }
        return (matrix, writtenKeys)
    }
}
