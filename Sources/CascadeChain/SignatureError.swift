/// Why a signature could not be built, produced, or used for public-key recovery.
///
/// Each description states what was expected and what was found.
public enum SignatureError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A message digest was not 32 bytes long.
    case invalidDigestLength(found: Int)
    /// The signature's r was not 32 bytes long.
    case invalidRLength(found: Int)
    /// The signature's s was not 32 bytes long.
    case invalidSLength(found: Int)
    /// The signature's r (shown as `0x`-prefixed hex) was 0 or at least the curve order n.
    case rOutOfRange(found: String)
    /// The signature's s (shown as `0x`-prefixed hex) was 0 or at least the curve order n.
    case sOutOfRange(found: String)
    /// The recovery id was not 0 or 1.
    case invalidRecoveryID(found: UInt8)
    /// The signature's s (shown as `0x`-prefixed hex) was above n/2, which Ethereum forbids since Homestead (EIP-2).
    case highS(found: String)
    /// No public key recovers from this signature and digest.
    case recoveryFailed

    public var description: String {
        switch self {
        case .invalidDigestLength(let found):
            "message digest must be 32 bytes, found \(found)"
        case .invalidRLength(let found):
            "signature r must be 32 bytes, found \(found)"
        case .invalidSLength(let found):
            "signature s must be 32 bytes, found \(found)"
        case .rOutOfRange(let found):
            "signature r must be in [1, n − 1], found \(found)"
        case .sOutOfRange(let found):
            "signature s must be in [1, n − 1], found \(found)"
        case .invalidRecoveryID(let found):
            "recovery id must be 0 or 1 (the y-parity, not Ethereum's v), found \(found)"
        case .highS(let found):
            "signature s must be at most n/2 (low-S rule, EIP-2), found \(found)"
        case .recoveryFailed:
            "public key recovery failed: expected r to be the x-coordinate of a curve point "
                + "yielding a valid key for this digest, found none"
        }
    }
}
