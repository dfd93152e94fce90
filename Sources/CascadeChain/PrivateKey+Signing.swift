import CSecp256k1

extension PrivateKey {
    /// Signs a 32-byte message digest (for Ethereum, the Keccak-256 of the signing payload).
    ///
    /// **Fast path**: this overload reads the digest in place, so signing performs no heap
    /// allocation; call it as `try digest.withUnsafeBytes { try key.sign(digest: $0) }`.
    ///
    /// Uses `secp256k1_ecdsa_sign_recoverable` with the library's default nonce function,
    /// RFC 6979 (HMAC-SHA256), so the same key and digest always give the same signature,
    /// byte-identical to other RFC 6979 libsecp256k1 users such as Python's coincurve.
    /// The result is always low-S.
    ///
    /// - Throws: `SignatureError.invalidDigestLength` unless `digest` holds exactly 32 bytes.
    public func sign(digest: UnsafeRawBufferPointer) throws(SignatureError) -> RecoverableSignature {
        guard digest.count == 32 else { throw .invalidDigestLength(found: digest.count) }
        return sign(digest32: digest.baseAddress!.assumingMemoryBound(to: UInt8.self))
    }

    /// Signs a 32-byte message digest; same as `sign(digest:)` on a raw buffer, which it calls
    /// without copying.
    ///
    /// - Throws: `SignatureError.invalidDigestLength` unless `digest` holds exactly 32 bytes.
    public func sign(digest: [UInt8]) throws(SignatureError) -> RecoverableSignature {
        guard digest.count == 32 else { throw .invalidDigestLength(found: digest.count) }
        return digest.withUnsafeBufferPointer { sign(digest32: $0.baseAddress!) }
    }

    /// Signs the 32 bytes at `digest32`.
    private func sign(digest32: UnsafePointer<UInt8>) -> RecoverableSignature {
        var signature = secp256k1_ecdsa_recoverable_signature()
        let status = secret.withBytePointer { key in
            secp256k1_ecdsa_sign_recoverable(Secp256k1Context.shared.pointer, &signature, digest32, key, nil, nil)
        }
        // Fails only for an invalid key (excluded by `init`) or a failing nonce function (RFC 6979 never fails).
        precondition(status == 1, "secp256k1_ecdsa_sign_recoverable failed for a validated key")
        return RecoverableSignature(signature)
    }
}
