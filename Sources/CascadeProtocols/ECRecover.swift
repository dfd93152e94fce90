import CascadeChain
import CascadeMath

/// The `ecrecover(hash, v, r, s)` precompile (address 0x01) as Solidity contracts see it: the
/// signer's address, or the zero address when nothing recovers.
///
/// Precompile rules (Ethereum yellow paper, appendix E): `v` must be 27 or 28, `r` and `s` must
/// lie in [1, n − 1]; **high s is accepted** (EIP-2's low-s rule binds transaction signatures,
/// not the precompile). High-s signatures are recovered through their low-s twin (n − s with
/// the other y-parity), which names the same key.
public enum ECRecover {
    /// The curve order n of secp256k1.
    static let curveOrder = UInt256(w0: 0xbfd2_5e8c_d036_4141, w1: 0xbaae_dce6_af48_a03b, w2: 0xffff_ffff_ffff_fffe, w3: 0xffff_ffff_ffff_ffff)
    /// ⌊n / 2⌋.
    static let halfCurveOrder = curveOrder >> 1

    /// The address whose key signed `digest` (32 bytes), or `nil` where the precompile returns
    /// the zero address: `v` ∉ {27, 28}, `r` or `s` outside [1, n − 1], or no point recovers.
    ///
    /// - Complexity: one public-key recovery (tens of microseconds).
    public static func recover(digest: Keccak256.Digest, v: UInt8, r: Bytes32, s: Bytes32) -> Address? {
        guard v == 27 || v == 28 else { return nil }
        guard !r.word.isZero, r.word < curveOrder, !s.word.isZero, s.word < curveOrder else { return nil }
        var sWord = s.word
        var recoveryID = v - 27
        if sWord > halfCurveOrder {
            sWord = curveOrder &- sWord
            recoveryID ^= 1
        }
        guard let signature = try? RecoverableSignature(r: r.bytes, s: sWord.bigEndianBytes, recoveryID: recoveryID) else {
            return nil
        }
        return try? digest.withUnsafeBytes { (bytes) throws(SignatureError) in
            try PublicKey.recover(digest: bytes, signature: signature)
        }.address
    }

    /// The signer of a signed message as a contract sees it: ``recover(digest:v:r:s:)`` of
    /// `digest`, or, where `context` vouches for signatures and `v` is 0, the address a
    /// ``vouchedMark(for:)`` names. `digest` is computed only when a signature is recovered.
    public static func signer(digest: () -> Keccak256.Digest, v: UInt8, r: Bytes32, s: Bytes32,
                              context: CallContext) -> Address? {
        if context.vouchesForSignatures && v == 0 {
            return Address(truncating: r.word)
        }
        return recover(digest: digest(), v: v, r: r, s: s)
    }

    /// What a reporter puts in place of its signature `(v, r, s)` in a run that skips
    /// secp256k1: `v = 0` (which the precompile rejects, so a mark never passes as a
    /// signature), `r` its address left-padded to 32 bytes, `s = 0`. Only a contract called in a
    /// context that vouches for signatures (``CallContext/vouchesForSignatures``) accepts it.
    public static func vouchedMark(for signer: Address) -> (v: UInt8, r: Bytes32, s: Bytes32) {
        (0, Bytes32(word: signer.word), .zero)
    }

    /// The `(v, r, s)` form of `signature` that Solidity's `ecrecover` takes (`v = 27 + y-parity`).
    public static func components(of signature: RecoverableSignature) -> (v: UInt8, r: Bytes32, s: Bytes32) {
        (27 + signature.recoveryID, Bytes32(bytes: signature.rBytes)!, Bytes32(bytes: signature.sBytes)!)
    }
}
