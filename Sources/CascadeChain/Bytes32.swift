import CascadeMath

/// A 32-byte value, Solidity's `bytes32`, stored inline (no heap allocation).
///
/// Maker names its collateral types (`ilk`s) with `bytes32` values holding ASCII text
/// right-padded with zero bytes, as Solidity's `bytes32("ETH-A")` does:
/// ```swift
/// let ilk = Bytes32(ascii: "ETH-A")!   // 0x4554482d41000000…00
/// ilk.asciiText                        // "ETH-A"
/// ```
@frozen
public struct Bytes32: Sendable, Hashable, CustomStringConvertible {
    /// The 32 bytes read as a big-endian 256-bit integer: byte 0 is the top byte of `word`.
    public let word: UInt256

    /// The value whose big-endian bytes are those of `word`.
    @inlinable
    public init(word: UInt256) {
        self.word = word
    }

    /// Thirty-two zero bytes.
    @inlinable
    public static var zero: Bytes32 { Bytes32(word: UInt256(w0: 0, w1: 0, w2: 0, w3: 0)) }

    /// Reads exactly 32 bytes; `nil` for any other count.
    @inlinable
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 32, let word = UInt256(bigEndian: bytes) else { return nil }
        self.word = word
    }

    /// Parses exactly 64 hex digits (either case), with or without a `0x` prefix; `nil` otherwise.
    public init?(hex text: some StringProtocol) {
        var digits = Substring(text)
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") { digits = digits.dropFirst(2) }
        guard digits.utf8.count == 64, let word = UInt256(hex: digits) else { return nil }
        self.word = word
    }

    /// ASCII `text` right-padded with zero bytes, as Solidity's `bytes32("ETH-A")`; `nil` when
    /// the text is longer than 32 bytes or contains a non-ASCII character.
    ///
    /// The empty string gives ``zero``.
    public init?(ascii text: String) {
        let utf8 = text.utf8
        guard utf8.count <= 32, utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var word = UInt256(w0: 0, w1: 0, w2: 0, w3: 0)
        for (index, byte) in utf8.enumerated() {
            word = word | (UInt256(UInt64(byte)) << (8 * (31 - index)))
        }
        self.word = word
    }

    /// The 32 bytes, big-endian (byte 0 first).
    public var bytes: [UInt8] { word.bigEndianBytes }

    /// The byte at `index` (`0..<32`), counting from the start.
    @inlinable
    public subscript(index: Int) -> UInt8 {
        precondition((0..<32).contains(index), "Bytes32 index \(index) out of range 0..<32")
        return UInt8(truncatingIfNeeded: word[limb: 3 - index / 8] >> (56 - 8 * UInt64(index % 8)))
    }

    /// The text of a Maker-style name: the bytes before the zero padding, when they are all
    /// printable ASCII (0x20…0x7e) and every byte after them is zero; `nil` otherwise (and for
    /// ``zero``, which names nothing).
    public var asciiText: String? {
        let bytes = bytes
        let length = bytes.firstIndex(of: 0) ?? 32
        guard length > 0,
              bytes[..<length].allSatisfy({ (0x20...0x7e).contains($0) }),
              bytes[length...].allSatisfy({ $0 == 0 })
        else { return nil }
        return String(decoding: bytes[..<length], as: UTF8.self)
    }

    /// The 64 lowercase hex digits, without a `0x` prefix.
    public var hex: String { Hex.encode(bytes, prefix: false) }

    /// `0x` followed by the 64 lowercase hex digits.
    public var description: String { "0x" + hex }
}

extension Bytes32 {
    /// Hashes the word with ``CascadeMath/UInt256``'s one-word mix (ilk names key Maker's tables).
    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(word.mixedHash(seed: 0))
    }

    /// The hash `Dictionary` and `Set` use: the mix alone, without SipHash's finalisation.
    @inlinable
    public func _rawHashValue(seed: Int) -> Int {
        Int(truncatingIfNeeded: word.mixedHash(seed: UInt64(bitPattern: Int64(seed))))
    }
}
