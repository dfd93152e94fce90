import CascadeMath

/// A block as the builder produced it: header figures, included transactions with their
/// payments, background usage and what left the mempool.
///
/// Conservation: `feesPaid == burned + tips`, and `feesPaid` is the sum of the included
/// transactions' `payment.feePaid` plus ``backgroundFeesPaid`` (all wei, exact).
public struct BuiltBlock: Sendable, Hashable {
    /// Block number.
    public let number: UInt64
    /// Block timestamp (Unix seconds).
    public let timestamp: UInt64
    /// Block gas limit (gas).
    public let gasLimit: UInt64
    /// Base fee per gas of this block (wei); 0 in a first-price market.
    public let baseFee: UInt256
    /// The lowest effective gas price (wei per gas) among everything included, background slices
    /// counted; `nil` for an empty block. In a first-price market, the lowest winning bid.
    public let clearingPrice: UInt256?
    /// Gas used by the agents' transactions (gas).
    public let agentGasUsed: UInt64
    /// Background gas demanded for this block (gas).
    public let backgroundGasDemanded: UInt64
    /// Background gas included (gas).
    public let backgroundGasUsed: UInt64
    /// The agents' transactions in block order, with their payments.
    public let included: [IncludedTransaction]
    /// What background slices paid (wei).
    public let backgroundFeesPaid: UInt256
    /// Everything paid for gas in this block (wei).
    public let feesPaid: UInt256
    /// The base-fee part of ``feesPaid``, burned (wei).
    public let burned: UInt256
    /// The tip part of ``feesPaid``, earned by the block producer (wei).
    public let tips: UInt256
    /// Transactions resolved at this block: included ones in block order, then those expired,
    /// then those dropped for a used nonce (each group by submitted block or arrival, then hash).
    public let outcomes: [TransactionOutcome]
    /// Transactions still pending after this block (they wait for later blocks).
    public let pendingCount: Int

    /// All gas used (gas): agents plus background.
    public var gasUsed: UInt64 { agentGasUsed + backgroundGasUsed }
}
