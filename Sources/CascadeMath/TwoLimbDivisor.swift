/// A divisor of 65 to 128 bits with its precomputed reciprocal, so that dividing a 256-bit number
/// by it costs one hardware division (for the reciprocal) and a few multiplications per quotient
/// limb, without leaving Swift.
///
/// Serves ``UInt256/quotientAndRemainder(dividingBy:)-(UInt256)`` whenever the divisor has two
/// significant limbs: Aave's `rayDiv` by an index (≈ 10²⁷, 90 bits) or by a utilisation
/// denominator, `mulDivCeil`-style divisions by products of prices and units. Wider divisors go to
/// GMP (`mpn_tdiv_qr`), whose call overhead is larger than this whole division.
///
/// The method is Möller & Granlund, "Improved division by invariant integers" (IEEE Trans.
/// Computers, 2011): the divisor is normalised (shifted so its top bit is set), its "3/2"
/// reciprocal `v = ⌊(2¹⁹² − 1) / d⌋ − 2⁶⁴` is computed with Algorithm 6, and each quotient limb
/// comes from Algorithm 5 (`div3by2`). Results are exact (floor quotient and remainder).
@frozen
public struct TwoLimbDivisor: Sendable, Hashable {
    /// The normalised divisor's high limb (top bit set).
    public let high: UInt64
    /// The normalised divisor's low limb.
    public let low: UInt64
    /// How far the divisor was shifted left (0…63).
    public let shift: UInt64
    /// ⌊(2¹⁹² − 1) / (high·2⁶⁴ + low)⌋ − 2⁶⁴.
    public let reciprocal: UInt64

    /// Precomputes the reciprocal of `divisorHigh·2⁶⁴ + divisorLow`; `divisorHigh` must be non-zero
    /// (a one-limb divisor is a ``LimbDivisor``).
    @inlinable
    public init(high divisorHigh: UInt64, low divisorLow: UInt64) {
        precondition(divisorHigh != 0, "TwoLimbDivisor needs a non-zero high limb")
        let s = UInt64(divisorHigh.leadingZeroBitCount)
        let d1 = s == 0 ? divisorHigh : divisorHigh &<< s | divisorLow &>> (64 &- s)
        let d0 = divisorLow &<< s
        high = d1
        low = d0
        shift = s
        // Algorithm 6: the 2/1 reciprocal of d1, corrected for d0.
        var v = d1.dividingFullWidth((~d1, .max)).quotient
        var p = d1 &* v
        p = p &+ d0
        if p < d0 {
            v = v &- 1
            if p >= d1 {
                v = v &- 1
                p = p &- d1
            }
            p = p &- d1
        }
        let (t1, t0) = v.multipliedFullWidth(by: d0)
        p = p &+ t1
        if p < t1 {
            v = v &- 1
            if p > d1 || (p == d1 && t0 >= d0) { v = v &- 1 }
        }
        reciprocal = v
    }

    /// The original divisor's limbs, (high, low).
    @inlinable
    public var divisor: (high: UInt64, low: UInt64) {
        shift == 0 ? (high, low) : (high &>> shift, low &>> shift | high &<< (64 &- shift))
    }

    /// Algorithm 5: divides the three-limb value (u2, u1, u0) by the normalised divisor; requires
    /// (u2, u1) < (high, low). Returns the quotient limb and the two-limb remainder.
    @inlinable @inline(__always)
    func divideNormalized(_ u2: UInt64, _ u1: UInt64, _ u0: UInt64) -> (quotient: UInt64, r1: UInt64, r0: UInt64) {
        let d1 = high, d0 = low
        let (p1, p0) = reciprocal.multipliedFullWidth(by: u2)
        let (q0, c) = p0.addingReportingOverflow(u1)
        var q1 = p1 &+ u2 &+ (c ? 1 : 0)
        var r1 = u1 &- q1 &* d1
        let (t1, t0) = d0.multipliedFullWidth(by: q1)
        // (r1, r0) = (r1, u0) − (t1, t0) − (d1, d0), modulo 2¹²⁸.
        var (r0, b0) = u0.subtractingReportingOverflow(t0)
        r1 = r1 &- t1 &- (b0 ? 1 : 0)
        let (r0b, b1) = r0.subtractingReportingOverflow(d0)
        r0 = r0b
        r1 = r1 &- d1 &- (b1 ? 1 : 0)
        q1 = q1 &+ 1
        if r1 >= q0 {
            q1 = q1 &- 1
            let (s0, c0) = r0.addingReportingOverflow(d0)
            r0 = s0
            r1 = r1 &+ d1 &+ (c0 ? 1 : 0)
        }
        if r1 > d1 || (r1 == d1 && r0 >= d0) {
            q1 = q1 &+ 1
            let (s0, b) = r0.subtractingReportingOverflow(d0)
            r0 = s0
            r1 = r1 &- d1 &- (b ? 1 : 0)
        }
        return (q1, r1, r0)
    }
}

extension UInt256 {
    /// Floor division by a precomputed two-limb divisor: quotient and remainder.
    ///
    /// Skips the quotient limbs that must be zero, so a DeFi-sized dividend (≈ 2¹⁸⁰: an amount
    /// times a ray) divided by an index takes two `div3by2` steps.
    @inlinable
    public func quotientAndRemainder(dividingBy divisor: TwoLimbDivisor) -> (quotient: UInt256, remainder: UInt256) {
        let s = divisor.shift
        // The dividend shifted left by s into five limbs n4…n0; n4 < 2^s ≤ 2⁶³ ≤ high.
        let n0, n1, n2, n3, n4: UInt64
        if s == 0 {
            (n0, n1, n2, n3, n4) = (w0, w1, w2, w3, 0)
        } else {
            let r = 64 &- s
            n0 = w0 &<< s
            n1 = w1 &<< s | w0 &>> r
            n2 = w2 &<< s | w1 &>> r
            n3 = w3 &<< s | w2 &>> r
            n4 = w3 &>> r
        }
        let d1 = divisor.high, d0 = divisor.low
        // (n4, n3) is below the divisor, as each step requires. A step whose three-limb input is
        // below the divisor has quotient limb 0 and passes its input on as the remainder.
        var q2: UInt64 = 0, q1: UInt64 = 0, r1: UInt64, r0: UInt64
        if n4 != 0 || n3 > d1 || (n3 == d1 && n2 >= d0) {
            (q2, r1, r0) = divisor.divideNormalized(n4, n3, n2)
        } else {
            (r1, r0) = (n3, n2)
        }
        if r1 != 0 || r0 > d1 || (r0 == d1 && n1 >= d0) {
            (q1, r1, r0) = divisor.divideNormalized(r1, r0, n1)
        } else {
            (r1, r0) = (r0, n1)
        }
        let (q0, f1, f0) = divisor.divideNormalized(r1, r0, n0)
        let remainder = s == 0
            ? UInt256(w0: f0, w1: f1, w2: 0, w3: 0)
            : UInt256(w0: f0 &>> s | f1 &<< (64 &- s), w1: f1 &>> s, w2: 0, w3: 0)
        return (UInt256(w0: q0, w1: q1, w2: q2, w3: 0), remainder)
    }
}
