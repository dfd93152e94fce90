import CascadeMath

/// A signed transaction: its fields, signature, sender, raw network encoding and hash.
///
/// Raw encodings: legacy `rlp([nonce, gasPrice, gas, to, value, data, v, r, s])` with EIP-155
/// `v = chainId·2 + 35 + recoveryID`; type 2 `0x02 ‖ rlp([chainId, nonce, maxPriorityFeePerGas,
/// maxFeePerGas, gas, to, value, data, accessList, yParity, r, s])`. The hash is Keccak-256 of
/// the raw bytes, as block explorers show it.
public struct SignedTransaction: Sendable, Hashable {
    /// The signed fields.
    public let transaction: Transaction
    /// The recoverable secp256k1 signature of ``Transaction/signingHash``.
    public let signature: RecoverableSignature
    /// The account whose key signed.
    public let sender: Address
    /// The raw encoding, as sent to a node.
    public let raw: [UInt8]
    /// Keccak-256 of ``raw``.
    public let hash: Keccak256.Digest

    init(transaction: Transaction, signature: RecoverableSignature, sender: Address) {
        self.transaction = transaction
        self.signature = signature
        self.sender = sender
        var list = RLP.ListEncoder(capacity: transaction.encodingCapacity)
        transaction.appendSignedFields(to: &list)
        switch transaction.fee {
        case .legacy: list.append(integer: transaction.chainID &* 2 &+ 35 &+ UInt64(signature.recoveryID))
        case .dynamic: list.append(integer: UInt64(signature.recoveryID))
        }
        list.append(bytes: signature.rBytes.drop { $0 == 0 })
        list.append(bytes: signature.sBytes.drop { $0 == 0 })
        raw = list.encoded(prefix: transaction.type == 0 ? nil : transaction.type)
        hash = Keccak256.hash(raw)
    }

    /// The signature's `v` as it appears in the encoding: `chainId·2 + 35 + recoveryID` for
    /// legacy, the y-parity (0 or 1) for type 2.
    public var v: UInt64 {
        transaction.type == 0 ? transaction.chainID &* 2 &+ 35 &+ UInt64(signature.recoveryID) : UInt64(signature.recoveryID)
    }

    /// Decodes a raw transaction, checks it strictly (canonical RLP, field widths, EIP-155
    /// `v`, low-S signature, fee pair) and recovers its sender. When `expectedChainID` is given,
    /// any other chain id is rejected.
    public static func decode(_ raw: some Collection<UInt8>, expectedChainID: UInt64? = nil) throws(TransactionError) -> SignedTransaction {
        let bytes = Array(raw)
        guard let first = bytes.first else { throw .empty }
        let decoded: SignedTransaction
        if first >= 0xC0 {
            decoded = try decodeLegacy(bytes)
        } else if first == 2 {
            decoded = try decodeDynamicFee(bytes)
        } else {
            throw .unsupportedType(first)
        }
        if let expected = expectedChainID, decoded.transaction.chainID != expected {
            throw .wrongChainID(expected: expected, found: decoded.transaction.chainID)
        }
        return decoded
    }

    private static func fields(_ bytes: ArraySlice<UInt8>, type: String, count: Int) throws(TransactionError) -> [RLP.Item] {
        let item: RLP.Item
        do { item = try RLP.decode(bytes) } catch { throw .malformedRLP(error) }
        guard case .list(let fields) = item else {
            throw .invalidField(name: "envelope", reason: "expected an RLP list, found a byte string")
        }
        guard fields.count == count else { throw .wrongFieldCount(type: type, expected: count, found: fields.count) }
        return fields
    }

    private static func decodeLegacy(_ bytes: [UInt8]) throws(TransactionError) -> SignedTransaction {
        let f = try fields(bytes[...], type: "legacy", count: 9)
        let v = try uint64(f[6], "v")
        guard v >= 35 else { throw .unprotectedLegacy(v: v) }
        let chainID = (v - 35) / 2
        let transaction = Transaction(
            chainID: chainID, nonce: try uint64(f[0], "nonce"),
            fee: .legacy(gasPrice: try uint256(f[1], "gasPrice")),
            gasLimit: try uint64(f[2], "gasLimit"), to: try recipient(f[3]),
            value: try uint256(f[4], "value"), data: try byteString(f[5], "data"))
        return try assemble(transaction, recoveryID: UInt8((v - 35) % 2), r: f[7], s: f[8], raw: bytes)
    }

    private static func decodeDynamicFee(_ bytes: [UInt8]) throws(TransactionError) -> SignedTransaction {
        let f = try fields(bytes.dropFirst(), type: "EIP-1559", count: 12)
        let accessListItems: [RLP.Item]
        do { accessListItems = try f[8].asList() } catch { throw .invalidField(name: "accessList", reason: "expected a list") }
        var accessList: [AccessListEntry] = []
        for (index, entry) in accessListItems.enumerated() {
            accessList.append(try AccessListEntry(rlp: entry, index: index))
        }
        let yParity = try uint64(f[9], "yParity")
        guard yParity <= 1 else { throw .invalidSignature("yParity must be 0 or 1, found \(yParity)") }
        let transaction = Transaction(
            chainID: try uint64(f[0], "chainId"), nonce: try uint64(f[1], "nonce"),
            fee: .dynamic(maxPriorityFeePerGas: try uint256(f[2], "maxPriorityFeePerGas"), maxFeePerGas: try uint256(f[3], "maxFeePerGas")),
            gasLimit: try uint64(f[4], "gasLimit"), to: try recipient(f[5]),
            value: try uint256(f[6], "value"), data: try byteString(f[7], "data"), accessList: accessList)
        return try assemble(transaction, recoveryID: UInt8(yParity), r: f[10], s: f[11], raw: bytes)
    }

    /// Validates, recovers the sender and checks that re-encoding gives the same bytes.
    private static func assemble(_ transaction: Transaction, recoveryID: UInt8, r: RLP.Item, s: RLP.Item, raw: [UInt8]) throws(TransactionError) -> SignedTransaction {
        try transaction.validate()
        let signature: RecoverableSignature
        do {
            signature = try RecoverableSignature(r: try uint256(r, "r").bigEndianBytes, s: try uint256(s, "s").bigEndianBytes, recoveryID: recoveryID)
        } catch let error as TransactionError {
            throw error
        } catch {
            throw .invalidSignature("\(error)")
        }
        let publicKey: PublicKey
        do {
            publicKey = try transaction.signingHash.withUnsafeBytes { digest throws(SignatureError) in
                try PublicKey.recover(digest: digest, signature: signature)
            }
        } catch {
            throw .invalidSignature("\(error)")
        }
        let signed = SignedTransaction(transaction: transaction, signature: signature, sender: publicKey.address)
        // Canonical RLP and a fixed field order make the encoding unique: accept only that form.
        guard signed.raw == raw else { throw .invalidField(name: "envelope", reason: "not in canonical form") }
        return signed
    }

    private static func uint64(_ item: RLP.Item, _ name: String) throws(TransactionError) -> UInt64 {
        do { return try item.asUInt64() } catch { throw .invalidField(name: name, reason: "expected a canonical integer below 2^64: \(error)") }
    }

    private static func uint256(_ item: RLP.Item, _ name: String) throws(TransactionError) -> UInt256 {
        do { return UInt256(bigEndian: try item.asIntegerBytes(maxByteCount: 32))! } catch {
            throw .invalidField(name: name, reason: "expected a canonical integer below 2^256: \(error)")
        }
    }

    private static func byteString(_ item: RLP.Item, _ name: String) throws(TransactionError) -> [UInt8] {
        do { return try item.asBytes() } catch { throw .invalidField(name: name, reason: "expected a byte string, found a list") }
    }

    private static func recipient(_ item: RLP.Item) throws(TransactionError) -> Address? {
        let bytes = try byteString(item, "to")
        if bytes.isEmpty { return nil }
        guard let address = Address(bytes: bytes) else {
            throw .invalidField(name: "to", reason: "expected 20 bytes or empty, found \(bytes.count) bytes")
        }
        return address
    }
}
