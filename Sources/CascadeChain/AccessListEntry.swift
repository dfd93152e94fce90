/// One entry of an EIP-2930 access list: an address and the storage slots it pre-declares.
public struct AccessListEntry: Sendable, Hashable {
    public var address: Address
    public var storageKeys: [Bytes32]

    public init(address: Address, storageKeys: [Bytes32]) {
        self.address = address
        self.storageKeys = storageKeys
    }

    /// `[address, [storageKey, …]]`.
    var rlpItem: RLP.Item {
        .list([.bytes(address.bytes), .list(storageKeys.map { .bytes($0.bytes) })])
    }

    /// Reads `[address, [storageKey, …]]`, naming the entry's index in errors.
    init(rlp item: RLP.Item, index: Int) throws(TransactionError) {
        let field = "accessList[\(index)]"
        do {
            let parts = try item.asList()
            guard parts.count == 2 else { throw TransactionError.invalidField(name: field, reason: "expected [address, storageKeys], found \(parts.count) items") }
            guard let address = Address(bytes: try parts[0].asBytes()) else {
                throw TransactionError.invalidField(name: "\(field).address", reason: "expected 20 bytes")
            }
            var keys: [Bytes32] = []
            for (k, key) in try parts[1].asList().enumerated() {
                guard let slot = Bytes32(bytes: try key.asBytes()) else {
                    throw TransactionError.invalidField(name: "\(field).storageKeys[\(k)]", reason: "expected 32 bytes")
                }
                keys.append(slot)
            }
            self.init(address: address, storageKeys: keys)
        } catch let error as TransactionError {
            throw error
        } catch {
            throw .invalidField(name: field, reason: "\(error)")
        }
    }
}
