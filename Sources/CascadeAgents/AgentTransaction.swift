import CascadeChain
import CascadeMath
import CascadeProtocols

/// A transaction an agent submits, with what the agent knows about it.
///
/// In a signing run (the default) it carries the secp256k1-signed RLP encoding, and ``hash`` is
/// the Ethereum transaction hash. A run that keeps only metrics may skip signing
/// (``AgentAccount/signs``): the transaction is then identified by Keccak-256 of its signing
/// payload followed by the sender's address — unique per (sender, nonce, fee, call) exactly as
/// the signed hash is, since RFC 6979 signatures are deterministic. Outcomes never depend on the
/// identifier's value: the mempool and the builder order by fee and arrival stamp, which are
/// unique, and use the hash only to name transactions.
public struct AgentTransaction: Sendable {
    /// The transaction's fields.
    public let transaction: Transaction
    /// The signing account.
    public let sender: Address
    /// The signed, RLP-encoded transaction; `nil` in a run that does not sign.
    public let signed: SignedTransaction?
    /// The decoded call it carries.
    public let call: ContractCall
    /// Its expected gas and signed limit.
    public let gas: GasEstimate
    /// What it competes for, if anything.
    public let contest: Contest?
    /// The transaction hash (signed), or the unsigned identifier described above.
    public let hash: Keccak256.Digest

    /// A signed transaction.
    public init(signed: SignedTransaction, call: ContractCall, gas: GasEstimate, contest: Contest?) {
        transaction = signed.transaction
        sender = signed.sender
        self.signed = signed
        self.call = call
        self.gas = gas
        self.contest = contest
        hash = signed.hash
    }

    /// An unsigned transaction from `sender`.
    public init(unsigned transaction: Transaction, sender: Address, call: ContractCall, gas: GasEstimate, contest: Contest?) {
        self.transaction = transaction
        self.sender = sender
        signed = nil
        self.call = call
        self.gas = gas
        self.contest = contest
        hash = Keccak256.hash(transaction.signingPayload + sender.bytes)
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
}
