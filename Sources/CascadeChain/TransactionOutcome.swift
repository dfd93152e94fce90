import CascadeMath

/// How a transaction left the mempool: the per-transaction metric the engine aggregates.
///
/// Produced by ``Mempool/insert(_:block:arrival:)`` (for transactions it replaced or evicted) and
/// by ``BlockBuilder/build(from:background:accountNonce:)`` (for transactions included, expired
/// or dropped at that block).
public struct TransactionOutcome: Sendable, Hashable {
    /// Why the transaction left the mempool.
    public enum Fate: Sendable, Hashable {
        /// Included in block ``TransactionOutcome/block``, paying this.
        case included(FeePayment)
        /// Replaced by a same-sender, same-nonce transaction with a high enough fee bump.
        case replaced(by: Keccak256.Digest)
        /// Still pending after the mempool lifetime (blocks), and removed.
        case expired
        /// Removed from the full mempool as its cheapest transaction.
        case evicted
        /// Removed because its nonce is below the sender's account nonce: the nonce was used by
        /// another transaction, so this one can never be included.
        case dropped
    }

    /// The transaction's hash.
    public let hash: Keccak256.Digest
    /// Its sender.
    public let sender: Address
    /// Its nonce.
    public let nonce: UInt64
    /// The first block it could have been included in (see ``PendingTransaction/submittedBlock``).
    public let submittedBlock: UInt64
    /// The block at which the fate was decided: the including block, or the block being built
    /// when the transaction was replaced, evicted, expired or dropped.
    public let block: UInt64
    /// What happened.
    public let fate: Fate

    init(_ transaction: PendingTransaction, block: UInt64, fate: Fate) {
        self.hash = transaction.hash
        self.sender = transaction.sender
        self.nonce = transaction.nonce
        self.submittedBlock = transaction.submittedBlock
        self.block = block
        self.fate = fate
    }

    /// The including block, or `nil` when the transaction was not included.
    public var includedBlock: UInt64? {
        if case .included = fate { block } else { nil }
    }

    /// Blocks between submission and inclusion (`includedBlock − submittedBlock`; 0 = the first
    /// possible block), or `nil` when not included.
    public var inclusionDelay: UInt64? {
        includedBlock.map { $0 - submittedBlock }
    }

    /// The fee paid (wei): the payment's total when included, else 0.
    public var feePaid: UInt256 {
        if case .included(let payment) = fate { payment.feePaid } else { .zero }
    }
}
