import CascadeMath

/// Why the mempool refused a transaction; the transaction was not admitted and nothing changed.
public enum MempoolRejection: Error, Sendable, Hashable, CustomStringConvertible {
    /// A transaction with this hash is already pending (geth `ErrAlreadyKnown`).
    case alreadyKnown(Keccak256.Digest)
    /// The gas limit exceeds the per-transaction cap (gas) (geth `ErrGasLimit`).
    case exceedsGasCap(gasLimit: UInt64, cap: UInt64)
    /// `maxFeePerGas · gasLimit` does not fit in 256 bits (geth `ErrFeeCapVeryHigh` / cost overflow).
    case costOverflow
    /// A pending transaction of the same sender and nonce exists and the new one does not raise
    /// both `maxFeePerGas` and `maxPriorityFeePerGas` strictly and by at least the bump; the
    /// minimums (wei per gas) are given (geth `ErrReplaceUnderpriced`).
    case replacementUnderpriced(existing: Keccak256.Digest, minimumMaxFeePerGas: UInt256, minimumMaxPriorityFeePerGas: UInt256)
    /// The pool is full and the transaction would be its cheapest: it would be evicted first
    /// (geth `ErrUnderpriced`).
    case poolFull

    public var description: String {
        switch self {
        case .alreadyKnown(let hash): "already known: \(hash)"
        case .exceedsGasCap(let gasLimit, let cap): "gas limit \(gasLimit) exceeds the per-transaction cap of \(cap) gas"
        case .costOverflow: "maxFeePerGas × gasLimit exceeds 2^256 − 1 wei"
        case .replacementUnderpriced(let existing, let fee, let tip):
            "replacement underpriced: replacing \(existing) needs maxFeePerGas ≥ \(fee) wei and maxPriorityFeePerGas ≥ \(tip) wei, each above the old value"
        case .poolFull: "mempool full: the transaction would be the cheapest pending"
        }
    }
}
