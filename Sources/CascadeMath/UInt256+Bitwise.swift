// Bitwise operations and shifts of UInt256, as the EVM's AND, OR, XOR, NOT, SHL and SHR:
// shifts never revert, and a shift by 256 or more gives zero.

extension UInt256 {
    @inlinable @inline(__always)
    public static func & (lhs: UInt256, rhs: UInt256) -> UInt256 {
        UInt256(w0: lhs.w0 & rhs.w0, w1: lhs.w1 & rhs.w1, w2: lhs.w2 & rhs.w2, w3: lhs.w3 & rhs.w3)
    }

    @inlinable @inline(__always)
    public static func | (lhs: UInt256, rhs: UInt256) -> UInt256 {
        UInt256(w0: lhs.w0 | rhs.w0, w1: lhs.w1 | rhs.w1, w2: lhs.w2 | rhs.w2, w3: lhs.w3 | rhs.w3)
    }

    @inlinable @inline(__always)
    public static func ^ (lhs: UInt256, rhs: UInt256) -> UInt256 {
        UInt256(w0: lhs.w0 ^ rhs.w0, w1: lhs.w1 ^ rhs.w1, w2: lhs.w2 ^ rhs.w2, w3: lhs.w3 ^ rhs.w3)
    }

    @inlinable @inline(__always)
    public static prefix func ~ (value: UInt256) -> UInt256 {
        UInt256(w0: ~value.w0, w1: ~value.w1, w2: ~value.w2, w3: ~value.w3)
    }

    /// Logical shift left; bits shifted past bit 255 are lost; a shift ≥ 256 gives 0.
    /// A negative count shifts right (`Int.min` included: its magnitude is clamped, not negated).
    @inlinable
    public static func << (lhs: UInt256, rhs: Int) -> UInt256 {
        if rhs < 0 { return lhs >> Int(clamping: rhs.magnitude) }
        if rhs >= 256 { return .zero }
        let limbs = rhs >> 6
        let bits = UInt64(rhs & 63)
        var l = (lhs.w0, lhs.w1, lhs.w2, lhs.w3)
        switch limbs {
        case 1: l = (0, l.0, l.1, l.2)
        case 2: l = (0, 0, l.0, l.1)
        case 3: l = (0, 0, 0, l.0)
        default: break
        }
        if bits == 0 { return UInt256(w0: l.0, w1: l.1, w2: l.2, w3: l.3) }
        let back = 64 - bits
        return UInt256(w0: l.0 << bits,
                       w1: l.1 << bits | l.0 >> back,
                       w2: l.2 << bits | l.1 >> back,
                       w3: l.3 << bits | l.2 >> back)
    }

    /// Logical shift right; a shift ≥ 256 gives 0. A negative count shifts left (`Int.min`
    /// included: its magnitude is clamped, not negated).
    @inlinable
    public static func >> (lhs: UInt256, rhs: Int) -> UInt256 {
        if rhs < 0 { return lhs << Int(clamping: rhs.magnitude) }
        if rhs >= 256 { return .zero }
        let limbs = rhs >> 6
        let bits = UInt64(rhs & 63)
        var l = (lhs.w0, lhs.w1, lhs.w2, lhs.w3)
        switch limbs {
        case 1: l = (l.1, l.2, l.3, 0)
        case 2: l = (l.2, l.3, 0, 0)
        case 3: l = (l.3, 0, 0, 0)
        default: break
        }
        if bits == 0 { return UInt256(w0: l.0, w1: l.1, w2: l.2, w3: l.3) }
        let back = 64 - bits
        return UInt256(w0: l.0 >> bits | l.1 << back,
                       w1: l.1 >> bits | l.2 << back,
                       w2: l.2 >> bits | l.3 << back,
                       w3: l.3 >> bits)
    }

    @inlinable
    public static func <<= (lhs: inout UInt256, rhs: Int) { lhs = lhs << rhs }

    @inlinable
    public static func >>= (lhs: inout UInt256, rhs: Int) { lhs = lhs >> rhs }

    @inlinable
    public static func &= (lhs: inout UInt256, rhs: UInt256) { lhs = lhs & rhs }

    @inlinable
    public static func |= (lhs: inout UInt256, rhs: UInt256) { lhs = lhs | rhs }

    @inlinable
    public static func ^= (lhs: inout UInt256, rhs: UInt256) { lhs = lhs ^ rhs }

    /// The number of zero bits above the most significant one bit (256 for zero).
    @inlinable
    public var leadingZeroBitCount: Int {
        if w3 != 0 { return w3.leadingZeroBitCount }
        if w2 != 0 { return 64 + w2.leadingZeroBitCount }
        if w1 != 0 { return 128 + w1.leadingZeroBitCount }
        return 192 + w0.leadingZeroBitCount
    }

    /// The number of zero bits below the least significant one bit (256 for zero).
    @inlinable
    public var trailingZeroBitCount: Int {
        if w0 != 0 { return w0.trailingZeroBitCount }
        if w1 != 0 { return 64 + w1.trailingZeroBitCount }
        if w2 != 0 { return 128 + w2.trailingZeroBitCount }
        return 192 + w3.trailingZeroBitCount
    }

    /// The number of one bits.
    @inlinable
    public var nonzeroBitCount: Int {
        w0.nonzeroBitCount + w1.nonzeroBitCount + w2.nonzeroBitCount + w3.nonzeroBitCount
    }

    /// The number of bits needed to write the value (0 for zero): `256 − leadingZeroBitCount`.
    @inlinable
    public var bitLength: Int { 256 - leadingZeroBitCount }
}
