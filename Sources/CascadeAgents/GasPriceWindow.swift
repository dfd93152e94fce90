import CascadeMath

/// The prices that cleared the last few blocks (the lowest effective gas price each block
/// included, wei per gas), which a gas-price oracle like geth's `eth_gasPrice` samples.
public struct GasPriceWindow: Sendable, Hashable {
    /// Blocks kept.
    public let capacity: Int
    /// The clearing prices, oldest first.
    public private(set) var prices: [UInt256] = []

    public init(capacity: Int) {
        precondition(capacity >= 1)
        self.capacity = capacity
    }

    /// Adds the clearing price of a new block (`nil` for an empty block, which adds nothing).
    public mutating func record(_ clearingPrice: UInt256?) {
        guard let clearingPrice else { return }
        if prices.count == capacity { prices.removeFirst() }
        prices.append(clearingPrice)
    }

    /// The `percent`-th percentile (nearest rank, 0 … 100) of the last `blocks` prices, or `nil`
    /// before any block.
    public func percentile(_ percent: Int, ofLast blocks: Int) -> UInt256? {
        let sample = prices.suffix(blocks).sorted()
        guard !sample.isEmpty else { return nil }
        let rank = (percent * sample.count + 99) / 100
        return sample[max(rank, 1) - 1]
    }
}
