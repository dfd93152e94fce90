import CascadeMath

/// One slice of background demand in a block's auction: an amount of gas whose bid is one
/// quantile of the background bid distribution.
///
/// Background traffic is aggregate gas, not individual signed transactions: a slice stands for
/// many ordinary transactions bidding about the same price. It is divisible — the builder may
/// include part of it to fill the end of a block.
public struct BackgroundBid: Sendable, Hashable {
    /// Gas demanded at this bid (gas).
    public let gas: UInt64
    /// The most paid per gas (wei), below 2⁶⁴ (18.4 ether per gas): the gas price in a
    /// first-price market, `maxFeePerGas` under EIP-1559.
    public let maxFeePerGas: UInt256

    /// A slice of `gas` gas bidding `maxFeePerGas` wei per gas (which must be below 2⁶⁴, so that a
    /// block's background fees are exact in 256 bits).
    public init(gas: UInt64, maxFeePerGas: UInt256) {
        precondition(maxFeePerGas.uint64Value != nil, "a background bid must be below 2^64 wei per gas")
        self.gas = gas
        self.maxFeePerGas = maxFeePerGas
    }

    /// A slice bidding `weiPerGas`, which fits by construction.
    init(gas: UInt64, weiPerGas: UInt64) {
        self.gas = gas
        self.maxFeePerGas = UInt256(weiPerGas)
    }
}
