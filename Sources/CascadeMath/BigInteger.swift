import CGMP

/// An arbitrary-precision signed integer on GMP's `mpz`, for ledgers, aggregates, invariant
/// sums and decimal input/output of any size — never on a per-call hot path (each value owns a
/// heap-allocated limb array).
///
/// A value type: the `mpz_t` lives in a `final class` box and is copied on write, so copies
/// never share or double-free GMP's limb pointer.
///
/// ```swift
/// var supply = BigInteger.zero
/// for balance in balances { supply += BigInteger(balance) }
/// ```
public struct BigInteger: @unchecked Sendable {
    /// Owns one initialised `mpz_t` at a stable address and clears it on deinit. GMP is handed
    /// the pointer itself, so an operation may name the same number twice (`a * a`) without
    /// two overlapping Swift accesses to one property.
    @usableFromInline
    final class Box {
        @usableFromInline let value: UnsafeMutablePointer<__mpz_struct>

        @usableFromInline init() {
            value = .allocate(capacity: 1)
            cgmp_mpz_init(value)
        }

        @usableFromInline init(copying other: Box) {
            value = .allocate(capacity: 1)
            cgmp_mpz_init(value)
            cgmp_mpz_set(value, other.value)
        }

        deinit {
            cgmp_mpz_clear(value)
            value.deallocate()
        }
    }

    @usableFromInline var box: Box

    /// Zero.
    public init() { box = Box() }

    /// Makes the box unique before a mutation (copy on write).
    @usableFromInline
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&box) { box = Box(copying: box) }
    }

    /// A new value computed by `body` into a fresh `mpz`.
    @usableFromInline
    static func make(_ body: (UnsafeMutablePointer<__mpz_struct>) -> Void) -> BigInteger {
        let result = BigInteger()
        body(result.box.value)
        return result
    }

    /// 0.
    public static var zero: BigInteger { BigInteger() }

    /// Converts a 64-bit signed value.
    public init(_ value: Int) {
        box = Box()
        cgmp_mpz_set_si(box.value, value)
    }

    /// Converts an unsigned 256-bit value exactly.
    public init(_ value: UInt256) {
        box = Box()
        var limbs = (value.w0, value.w1, value.w2, value.w3)
        withUnsafePointer(to: &limbs) { pointer in
            pointer.withMemoryRebound(to: UInt64.self, capacity: 4) { cgmp_mpz_import_limbs(box.value, 4, $0) }
        }
    }

    /// Converts a signed 256-bit value exactly.
    public init(_ value: Int256) {
        self.init(value.magnitude)
        if value.isNegative { cgmp_mpz_neg(box.value, box.value) }
    }

    /// Parses an optional sign followed by decimal digits (any length); `nil` when malformed.
    public init?(_ text: String) {
        var body = Substring(text)
        var negative = false
        if let first = body.first, first == "-" || first == "+" {
            negative = first == "-"
            body = body.dropFirst()
        }
        guard !body.isEmpty, body.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        box = Box()
        let status = String(body).withCString { cgmp_mpz_set_str(box.value, $0, 10) }
        guard status == 0 else { return nil }
        if negative { cgmp_mpz_neg(box.value, box.value) }
    }

    /// −1, 0 or 1.
    public var signum: Int { Int(cgmp_mpz_sgn(box.value)) }

    /// `true` when the value is below zero.
    public var isNegative: Bool { signum < 0 }

    /// The value as `UInt256` when it is in [0, 2²⁵⁶ − 1], else `nil`.
    public var uint256Value: UInt256? {
        guard signum >= 0, cgmp_mpz_size(box.value) <= 4 else { return nil }
        let limb = { (i: Int) in UInt64(cgmp_mpz_getlimbn(self.box.value, i)) }
        return UInt256(w0: limb(0), w1: limb(1), w2: limb(2), w3: limb(3))
    }

    /// The value as `Int256` when it is in [−2²⁵⁵, 2²⁵⁵ − 1], else `nil`.
    public var int256Value: Int256? {
        guard let magnitude = self.magnitude.uint256Value else { return nil }
        return Int256(negative: isNegative, magnitude: magnitude)
    }

    /// |self|.
    public var magnitude: BigInteger {
        BigInteger.make { cgmp_mpz_abs($0, box.value) }
    }

    /// The nearest `Double` toward zero (GMP's `mpz_get_d`). Lossy: for reports and statistics only.
    public var doubleValue: Double { cgmp_mpz_get_d(box.value) }

    /// `self ** exponent`.
    public func power(_ exponent: UInt) -> BigInteger {
        BigInteger.make { cgmp_mpz_pow_ui($0, box.value, exponent) }
    }

    /// Quotient truncated toward zero and remainder with the dividend's sign; throws
    /// ``Revert/divisionByZero`` for a zero divisor (GMP itself would abort).
    public func quotientAndRemainder(dividingBy divisor: BigInteger) throws(Revert) -> (quotient: BigInteger, remainder: BigInteger) {
        if divisor.signum == 0 { throw .divisionByZero }
        let q = BigInteger(), r = BigInteger()
        cgmp_mpz_tdiv_qr(q.box.value, r.box.value, box.value, divisor.box.value)
        return (q, r)
    }

    /// Floor quotient (toward −∞) and the matching non-negative-divisor remainder.
    public func flooredQuotientAndRemainder(dividingBy divisor: BigInteger) throws(Revert) -> (quotient: BigInteger, remainder: BigInteger) {
        if divisor.signum == 0 { throw .divisionByZero }
        let q = BigInteger(), r = BigInteger()
        cgmp_mpz_fdiv_qr(q.box.value, r.box.value, box.value, divisor.box.value)
        return (q, r)
    }
}

// MARK: - Arithmetic

extension BigInteger {
    public static func + (lhs: BigInteger, rhs: BigInteger) -> BigInteger {
        make { cgmp_mpz_add($0, lhs.box.value, rhs.box.value) }
    }

    public static func - (lhs: BigInteger, rhs: BigInteger) -> BigInteger {
        make { cgmp_mpz_sub($0, lhs.box.value, rhs.box.value) }
    }

    public static func * (lhs: BigInteger, rhs: BigInteger) -> BigInteger {
        make { cgmp_mpz_mul($0, lhs.box.value, rhs.box.value) }
    }

    public static prefix func - (value: BigInteger) -> BigInteger {
        make { cgmp_mpz_neg($0, value.box.value) }
    }

    /// Truncating division; throws ``Revert/divisionByZero``.
    public static func / (lhs: BigInteger, rhs: BigInteger) throws(Revert) -> BigInteger {
        try lhs.quotientAndRemainder(dividingBy: rhs).quotient
    }

    /// Remainder with the dividend's sign; throws ``Revert/divisionByZero``.
    public static func % (lhs: BigInteger, rhs: BigInteger) throws(Revert) -> BigInteger {
        try lhs.quotientAndRemainder(dividingBy: rhs).remainder
    }

    /// In-place addition, reusing this value's limbs when it is uniquely owned.
    public static func += (lhs: inout BigInteger, rhs: BigInteger) {
        lhs.makeUnique()
        cgmp_mpz_add(lhs.box.value, lhs.box.value, rhs.box.value)
    }

    /// In-place subtraction, reusing this value's limbs when it is uniquely owned.
    public static func -= (lhs: inout BigInteger, rhs: BigInteger) {
        lhs.makeUnique()
        cgmp_mpz_sub(lhs.box.value, lhs.box.value, rhs.box.value)
    }

    /// In-place multiplication.
    public static func *= (lhs: inout BigInteger, rhs: BigInteger) {
        lhs.makeUnique()
        cgmp_mpz_mul(lhs.box.value, lhs.box.value, rhs.box.value)
    }

    /// `self · 2^bits` (negative `bits` shifts right, rounding toward −∞).
    public static func << (lhs: BigInteger, bits: Int) -> BigInteger {
        if bits >= 0 { return make { cgmp_mpz_mul_2exp($0, lhs.box.value, mp_bitcnt_t(bits)) } }
        return make { cgmp_mpz_fdiv_q_2exp($0, lhs.box.value, mp_bitcnt_t(-bits)) }
    }
}

// MARK: - Comparison, hashing, text

extension BigInteger: Comparable, Hashable {
    public static func == (lhs: BigInteger, rhs: BigInteger) -> Bool {
        cgmp_mpz_cmp(lhs.box.value, rhs.box.value) == 0
    }

    public static func < (lhs: BigInteger, rhs: BigInteger) -> Bool {
        cgmp_mpz_cmp(lhs.box.value, rhs.box.value) < 0
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(description)
    }
}

extension BigInteger: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}

extension BigInteger: CustomStringConvertible {
    /// Decimal digits with a leading `-` when negative.
    public var description: String {
        let size = cgmp_mpz_sizeinbase(box.value, 10) + 2
        var buffer = [CChar](repeating: 0, count: size)
        buffer.withUnsafeMutableBufferPointer { _ = cgmp_mpz_get_str($0.baseAddress, 10, box.value) }
        let digits = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: digits, as: UTF8.self)
    }
}

extension BigInteger: Codable {
    /// Decodes from a decimal string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = BigInteger(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected an integer as a decimal string, found \"\(text)\"")
        }
        self = value
    }

    /// Encodes as a decimal string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
