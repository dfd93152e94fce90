import CSecp256k1

extension PublicKey {
    /// Recovers the public key that produced `signature` over a 32-byte message digest.
    ///
    /// **Fast path**: this overload reads the digest in place and performs no heap allocation;
    /// call it as `try digest.withUnsafeBytes { try PublicKey.recover(digest: $0, signature: sig) }`.
    ///
    /// Applies Ethereum's transaction rule since Homestead (EIP-2): signatures with s > n/2 are
    /// rejected even though they are mathematically valid (n − s with the opposite recovery id
    /// recovers the same key). Note that the `ECRECOVER` precompile does not apply this rule.
    ///
    /// - Throws: `SignatureError.invalidDigestLength` unless `digest` holds exactly 32 bytes,
    ///   `.highS` if s > n/2, and `.recoveryFailed` if no key recovers (r is not the x-coordinate
    ///   of a curve point, or the recovered point is at infinity).
    public static func recover(
        digest: UnsafeRawBufferPointer, signature: RecoverableSignature
    ) throws(SignatureError) -> PublicKey {
        guard digest.count == 32 else { throw .invalidDigestLength(found: digest.count) }
        return try recover(digest32: digest.baseAddress!.assumingMemoryBound(to: UInt8.self), signature: signature)
    }

    /// Recovers the signer's public key; same as `recover(digest:signature:)` on a raw buffer,
    /// which it calls without copying.
    ///
    /// - Throws: the errors of `recover(digest:signature:)` on a raw buffer.
    public static func recover(digest: [UInt8], signature: RecoverableSignature) throws(SignatureError) -> PublicKey {
        guard digest.count == 32 else { throw .invalidDigestLength(found: digest.count) }
        return try digest.withUnsafeBufferPointer { (digest32) throws(SignatureError) in
            try recover(digest32: digest32.baseAddress!, signature: signature)
        }
    }

    /// Checks that `signature` is a valid low-S signature by this key over a 32-byte digest,
    /// using `secp256k1_ecdsa_verify`. The recovery id is not consulted.
    ///
    /// Returns `false` for a digest that is not 32 bytes and for high-S signatures:
    /// `secp256k1_ecdsa_verify` accepts only normalized (s ≤ n/2) signatures, matching EIP-2.
    public func isValidSignature(_ signature: RecoverableSignature, digest: UnsafeRawBufferPointer) -> Bool {
        guard digest.count == 32 else { return false }
        // Every `PublicKey` holds a validated point, so parsing it again cannot fail.
        var point = libraryPoint!
        var parsed = signature.libraryStandard
        let digest32 = digest.baseAddress!.assumingMemoryBound(to: UInt8.self)
        return secp256k1_ecdsa_verify(Secp256k1Context.shared.pointer, &parsed, digest32, &point) == 1
    }

    /// Checks a signature over a 32-byte digest; same as `isValidSignature(_:digest:)` on a raw buffer.
    public func isValidSignature(_ signature: RecoverableSignature, digest: [UInt8]) -> Bool {
        digest.withUnsafeBytes { isValidSignature(signature, digest: $0) }
    }

    /// Recovers from the 32 bytes at `digest32`.
    private static func recover(
        digest32: UnsafePointer<UInt8>, signature: RecoverableSignature
    ) throws(SignatureError) -> PublicKey {
        guard signature.isLowS else { throw .highS(found: signature.s.hex) }
        var parsed = signature.libraryRecoverable
        var point = secp256k1_pubkey()
        guard secp256k1_ecdsa_recover(Secp256k1Context.shared.pointer, &point, &parsed, digest32) == 1 else {
            throw .recoveryFailed
        }
        return PublicKey(point)
    }
}
