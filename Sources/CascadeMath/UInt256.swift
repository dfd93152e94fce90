/// An unsigned 256-bit integer: Solidity's `uint256`.
///
/// Four 64-bit limbs, least significant first, stored inline (32 bytes, no heap allocation).
///
/// Arithmetic comes in two flavours:
/// - the ordinary operators `+ - * / %` and ``power(_:)`` are *checked* and throw ``Revert``
///   exactly where Solidity ≥ 0.8 reverts (overflow, underflow, division by zero);
/// - the wrapping operators `&+ &- &*` compute modulo 2²⁵⁶, as the EVM does.
///
/// ```swift
/// let wad: UInt256 = 1_000_000_000_000_000_000
/// let twice = try wad * 2           // 2e18
/// let wrapped = UInt256.max &+ 1    // 0
/// ```
@frozen
public struct UInt256: Sendable, Hashable {
    /// Limbs, least significant first: value = w0 + w1·2⁶⁴ + w2·2¹²⁸ + w3·2¹⁹².
    public var w0: UInt64
    public var w1: UInt64
    public var w2: UInt64
    public var w3: UInt64

    /// Creates a value from its four limbs, least significant first.
    @inlinable @inline(__always)
    public init(w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64) {
        self.w0 = w0
        self.w1 = w1
        self.w2 = w2
        self.w3 = w3
    }

    /// Zero.
    @inlinable @inline(__always)
    public init() {
        self.init(w0: 0, w1: 0, w2: 0, w3: 0)
    }

    /// Widens a 64-bit value.
    @inlinable @inline(__always)
    public init(_ value: UInt64) {
        self.init(w0: value, w1: 0, w2: 0, w3: 0)
    }

    /// Widens a 128-bit value.
    @inlinable @inline(__always)
    public init(_ value: UInt128) {
        self.init(w0: UInt64(truncatingIfNeeded: value), w1: UInt64(truncatingIfNeeded: value >> 64), w2: 0, w3: 0)
    }

    /// Converts any binary integer exactly, or `nil` when it is negative or needs more than 256 bits.
    @inlinable
    public init?<T: BinaryInteger>(exactly value: T) {
        guard value >= 0 else { return nil }
        var rest = value
        let l0 = UInt64(truncatingIfNeeded: rest); rest >>= 64
        let l1 = UInt64(truncatingIfNeeded: rest); rest >>= 64
        let l2 = UInt64(truncatingIfNeeded: rest); rest >>= 64
        let l3 = UInt64(truncatingIfNeeded: rest); rest >>= 64
        guard rest == 0 else { return nil }
        self.init(w0: l0, w1: l1, w2: l2, w3: l3)
    }

    /// The limb at `index` (0 = least significant).
    @inlinable @inline(__always)
    public subscript(limb index: Int) -> UInt64 {
        switch index {
        case 0: w0
        case 1: w1
        case 2: w2
        default: w3
        }
    }

    // Constants are computed properties so that they fold into the caller: a `static let`
    // would be read through a lazy-initialisation check on every use.

    /// 0.
    @inlinable public static var zero: UInt256 { UInt256() }
    /// 1.
    @inlinable public static var one: UInt256 { UInt256(w0: 1, w1: 0, w2: 0, w3: 0) }
    /// 2²⁵⁶ − 1, Solidity's `type(uint256).max`.
    @inlinable public static var max: UInt256 { UInt256(w0: .max, w1: .max, w2: .max, w3: .max) }
    /// 0, Solidity's `type(uint256).min`.
    @inlinable public static var min: UInt256 { UInt256() }
    /// The width in bits: 256.
    @inlinable public static var bitWidth: Int { 256 }

    /// `true` when the value is zero.
    @inlinable @inline(__always)
    public var isZero: Bool { (w0 | w1 | w2 | w3) == 0 }

    /// The number of significant limbs (0 for zero).
    @inlinable
    public var significantLimbCount: Int {
        if w3 != 0 { return 4 }
        if w2 != 0 { return 3 }
        if w1 != 0 { return 2 }
        return w0 != 0 ? 1 : 0
    }

    /// The value as `UInt64` when it fits, else `nil`.
    @inlinable
    public var uint64Value: UInt64? { (w1 | w2 | w3) == 0 ? w0 : nil }

    /// The value as `UInt128` when it fits, else `nil`.
    @inlinable
    public var uint128Value: UInt128? { (w2 | w3) == 0 ? UInt128(w1) << 64 | UInt128(w0) : nil }
}

// MARK: - Comparison

extension UInt256: Comparable {
    @inlinable @inline(__always)
    public static func < (lhs: UInt256, rhs: UInt256) -> Bool {
        if lhs.w3 != rhs.w3 { return lhs.w3 < rhs.w3 }
        if lhs.w2 != rhs.w2 { return lhs.w2 < rhs.w2 }
        if lhs.w1 != rhs.w1 { return lhs.w1 < rhs.w1 }
        return lhs.w0 < rhs.w0
    }

    @inlinable @inline(__always)
    public static func == (lhs: UInt256, rhs: UInt256) -> Bool {
        ((lhs.w0 ^ rhs.w0) | (lhs.w1 ^ rhs.w1) | (lhs.w2 ^ rhs.w2) | (lhs.w3 ^ rhs.w3)) == 0
    }
}

// MARK: - Literals

extension UInt256: ExpressibleByIntegerLiteral {
    /// Creates a value from an integer literal of any size up to 2²⁵⁶ − 1, e.g. `1_000_000_000_000_000_000_000_000_000`.
    /// A negative or too-large literal is a programmer error and traps.
    @inlinable
    public init(integerLiteral value: StaticBigInt) {
        precondition(value.signum() >= 0, "UInt256 literal is negative")
        precondition(value.bitWidth <= 257, "UInt256 literal does not fit in 256 bits")
        self.init(w0: UInt64(value[0]), w1: UInt64(value[1]), w2: UInt64(value[2]), w3: UInt64(value[3]))
    }
}
