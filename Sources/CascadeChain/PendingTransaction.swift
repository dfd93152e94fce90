import CascadeMath

/// A transaction waiting for block space, as the mempool and block builder see it.
///
/// The integrator builds one from a signed transaction (hash, recovered sender, nonce, fee bid,
/// gas limit) plus the gas its execution will use. The mempool stamps the arrival metadata
/// (``arrival`` and ``submittedBlock``) when it admits the transaction; before that both are 0.
///
/// ```swift
/// let tx = PendingTransaction(hash: signed.hash, sender: signed.sender, nonce: 7,
///                             fee: .legacy(gasPrice: 150_000_000_000), gasLimit: 500_000,
///                             expectedGasUsed: 380_000)
/// ```
public struct PendingTransaction: Sendable, Hashable {
    /// Intrinsic gas of any transaction: G_transaction = 21,000 gas (Yellow Paper, appendix G).
    public static let intrinsicGas: UInt64 = 21_000

    /// The transaction's name: its hash (Keccak-256 of the signed encoding), or any digest unique
    /// among the transactions the mempool sees — the engine names agent transactions before
    /// they are signed (`AgentTransaction.hash`). Only a last-resort tiebreak orders by it.
    public let hash: Keccak256.Digest
    /// The recovered sender.
    public let sender: Address
    /// The sender's account nonce this transaction uses.
    public let nonce: UInt64
    /// The fee bid: a legacy gas price or an EIP-1559 pair (wei per gas).
    public let fee: TransactionFee
    /// The gas limit the sender signed (gas). The builder admits the transaction to a block only
    /// when this much gas is left, as geth's miner does.
    public let gasLimit: UInt64
    /// The gas the execution will use (gas), `intrinsicGas ≤ expectedGasUsed ≤ gasLimit`; this is
    /// what the block's gas used and the fee paid count.
    public let expectedGasUsed: UInt64
    /// Arrival stamp assigned by the mempool: earlier arrivals win ties between equal tips and
    /// lose ties when the full pool evicts. 0 until admitted.
    public internal(set) var arrival: UInt64
    /// The first block the transaction could be included in: the number of the block being built
    /// when the mempool admitted it. 0 until admitted.
    public internal(set) var submittedBlock: UInt64

    /// A transaction not yet admitted (arrival metadata 0).
    ///
    /// Requires `PendingTransaction.intrinsicGas ≤ expectedGasUsed ≤ gasLimit`: no transaction uses
    /// less than its intrinsic gas or more than its limit (execution that needs more runs out of
    /// gas and uses exactly `gasLimit`).
    public init(hash: Keccak256.Digest, sender: Address, nonce: UInt64, fee: TransactionFee, gasLimit: UInt64, expectedGasUsed: UInt64) {
        precondition(expectedGasUsed >= Self.intrinsicGas && expectedGasUsed <= gasLimit,
                     "expectedGasUsed must lie between the intrinsic 21,000 gas and the gas limit")
        self.hash = hash
        self.sender = sender
        self.nonce = nonce
        self.fee = fee
        self.gasLimit = gasLimit
        self.expectedGasUsed = expectedGasUsed
        self.arrival = 0
        self.submittedBlock = 0
    }
}
