import CascadeChain
import CascadeMath
import CascadeProtocols

/// A transaction an agent submits, with what the agent knows about it.
///
/// Agents decide; the block loop signs. An agent builds the transaction and names its signing
/// key (``signer``; `nil` in a run that keeps only metrics); the block loop then signs every
/// transaction of the block and checks each signature by recovering its sender, in parallel
/// (``signed(_:)``, ``signedAndVerified()``) — the secp256k1 work is independent per transaction,
/// so outcomes cannot depend on how it is spread over threads.
///
/// **Identity.** A transaction is named by ``hash``: Keccak-256 of the sender's address followed
/// by the transaction's sequence number in its account (``AgentAccount/built``, 8 bytes
/// big-endian) — unique per transaction built, known before signing, and cheap: no encoding, one
/// Keccak-256 block. The Ethereum transaction hash is ``signed``'s. Outcomes never depend on
/// either value: the mempool and the builder order by fee and arrival stamp, which are unique,
/// and use the hash only to name transactions.
public struct AgentTransaction: Sendable {
    /// The transaction's fields.
    public let transaction: Transaction
    /// The signing account.
    public let sender: Address
    /// The key that signs it; `nil` in a run that does not sign.
    public let signer: Signer?
    /// The signed, RLP-encoded transaction, once the block loop has signed it.
    public private(set) var signed: SignedTransaction?
    /// The decoded call it carries.
    public let call: ContractCall
    /// Its expected gas and signed limit.
    public let gas: GasEstimate
    /// What it competes for, if anything.
    public let contest: Contest?
    /// The transaction's name in the mempool (see the type's documentation).
    public let hash: Keccak256.Digest

    /// A transaction from `sender`, to be signed with `signer` (which must hold `sender`'s key),
    /// the account's transaction number `sequence` (which names it, so no two transactions of
    /// one sender may share it); its calldata must be `call`'s encoding (checked in debug builds).
    public init(_ transaction: Transaction, sender: Address, signer: Signer?, call: ContractCall, gas: GasEstimate,
                contest: Contest?, sequence: UInt64) {
        precondition(signer.map { $0.address == sender } ?? true, "the signer must be the sender")
        assert(transaction.data == call.encode(), "the calldata must be the call's encoding")
        self.transaction = transaction
        self.sender = sender
        self.signer = signer
        self.call = call
        self.gas = gas
        self.contest = contest
        hash = Self.name(sender: sender, sequence: sequence)
    }

    /// The name of `sender`'s transaction number `sequence`: Keccak-256 of the address's 20 bytes
    /// and the number's 8 big-endian bytes.
    static func name(sender: Address, sequence: UInt64) -> Keccak256.Digest {
        withUnsafeTemporaryAllocation(byteCount: 28, alignment: 8) { buffer in
            buffer.storeBytes(of: sender.high.bigEndian, toByteOffset: 0, as: UInt64.self)
            buffer.storeBytes(of: sender.middle.bigEndian, toByteOffset: 8, as: UInt64.self)
            buffer.storeBytes(of: sender.low.bigEndian, toByteOffset: 16, as: UInt32.self)
            buffer.storeBytes(of: sequence.bigEndian, toByteOffset: 20, as: UInt64.self)
            return Keccak256.hash(UnsafeRawBufferPointer(buffer))
        }
    }

    /// The nonce.
    public var nonce: UInt64 { transaction.nonce }
    /// The recipient contract.
    public var to: Address { transaction.to! }
    /// The fee bid.
    public var fee: TransactionFee { transaction.fee }

    /// The mempool's view of it.
    public var pending: PendingTransaction {
        PendingTransaction(hash: hash, sender: sender, nonce: nonce, fee: fee,
                           gasLimit: gas.limit, expectedGasUsed: gas.expected)
    }

    /// This transaction signed by ``signer`` (unchanged when it has none), its raw bytes decoded
    /// again and its sender recovered from the signature, as a node does on admission.
    /// - Precondition: the fields are valid (agents build them so), the raw bytes decode to the
    ///   same fields (so the calldata is ``call``'s encoding, as ``AgentAccount`` builds it) and the
    ///   recovered sender is the signer; anything else is a defect of the engine.
    public func signedAndVerified() -> AgentTransaction {
        guard let signer else { return self }
        let signed: SignedTransaction
        do {
            let encoded = try transaction.signed(by: signer)
            signed = try SignedTransaction.decode(encoded.raw, expectedChainID: transaction.chainID)
        } catch {
            preconditionFailure("an agent transaction failed to sign or decode: \(error)")
        }
        precondition(signed.sender == sender, "recovered sender differs from the signer")
        precondition(signed.transaction == transaction, "the signed bytes decode to another transaction")
        var copy = self
        copy.signed = signed
        return copy
    }
}
