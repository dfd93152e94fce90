import CGMP

// Division of UInt256. Single-limb divisors use the CPU's 128/64 division, two-limb divisors a
// Swift Möller–Granlund 3/2 division (`TwoLimbDivisor`); wider divisors and the 512/256 division
// behind `mulDiv` use GMP's `mpn_tdiv_qr`, which measured faster than a Swift Knuth algorithm D
// (see docs/ARCHITECTURE.md).

/// Eight limbs on the stack, the layout GMP's `mpn` functions read and write.
@usableFromInline
typealias Limbs8 = (UInt, UInt, UInt, UInt, UInt, UInt, UInt, UInt)

extension UInt256 {
    /// Floor quotient and remainder; throws ``Revert/divisionByZero`` when `divisor == 0`.
    @inlinable
    public func quotientAndRemainder(dividingBy divisor: UInt256) throws(Revert) -> (quotient: UInt256, remainder: UInt256) {
        if divisor.isZero { throw .divisionByZero }
        if self < divisor { return (.zero, self) }
        if (divisor.w1 | divisor.w2 | divisor.w3) == 0 {
            let (q, r) = quotientAndRemainder(dividingByLimb: divisor.w0)
            return (q, UInt256(r))
        }
        if (divisor.w2 | divisor.w3) == 0 {
            return quotientAndRemainder(dividingBy: TwoLimbDivisor(high: divisor.w1, low: divisor.w0))
        }
        return UInt256.divideWide(high: .zero, low: self, by: divisor)
    }

    /// Floor quotient and remainder by a non-zero 64-bit divisor, using the CPU's division.
    ///
    /// The top non-zero limb takes a 64-by-64 division (one `div` instruction); each limb below
    /// it a 128-by-64 step (`dividingFullWidth`, which on x86-64 is a library call).
    @inlinable
    public func quotientAndRemainder(dividingByLimb divisor: UInt64) -> (quotient: UInt256, remainder: UInt64) {
        precondition(divisor != 0, "division by zero limb")
        var r: UInt64
        var q3: UInt64 = 0, q2: UInt64 = 0, q1: UInt64 = 0, q0: UInt64
        if w3 != 0 {
            (q3, r) = w3.quotientAndRemainder(dividingBy: divisor)
            (q2, r) = divisor.dividingFullWidth((r, w2))
            (q1, r) = divisor.dividingFullWidth((r, w1))
            (q0, r) = divisor.dividingFullWidth((r, w0))
        } else if w2 != 0 {
            (q2, r) = w2.quotientAndRemainder(dividingBy: divisor)
            (q1, r) = divisor.dividingFullWidth((r, w1))
            (q0, r) = divisor.dividingFullWidth((r, w0))
        } else if w1 != 0 {
            (q1, r) = w1.quotientAndRemainder(dividingBy: divisor)
            (q0, r) = divisor.dividingFullWidth((r, w0))
        } else {
            (q0, r) = w0.quotientAndRemainder(dividingBy: divisor)
        }
        return (UInt256(w0: q0, w1: q1, w2: q2, w3: q3), r)
    }

    /// Divides the 512-bit value `high·2²⁵⁶ + low` by `divisor`. Requires `divisor != 0` and
    /// `high < divisor`, so that the quotient fits 256 bits.
    @usableFromInline
    static func divideWide(high: UInt256, low: UInt256, by divisor: UInt256) -> (quotient: UInt256, remainder: UInt256) {
        precondition(!divisor.isZero && high < divisor, "divideWide: quotient does not fit 256 bits")
        var numerator: Limbs8 = (UInt(low.w0), UInt(low.w1), UInt(low.w2), UInt(low.w3),
                                 UInt(high.w0), UInt(high.w1), UInt(high.w2), UInt(high.w3))
        var denominator: (UInt, UInt, UInt, UInt) = (UInt(divisor.w0), UInt(divisor.w1), UInt(divisor.w2), UInt(divisor.w3))
        var quotient: Limbs8 = (0, 0, 0, 0, 0, 0, 0, 0)
        var remainder: (UInt, UInt, UInt, UInt) = (0, 0, 0, 0)
        let dn = divisor.significantLimbCount
        var nn = high.isZero ? low.significantLimbCount : 4 + high.significantLimbCount
        if nn < dn { nn = dn } // numerator < divisor: quotient 0, remainder numerator
        withUnsafeMutablePointer(to: &numerator) { np in
            withUnsafeMutablePointer(to: &denominator) { dp in
                withUnsafeMutablePointer(to: &quotient) { qp in
                    withUnsafeMutablePointer(to: &remainder) { rp in
                        cgmp_mpn_tdiv_qr(
                            UnsafeMutableRawPointer(qp).assumingMemoryBound(to: mp_limb_t.self),
                            UnsafeMutableRawPointer(rp).assumingMemoryBound(to: mp_limb_t.self),
                            UnsafeRawPointer(np).assumingMemoryBound(to: mp_limb_t.self), mp_size_t(nn),
                            UnsafeRawPointer(dp).assumingMemoryBound(to: mp_limb_t.self), mp_size_t(dn))
                    }
                }
            }
        }
        let q = UInt256(w0: UInt64(quotient.0), w1: UInt64(quotient.1), w2: UInt64(quotient.2), w3: UInt64(quotient.3))
        let r = UInt256(w0: UInt64(remainder.0), w1: UInt64(remainder.1), w2: UInt64(remainder.2), w3: UInt64(remainder.3))
        return (q, r)
    }
}
