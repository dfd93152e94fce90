/// The result of admitting a transaction to the mempool.
public struct MempoolAdmission: Sendable, Hashable {
    /// The transaction as stored, with its arrival stamp and submitted block.
    public let transaction: PendingTransaction
    /// Transactions it displaced: the one it replaced (fate `.replaced`) or the one evicted to
    /// make room (fate `.evicted`); empty otherwise.
    public let displaced: [TransactionOutcome]
}
