import CascadeChain
import CascadeMath
import CascadeProtocols

/// A signed transaction an agent submits, with what the agent knows about it.
public struct AgentTransaction: Sendable {
    /// The signed, RLP-encoded transaction.
    public let signed: SignedTransaction
    /// The decoded call it carries.
    public let call: ContractCall
    /// Its expected gas and signed limit.
    public let gas: GasEstimate
    /// What it competes for, if anything.
    public let contest: Contest?

    /// Transaction hash.
    public var hash: Keccak256.Digest { signed.hash }
    /// The nonce.
    public var nonce: UInt64 { signed.transaction.nonce }
    /// The recipient contract.
    public var to: Address { signed.transaction.to! }
    /// The fee bid.
    public var fee: TransactionFee { signed.transaction.fee }

    /// The mempool's view of it.
    public var pending: PendingTransaction {
        PendingTransaction(hash: signed.hash, sender: signed.sender, nonce: nonce, fee: fee,
                           gasLimit: gas.limit, expectedGasUsed: gas.expected)
    }
}
