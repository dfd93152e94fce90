// Arithmetic of Int256: reporting-overflow primitives, Solidity-checked operators and
// EVM-wrapping operators, plus bitwise operations and shifts (SAR for `>>`).

extension Int256 {
    /// `self + other` modulo 2²⁵⁶, and whether the true sum is outside the int256 range.
    @inlinable
    public func addingReportingOverflow(_ other: Int256) -> (partialValue: Int256, overflow: Bool) {
        let sum = Int256(bitPattern: bitPattern &+ other.bitPattern)
        let overflow = isNegative == other.isNegative && sum.isNegative != isNegative
        return (sum, overflow)
    }

    /// `self − other` modulo 2²⁵⁶, and whether the true difference is outside the int256 range.
    @inlinable
    public func subtractingReportingOverflow(_ other: Int256) -> (partialValue: Int256, overflow: Bool) {
        let difference = Int256(bitPattern: bitPattern &- other.bitPattern)
        let overflow = isNegative != other.isNegative && difference.isNegative != isNegative
        return (difference, overflow)
    }

    /// `self · other` modulo 2²⁵⁶, and whether the true product is outside the int256 range.
    @inlinable
    public func multipliedReportingOverflow(by other: Int256) -> (partialValue: Int256, overflow: Bool) {
        let wrapped = Int256(bitPattern: bitPattern &* other.bitPattern)
        let (high, low) = magnitude.multipliedFullWidth(by: other.magnitude)
        let negative = isNegative != other.isNegative
        let fits = high.isZero && Int256(negative: negative, magnitude: low) != nil
        return (wrapped, !fits)
    }

    /// Checked addition: throws ``Revert/overflow`` outside [−2²⁵⁵, 2²⁵⁵ − 1].
    @inlinable
    public static func + (lhs: Int256, rhs: Int256) throws(Revert) -> Int256 {
        let (sum, overflow) = lhs.addingReportingOverflow(rhs)
        if overflow { throw .overflow }
        return sum
    }

    /// Checked subtraction: throws ``Revert/overflow`` outside [−2²⁵⁵, 2²⁵⁵ − 1].
    @inlinable
    public static func - (lhs: Int256, rhs: Int256) throws(Revert) -> Int256 {
        let (difference, overflow) = lhs.subtractingReportingOverflow(rhs)
        if overflow { throw .overflow }
        return difference
    }

    /// Checked multiplication: throws ``Revert/overflow`` outside [−2²⁵⁵, 2²⁵⁵ − 1].
    @inlinable
    public static func * (lhs: Int256, rhs: Int256) throws(Revert) -> Int256 {
        let (product, overflow) = lhs.multipliedReportingOverflow(by: rhs)
        if overflow { throw .overflow }
        return product
    }

    /// Checked negation: throws ``Revert/overflow`` for `Int256.min`.
    @inlinable
    public static prefix func - (value: Int256) throws(Revert) -> Int256 {
        if value == .min { throw .overflow }
        return Int256(bitPattern: ~value.bitPattern &+ .one)
    }

    /// Quotient truncated toward zero and remainder with the dividend's sign (Solidity `/` and
    /// `%`). Throws ``Revert/divisionByZero`` for a zero divisor and ``Revert/overflow`` for
    /// `Int256.min / −1`.
    @inlinable
    public func quotientAndRemainder(dividingBy divisor: Int256) throws(Revert) -> (quotient: Int256, remainder: Int256) {
        let (q, r) = try magnitude.quotientAndRemainder(dividingBy: divisor.magnitude)
        guard let quotient = Int256(negative: isNegative != divisor.isNegative, magnitude: q) else { throw .overflow }
        // |r| < |divisor| ≤ 2²⁵⁵, so the remainder always fits.
        return (quotient, Int256(negative: isNegative, magnitude: r)!)
    }

    /// Checked division truncating toward zero.
    @inlinable
    public static func / (lhs: Int256, rhs: Int256) throws(Revert) -> Int256 {
        try lhs.quotientAndRemainder(dividingBy: rhs).quotient
    }

    /// Checked remainder with the dividend's sign (`Int256.min % −1 == 0`, as Solidity).
    @inlinable
    public static func % (lhs: Int256, rhs: Int256) throws(Revert) -> Int256 {
        if rhs.isZero { throw .divisionByZero }
        let r = try lhs.magnitude.quotientAndRemainder(dividingBy: rhs.magnitude).remainder
        return Int256(negative: lhs.isNegative, magnitude: r)!
    }

    /// Checked exponentiation by an unsigned exponent: throws ``Revert/overflow`` outside the range.
    @inlinable
    public func power(_ exponent: UInt256) throws(Revert) -> Int256 {
        let negativeResult = isNegative && exponent.w0 & 1 == 1
        let value = try magnitude.power(exponent)
        guard let result = Int256(negative: negativeResult, magnitude: value) else { throw .overflow }
        return result
    }

    /// Addition modulo 2²⁵⁶ (EVM `ADD`).
    @inlinable
    public static func &+ (lhs: Int256, rhs: Int256) -> Int256 { Int256(bitPattern: lhs.bitPattern &+ rhs.bitPattern) }

    /// Subtraction modulo 2²⁵⁶ (EVM `SUB`).
    @inlinable
    public static func &- (lhs: Int256, rhs: Int256) -> Int256 { Int256(bitPattern: lhs.bitPattern &- rhs.bitPattern) }

    /// Multiplication modulo 2²⁵⁶ (EVM `MUL`).
    @inlinable
    public static func &* (lhs: Int256, rhs: Int256) -> Int256 { Int256(bitPattern: lhs.bitPattern &* rhs.bitPattern) }

    // MARK: Bitwise

    @inlinable
    public static func & (lhs: Int256, rhs: Int256) -> Int256 { Int256(bitPattern: lhs.bitPattern & rhs.bitPattern) }

    @inlinable
    public static func | (lhs: Int256, rhs: Int256) -> Int256 { Int256(bitPattern: lhs.bitPattern | rhs.bitPattern) }

    @inlinable
    public static func ^ (lhs: Int256, rhs: Int256) -> Int256 { Int256(bitPattern: lhs.bitPattern ^ rhs.bitPattern) }

    @inlinable
    public static prefix func ~ (value: Int256) -> Int256 { Int256(bitPattern: ~value.bitPattern) }

    /// Shift left (EVM `SHL`): bits past bit 255 are lost, the sign is not preserved.
    @inlinable
    public static func << (lhs: Int256, rhs: Int) -> Int256 {
        if rhs < 0 { return lhs >> Int(clamping: rhs.magnitude) } // not -rhs: Int.min would trap
        return Int256(bitPattern: lhs.bitPattern << rhs)
    }

    /// Arithmetic shift right (EVM `SAR`, Solidity's `>>` on signed integers): rounds toward −∞;
    /// a shift ≥ 256 gives 0 or −1.
    @inlinable
    public static func >> (lhs: Int256, rhs: Int) -> Int256 {
        if rhs < 0 { return lhs << Int(clamping: rhs.magnitude) } // not -rhs: Int.min would trap
        if !lhs.isNegative { return Int256(bitPattern: lhs.bitPattern >> rhs) }
        if rhs >= 256 { return Int256(bitPattern: .max) }
        return Int256(bitPattern: ~(~lhs.bitPattern >> rhs))
    }

    /// The number of zero bits above the most significant one bit of the bit pattern.
    @inlinable
    public var leadingZeroBitCount: Int { bitPattern.leadingZeroBitCount }
}
