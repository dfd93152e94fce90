/// A transaction the builder placed in a block, with what it pays.
public struct IncludedTransaction: Sendable, Hashable {
    /// The transaction, with its arrival metadata.
    public let transaction: PendingTransaction
    /// Its gas used and payment (wei).
    public let payment: FeePayment
}
