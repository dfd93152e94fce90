import CascadeChain
import CascadeMath

/// How an agent prices its transactions.
///
/// Prices are wei per gas. Under EIP-1559 the strategy's price is the tip
/// (`maxPriorityFeePerGas`) and `maxFeePerGas = 2 · baseFee + tip`, the common wallet rule; in a
/// first-price market it is the `gasPrice`.
public enum GasStrategy: Sendable, Hashable {
    /// Always the same price, never raised: the March 2020 auction keeper's behaviour (it sent
    /// every transaction at the node's default price).
    case fixed(UInt256)
    /// The `percentile`-th clearing price of the last `blocks` blocks plus `premiumPercent`,
    /// at most `cap`; `floor` before any block is seen.
    case followMarket(percentile: Int, blocks: Int, premiumPercent: UInt64, floor: UInt256, cap: UInt256)
    /// Priority-gas-auction bidding: start as `followMarket`, outbid the best rival bid on the
    /// same contest by `bumpPercent`, and re-bid a transaction still pending after `patienceBlocks`
    /// by `bumpPercent`, never above `cap`.
    case escalate(percentile: Int, blocks: Int, bumpPercent: UInt64, patienceBlocks: UInt64, floor: UInt256, cap: UInt256)

    /// The number of recent blocks whose clearing prices the strategy samples (`nil`: none).
    public var sampledBlocks: Int? {
        switch self {
        case .fixed: nil
        case .followMarket(_, let blocks, _, _, _), .escalate(_, let blocks, _, _, _, _): blocks
        }
    }

    /// The price for a new transaction competing with `rivalBest` (the best rival price on the
    /// same contest, if any).
    public func price(window: GasPriceWindow, rivalBest: UInt256?) -> UInt256 {
        switch self {
        case .fixed(let price):
            return price
        case let .followMarket(percentile, blocks, premium, floor, cap):
            let base = window.percentile(percentile, ofLast: blocks) ?? floor
            return min(max(Self.raise(base, by: premium), floor), cap)
        case let .escalate(percentile, blocks, bump, _, floor, cap):
            var price = max(window.percentile(percentile, ofLast: blocks) ?? floor, floor)
            if let rivalBest, rivalBest >= price { price = Self.raise(rivalBest, by: bump) }
            return min(price, cap)
        }
    }

    /// The replacement price for a transaction pending since `submittedBlock` at `price`, or
    /// `nil` to leave it: only `escalate` re-bids, when patience has run out or a rival bids at
    /// least as much, and only when the bump stays within the cap (a replacement must rise by the
    /// mempool's bump to be accepted).
    public func replacementPrice(current price: UInt256, pendingBlocks: UInt64, rivalBest: UInt256?) -> UInt256? {
        guard case let .escalate(_, _, bump, patience, _, cap) = self else { return nil }
        let outbid = rivalBest.map { $0 >= price } ?? false
        guard outbid || pendingBlocks >= patience else { return nil }
        let raised = Self.raise(max(price, rivalBest ?? .zero), by: bump)
        return raised <= cap ? raised : nil
    }

    /// The fee fields for `price` in `market` with the next block's `baseFee`.
    public static func fee(price: UInt256, market: FeeMarket, baseFee: UInt256) -> TransactionFee {
        switch market {
        case .firstPrice:
            return .legacy(gasPrice: price)
        case .eip1559:
            return .dynamic(maxPriorityFeePerGas: price, maxFeePerGas: (baseFee &+ baseFee) &+ price)
        }
    }

    /// `price · (100 + percent) / 100`, rounded up so that a bump is never lost to rounding.
    static func raise(_ price: UInt256, by percent: UInt64) -> UInt256 {
        // Gas prices are far below 2²⁴⁰ wei: the product cannot wrap.
        try! (price &* UInt256(100 + percent) &+ UInt256(99)) / UInt256(100)
    }
}
