import CSecp256k1

/// A secp256k1 private key: a scalar k with 1 ≤ k ≤ n − 1, where n is the curve order
/// `0xffffffff_ffffffff_ffffffff_fffffffe_baaedce6_af48a03b_bfd25e8c_d0364141`.
///
/// The key is kept as its 32-byte big-endian encoding, stored inline (no heap allocation).
/// Every initializer checks the scalar with `secp256k1_ec_seckey_verify`, so any `PrivateKey`
/// value can sign. Equality and hashing compare the secret bytes.
public struct PrivateKey: Sendable, Hashable {
    /// Big-endian scalar, validated to lie in [1, n − 1].
    let secret: Secp256k1Bytes

    /// Creates a key from its 32-byte big-endian encoding.
    ///
    /// - Throws: `KeyError.invalidPrivateKeyLength` unless there are exactly 32 bytes,
    ///   `.privateKeyIsZero` for 0, and `.privateKeyNotBelowCurveOrder` for values ≥ n.
    public init(bytes: some Collection<UInt8>) throws(KeyError) {
        guard bytes.count == 32 else { throw .invalidPrivateKeyLength(found: bytes.count) }
        let secret = Secp256k1Bytes(bytes)
        let valid = secret.withBytePointer { secp256k1_ec_seckey_verify(Secp256k1Context.shared.pointer, $0) }
        guard valid == 1 else {
            throw secret.isZero ? .privateKeyIsZero : .privateKeyNotBelowCurveOrder
        }
        self.secret = secret
    }

    /// Creates a key from 64 hex digits (either case), optionally prefixed by `0x` or `0X`.
    ///
    /// - Throws: `KeyError.invalidHexDigit` or `.invalidHexLength` for malformed text, then the
    ///   same range errors as `init(bytes:)`.
    public init(hex: String) throws(KeyError) {
        var digits = hex.utf8[...]
        if digits.starts(with: "0x".utf8) || digits.starts(with: "0X".utf8) {
            digits = digits.dropFirst(2)
        }
        var nibbles: [UInt8] = []
        nibbles.reserveCapacity(64)
        for (position, character) in digits.enumerated() {
            guard let nibble = Self.nibble(character) else { throw .invalidHexDigit(position: position) }
            nibbles.append(nibble)
        }
        guard nibbles.count == 64 else { throw .invalidHexLength(found: nibbles.count) }
        try self.init(bytes: stride(from: 0, to: 64, by: 2).lazy.map { nibbles[$0] << 4 | nibbles[$0 + 1] })
    }

    /// Creates a key from 32 candidate bytes, or returns `nil` if they are not a valid key
    /// (wrong length, zero, or ≥ n). Meant for derivation schemes that hash a seed and retry
    /// with a counter until a candidate is accepted.
    public init?(candidate: some Collection<UInt8>) {
        guard let key = try? PrivateKey(bytes: candidate) else { return nil }
        self = key
    }

    /// The 32-byte big-endian encoding of the scalar (allocates an array).
    public var bytes: [UInt8] { secret.array }

    /// The public key k·G. Computed on every access (one scalar multiplication, tens of
    /// microseconds), so cache it rather than reading it repeatedly.
    public var publicKey: PublicKey {
        var point = secp256k1_pubkey()
        let created = secret.withBytePointer { secp256k1_ec_pubkey_create(Secp256k1Context.shared.pointer, &point, $0) }
        precondition(created == 1, "secp256k1_ec_pubkey_create rejected a key that passed secp256k1_ec_seckey_verify")
        return PublicKey(point)
    }

    /// The value of an ASCII hex digit, or `nil` for any other byte.
    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
