extension PublicKey {
    /// The Ethereum address of this key: the last 20 bytes of Keccak-256 of the 64-byte X‖Y.
    public var address: Address {
        let digest = withUnsafeRawXY { Keccak256.hash($0) }
        return digest.withUnsafeBytes { Address(bytes: $0[12...])! }
    }
}

extension PrivateKey {
    /// The Ethereum address of this key (one scalar multiplication: cache it in hot paths).
    public var address: Address { publicKey.address }
}
