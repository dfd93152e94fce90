import CascadeChain
import CascadeMath

extension AgentView {
    /// What a transaction bidding `price` (a ``GasStrategy`` price: the tip under EIP-1559, the
    /// gas price in a first-price market) pays per gas if it lands in the next block: the price,
    /// plus the next block's base fee under EIP-1559. Wei per gas.
    public func effectiveGasPrice(bid price: UInt256) -> UInt256 {
        switch feeMarket {
        case .firstPrice: price
        case .eip1559: baseFee &+ price  // both far below 2²⁵⁵ wei
        }
    }

    /// The expected cost of `gas` at `price` in USD, valued at the market price of the chain's
    /// native token `nativeSymbol` (`"ETH"`), or `nil` when the market has no such price. A
    /// decision aid (floating point), never a balance.
    public func gasCostUSD(bid price: UInt256, gas: GasEstimate, nativeSymbol: String) -> Double? {
        guard let native = market.price(nativeSymbol) else { return nil }
        return effectiveGasPrice(bid: price).doubleValue * Double(gas.expected) / 1e18 * native
    }
}
