/// Why bytes or text could not be turned into a `PrivateKey` or `PublicKey`.
///
/// Each description states what was expected and what was found. Descriptions never repeat a
/// private key's bytes, so they are safe to log.
public enum KeyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A private key was not 32 bytes long.
    case invalidPrivateKeyLength(found: Int)
    /// A private key was the scalar 0.
    case privateKeyIsZero
    /// A private key was n or larger, where n is the secp256k1 curve order.
    case privateKeyNotBelowCurveOrder
    /// Private-key hex did not have 64 digits after its optional `0x`.
    case invalidHexLength(found: Int)
    /// Private-key hex had a character other than 0-9, a-f, A-F at this 0-based digit position (after any `0x`).
    case invalidHexDigit(position: Int)
    /// An uncompressed public key was neither 64 bytes (X‖Y) nor 65 bytes (0x04‖X‖Y).
    case invalidUncompressedLength(found: Int)
    /// A 65-byte uncompressed public key did not start with 0x04.
    case invalidUncompressedPrefix(found: UInt8)
    /// A compressed public key was not 33 bytes long.
    case invalidCompressedLength(found: Int)
    /// A compressed public key did not start with 0x02 or 0x03.
    case invalidCompressedPrefix(found: UInt8)
    /// Public-key coordinates did not describe a point on the curve.
    case publicKeyNotOnCurve

    public var description: String {
        switch self {
        case .invalidPrivateKeyLength(let found):
            "private key must be 32 bytes, found \(found)"
        case .privateKeyIsZero:
            "private key is zero; expected a scalar in [1, n − 1]"
        case .privateKeyNotBelowCurveOrder:
            "private key is not below the curve order n; expected a scalar in [1, n − 1]"
        case .invalidHexLength(let found):
            "private key hex must have 64 digits after an optional 0x, found \(found)"
        case .invalidHexDigit(let position):
            "private key hex must contain only 0-9, a-f, A-F, found another character at digit \(position)"
        case .invalidUncompressedLength(let found):
            "uncompressed public key must be 64 bytes (X‖Y) or 65 bytes (0x04‖X‖Y), found \(found)"
        case .invalidUncompressedPrefix(let found):
            "uncompressed public key must start with 0x04, found \(hexByte(found))"
        case .invalidCompressedLength(let found):
            "compressed public key must be 33 bytes, found \(found)"
        case .invalidCompressedPrefix(let found):
            "compressed public key must start with 0x02 or 0x03, found \(hexByte(found))"
        case .publicKeyNotOnCurve:
            "public key is not a secp256k1 point; expected coordinates below p with y² = x³ + 7"
        }
    }

    private func hexByte(_ byte: UInt8) -> String {
        Hex.encode([byte])
    }
}
