import CascadeMath

/// What an included transaction pays: exact integers, in wei.
///
/// `feePaid = gasUsed · effectiveGasPrice = burned + tip`, with `burned = gasUsed · baseFee` and
/// `tip = gasUsed · effectiveTip`. No rounding: every product is exact in 256 bits (the mempool
/// admits only transactions with `maxFeePerGas · gasLimit < 2²⁵⁶`).
public struct FeePayment: Sendable, Hashable {
    /// Gas the transaction used (gas).
    public let gasUsed: UInt64
    /// Price paid per gas: `baseFee + effectiveTip` (wei per gas).
    public let effectiveGasPrice: UInt256
    /// Tip per gas to the block producer (wei per gas); the whole gas price in a first-price market.
    public let effectiveTip: UInt256
    /// Total paid by the sender (wei).
    public let feePaid: UInt256
    /// The base-fee part, burned (wei); 0 in a first-price market.
    public let burned: UInt256
    /// The tip part, earned by the block producer (wei).
    public let tip: UInt256

    /// The payment for `gasUsed` gas at `baseFee` plus `effectiveTip` per gas; the caller
    /// guarantees `gasUsed · (baseFee + effectiveTip) < 2²⁵⁶`.
    init(gasUsed: UInt64, baseFee: UInt256, effectiveTip: UInt256) {
        let gas = UInt256(gasUsed)
        self.gasUsed = gasUsed
        self.effectiveGasPrice = baseFee &+ effectiveTip
        self.effectiveTip = effectiveTip
        self.burned = gas &* baseFee
        self.tip = gas &* effectiveTip
        self.feePaid = burned &+ tip
    }
}
