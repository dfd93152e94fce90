import Foundation

/// One axis of a sweep (`--vary`): a scenario or protocol key and the values it takes, as TOML
/// value texts passed to the `--set` machinery (``ScenarioLoader/load(path:overrides:)``).
///
/// Two syntaxes:
/// - a list, `key=v1,v2,…`: each value a TOML value (`30000000`, `0.05`, `"escalate"`,
///   `[1, 2]`); commas inside quotes, brackets or braces do not separate values;
/// - a range, `key=start:stop:step`: numbers with `step > 0` and `stop ≥ start`, giving
///   `start, start + step, …` up to `stop` inclusive (a last step overshooting `stop` by less
///   than 10⁻⁹ of a step still counts). All-integer ranges give integers; otherwise each value
///   is written with as many decimals as the most precise of the three numbers
///   (`0.05:0.15:0.05` gives `0.05`, `0.10`, `0.15`).
public struct SweepAxis: Sendable, Hashable {
    /// The dotted key (`chain.gas_limit`, `protocols.maker.ilks.ETH-A.chop`).
    public var key: String
    /// The values in order, each once.
    public var values: [String]

    /// At most this many values per axis.
    public static let maximumValues = 1_000

    public init(key: String, values: [String]) {
        self.key = key
        self.values = values
    }

    /// Parses a `--vary` argument.
    /// - Throws: ``ConfigurationError`` with file `--vary`, the key and what is wrong.
    public static func parse(_ argument: String) throws(ConfigurationError) -> SweepAxis {
        func failure(_ key: String, _ expected: String, _ found: String) -> ConfigurationError {
            ConfigurationError(file: "--vary", key: key, line: nil, expected: expected, found: found)
        }
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
            throw failure("", "key=v1,v2,… or key=start:stop:step (e.g. chain.gas_limit=10000000,30000000)", "\"\(argument)\"")
        }
        let key = String(argument[..<equals]).trimmingCharacters(in: .whitespaces)
        let text = String(argument[argument.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw failure(key, "values after =", "nothing") }
        let values: [String]
        if let range = try range(text, key: key) {
            values = range
        } else {
            values = try list(text, key: key)
        }
        var seen = Set<String>()
        for value in values where !seen.insert(value).inserted {
            throw failure(key, "each value once", "\(value) twice")
        }
        guard values.count <= maximumValues else {
            throw failure(key, "at most \(maximumValues) values", "\(values.count)")
        }
        return SweepAxis(key: key, values: values)
    }

    /// The values of `start:stop:step`, or `nil` when `text` is not of that form (no `:` outside
    /// quotes, or not three parts).
    private static func range(_ text: String, key: String) throws(ConfigurationError) -> [String]? {
        guard let first = text.first, first != "\"", first != "'", first != "[", first != "{" else { return nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count > 1 else { return nil }
        func failure(_ expected: String, _ found: String) -> ConfigurationError {
            ConfigurationError(file: "--vary", key: key, line: nil, expected: expected, found: found)
        }
        guard parts.count == 3 else { throw failure("start:stop:step (three numbers)", "\"\(text)\"") }
        var numbers: [Double] = []
        for part in parts {
            guard let number = Double(part.replacingOccurrences(of: "_", with: "")), number.isFinite else {
                throw failure("start:stop:step with numbers", "\"\(part)\" in \"\(text)\"")
            }
            numbers.append(number)
        }
        let (start, stop, step) = (numbers[0], numbers[1], numbers[2])
        guard step > 0 else { throw failure("a step > 0", "\(parts[2])") }
        guard stop >= start else { throw failure("stop ≥ start", "start \(parts[0]), stop \(parts[1])") }
        let steps = ((stop - start) / step + 1e-9).rounded(.down)
        guard steps < Double(maximumValues) else {
            throw failure("at most \(maximumValues) values", "\(steps + 1) from \"\(text)\"")
        }
        let count = Int(steps) + 1
        let integral = parts.allSatisfy { $0.replacingOccurrences(of: "_", with: "").allSatisfy { $0.isNumber || $0 == "-" || $0 == "+" } }
        if integral {
            let (first, increment) = (Int64(start), Int64(step))
            return (0..<count).map { String(first + Int64($0) * increment) }
        }
        let places = parts.map(decimals).max() ?? 0
        return (0..<count).map { String(format: "%.\(places)f", start + Double($0) * step) }
    }

    /// Decimal places of a number's text (`0.05` → 2, `1e-3` → 3, `10` → 0).
    private static func decimals(_ text: String) -> Int {
        let plain = text.replacingOccurrences(of: "_", with: "").lowercased()
        let parts = plain.split(separator: "e", maxSplits: 1)
        let mantissa = parts.first.map(String.init) ?? plain
        let fraction = mantissa.split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
        let exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        return max(0, fraction - exponent)
    }

    /// Values separated by commas outside quotes, brackets and braces.
    private static func list(_ text: String, key: String) throws(ConfigurationError) -> [String] {
        var values: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        for character in text {
            if let open = quote {
                current.append(character)
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "\"", "'": quote = character
            case "[", "{": depth += 1
            case "]", "}": depth -= 1
            case "," where depth == 0:
                values.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        values.append(current.trimmingCharacters(in: .whitespaces))
        if quote != nil || depth != 0 {
            throw ConfigurationError(file: "--vary", key: key, line: nil, expected: "balanced quotes, brackets and braces",
                                     found: "\"\(text)\"")
        }
        if let empty = values.firstIndex(of: "") {
            throw ConfigurationError(file: "--vary", key: key, line: nil, expected: "a value between every two commas",
                                     found: "an empty value at position \(empty + 1) in \"\(text)\"")
        }
        return values
    }
}
