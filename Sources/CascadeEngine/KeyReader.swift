import CascadeChain
import CascadeMath

/// Reads typed values out of a ``TOMLDocument`` by dotted key, remembering which keys were asked
/// for so that every key left over can be reported as unknown, with the keys that were expected
/// beside it.
struct KeyReader {
    let file: String
    let document: TOMLDocument
    private(set) var asked: Set<String> = []
    /// Every file read for this document, in reading order (``noteFile(_:)``, data files).
    private(set) var files: [String] = []

    init(file: String, document: TOMLDocument) {
        self.file = file
        self.document = document
    }

    func line(_ key: String) -> Int? { document.line(of: key) }

    /// Records that `path` was read (once, in first-read order).
    mutating func noteFile(_ path: String) {
        if !files.contains(path) { files.append(path) }
    }

    func error(_ key: String, expected: String, found: String) -> ConfigurationError {
        ConfigurationError(file: file, key: key, line: line(key), expected: expected, found: found)
    }

    /// The raw value, or a missing-key error when `required`.
    mutating func value(_ key: String) -> ConfigValue? {
        asked.insert(key)
        return document.entries[key]?.value
    }

    mutating func required(_ key: String, _ expected: String) throws(ConfigurationError) -> ConfigValue {
        guard let value = value(key) else { throw missing(key, expected) }
        return value
    }

    /// A missing-key error; when the same table holds a key a letter or two away (a typo such
    /// as `ltvv`), the error names it.
    func missing(_ key: String, _ expected: String) -> ConfigurationError {
        let parent = key.split(separator: ".").dropLast().joined(separator: ".")
        let name = String(key.split(separator: ".").last ?? "")
        let lookalike = document.orderedKeys.first { other in
            other.split(separator: ".").dropLast().joined(separator: ".") == parent
                && Self.editDistance(String(other.split(separator: ".").last ?? ""), name) <= 2
        }
        let found = lookalike.map { "no value (the key is required; is \($0) a misspelling of it?)" }
            ?? "no value (the key is required)"
        return ConfigurationError(file: file, key: key, line: lookalike.flatMap(line), expected: expected, found: found)
    }

    /// Levenshtein distance, for typo hints on short key names.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// The distinct names directly under `table` (`reserves` → `WETH`, `WBTC`, …), in file order.
    func children(of table: String) -> [String] {
        var names: [String] = []
        for key in document.orderedKeys where key.hasPrefix(table + ".") {
            let name = String(key.dropFirst(table.count + 1).prefix { $0 != "." })
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    mutating func string(_ key: String) throws(ConfigurationError) -> String {
        let value = try required(key, "a string")
        guard case .string(let text) = value else { throw error(key, expected: "a string", found: "\(value.typeName) \(value)") }
        return text
    }

    mutating func choice(_ key: String, among options: [String]) throws(ConfigurationError) -> String {
        let text = try string(key)
        guard options.contains(text) else {
            throw error(key, expected: "one of " + options.map { "\"\($0)\"" }.joined(separator: ", "), found: "\"\(text)\"")
        }
        return text
    }

    mutating func address(_ key: String) throws(ConfigurationError) -> Address {
        let text = try string(key)
        do { return try Address(hex: text) } catch {
            throw self.error(key, expected: "an address (0x and 40 hex digits, EIP-55 checksum if mixed case)", found: "\"\(text)\" (\(error))")
        }
    }

    mutating func bool(_ key: String, default fallback: Bool) throws(ConfigurationError) -> Bool {
        guard let value = value(key) else { return fallback }
        guard case .boolean(let flag) = value else { throw error(key, expected: "true or false", found: "\(value.typeName) \(value)") }
        return flag
    }

    /// An exact amount: an integer is raw units; a string is read by ``AmountParser`` at
    /// `decimals` (`"1.13"` at 27 is 1.13·10²⁷, `"80.5%"` at 4 is 8050, `"50 bps"`, `"1e27"`).
    /// Floats are refused: amounts are exact.
    mutating func amount(_ key: String, decimals: Int, unit: String, default fallback: UInt256? = nil) throws(ConfigurationError) -> UInt256 {
        let expected = "an amount (\(unit)): an integer in raw units or a string such as \"1.5\", \"12.5%\", \"50 bps\", \"1e27\""
        guard let value = value(key) else {
            if let fallback { return fallback }
            throw missing(key, expected)
        }
        switch value {
        case .integer(let raw):
            guard raw >= 0 else { throw error(key, expected: "a non-negative amount (\(unit))", found: "\(raw)") }
            return UInt256(UInt64(raw))
        case .string(let text):
            do { return try AmountParser.parse(text, decimals: decimals) } catch {
                throw self.error(key, expected: "an amount (\(unit))", found: "\"\(text)\": \(error.expected) expected at column \(error.offset + 1), found \(error.found)")
            }
        default:
            throw error(key, expected: expected, found: "\(value.typeName) \(value)")
        }
    }

    /// An amount that must fit 64 bits (basis points, seconds, gas, whole tokens).
    mutating func uint64(_ key: String, decimals: Int = 0, unit: String, default fallback: UInt64? = nil) throws(ConfigurationError) -> UInt64 {
        let amount = try amount(key, decimals: decimals, unit: unit, default: fallback.map { UInt256($0) })
        guard let value = amount.uint64Value else { throw error(key, expected: "at most \(UInt64.max) (\(unit))", found: "\(amount)") }
        return value
    }

    /// Every key of the file that nobody asked for, as errors listing what was expected in the
    /// deepest table the key shares with known keys (`reserves.WETH.interest_rat.kink` lists
    /// the keys and sub-tables of `reserves.WETH`).
    func unknownKeys() -> [ConfigurationError.Problem] {
        document.orderedKeys.filter { !asked.contains($0) }.map { key in
            var parts = key.split(separator: ".").map(String.init)
            var names: [String] = []
            while !parts.isEmpty {
                parts.removeLast()
                let prefix = parts.isEmpty ? "" : parts.joined(separator: ".") + "."
                names = Set(asked.filter { $0.hasPrefix(prefix) }.map {
                    String($0.dropFirst(prefix.count).prefix { $0 != "." })
                }).sorted()
                if !names.isEmpty { break }
            }
            let expected = names.isEmpty ? "no key here" : "one of " + names.joined(separator: ", ")
            return .init(file: file, key: key, line: line(key), expected: expected, found: "an unknown key")
        }
    }
}
