import CascadeMath

/// Decimal text of fixed-point integers for messages: `FixedPointText.decimal(1_450_000…, places: 27)`
/// is `"1.45"`.
enum FixedPointText {
    /// `value / 10^places` in decimal, without trailing zeros.
    static func decimal(_ value: UInt256, places: Int) -> String {
        let digits = value.decimalString
        guard places > 0 else { return digits }
        let padded = digits.count <= places ? String(repeating: "0", count: places - digits.count + 1) + digits : digits
        let split = padded.index(padded.endIndex, offsetBy: -places)
        var fraction = padded[split...]
        while fraction.last == "0" { fraction = fraction.dropLast() }
        return fraction.isEmpty ? String(padded[..<split]) : padded[..<split] + "." + fraction
    }

    /// A ray (10²⁷) as a decimal.
    static func ray(_ value: UInt256) -> String { decimal(value, places: 27) }
    /// A wad (10¹⁸) as a decimal.
    static func wad(_ value: UInt256) -> String { decimal(value, places: 18) }
    /// A rad (10⁴⁵) as a decimal.
    static func rad(_ value: UInt256) -> String { decimal(value, places: 45) }
}
