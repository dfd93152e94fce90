/// Why raw bytes are not an acceptable signed transaction, or why a transaction cannot be signed.
public enum TransactionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No bytes at all.
    case empty
    /// The first byte names a transaction type this simulator does not model.
    case unsupportedType(UInt8)
    /// The RLP payload is malformed or not canonical.
    case malformedRLP(RLPError)
    /// The payload is not a list of the expected number of fields.
    case wrongFieldCount(type: String, expected: Int, found: Int)
    /// A field is not what its type requires (wrong width, leading zeros, …).
    case invalidField(name: String, reason: String)
    /// A legacy transaction signed without EIP-155 replay protection (`v` = 27 or 28).
    case unprotectedLegacy(v: UInt64)
    /// The transaction's chain id is not the one required.
    case wrongChainID(expected: UInt64, found: UInt64)
    /// `maxPriorityFeePerGas` exceeds `maxFeePerGas` (geth rejects these).
    case priorityFeeAboveMaxFee
    /// A legacy transaction may not carry an access list.
    case accessListOnLegacy
    /// The signature is not valid for recovery: r or s out of range, high S, bad recovery id.
    case invalidSignature(String)

    public var description: String {
        switch self {
        case .empty: "empty transaction: expected a legacy RLP list or a typed envelope"
        case .unsupportedType(let type): "unsupported transaction type \(Hex.encode([type])): expected legacy (RLP list) or EIP-1559 type 0x02"
        case .malformedRLP(let error): "malformed transaction RLP: \(error)"
        case .wrongFieldCount(let type, let expected, let found): "\(type) transaction: expected \(expected) fields, found \(found)"
        case .invalidField(let name, let reason): "invalid transaction field \(name): \(reason)"
        case .unprotectedLegacy(let v): "legacy transaction without EIP-155 replay protection (v = \(v)): expected v = chainId·2 + 35 or 36"
        case .wrongChainID(let expected, let found): "wrong chain id: expected \(expected), found \(found)"
        case .priorityFeeAboveMaxFee: "maxPriorityFeePerGas is above maxFeePerGas"
        case .accessListOnLegacy: "a legacy transaction cannot carry an access list"
        case .invalidSignature(let reason): "invalid transaction signature: \(reason)"
        }
    }
}
