// Text, byte and floating-point conversions of UInt256.

extension UInt256: CustomStringConvertible, LosslessStringConvertible {
    /// The decimal digits of the value, e.g. `"1000000000000000000"`.
    public var description: String { decimalString }

    /// Parses decimal digits (no sign, no separators, no prefix); `nil` when malformed or ≥ 2²⁵⁶.
    /// See ``AmountParser`` for human inputs with units, separators and located errors.
    public init?(_ description: String) {
        self.init(decimal: description)
    }

    /// Parses decimal digits; `nil` when empty, when any character is not 0–9, or when ≥ 2²⁵⁶.
    @inlinable
    public init?(decimal text: some StringProtocol) {
        var value = UInt256.zero
        var chunk: UInt64 = 0
        var chunkDigits = 0
        var any = false
        for byte in text.utf8 {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            any = true
            chunk = chunk &* 10 &+ UInt64(byte &- 0x30)
            chunkDigits += 1
            if chunkDigits == 19 {
                guard let next = value.appendingDecimalChunk(chunk, digits: 19) else { return nil }
                value = next
                chunk = 0
                chunkDigits = 0
            }
        }
        guard any else { return nil }
        if chunkDigits > 0 {
            guard let next = value.appendingDecimalChunk(chunk, digits: chunkDigits) else { return nil }
            value = next
        }
        self = value
    }

    /// `self · 10^digits + chunk`, or `nil` on overflow.
    @usableFromInline
    func appendingDecimalChunk(_ chunk: UInt64, digits: Int) -> UInt256? {
        var scale: UInt64 = 1
        for _ in 0..<digits { scale &*= 10 }
        let (shifted, o1) = multipliedReportingOverflow(by: UInt256(scale))
        let (sum, o2) = shifted.addingReportingOverflow(UInt256(chunk))
        return o1 || o2 ? nil : sum
    }

    /// Parses hexadecimal digits with an optional `0x`/`0X` prefix (either case, leading zeros
    /// allowed); `nil` when empty, malformed or ≥ 2²⁵⁶.
    public init?(hex text: some StringProtocol) {
        var utf8 = Substring(text).utf8[...]
        if utf8.count >= 2, utf8.first == 0x30, utf8.dropFirst().first == 0x78 || utf8.dropFirst().first == 0x58 {
            utf8 = utf8.dropFirst(2)
        }
        guard !utf8.isEmpty else { return nil }
        var value = UInt256.zero
        for byte in utf8 {
            let nibble: UInt64
            switch byte {
            case 0x30...0x39: nibble = UInt64(byte - 0x30)
            case 0x61...0x66: nibble = UInt64(byte - 0x61 + 10)
            case 0x41...0x46: nibble = UInt64(byte - 0x41 + 10)
            default: return nil
            }
            guard value.w3 >> 60 == 0 else { return nil }
            value = value << 4
            value.w0 |= nibble
        }
        self = value
    }

    /// The value in decimal.
    public var decimalString: String {
        if let small = uint64Value { return String(small) }
        // At most 78 digits; fill a stack buffer from the end, 19 digits per reciprocal division.
        return String(unsafeUninitializedCapacity: 78) { buffer in
            var end = 78
            var rest = self
            while !rest.isZero {
                let (q, r) = rest.quotientAndRemainder(dividingBy: LimbDivisor.e19)
                var chunk = r
                let chunkEnd = end - 19
                while end > chunkEnd, chunk != 0 || !q.isZero {
                    end -= 1
                    buffer[end] = UInt8(ascii: "0") + UInt8(chunk % 10)
                    chunk /= 10
                }
                rest = q
            }
            let count = 78 - end
            for i in 0..<count { buffer[i] = buffer[end + i] }
            return count
        }
    }

    /// The value in lowercase hexadecimal with a `0x` prefix and no leading zeros (`0x0` for zero).
    public var hexString: String {
        if isZero { return "0x0" }
        var text = "0x"
        var started = false
        for limb in [w3, w2, w1, w0] {
            if started {
                let digits = String(limb, radix: 16)
                text += String(repeating: "0", count: 16 - digits.count) + digits
            } else if limb != 0 {
                text += String(limb, radix: 16)
                started = true
            }
        }
        return text
    }
}

extension UInt256 {
    /// Reads a big-endian byte string of at most 32 bytes (shorter inputs are left-padded
    /// with zeros, as in ABI words and RLP integers); `nil` when longer than 32 bytes.
    @inlinable
    public init?<Bytes: Collection>(bigEndian bytes: Bytes) where Bytes.Element == UInt8 {
        guard bytes.count <= 32 else { return nil }
        var value = UInt256.zero
        for byte in bytes {
            value = value << 8
            value.w0 |= UInt64(byte)
        }
        self = value
    }

    /// The 32-byte big-endian representation (an ABI word).
    @inlinable
    public var bigEndianBytes: [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        for (i, limb) in [w3, w2, w1, w0].enumerated() {
            for j in 0..<8 { out[i * 8 + j] = UInt8(truncatingIfNeeded: limb >> (56 - 8 * UInt64(j))) }
        }
        return out
    }

    /// The shortest big-endian representation: no leading zero bytes, empty for zero (RLP's
    /// canonical integer form).
    @inlinable
    public var minimalBigEndianBytes: [UInt8] {
        Array(bigEndianBytes.drop(while: { $0 == 0 }))
    }
}

extension UInt256 {
    /// The nearest `Double` (round to nearest, ties to even). Lossy above 2⁵³: for reports and
    /// charts only, never for balances.
    public var doubleValue: Double {
        if let small = uint64Value { return Double(small) }
        let lz = leadingZeroBitCount
        let normalized = self << lz
        // Keep the top 64 bits; fold every lower bit into a sticky bit so rounding is correct.
        let sticky: UInt64 = (normalized.w0 | normalized.w1 | normalized.w2) != 0 ? 1 : 0
        let top = normalized.w3 | sticky
        return Double(sign: .plus, exponent: 256 - lz - 64, significand: Double(top))
    }

    /// Converts a finite, non-negative `Double`, truncating any fraction toward zero (lossy, for
    /// model inputs only); `nil` for NaN, infinities, negative values and values ≥ 2²⁵⁶.
    public init?(truncating value: Double) {
        guard value.isFinite, value >= 0, value < 0x1p256 else { return nil }
        let integral = value.rounded(.towardZero)
        if integral < 0x1p64 {
            self.init(UInt64(integral))
            return
        }
        // integral = significand · 2^exponent with a 53-bit significand.
        let exponent = Int(integral.exponent) - 52
        let significand = UInt64(integral.significandBitPattern) | (1 << 52)
        self = UInt256(significand) << exponent
    }
}

extension UInt256: Codable {
    /// Decodes from a decimal string (JSON numbers cannot carry 256 bits exactly).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = UInt256(decimal: text) ?? (text.hasPrefix("0x") ? UInt256(hex: text) : nil) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a uint256 as a decimal or 0x-hex string, found \"\(text)\"")
        }
        self = value
    }

    /// Encodes as a decimal string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(decimalString)
    }
}
