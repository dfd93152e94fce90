import CSecp256k1

/// An ECDSA signature (r, s) over secp256k1 plus the recovery id needed to recover the signer's
/// public key from the signature and digest alone, as Ethereum transactions do.
///
/// r and s are 32-byte big-endian scalars stored inline (no heap allocation); `recoveryID` is the
/// parity of the y-coordinate of the nonce point R, 0 or 1. Ethereum's `v` encodes this id
/// (27 + id for legacy signatures, 35 + 2·chainID + id under EIP-155, the id itself for typed
/// transactions); converting `v` to and from the id is the caller's job. Ids 2 and 3 (r ≥ n
/// overflow) occur with probability about 2⁻¹²⁷ and are never accepted by Ethereum, so they are
/// rejected here.
public struct RecoverableSignature: Sendable, Hashable {
    /// Big-endian r and s, each validated to lie in [1, n − 1].
    let r: Secp256k1Bytes
    let s: Secp256k1Bytes
    /// The y-parity of R: 0 or 1.
    public let recoveryID: UInt8

    /// The curve order n.
    private static let curveOrder = Secp256k1Bytes(bigEndianWords: (
        0xffff_ffff_ffff_ffff, 0xffff_ffff_ffff_fffe, 0xbaae_dce6_af48_a03b, 0xbfd2_5e8c_d036_4141))
    /// ⌊n / 2⌋, the largest s a low-S signature may have.
    private static let halfCurveOrder = Secp256k1Bytes(bigEndianWords: (
        0x7fff_ffff_ffff_ffff, 0xffff_ffff_ffff_ffff, 0x5d57_6e73_57a4_501d, 0xdfe9_2f46_681b_20a0))

    /// Creates a signature from 32-byte big-endian r and s and a recovery id.
    ///
    /// Validates everything `secp256k1_ecdsa_recoverable_signature_parse_compact` would, and more,
    /// so each failure gets its own error: 32-byte lengths, r and s in [1, n − 1] (the library
    /// accepts 0 here), and `recoveryID` ∈ {0, 1}. High-S values are accepted here (see `isLowS`)
    /// and rejected by `PublicKey.recover`.
    ///
    /// - Throws: `SignatureError.invalidRLength`, `.invalidSLength`, `.rOutOfRange`,
    ///   `.sOutOfRange`, or `.invalidRecoveryID`.
    public init(r: some Collection<UInt8>, s: some Collection<UInt8>, recoveryID: UInt8) throws(SignatureError) {
        guard r.count == 32 else { throw .invalidRLength(found: r.count) }
        guard s.count == 32 else { throw .invalidSLength(found: s.count) }
        let r = Secp256k1Bytes(r)
        let s = Secp256k1Bytes(s)
        guard !r.isZero, r < Self.curveOrder else { throw .rOutOfRange(found: r.hex) }
        guard !s.isZero, s < Self.curveOrder else { throw .sOutOfRange(found: s.hex) }
        guard recoveryID <= 1 else { throw .invalidRecoveryID(found: recoveryID) }
        (self.r, self.s, self.recoveryID) = (r, s, recoveryID)
    }

    /// Wraps a signature produced by `secp256k1_ecdsa_sign_recoverable`.
    init(_ signature: secp256k1_ecdsa_recoverable_signature) {
        var signature = signature
        var rs = (Secp256k1Bytes.zero, Secp256k1Bytes.zero)
        var recoveryID: Int32 = 0
        withUnsafeMutableBytes(of: &rs) { output in
            _ = secp256k1_ecdsa_recoverable_signature_serialize_compact(
                Secp256k1Context.shared.pointer,
                output.baseAddress!.assumingMemoryBound(to: UInt8.self), &recoveryID, &signature)
        }
        precondition(recoveryID == 0 || recoveryID == 1, "libsecp256k1 produced recovery id \(recoveryID)")
        (r, s, self.recoveryID) = (rs.0, rs.1, UInt8(recoveryID))
    }

    /// Whether s ≤ n/2. Ethereum rejects transaction signatures with a higher s (EIP-2, Homestead);
    /// libsecp256k1 only produces low-S signatures.
    public var isLowS: Bool { s <= Self.halfCurveOrder }

    /// The 64-byte compact encoding r‖s (allocates an array).
    public var compact: [UInt8] { withCompactBytes { Array($0) } }

    /// r as 32 big-endian bytes (allocates an array).
    public var rBytes: [UInt8] { r.array }

    /// s as 32 big-endian bytes (allocates an array).
    public var sBytes: [UInt8] { s.array }

    /// Calls `body` with the 64 bytes r‖s without allocating; the buffer is valid only inside `body`.
    public func withCompactBytes<Result, Failure: Error>(
        _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        // A homogeneous tuple is laid out contiguously: r's 32 bytes, then s's.
        try withUnsafeBytes(of: (r, s), body)
    }

    /// The signature parsed for `secp256k1_ecdsa_recover`; cannot fail for validated r, s and id.
    var libraryRecoverable: secp256k1_ecdsa_recoverable_signature {
        var parsed = secp256k1_ecdsa_recoverable_signature()
        let status = withCompactBytes { input in
            secp256k1_ecdsa_recoverable_signature_parse_compact(
                Secp256k1Context.shared.pointer, &parsed,
                input.baseAddress!.assumingMemoryBound(to: UInt8.self), Int32(recoveryID))
        }
        precondition(status == 1, "secp256k1_ecdsa_recoverable_signature_parse_compact rejected a validated signature")
        return parsed
    }

    /// The (r, s) pair parsed for `secp256k1_ecdsa_verify`; cannot fail for validated r and s.
    var libraryStandard: secp256k1_ecdsa_signature {
        var parsed = secp256k1_ecdsa_signature()
        let status = withCompactBytes { input in
            secp256k1_ecdsa_signature_parse_compact(
                Secp256k1Context.shared.pointer, &parsed, input.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        precondition(status == 1, "secp256k1_ecdsa_signature_parse_compact rejected a validated signature")
        return parsed
    }
}
