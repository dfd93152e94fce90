import CascadeMath
import Testing
@testable import CascadeAgents

@Suite struct GasPriceWindowTests {
    /// A window keeping spans sorted gives every percentile a plain window (which sorts when
    /// asked) gives, over a long run of prices with many ties, empty blocks and the window full.
    @Test func sortedSpansGiveThePercentilesOfASortedSample() {
        var plain = GasPriceWindow(capacity: 30)
        var kept = GasPriceWindow(capacity: 30, sortedSpans: [1, 5, 20, 30, 31, 5])
        var random = SplitMix64(seed: 7)
        var asked = 0
        for block in 0..<500 {
            let price: UInt256? = random.next() % 9 == 0 ? nil : UInt256(random.next() % 40 + 1) &* UInt256(1_000_000_000)
            plain.record(price)
            kept.record(price)
            #expect(kept.prices == plain.prices)
            for blocks in [1, 5, 20, 30, 31, 7] {
                for percent in [0, 1, 50, 60, 99, 100] {
                    #expect(kept.percentile(percent, ofLast: blocks) == plain.percentile(percent, ofLast: blocks),
                            "block \(block), \(percent)th of \(blocks)")
                    asked += 1
                }
            }
        }
        #expect(asked > 0)
    }

    /// Nearest rank over the last blocks: the 60th percentile of 10, 20, 30, 40, 50 is the third.
    @Test func percentileIsTheNearestRank() {
        var window = GasPriceWindow(capacity: 10, sortedSpans: [5])
        for price in [50, 10, 40, 20, 30] as [UInt64] { window.record(UInt256(price)) }
        #expect(window.percentile(60, ofLast: 5) == UInt256(30))
        #expect(window.percentile(100, ofLast: 5) == UInt256(50))
        #expect(window.percentile(0, ofLast: 5) == UInt256(10))
        window.record(UInt256(1))   // 50 leaves the span of 5
        #expect(window.percentile(100, ofLast: 5) == UInt256(40))
        #expect(GasPriceWindow(capacity: 3, sortedSpans: [2]).percentile(50, ofLast: 2) == nil)
    }
}
