import CascadeMath

/// Per-block figures the engine aggregates: utilisation, price, and who used the block space.
///
/// A compact value (no transaction lists), derived from a ``BuiltBlock``. Ratios are `Double`
/// for reporting only; the fee figures stay exact.
public struct BlockMetrics: Sendable, Hashable {
    /// Block number.
    public let number: UInt64
    /// Block timestamp (Unix seconds).
    public let timestamp: UInt64
    /// Gas limit (gas).
    public let gasLimit: UInt64
    /// Gas used (gas), agents plus background.
    public let gasUsed: UInt64
    /// Gas used by simulated agents (gas).
    public let agentGasUsed: UInt64
    /// Gas used by background demand (gas).
    public let backgroundGasUsed: UInt64
    /// Background gas demanded (gas); the part not used was priced out.
    public let backgroundGasDemanded: UInt64
    /// Base fee per gas (wei); 0 in a first-price market.
    public let baseFee: UInt256
    /// Lowest effective gas price included (wei per gas), `nil` for an empty block.
    public let clearingPrice: UInt256?
    /// Burned fees (wei).
    public let burned: UInt256
    /// Tips to the block producer (wei).
    public let tips: UInt256
    /// Agent transactions included.
    public let includedCount: Int
    /// Transactions left pending after the block.
    public let pendingCount: Int

    /// The metrics of `block`.
    public init(_ block: BuiltBlock) {
        number = block.number
        timestamp = block.timestamp
        gasLimit = block.gasLimit
        gasUsed = block.gasUsed
        agentGasUsed = block.agentGasUsed
        backgroundGasUsed = block.backgroundGasUsed
        backgroundGasDemanded = block.backgroundGasDemanded
        baseFee = block.baseFee
        clearingPrice = block.clearingPrice
        burned = block.burned
        tips = block.tips
        includedCount = block.included.count
        pendingCount = block.pendingCount
    }

    /// Gas used over gas limit, in `[0, 1]`.
    public var utilisation: Double { Double(gasUsed) / Double(gasLimit) }

    /// Share of the gas used that agents used, in `[0, 1]` (0 for an empty block).
    public var agentGasShare: Double { gasUsed == 0 ? 0 : Double(agentGasUsed) / Double(gasUsed) }

    /// Share of the gas used that background demand used, in `[0, 1]` (0 for an empty block).
    public var backgroundGasShare: Double { gasUsed == 0 ? 0 : Double(backgroundGasUsed) / Double(gasUsed) }
}
