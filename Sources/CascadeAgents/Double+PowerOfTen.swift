extension Double {
    /// 10^`exponent` (exponent ≥ 0) by repeated multiplication, for converting token amounts of
    /// `exponent` decimals to floating-point units in agents' valuations (never for balances).
    static func powerOfTen(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }
}
