// Addition, subtraction and multiplication of UInt256: reporting-overflow primitives,
// Solidity-checked operators (throw `Revert`) and EVM-wrapping operators (`&+ &- &*`).

/// a·b + c + carry as a 128-bit value; never overflows since (2⁶⁴−1)² + 2(2⁶⁴−1) = 2¹²⁸ − 1.
@inlinable @inline(__always)
func multiplyAdd(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ carry: inout UInt64) -> UInt64 {
    let t = UInt128(a) &* UInt128(b) &+ UInt128(c) &+ UInt128(carry)
    carry = UInt64(truncatingIfNeeded: t &>> 64)
    return UInt64(truncatingIfNeeded: t)
}

/// a + b + carry with the carry out (0 or 1).
@inlinable @inline(__always)
func addWithCarry(_ a: UInt64, _ b: UInt64, _ carry: inout UInt64) -> UInt64 {
    let (s1, o1) = a.addingReportingOverflow(b)
    let (s2, o2) = s1.addingReportingOverflow(carry)
    carry = (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
    return s2
}

/// a − b − borrow with the borrow out (0 or 1).
@inlinable @inline(__always)
func subtractWithBorrow(_ a: UInt64, _ b: UInt64, _ borrow: inout UInt64) -> UInt64 {
    let (d1, o1) = a.subtractingReportingOverflow(b)
    let (d2, o2) = d1.subtractingReportingOverflow(borrow)
    borrow = (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
    return d2
}

extension UInt256 {
    /// `self + other` modulo 2²⁵⁶, and whether it wrapped.
    @inlinable @inline(__always)
    public func addingReportingOverflow(_ other: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        var carry: UInt64 = 0
        let r0 = addWithCarry(w0, other.w0, &carry)
        let r1 = addWithCarry(w1, other.w1, &carry)
        let r2 = addWithCarry(w2, other.w2, &carry)
        let r3 = addWithCarry(w3, other.w3, &carry)
        return (UInt256(w0: r0, w1: r1, w2: r2, w3: r3), carry != 0)
    }

    /// `self − other` modulo 2²⁵⁶, and whether it went below zero.
    @inlinable @inline(__always)
    public func subtractingReportingOverflow(_ other: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        var borrow: UInt64 = 0
        let r0 = subtractWithBorrow(w0, other.w0, &borrow)
        let r1 = subtractWithBorrow(w1, other.w1, &borrow)
        let r2 = subtractWithBorrow(w2, other.w2, &borrow)
        let r3 = subtractWithBorrow(w3, other.w3, &borrow)
        return (UInt256(w0: r0, w1: r1, w2: r2, w3: r3), borrow != 0)
    }

    /// The full 512-bit product `self · other` as (high, low) halves.
    @inlinable
    public func multipliedFullWidth(by other: UInt256) -> (high: UInt256, low: UInt256) {
        let a0 = w0, a1 = w1, a2 = w2, a3 = w3
        let b0 = other.w0, b1 = other.w1, b2 = other.w2, b3 = other.w3
        var c: UInt64 = 0
        let r0 = multiplyAdd(a0, b0, 0, &c)
        var r1 = multiplyAdd(a0, b1, 0, &c)
        var r2 = multiplyAdd(a0, b2, 0, &c)
        var r3 = multiplyAdd(a0, b3, 0, &c)
        var r4 = c
        c = 0
        r1 = multiplyAdd(a1, b0, r1, &c)
        r2 = multiplyAdd(a1, b1, r2, &c)
        r3 = multiplyAdd(a1, b2, r3, &c)
        r4 = multiplyAdd(a1, b3, r4, &c)
        var r5 = c
        c = 0
        r2 = multiplyAdd(a2, b0, r2, &c)
        r3 = multiplyAdd(a2, b1, r3, &c)
        r4 = multiplyAdd(a2, b2, r4, &c)
        r5 = multiplyAdd(a2, b3, r5, &c)
        var r6 = c
        c = 0
        r3 = multiplyAdd(a3, b0, r3, &c)
        r4 = multiplyAdd(a3, b1, r4, &c)
        r5 = multiplyAdd(a3, b2, r5, &c)
        r6 = multiplyAdd(a3, b3, r6, &c)
        let r7 = c
        return (UInt256(w0: r4, w1: r5, w2: r6, w3: r7), UInt256(w0: r0, w1: r1, w2: r2, w3: r3))
    }

    /// `self · other` modulo 2²⁵⁶, and whether the true product needed more than 256 bits.
    @inlinable @inline(__always)
    public func multipliedReportingOverflow(by other: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        // Fast path: both operands below 2¹²⁸ never overflow.
        if (w2 | w3 | other.w2 | other.w3) == 0 {
            let a0 = w0, a1 = w1, b0 = other.w0, b1 = other.w1
            var c: UInt64 = 0
            let r0 = multiplyAdd(a0, b0, 0, &c)
            var r1 = multiplyAdd(a0, b1, 0, &c)
            var r2 = c
            c = 0
            r1 = multiplyAdd(a1, b0, r1, &c)
            r2 = multiplyAdd(a1, b1, r2, &c)
            return (UInt256(w0: r0, w1: r1, w2: r2, w3: c), false)
        }
        let (high, low) = multipliedFullWidth(by: other)
        return (low, !high.isZero)
    }

    /// `self · other` modulo 2²⁵⁶ (the low 256 bits), as the EVM's `MUL`.
    @inlinable
    public func multipliedWrapping(by other: UInt256) -> UInt256 {
        let a0 = w0, a1 = w1, a2 = w2, a3 = w3
        let b0 = other.w0, b1 = other.w1, b2 = other.w2, b3 = other.w3
        var c: UInt64 = 0
        let r0 = multiplyAdd(a0, b0, 0, &c)
        var r1 = multiplyAdd(a0, b1, 0, &c)
        var r2 = multiplyAdd(a0, b2, 0, &c)
        var r3 = a0 &* b3 &+ c
        c = 0
        r1 = multiplyAdd(a1, b0, r1, &c)
        r2 = multiplyAdd(a1, b1, r2, &c)
        r3 = r3 &+ a1 &* b2 &+ c
        c = 0
        r2 = multiplyAdd(a2, b0, r2, &c)
        r3 = r3 &+ a2 &* b1 &+ c
        r3 = r3 &+ a3 &* b0
        return UInt256(w0: r0, w1: r1, w2: r2, w3: r3)
    }

    // MARK: Checked (Solidity ≥ 0.8)

    /// Checked addition: throws ``Revert/overflow`` when the sum exceeds 2²⁵⁶ − 1.
    @inlinable @inline(__always)
    public static func + (lhs: UInt256, rhs: UInt256) throws(Revert) -> UInt256 {
        let (sum, overflow) = lhs.addingReportingOverflow(rhs)
        if overflow { throw .overflow }
        return sum
    }

    /// Checked subtraction: throws ``Revert/underflow`` when `rhs > lhs`.
    @inlinable @inline(__always)
    public static func - (lhs: UInt256, rhs: UInt256) throws(Revert) -> UInt256 {
        let (difference, overflow) = lhs.subtractingReportingOverflow(rhs)
        if overflow { throw .underflow }
        return difference
    }

    /// Checked multiplication: throws ``Revert/overflow`` when the product exceeds 2²⁵⁶ − 1.
    @inlinable @inline(__always)
    public static func * (lhs: UInt256, rhs: UInt256) throws(Revert) -> UInt256 {
        let (product, overflow) = lhs.multipliedReportingOverflow(by: rhs)
        if overflow { throw .overflow }
        return product
    }

    /// Checked division, rounding toward zero: throws ``Revert/divisionByZero`` when `rhs == 0`.
    @inlinable @inline(__always)
    public static func / (lhs: UInt256, rhs: UInt256) throws(Revert) -> UInt256 {
        try lhs.quotientAndRemainder(dividingBy: rhs).quotient
    }

    /// Checked remainder: throws ``Revert/divisionByZero`` when `rhs == 0`.
    @inlinable @inline(__always)
    public static func % (lhs: UInt256, rhs: UInt256) throws(Revert) -> UInt256 {
        try lhs.quotientAndRemainder(dividingBy: rhs).remainder
    }

    /// Checked exponentiation `self ** exponent`: throws ``Revert/overflow`` when the result
    /// exceeds 2²⁵⁶ − 1, as Solidity ≥ 0.8. `0 ** 0 == 1`.
    @inlinable
    public func power(_ exponent: UInt256) throws(Revert) -> UInt256 {
        if exponent.isZero { return .one }
        if self.isZero || self == .one { return self }
        // base ≥ 2, so any exponent ≥ 256 overflows.
        guard let e = exponent.uint64Value, e < 256 else { throw .overflow }
        var result = UInt256.one
        var base = self
        var remaining = e
        while true {
            if remaining & 1 == 1 { result = try result * base }
            remaining >>= 1
            if remaining == 0 { return result }
            base = try base * base
        }
    }

    // MARK: Wrapping (EVM)

    /// Addition modulo 2²⁵⁶ (EVM `ADD`).
    @inlinable @inline(__always)
    public static func &+ (lhs: UInt256, rhs: UInt256) -> UInt256 {
        lhs.addingReportingOverflow(rhs).partialValue
    }

    /// Subtraction modulo 2²⁵⁶ (EVM `SUB`).
    @inlinable @inline(__always)
    public static func &- (lhs: UInt256, rhs: UInt256) -> UInt256 {
        lhs.subtractingReportingOverflow(rhs).partialValue
    }

    /// Multiplication modulo 2²⁵⁶ (EVM `MUL`).
    @inlinable @inline(__always)
    public static func &* (lhs: UInt256, rhs: UInt256) -> UInt256 {
        lhs.multipliedWrapping(by: rhs)
    }

    /// Exponentiation modulo 2²⁵⁶ (EVM `EXP`).
    @inlinable
    public func powerWrapping(_ exponent: UInt256) -> UInt256 {
        var result = UInt256.one
        var base = self
        var e = exponent
        while !e.isZero {
            if e.w0 & 1 == 1 { result = result &* base }
            e = e >> 1
            if !e.isZero { base = base &* base }
        }
        return result
    }
}
