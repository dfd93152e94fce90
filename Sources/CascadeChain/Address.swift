import CascadeMath

/// A 20-byte Ethereum account address, stored inline (no heap allocation).
///
/// Printed with the EIP-55 mixed-case checksum; parsed from 40 hex digits (with or without
/// `0x`), where a mixed-case input must carry a valid checksum.
@frozen
public struct Address: Sendable, Hashable, Comparable {
    /// Bytes 0…7, 8…15 and 16…19 of the address, big-endian.
    public let high: UInt64
    public let middle: UInt64
    public let low: UInt32

    /// The zero address `0x0000…0000`.
    public static let zero = Address(high: 0, middle: 0, low: 0)

    @inlinable
    init(high: UInt64, middle: UInt64, low: UInt32) {
        self.high = high
        self.middle = middle
        self.low = low
    }

    /// Reads exactly 20 big-endian bytes; `nil` for any other length.
    @inlinable
    public init?<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
        guard bytes.count == 20 else { return nil }
        var h: UInt64 = 0, m: UInt64 = 0, l: UInt32 = 0
        for (i, byte) in bytes.enumerated() {
            switch i {
            case 0..<8: h = h << 8 | UInt64(byte)
            case 8..<16: m = m << 8 | UInt64(byte)
            default: l = l << 8 | UInt32(byte)
            }
        }
        self.init(high: h, middle: m, low: l)
    }

    /// The address as the low 160 bits of a uint256 (as ABI-encoded and as Solidity's
    /// `uint160(address)`).
    @inlinable
    public init(truncating word: UInt256) {
        self.init(high: word.w2 << 32 | word.w1 >> 32, middle: word.w1 << 32 | word.w0 >> 32, low: UInt32(truncatingIfNeeded: word.w0))
    }

    /// The address widened to a uint256.
    @inlinable
    public var word: UInt256 {
        UInt256(w0: middle << 32 | UInt64(low), w1: high << 32 | middle >> 32, w2: high >> 32, w3: 0)
    }

    /// The 20 big-endian bytes.
    public var bytes: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(20)
        for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: high >> (56 - 8 * UInt64(i)))) }
        for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: middle >> (56 - 8 * UInt64(i)))) }
        for i in 0..<4 { out.append(UInt8(truncatingIfNeeded: low >> (24 - 8 * UInt32(i)))) }
        return out
    }

    /// 40 lowercase hex digits without prefix.
    public var lowercaseHex: String {
        Hex.encode(bytes, prefix: false)
    }

    @inlinable
    public static func < (lhs: Address, rhs: Address) -> Bool {
        (lhs.high, lhs.middle, lhs.low) < (rhs.high, rhs.middle, rhs.low)
    }
}
