import CascadeMath

/// What a transaction offers to pay per unit of gas, in wei.
///
/// - `legacy`: a first-price bid (`gasPrice`), paid in full (pre-EIP-1559 and EIP-155 legacy
///   transactions).
/// - `dynamic`: EIP-1559's pair: the sender pays `min(maxFeePerGas, baseFee + maxPriorityFeePerGas)`
///   per gas, the base-fee part is burned and the rest (the effective tip) goes to the block
///   producer. A legacy bid under EIP-1559 acts as `maxFeePerGas = maxPriorityFeePerGas = gasPrice`.
@frozen
public enum TransactionFee: Sendable, Hashable {
    case legacy(gasPrice: UInt256)
    case dynamic(maxPriorityFeePerGas: UInt256, maxFeePerGas: UInt256)

    /// The most the sender will pay per gas: `gasPrice`, or `maxFeePerGas`.
    @inlinable
    public var maxFeePerGas: UInt256 {
        switch self {
        case .legacy(let gasPrice): gasPrice
        case .dynamic(_, let maxFee): maxFee
        }
    }

    /// The most the sender offers the block producer per gas above the base fee.
    @inlinable
    public var maxPriorityFeePerGas: UInt256 {
        switch self {
        case .legacy(let gasPrice): gasPrice
        case .dynamic(let maxPriority, _): maxPriority
        }
    }

    /// The tip per gas the producer receives at `baseFee`: `min(maxPriorityFeePerGas,
    /// maxFeePerGas − baseFee)`, or `nil` when `maxFeePerGas < baseFee` (the transaction cannot
    /// be included in this block). With `baseFee == 0` (a first-price market) this is the bid.
    @inlinable
    public func effectiveTip(baseFee: UInt256) -> UInt256? {
        let maxFee = maxFeePerGas
        guard maxFee >= baseFee else { return nil }
        return Swift.min(maxPriorityFeePerGas, maxFee &- baseFee)
    }

    /// The price per gas the sender pays at `baseFee`: `baseFee + effectiveTip`, or `nil` when
    /// the transaction cannot be included.
    @inlinable
    public func effectiveGasPrice(baseFee: UInt256) -> UInt256? {
        effectiveTip(baseFee: baseFee).map { baseFee &+ $0 }
    }
}
