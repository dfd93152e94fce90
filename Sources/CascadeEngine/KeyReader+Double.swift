extension KeyReader {
    /// A floating-point model parameter (market models only, never an amount): a TOML integer
    /// or float, finite. `unit` names what the number counts in messages.
    mutating func double(_ key: String, unit: String) throws(ConfigurationError) -> Double {
        let expected = "a finite number (\(unit))"
        let value = try required(key, expected)
        switch value {
        case .integer(let number): return Double(number)
        case .float(let number) where number.isFinite: return number
        default: throw error(key, expected: expected, found: "\(value.typeName) \(value)")
        }
    }
}
