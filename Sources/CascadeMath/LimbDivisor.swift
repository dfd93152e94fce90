/// A 64-bit divisor with its precomputed reciprocal, so that dividing a multi-limb number by it
/// costs two multiplications per limb instead of a hardware division.
///
/// The method is Möller & Granlund, "Improved division by invariant integers" (IEEE Trans.
/// Computers, 2011), Algorithm 4: the divisor is normalised (shifted so its top bit is set) and
/// `reciprocal = ⌊(2¹²⁸ − 1) / d⌋ − 2⁶⁴`. Results are exact (floor quotient and remainder).
@frozen
public struct LimbDivisor: Sendable, Hashable {
    /// The divisor shifted left so that its top bit is set.
    public let normalized: UInt64
    /// How far the divisor was shifted left.
    public let shift: UInt64
    /// ⌊(2¹²⁸ − 1) / normalized⌋ − 2⁶⁴.
    public let reciprocal: UInt64

    /// Precomputes the reciprocal of a non-zero divisor (one hardware division).
    @inlinable
    public init(_ divisor: UInt64) {
        precondition(divisor != 0, "LimbDivisor of zero")
        let s = UInt64(divisor.leadingZeroBitCount)
        let d = divisor << s
        self.init(normalized: d, shift: s, reciprocal: d.dividingFullWidth((~d, .max)).quotient)
    }

    /// Creates a divisor from already computed fields (for compile-time constants); the fields
    /// must satisfy the definitions above, which the tests check for every constant.
    @inlinable
    init(normalized: UInt64, shift: UInt64, reciprocal: UInt64) {
        self.normalized = normalized
        self.shift = shift
        self.reciprocal = reciprocal
    }

    /// The original divisor.
    @inlinable
    public var divisor: UInt64 { normalized >> shift }

    /// Divides the two-limb value (u1, u0) by the normalised divisor; requires u1 < normalized.
    @inlinable @inline(__always)
    func divideNormalized(_ u1: UInt64, _ u0: UInt64) -> (quotient: UInt64, remainder: UInt64) {
        let product = UInt128(reciprocal) &* UInt128(u1) &+ (UInt128(u1 &+ 1) &<< 64 | UInt128(u0))
        var q1 = UInt64(truncatingIfNeeded: product &>> 64)
        let q0 = UInt64(truncatingIfNeeded: product)
        var r = u0 &- q1 &* normalized
        if r > q0 {
            q1 = q1 &- 1
            r = r &+ normalized
        }
        if r >= normalized {
            q1 = q1 &+ 1
            r = r &- normalized
        }
        return (q1, r)
    }
}

extension LimbDivisor {
    /// 10¹⁸ (WAD).
    @inlinable public static var e18: LimbDivisor { LimbDivisor(normalized: 0xDE0B_6B3A_7640_0000, shift: 4, reciprocal: 0x2725_DD1D_243A_BA0E) }
    /// 10⁹ (the WAD→RAY ratio; gwei).
    @inlinable public static var e9: LimbDivisor { LimbDivisor(normalized: 0xEE6B_2800_0000_0000, shift: 34, reciprocal: 0x12E0_BE82_6D69_4B2E) }
    /// 10¹⁹, the largest power of ten below 2⁶⁴ (decimal printing).
    @inlinable public static var e19: LimbDivisor { LimbDivisor(normalized: 0x8AC7_2304_89E8_0000, shift: 0, reciprocal: 0xD83C_94FB_6D2A_C34A) }
    /// 5²⁷, the odd part of 10²⁷ = 2²⁷·5²⁷: ⌊x / 10²⁷⌋ = ⌊(x >> 27) / 5²⁷⌋, one pass for RAY.
    @inlinable public static var fivePow27: LimbDivisor { LimbDivisor(normalized: 0xCECB_8F27_F420_0F3A, shift: 1, reciprocal: 0x3CE9_A36F_23C0_FC90) }
    /// 10⁴ (Aave's PERCENTAGE_FACTOR, 100.00 %).
    @inlinable public static var e4: LimbDivisor { LimbDivisor(normalized: 0x9C40_0000_0000_0000, shift: 50, reciprocal: 0xA36E_2EB1_C432_CA57) }
}

extension UInt256 {
    /// Floor division by a precomputed 64-bit divisor: quotient and remainder.
    @inlinable @inline(__always)
    public func quotientAndRemainder(dividingBy divisor: LimbDivisor) -> (quotient: UInt256, remainder: UInt64) {
        let s = divisor.shift
        // Shift the dividend left by s into five limbs n4…n0 (n4 < normalized).
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
        let (quotient, remainder) = divisor.divideNormalized(n4, n3, n2, n1, n0)
        return (quotient, remainder &>> s)
    }
}

extension LimbDivisor {
    /// Divides the five-limb dividend n4…n0, already shifted left by ``shift`` (so n4 < normalized),
    /// limb by limb; returns the quotient and the remainder, still shifted left by ``shift``.
    ///
    /// Skips the steps whose quotient limb is zero (remainder so far 0 and the next limb below
    /// the divisor): DeFi-sized numerators take two steps instead of four.
    @inlinable @inline(__always)
    func divideNormalized(_ n4: UInt64, _ n3: UInt64, _ n2: UInt64, _ n1: UInt64, _ n0: UInt64) -> (quotient: UInt256, remainder: UInt64) {
        var q3: UInt64 = 0, q2: UInt64 = 0, q1: UInt64 = 0, rem: UInt64
        let d = normalized
        if n4 != 0 || n3 >= d { (q3, rem) = divideNormalized(n4, n3) } else { rem = n3 }
        if rem != 0 || n2 >= d { (q2, rem) = divideNormalized(rem, n2) } else { rem = n2 }
        if rem != 0 || n1 >= d { (q1, rem) = divideNormalized(rem, n1) } else { rem = n1 }
        let (q0, remainder) = divideNormalized(rem, n0)
        return (UInt256(w0: q0, w1: q1, w2: q2, w3: q3), remainder)
    }
}
