/// A private key with its address computed once, for accounts that sign many transactions
/// (deriving the address costs a scalar multiplication, about as much as a signature).
public struct Signer: Sendable, Hashable {
    /// The signing key.
    public let key: PrivateKey
    /// The key's Ethereum address.
    public let address: Address

    public init(key: PrivateKey) {
        self.key = key
        self.address = key.address
    }
}
