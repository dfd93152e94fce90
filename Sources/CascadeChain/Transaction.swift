import CascadeMath

/// An unsigned Ethereum transaction: legacy with EIP-155 replay protection, or EIP-1559
/// (type 2, in the EIP-2718 envelope). The kind follows from ``fee``.
///
/// Amounts are wei; `gasLimit` is gas; `data` is the ABI-encoded calldata.
public struct Transaction: Sendable, Hashable {
    /// The EIP-155 / EIP-1559 chain id (1 for Ethereum mainnet).
    public var chainID: UInt64
    /// The sender's account nonce.
    public var nonce: UInt64
    /// The fee bid: a legacy gas price or EIP-1559's fee pair.
    public var fee: TransactionFee
    /// The most gas the transaction may use.
    public var gasLimit: UInt64
    /// The recipient, `nil` for contract creation.
    public var to: Address?
    /// Wei sent with the call.
    public var value: UInt256
    /// Calldata.
    public var data: [UInt8]
    /// EIP-2930 access list (type 2 only; empty for legacy).
    public var accessList: [AccessListEntry]

    public init(chainID: UInt64, nonce: UInt64, fee: TransactionFee, gasLimit: UInt64, to: Address?,
                value: UInt256 = .zero, data: [UInt8] = [], accessList: [AccessListEntry] = []) {
        self.chainID = chainID
        self.nonce = nonce
        self.fee = fee
        self.gasLimit = gasLimit
        self.to = to
        self.value = value
        self.data = data
        self.accessList = accessList
    }

    /// The EIP-2718 type byte: 0 for legacy, 2 for EIP-1559.
    public var type: UInt8 {
        if case .legacy = fee { return 0 }
        return 2
    }

    /// Appends the fields common to both kinds, from `to` to `data`.
    func appendCallFields(to list: inout RLP.ListEncoder) {
        list.append(bytes: to?.bytes ?? [])
        list.append(integer: value)
        list.append(bytes: data)
    }

    /// Appends the fields a signature covers, from the first to `data` (legacy) or to the
    /// access list (type 2); EIP-155's `chainId, 0, 0` come after them for legacy.
    func appendSignedFields(to list: inout RLP.ListEncoder) {
        switch fee {
        case .legacy(let gasPrice):
            list.append(integer: nonce)
            list.append(integer: gasPrice)
            list.append(integer: gasLimit)
            appendCallFields(to: &list)
        case .dynamic(let maxPriorityFeePerGas, let maxFeePerGas):
            list.append(integer: chainID)
            list.append(integer: nonce)
            list.append(integer: maxPriorityFeePerGas)
            list.append(integer: maxFeePerGas)
            list.append(integer: gasLimit)
            appendCallFields(to: &list)
            list.append(.list(accessList.map(\.rlpItem)))
        }
    }

    /// A first guess at the size of an encoding with its signature, to reserve once: `data`,
    /// 200 bytes for the other fields and the signature, 60 per access-list entry (the buffer
    /// grows past it when an entry holds many storage keys).
    var encodingCapacity: Int { data.count + 200 + 60 * accessList.count }

    /// The bytes whose Keccak-256 is signed: for legacy, EIP-155's
    /// `rlp([nonce, gasPrice, gas, to, value, data, chainId, 0, 0])`; for type 2,
    /// `0x02 ‖ rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gas, to, value, data, accessList])`.
    public var signingPayload: [UInt8] {
        var list = RLP.ListEncoder(capacity: encodingCapacity)
        appendSignedFields(to: &list)
        guard case .legacy = fee else { return list.encoded(prefix: type) }
        list.append(integer: chainID)
        list.append(integer: 0 as UInt64)
        list.append(integer: 0 as UInt64)
        return list.encoded()
    }

    /// Keccak-256 of ``signingPayload``.
    public var signingHash: Keccak256.Digest { Keccak256.hash(signingPayload) }

    /// Signs with `key` (RFC 6979, low S) and returns the signed transaction with its raw
    /// encoding and hash. Throws when the fee pair is inconsistent or a legacy transaction
    /// carries an access list. Derives the sender's address each time: an account that signs
    /// repeatedly should use ``signed(by:)``.
    public func signed(with key: PrivateKey) throws(TransactionError) -> SignedTransaction {
        try signed(by: Signer(key: key))
    }

    /// Signs with the signer's key; see ``signed(with:)``.
    public func signed(by signer: Signer) throws(TransactionError) -> SignedTransaction {
        let key = signer.key
        try validate()
        let signature: RecoverableSignature
        do {
            signature = try signingHash.withUnsafeBytes { digest throws(SignatureError) in try key.sign(digest: digest) }
        } catch {
            throw .invalidSignature("\(error)")
        }
        return SignedTransaction(transaction: self, signature: signature, sender: signer.address)
    }

    /// Checks the rules a node applies before accepting the transaction.
    func validate() throws(TransactionError) {
        switch fee {
        case .legacy:
            if !accessList.isEmpty { throw .accessListOnLegacy }
        case .dynamic(let maxPriority, let maxFee):
            if maxPriority > maxFee { throw .priorityFeeAboveMaxFee }
        }
    }
}
