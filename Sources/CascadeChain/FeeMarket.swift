import CascadeMath

/// How block space is priced, selectable per scenario.
///
/// | market | price per gas a transaction pays | goes to | base fee |
/// | --- | --- | --- | --- |
/// | ``firstPrice`` (mainnet until London, Aug 2021) | its own bid (`gasPrice`) | the block producer | none (0) |
/// | ``eip1559(_:)`` | `baseFee + effectiveTip`, `effectiveTip = min(maxPriorityFeePerGas, maxFeePerGas − baseFee)` | base fee burned, tip to the producer | updated every block by ``BaseFee`` |
///
/// In both markets the block producer orders transactions by the tip it earns per gas (in the
/// first-price market the whole bid is the tip). Under EIP-1559 a transaction whose
/// `maxFeePerGas` is below the block's base fee cannot be included and waits. In the first-price
/// market an EIP-1559 fee pair acts with a zero base fee: it pays `min(maxPriorityFeePerGas,
/// maxFeePerGas)`.
public enum FeeMarket: Sendable, Hashable {
    /// The legacy first-price gas auction: each transaction pays its gas price; no base fee.
    case firstPrice
    /// EIP-1559: a protocol base fee (burned) that follows ``BaseFee``, plus tips.
    case eip1559(BaseFee)

    /// The scenario-file name of the market: `"first-price"` or `"eip1559"`.
    public var name: String {
        switch self {
        case .firstPrice: "first-price"
        case .eip1559: "eip1559"
        }
    }

    /// The base fee (wei per gas) of the block after a parent with `parentBaseFee` that used
    /// `parentGasUsed` of `parentGasLimit` gas: always 0 in the first-price market, else
    /// ``BaseFee/next(parentBaseFee:parentGasUsed:parentGasLimit:)``.
    public func nextBaseFee(parentBaseFee: UInt256, parentGasUsed: UInt64, parentGasLimit: UInt64) -> UInt256 {
        switch self {
        case .firstPrice: .zero
        case .eip1559(let rule): rule.next(parentBaseFee: parentBaseFee, parentGasUsed: parentGasUsed, parentGasLimit: parentGasLimit)
        }
    }
}
