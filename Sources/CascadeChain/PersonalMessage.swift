/// EIP-191 version 0x45 ("personal_sign") messages: what wallets sign for off-chain data, and
/// what Cascade uses for signed oracle reports and signed run manifests.
///
/// The signed digest is `keccak256("\u{19}Ethereum Signed Message:\n" ‖ len(message) ‖ message)`
/// with the length in decimal ASCII (https://eips.ethereum.org/EIPS/eip-191).
public enum PersonalMessage {
    /// The EIP-191 digest of `message`.
    public static func hash(_ message: some Collection<UInt8>) -> Keccak256.Digest {
        var hasher = Keccak256()
        hasher.update("\u{19}Ethereum Signed Message:\n\(message.count)".utf8)
        hasher.update(message)
        return hasher.finalize()
    }

    /// Signs `message` with `key` (RFC 6979, low S).
    public static func sign(_ message: some Collection<UInt8>, with key: PrivateKey) -> RecoverableSignature {
        // A Keccak digest is always 32 bytes, the only input the signer can reject.
        try! hash(message).withUnsafeBytes { digest throws(SignatureError) in try key.sign(digest: digest) }
    }

    /// The address whose key signed `message`; throws when no key recovers (or S is high).
    public static func recoverSigner(_ message: some Collection<UInt8>, signature: RecoverableSignature) throws(SignatureError) -> Address {
        try hash(message).withUnsafeBytes { digest throws(SignatureError) in
            try PublicKey.recover(digest: digest, signature: signature)
        }.address
    }
}
