import CascadeChain
import CascadeMath
import Testing
@testable import CascadeAgents

@Suite struct LiquidationIndexTests {
    static func owner(_ n: UInt64) -> Address { Address(truncating: UInt256(n)) }

    @Test func candidatesAreExactlyTheKeysAtOrAboveTheThreshold() {
        var index = LiquidationIndex()
        var random = UInt64(12345)
        var keys: [UInt64: Double] = [:]
        for n in 1...2_000 as ClosedRange<UInt64> {
            random = random &* 6364136223846793005 &+ 1442695040888963407
            let key = Double(random >> 40) / Double(1 << 24) * 300
            keys[n] = key
            index.update(Self.owner(n), key: key)
        }
        // Move a third, delete a tenth: stale entries must not show.
        for n in stride(from: 1, through: 2_000, by: 3) as StrideThrough<UInt64> {
            keys[n] = 400 - keys[n]!
            index.update(Self.owner(n), key: keys[n])
        }
        for n in stride(from: 5, through: 2_000, by: 10) as StrideThrough<UInt64> {
            keys[n] = nil
            index.update(Self.owner(n), key: nil)
        }
        for threshold in [0.0, 50, 150, 299.9, 1_000] {
            let expected = keys.filter { $0.value >= threshold }.sorted { $0.value > $1.value }.map { Self.owner($0.key) }
            #expect(index.candidates(atOrAbove: threshold) == expected)
        }
        #expect(index.count == keys.count)
    }

    @Test func emptyIndexHasNoCandidates() {
        #expect(LiquidationIndex().candidates(atOrAbove: 0).isEmpty)
    }
}
