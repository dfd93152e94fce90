/// A signed 256-bit integer in two's complement: Solidity's `int256` (Maker's `vat` uses it
/// for `dink`/`dart`).
///
/// Like ``UInt256``, the operators `+ - * / %`, unary `-` and ``power(_:)`` are *checked* and
/// throw ``Revert`` exactly where Solidity ≥ 0.8 reverts; `&+ &- &*` wrap modulo 2²⁵⁶.
/// Division truncates toward zero and the remainder takes the dividend's sign, as in Solidity.
@frozen
public struct Int256: Sendable, Hashable {
    /// The two's-complement bit pattern.
    public var bitPattern: UInt256

    /// Reinterprets a bit pattern (Solidity's `int256(uint256)` conversion, which never reverts).
    @inlinable @inline(__always)
    public init(bitPattern: UInt256) {
        self.bitPattern = bitPattern
    }

    /// Zero.
    @inlinable
    public init() { bitPattern = .zero }

    /// Widens a 64-bit signed value.
    @inlinable
    public init(_ value: Int64) {
        let fill: UInt64 = value < 0 ? .max : 0
        bitPattern = UInt256(w0: UInt64(bitPattern: value), w1: fill, w2: fill, w3: fill)
    }

    /// Converts an unsigned value, or `nil` when it exceeds `Int256.max` (as `SafeCast.toInt256`).
    @inlinable
    public init?(exactly value: UInt256) {
        guard value.w3 >> 63 == 0 else { return nil }
        bitPattern = value
    }

    /// 0.
    @inlinable public static var zero: Int256 { Int256() }
    /// 2²⁵⁵ − 1, Solidity's `type(int256).max`.
    @inlinable public static var max: Int256 { Int256(bitPattern: UInt256(w0: .max, w1: .max, w2: .max, w3: UInt64(Int64.max))) }
    /// −2²⁵⁵, Solidity's `type(int256).min`.
    @inlinable public static var min: Int256 { Int256(bitPattern: UInt256(w0: 0, w1: 0, w2: 0, w3: 1 << 63)) }

    /// `true` when the value is below zero.
    @inlinable @inline(__always)
    public var isNegative: Bool { bitPattern.w3 >> 63 == 1 }

    /// `true` when the value is zero.
    @inlinable @inline(__always)
    public var isZero: Bool { bitPattern.isZero }

    /// −1, 0 or 1.
    @inlinable
    public var signum: Int { isNegative ? -1 : (isZero ? 0 : 1) }

    /// |self| as an unsigned value (exact even for `Int256.min`, whose magnitude is 2²⁵⁵).
    @inlinable
    public var magnitude: UInt256 {
        isNegative ? (~bitPattern &+ .one) : bitPattern
    }

    /// The value as `UInt256` when it is non-negative, else `nil`.
    @inlinable
    public var uint256Value: UInt256? { isNegative ? nil : bitPattern }

    /// The value with the given sign and magnitude, or `nil` when it does not fit.
    @inlinable
    public init?(negative: Bool, magnitude: UInt256) {
        if negative {
            guard magnitude <= Int256.min.bitPattern else { return nil }
            bitPattern = ~magnitude &+ .one
        } else {
            guard magnitude.w3 >> 63 == 0 else { return nil }
            bitPattern = magnitude
        }
    }
}

// MARK: - Comparison

extension Int256: Comparable {
    @inlinable
    public static func < (lhs: Int256, rhs: Int256) -> Bool {
        let ln = lhs.isNegative, rn = rhs.isNegative
        if ln != rn { return ln }
        return lhs.bitPattern < rhs.bitPattern
    }
}

// MARK: - Literals and text

extension Int256: ExpressibleByIntegerLiteral {
    /// Creates a value from an integer literal in [−2²⁵⁵, 2²⁵⁵ − 1]; out of range traps.
    @inlinable
    public init(integerLiteral value: StaticBigInt) {
        precondition(value.bitWidth <= 256, "Int256 literal does not fit in 256 bits")
        bitPattern = UInt256(w0: UInt64(value[0]), w1: UInt64(value[1]), w2: UInt64(value[2]), w3: UInt64(value[3]))
    }
}

extension Int256: CustomStringConvertible, LosslessStringConvertible {
    /// Decimal digits with a leading `-` when negative.
    public var description: String {
        isNegative ? "-" + magnitude.decimalString : bitPattern.decimalString
    }

    /// Parses an optional `-` or `+` followed by decimal digits; `nil` when malformed or out of range.
    public init?(_ description: String) {
        var digits = Substring(description)
        var negative = false
        if let first = digits.first, first == "-" || first == "+" {
            negative = first == "-"
            digits = digits.dropFirst()
        }
        guard let magnitude = UInt256(decimal: digits) else { return nil }
        self.init(negative: negative, magnitude: magnitude)
    }

    /// The nearest `Double`. Lossy: for reports and charts only.
    public var doubleValue: Double {
        isNegative ? -magnitude.doubleValue : bitPattern.doubleValue
    }
}

extension Int256: Codable {
    /// Decodes from a decimal string with an optional sign.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Int256(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected an int256 as a decimal string, found \"\(text)\"")
        }
        self = value
    }

    /// Encodes as a decimal string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
