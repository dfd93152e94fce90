import Foundation

extension PopulationConfiguration {
    /// The `source` values accepted.
    static let sourceNames = ["synthetic", "csv"]
    /// The `collateral_ratio.family` values accepted.
    static let ratioFamilies = ["lognormal"]

    /// Reads the population keys of `table` (e.g. `population.eth-a`; every key in
    /// docs/population.md): `source`, `minimum_collateral_ratio`, then for `"synthetic"`
    /// `positions`, `total_debt_usd`, `collateral_ratio.*` and `concentration`, for `"csv"`
    /// `file` (relative to `dataDirectory`, the scenario file's folder, unless absolute).
    ///
    /// The first missing or mistyped key, unreadable or malformed CSV file is thrown at once (a
    /// CSV problem names the CSV file and its line); then every out-of-range value
    /// (``validationErrors(_:minimumCollateralRatio:key:)``) is thrown together, each at the line
    /// of its key. Only these keys are read: the caller owns the table's other keys and reports
    /// those nobody asked for with ``KeyReader/unknownKeys()``.
    static func read(_ r: inout KeyReader, table: String, dataDirectory: String) throws(ConfigurationError) -> PopulationConfiguration {
        let minimumKey = "\(table).minimum_collateral_ratio"
        var minimum: Double?
        if r.value(minimumKey) != nil {
            let value = try r.double(minimumKey, unit: "collateral value over debt, 1.5 = 150 %")
            guard value > 1 else { throw r.error(minimumKey, expected: "a ratio > 1, e.g. 1.5 for 150 %", found: "\(value)") }
            minimum = value
        }
        let source: Source
        if try r.choice("\(table).source", among: sourceNames) == "csv" {
            source = .listed(try readList(&r, key: "\(table).file", dataDirectory: dataDirectory, minimum: minimum))
        } else {
            source = .synthetic(SyntheticPopulation(
                positions: try readCount(&r, key: "\(table).positions"),
                totalDebtUSD: try r.double("\(table).total_debt_usd", unit: "USD"),
                collateralRatio: try readRatioDistribution(&r, key: "\(table).collateral_ratio"),
                concentration: try readConcentration(&r, key: "\(table).concentration")))
        }
        let problems = validationErrors(source, minimumCollateralRatio: minimum, key: table).map { problem in
            ConfigurationError.Problem(file: r.file, key: problem.key, line: r.line(problem.key), expected: problem.expected, found: problem.found)
        }
        if !problems.isEmpty { throw ConfigurationError(problems: problems) }
        return PopulationConfiguration(validated: source, minimumCollateralRatio: minimum)
    }

    private static func readCount(_ r: inout KeyReader, key: String) throws(ConfigurationError) -> Int {
        let expected = "an integer number of positions"
        let value = try r.required(key, expected)
        guard case .integer(let count) = value else { throw r.error(key, expected: expected, found: "\(value.typeName) \(value)") }
        return Int(count)
    }

    /// `{ quantiles = [[share, ratio], …] }` or `{ family = "lognormal", median = …, p90 = …, floor = … }`,
    /// written inline, with dotted keys or as a `[….collateral_ratio]` table (all flatten alike).
    private static func readRatioDistribution(_ r: inout KeyReader, key: String) throws(ConfigurationError) -> CollateralRatioDistribution {
        let expected = "a table: { quantiles = [[debt share, ratio], …] } or { family = \"lognormal\", median = …, p90 = … }"
        if let value = r.value(key) { throw r.error(key, expected: expected, found: "\(value.typeName) \(value)") }
        let quantilesKey = "\(key).quantiles", familyKey = "\(key).family"
        switch (r.value(quantilesKey), r.value(familyKey)) {
        case (let quantiles?, nil):
            let pairs = try readPairs(r, key: quantilesKey, quantiles, shape: "[debt share, ratio]") { first, second in
                number(first).flatMap { share in number(second).map { (share, $0) } }
            }
            return .quantiles(pairs.map { .init(debtShare: $0.0, collateralRatio: $0.1) })
        case (nil, _?):
            _ = try r.choice(familyKey, among: ratioFamilies)
            let unit = "collateral value over debt, 2.8 = 280 %"
            return .lognormal(median: try r.double("\(key).median", unit: unit), p90: try r.double("\(key).p90", unit: unit),
                              floor: r.value("\(key).floor") == nil ? nil : try r.double("\(key).floor", unit: unit))
        case (_?, let family?):
            throw r.error(familyKey, expected: "either quantiles or family, not both", found: "family = \(family) beside quantiles")
        case (nil, nil):
            throw r.missing(quantilesKey, expected)
        }
    }

    /// `[[top, share], …]`, or none when the key is absent.
    private static func readConcentration(_ r: inout KeyReader, key: String) throws(ConfigurationError) -> [ConcentrationPoint] {
        guard let value = r.value(key) else { return [] }
        return try readPairs(r, key: key, value, shape: "[number of top positions, debt share]") { first, second in
            guard case .integer(let top) = first, let share = number(second) else { return nil }
            return ConcentrationPoint(top: Int(top), debtShare: share)
        }
    }

    /// An array of two-element arrays, each converted by `pair` (nil: wrong types), with errors
    /// naming the element.
    private static func readPairs<Element>(_ r: KeyReader, key: String, _ value: ConfigValue, shape: String,
                                           _ pair: (ConfigValue, ConfigValue) -> Element?) throws(ConfigurationError) -> [Element] {
        guard case .array(let elements) = value else {
            throw r.error(key, expected: "an array of \(shape) pairs", found: "\(value.typeName) \(value)")
        }
        var result: [Element] = []
        for (index, element) in elements.enumerated() {
            guard case .array(let items) = element, items.count == 2, let converted = pair(items[0], items[1]) else {
                throw r.error(key, expected: "an array of \(shape) pairs", found: "element \(index + 1), \(element)")
            }
            result.append(converted)
        }
        return result
    }

    /// A TOML integer or float as a `Double`.
    private static func number(_ value: ConfigValue) -> Double? {
        switch value {
        case .integer(let number): Double(number)
        case .float(let number): number
        default: nil
        }
    }

    /// Reads and parses the CSV file named at `key`.
    private static func readList(_ r: inout KeyReader, key: String, dataDirectory: String, minimum: Double?) throws(ConfigurationError) -> [PositionSpec] {
        let (path, text) = try r.dataFile(key, dataDirectory: dataDirectory)
        return try PositionSpec.list(csv: text, source: path, minimumCollateralRatio: minimum)
    }
}
