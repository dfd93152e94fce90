import CascadeChain
import CascadeMath

/// The prices that cleared the last few blocks (the lowest effective gas price each block
/// included, wei per gas), which a gas-price oracle like geth's `eth_gasPrice` samples.
public struct GasPriceWindow: Sendable, Hashable {
    /// The last `blocks` prices in ascending order, kept up to date as blocks are recorded.
    private struct SortedSpan: Sendable, Hashable {
        let blocks: Int
        var prices: [UInt256] = []
    }

    /// Blocks kept.
    public let capacity: Int
    /// The clearing prices, oldest first.
    public private(set) var prices: [UInt256] = []
    /// The spans kept sorted, by number of blocks.
    private var sortedSpans: [SortedSpan]

    /// An empty window of `capacity` blocks that keeps the last `blocks` prices sorted for each
    /// of `sortedSpans` (the spans agents ask ``percentile(_:ofLast:)`` about), so that a
    /// percentile over them sorts nothing; any other span is sorted when asked.
    public init(capacity: Int, sortedSpans: some Sequence<Int> = []) {
        precondition(capacity >= 1)
        self.capacity = capacity
        self.sortedSpans = Set(sortedSpans.filter { (1...capacity).contains($0) }).sorted().map { SortedSpan(blocks: $0) }
    }

    /// Adds the clearing price of a new block (`nil` for an empty block, which adds nothing).
    public mutating func record(_ clearingPrice: UInt256?) {
        guard let clearingPrice else { return }
        for index in sortedSpans.indices {
            let blocks = sortedSpans[index].blocks
            if prices.count >= blocks {
                // The oldest price of the span leaves it.
                let leaving = prices[prices.count - blocks]
                sortedSpans[index].prices.remove(at: sortedSpans[index].prices.lowerBound(of: leaving))
            }
            let position = sortedSpans[index].prices.lowerBound(of: clearingPrice)
            sortedSpans[index].prices.insert(clearingPrice, at: position)
        }
        if prices.count == capacity { prices.removeFirst() }
        prices.append(clearingPrice)
    }

    /// The `percent`-th percentile (nearest rank, 0 … 100) of the last `blocks` prices, or `nil`
    /// before any block.
    public func percentile(_ percent: Int, ofLast blocks: Int) -> UInt256? {
        let sample = sortedSpans.first { $0.blocks == blocks }?.prices ?? prices.suffix(blocks).sorted()
        guard !sample.isEmpty else { return nil }
        let rank = (percent * sample.count + 99) / 100
        return sample[max(rank, 1) - 1]
    }
}
