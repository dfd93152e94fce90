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
/// **Identity.** A transaction is named by ``hash``: the sender's address and the transaction's
/// sequence number in its account (``AgentAccount/built``), packed with a bijective mix
/// (``CascadeChain/Keccak256/Digest/init(sender:sequence:)``) — unique per transaction built,
/// known before signing, and cheap: no encoding, no hashing of bytes. The Ethereum transaction
/// hash is ``signed``'s. Outcomes never depend on either value: the mempool and the builder
/// order by fee and arrival stamp, which are unique, and use the hash only to name transactions.
public struct AgentTransaction: Sendable {
    /// The signing account.
    public let sender: Address
    /// The key that signs it; `nil` in a run that does not sign.
    public let signer: Signer?
    /// The decoded call it carries; the calldata is its encoding.
    public let call: ContractCall
    /// The recipient contract.
    public let to: Address
    /// The sender's account nonce it uses.
    public let nonce: UInt64
    /// The fee bid.
    public let fee: TransactionFee
    /// EIP-155 chain id.
    public let chainID: UInt64
    /// Its expected gas and signed limit.
    public let gas: GasEstimate
    /// What it competes for, if anything.
    public let contest: Contest?
    /// The transaction's name in the mempool (see the type's documentation).
    public let hash: Keccak256.Digest
    /// The signed transaction, boxed: copies of a transaction stay small whether it is signed
    /// or not.
    private var signedBox: SignedBox?

    /// A signed transaction held by reference.
    private final class SignedBox: Sendable {
        let value: SignedTransaction
        init(_ value: SignedTransaction) { self.value = value }
    }

    /// A call of `call` on `to` from `sender`, with `nonce`, `fee` and `gas.limit`, to be signed
    /// with `signer` (which must hold `sender`'s key); `sequence` is the account's transaction
    /// number, which names it, so no two transactions of one sender may share it.
    public init(chainID: UInt64, nonce: UInt64, fee: TransactionFee, to: Address, call: ContractCall, gas: GasEstimate,
                sender: Address, signer: Signer?, contest: Contest?, sequence: UInt64) {
        precondition(signer.map { $0.address == sender } ?? true, "the signer must be the sender")
        self.sender = sender
        self.signer = signer
        self.call = call
        self.to = to
        self.nonce = nonce
        self.fee = fee
        self.chainID = chainID
        self.gas = gas
        self.contest = contest
        hash = Keccak256.Digest(sender: sender, sequence: sequence)
    }

    /// The transaction's fields, its calldata ``call``'s ABI encoding (encoded on each read).
    public var transaction: Transaction {
        Transaction(chainID: chainID, nonce: nonce, fee: fee, gasLimit: gas.limit, to: to, data: call.encode())
    }

    /// The signed, RLP-encoded transaction, once the block loop has signed it.
    public var signed: SignedTransaction? { signedBox?.value }

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
        let transaction = self.transaction, signed: SignedTransaction
        do {
            let encoded = try transaction.signed(by: signer)
            signed = try SignedTransaction.decode(encoded.raw, expectedChainID: chainID)
        } catch {
            preconditionFailure("an agent transaction failed to sign or decode: \(error)")
        }
        precondition(signed.sender == sender, "recovered sender differs from the signer")
        precondition(signed.transaction == transaction, "the signed bytes decode to another transaction")
        var copy = self
        copy.signedBox = SignedBox(signed)
        return copy
    }
}
