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

    /// Settling moves positions between the heap and the sorted head; whatever the levels it was
    /// settled at, and whatever was updated since, every query returns what a plain filter and
    /// sort of the live keys gives — ties by address included.
    @Test func settlingAtAnyLevelLeavesTheResultsUnchanged() {
        var index = LiquidationIndex()
        var keys: [UInt64: Double] = [:]
        var random = UInt64(987_654_321)
        func next() -> UInt64 {
            random = random &* 6364136223846793005 &+ 1442695040888963407
            return random >> 33
        }
        func expectMatches(_ threshold: Double, _ note: String) {
            let expected = keys.filter { $0.value >= threshold }
                .sorted { $0.value != $1.value ? $0.value > $1.value : Self.owner($0.key) < Self.owner($1.key) }
            let found = index.entries(atOrAbove: threshold)
            #expect(found.map(\.owner) == expected.map { Self.owner($0.key) }, "\(note), threshold \(threshold)")
            #expect(found.map(\.key) == expected.map(\.value), "\(note), threshold \(threshold)")
        }
        // Keys on a coarse grid, so that many tie; some +∞ (no collateral).
        for n in 1...5_000 as ClosedRange<UInt64> {
            let key = n % 97 == 0 ? Double.infinity : Double(next() % 400) / 4
            keys[n] = key
            index.update(Self.owner(n), key: key)
        }
        // A crash drags the level down, a recovery lifts it (the head gives its surplus back), a
        // second crash: updates and removals in between land in the head or in the heap.
        let levels: [Double] = [99, 90, 80, 60, 40, 20, 10, 5, 0, 30, 70, 95, 99.75, 50, 25]
        for (round, level) in levels.enumerated() {
            index.settle(atOrAbove: level)
            for threshold in [level, level + 0.25, level - 3, level + 10] { expectMatches(threshold, "round \(round)") }
            for _ in 0..<200 {
                let n = next() % 5_200 + 1
                let key: Double? = next() % 5 == 0 ? nil : Double(next() % 400) / 4
                keys[n] = key
                index.update(Self.owner(n), key: key)
            }
            expectMatches(level, "round \(round) after updates")
            #expect(index.count == keys.count)
        }
    }

    @Test func nanKeysAreNeverCandidates() {
        var index = LiquidationIndex()
        index.update(Self.owner(1), key: 5)
        index.update(Self.owner(2), key: .nan)
        index.settle(atOrAbove: 0)
        #expect(index.candidates(atOrAbove: -.infinity) == [Self.owner(1)])
        #expect(index.count == 1)
    }

    /// Only a settled head answers how many keys reach a level and the lowest of them.
    @Test func settledEntriesNeedASettledHead() {
        var index = LiquidationIndex()
        index.update(Self.owner(1), key: 1)
        index.update(Self.owner(2), key: 2)
        #expect(index.settledEntries(atOrAbove: 0) == nil, "still in the heap")
        index.settle(atOrAbove: 0.5)
        #expect(index.settledEntries(atOrAbove: 0.25) == nil, "below the settled level")
        #expect(index.settledEntries(atOrAbove: 0.5)?.count == 2)
        #expect(index.settledEntries(atOrAbove: 0.5)?.lowestKey == 1)
        #expect(index.settledEntries(atOrAbove: 1.5)?.lowestKey == 2)
        #expect(index.settledEntries(atOrAbove: 3)?.count == 0)
        #expect(index.settledEntries(atOrAbove: 3)?.lowestKey == nil)
    }

    /// Two different keys that one depth function maps to one value break the index's order.
    @Test func keepsOrderUnlessTwoKeysShareADepth() {
        var index = LiquidationIndex()
        index.update(Self.owner(1), key: 0.5)
        index.update(Self.owner(2), key: 1)
        index.update(Self.owner(3), key: 1.0.nextUp)
        index.update(Self.owner(4), key: 1.0.nextUp)   // equal keys keep their address order
        #expect(!index.keepsOrder(atOrAbove: 0) { $0 }, "not settled")
        index.settle(atOrAbove: 0)
        #expect(index.keepsOrder(atOrAbove: 0) { $0 })
        #expect(index.keepsOrder(atOrAbove: 0) { $0 / 2 }, "halving is exact")
        #expect(!index.keepsOrder(atOrAbove: 0) { ($0 * 4).rounded() }, "1 and its successor share a depth")
        #expect(index.keepsOrder(atOrAbove: 1.0.nextUp) { ($0 * 4).rounded() }, "1 is below the level")
    }

    /// Keys more than `1 + 2⁻⁴⁹` apart keep their order under division by any limit; nearer
    /// ones are reported, equal ones are not.
    @Test func wellSeparatedKeysKeepOrderUnderEveryDivision() {
        var index = LiquidationIndex()
        var random = SplitMix64(seed: 7)
        var key = 1.0, last = key
        for owner: UInt64 in 1...200 {
            index.update(Self.owner(owner), key: key)
            last = key
            if owner.isMultiple(of: 7) { continue }   // the next key equals this one
            key *= 1 + 0x1p-48 + Distributions.unitInterval(using: &random) * 0x1p-40
        }
        #expect(!index.keysWellSeparated(atOrAbove: 1), "not settled")
        index.settle(atOrAbove: 1)
        #expect(index.keysWellSeparated(atOrAbove: 1))
        #expect(!index.keysWellSeparated(atOrAbove: 0), "the level must be positive")
        for _ in 0..<2_000 {
            let limit = 1 - Distributions.unitInterval(using: &random) * 0.999
            #expect(index.keepsOrder(atOrAbove: 1) { $0 / limit }, "limit \(limit)")
        }
        index.update(Self.owner(500), key: last.nextUp)
        #expect(!index.keysWellSeparated(atOrAbove: 1), "two neighbouring doubles")
        #expect(index.keysWellSeparated(atOrAbove: last.nextUp), "the pair is not both at or above the level")
        #expect(index.largestKey == last.nextUp)
    }

    @Test func emptyIndexHasNoCandidates() {
        #expect(LiquidationIndex().candidates(atOrAbove: 0).isEmpty)
    }
}
