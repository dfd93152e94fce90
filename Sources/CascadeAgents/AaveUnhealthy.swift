import CascadeChain
import CascadeMath
import CascadeProtocols

/// The Aave borrowers whose health factor is below 1 at the next block's timestamp — the time a
/// liquidation sent now would execute at — with the reserves each borrows, computed once per
/// block by the block loop and shared by every Aave liquidator.
///
/// Ordered deepest first, as ``PositionIndexes/aaveCandidates(_:prices:timestamp:)``: the
/// unbounded borrowers (several debts, or debt without collateral) by address, then the pairs'.
/// Unlike the Maker and Compound sets it is computed afresh every block — interest moves every
/// health factor every second — unless every pair candidate is certain and the index shows the
/// same ones (``refresh(_:prices:positions:timestamp:)``): then only the unbounded borrowers,
/// never certain, are checked again. A liquidator that sizes a borrower asks the pool for its
/// account data then.
public struct AaveUnhealthy: Sendable {
    /// The liquidatable borrowers, deepest first.
    public private(set) var owners: [Address] = []
    /// The reserves each borrows (``CascadeProtocols/AaveUserPosition/borrowingMask``), in
    /// ``owners`` order.
    public private(set) var borrowingMasks: [UInt128] = []
    /// Every reserve any of them borrows (the union of ``borrowingMasks``): a liquidator with
    /// capital in none of these has nothing to look at.
    public private(set) var borrowed: UInt128 = 0
    /// The timestamp the set was computed at.
    public private(set) var timestamp: UInt64?
    /// How many of ``owners`` (the first ones) are unbounded borrowers.
    private var unboundedCount = 0
    /// The index's stamp of the set when every pair candidate in it was certain and they came
    /// in the index's order.
    private var stamp: LendingPositionIndex.CertainStamp?
    /// Whether the borrowers of ``stamp`` had well-separated keys
    /// (``PositionIndexes/aaveKeysWellSeparated(_:prices:timestamp:)``): while the stamp stands,
    /// their order then stands at any timestamp without looking at them again.
    private var separated = false

    public init() {}

    /// Recomputes the set at `timestamp` from the index's candidates; returns the number checked
    /// exactly. The pair candidates stand as they are when the index's stamp
    /// (``PositionIndexes/aaveCertainStamp(_:prices:timestamp:)``) equals the last one, only one
    /// pair has candidates and they come in the index's order at both timestamps
    /// (``PositionIndexes/aaveCandidatesKeepIndexOrder(_:prices:timestamp:separated:)``): the same
    /// borrowers, in the same order, with the same reserves; only the unbounded borrowers are
    /// checked again. The order is checked borrower by borrower only when the stamp changed or
    /// the last set's keys were not well separated.
    mutating func refresh(_ pool: AavePool, prices: AssetPrices, positions: PositionIndexes, timestamp: UInt64) -> Int {
        self.timestamp = timestamp
        let stamp = positions.aaveCertainStamp(pool, prices: prices, timestamp: timestamp)
        let sameStamp = stamp != nil && stamp == self.stamp
        // A stamp is kept only with a set in the index's order: its order then stands too.
        var separatedNow = false, inIndexOrder = false
        if let stamp, stamp.isOnePair {
            separatedNow = (separated && sameStamp) || positions.aaveKeysWellSeparated(pool, prices: prices, timestamp: timestamp)
            inIndexOrder = positions.aaveCandidatesKeepIndexOrder(pool, prices: prices, timestamp: timestamp, separated: separatedNow)
        }
        if inIndexOrder, sameStamp { return refreshUnbounded(pool, prices: prices, positions: positions, timestamp: timestamp) }
        self.stamp = inIndexOrder ? stamp : nil
        separated = inIndexOrder && separatedNow
        let found = Self.find(pool, prices: prices, positions: positions, timestamp: timestamp, allCertain: inIndexOrder)
        owners = found.owners
        borrowingMasks = found.borrowingMasks
        borrowed = borrowingMasks.reduce(0, |)
        unboundedCount = found.unbounded
        return found.checked
    }

    /// Checks the unbounded borrowers again, keeping the rest of the set; returns the number
    /// checked.
    private mutating func refreshUnbounded(_ pool: AavePool, prices: AssetPrices, positions: PositionIndexes, timestamp: UInt64) -> Int {
        let unbounded = positions.aavePositions.unboundedOwners
        guard !unbounded.isEmpty || unboundedCount > 0 else { return 0 }
        let found = Self.liquidatableUnbounded(unbounded, pool: pool, prices: prices, timestamp: timestamp)
        if found.owners[...] != owners[..<unboundedCount] || found.borrowingMasks[...] != borrowingMasks[..<unboundedCount] {
            owners.replaceSubrange(..<unboundedCount, with: found.owners)
            borrowingMasks.replaceSubrange(..<unboundedCount, with: found.borrowingMasks)
            borrowed = borrowingMasks.reduce(0, |)
            unboundedCount = found.owners.count
        }
        return unbounded.count
    }

    /// The borrowers whose health factor at `timestamp` is below 1, in candidate order, with the
    /// reserves each borrows, the number checked exactly and how many of them (the first) are
    /// unbounded. With `allCertain` (the index gave a certain stamp:
    /// ``PositionIndexes/aaveCertainStamp(_:prices:timestamp:)``) and at most one pair with
    /// candidates, they are the unbounded borrowers checked exactly, then that pair's candidates
    /// read straight from its sorted head, in the index's order — the candidate order unless two
    /// keys round to one depth (``PositionIndexes/aaveCandidatesKeepIndexOrder(_:prices:timestamp:)``).
    public static func find(_ pool: AavePool, prices: AssetPrices, positions: PositionIndexes, timestamp: UInt64,
                            allCertain: Bool) -> (owners: [Address], borrowingMasks: [UInt128], checked: Int, unbounded: Int) {
        if allCertain, let sole = positions.aaveSoleCandidates(pool, prices: prices, timestamp: timestamp) {
            let unbounded = positions.aavePositions.unboundedOwners
            let found = liquidatableUnbounded(unbounded, pool: pool, prices: prices, timestamp: timestamp)
            let masks = Array(repeating: sole.debtMask, count: sole.owners.count)
            guard !found.owners.isEmpty else { return (sole.owners, masks, unbounded.count, 0) }
            return (found.owners + sole.owners, found.borrowingMasks + masks, unbounded.count, found.owners.count)
        }
        let candidates = positions.aaveCandidates(pool, prices: prices, timestamp: timestamp)
        var owners: [Address] = [], borrowingMasks: [UInt128] = [], unboundedCount = 0
        owners.reserveCapacity(candidates.count)
        borrowingMasks.reserveCapacity(candidates.count)
        let checked = liquidatable(candidates, pool: pool, prices: prices, timestamp: timestamp) { index, borrowingMask in
            owners.append(candidates[index].owner)
            borrowingMasks.append(borrowingMask)
            if candidates[index].pair == nil { unboundedCount += 1 }
        }
        return (owners, borrowingMasks, checked, unboundedCount)
    }

    /// The liquidatable ones of the unbounded borrowers `owners` (by address,
    /// ``LendingPositionIndex/unboundedOwners``), with the reserves each borrows: what changes in
    /// a set of liquidatable borrowers while its pair candidates stand.
    public static func liquidatableUnbounded(_ owners: [Address], pool: AavePool, prices: AssetPrices,
                                              timestamp: UInt64) -> (owners: [Address], borrowingMasks: [UInt128]) {
        guard !owners.isEmpty else { return ([], []) }
        let candidates = owners.map { LendingPositionIndex.Candidate(owner: $0, depth: .infinity, pair: nil) }
        var found: (owners: [Address], borrowingMasks: [UInt128]) = ([], [])
        liquidatable(candidates, pool: pool, prices: prices, timestamp: timestamp) { index, borrowingMask in
            found.owners.append(owners[index])
            found.borrowingMasks.append(borrowingMask)
        }
        return found
    }

    /// Calls `body` with the index and the borrowed reserves of each of `candidates` (from
    /// ``PositionIndexes/aaveCandidates(_:prices:timestamp:)`` at the same `prices` and
    /// `timestamp`) whose health factor at `timestamp` is below 1
    /// (`HEALTH_FACTOR_LIQUIDATION_THRESHOLD`), in order; returns the number checked exactly.
    ///
    /// A candidate with an exact key deeper than ``PositionIndexes/aaveCertaintyDepth`` is
    /// liquidatable for certain and borrows its pair's debt only. The others are checked by one
    /// scan (``CascadeProtocols/AavePool/healthFactors(of:prices:timestamp:)``); when it reverts
    /// (a reserve without a price) each is checked alone and the ones that revert are passed
    /// over, as `getUserAccountData` would fail for them.
    @discardableResult
    public static func liquidatable(_ candidates: [LendingPositionIndex.Candidate], pool: AavePool, prices: AssetPrices,
                                    timestamp: UInt64, _ body: (Int, UInt128) -> Void) -> Int {
        let threshold = AavePoolConfiguration.healthFactorLiquidationThreshold
        // Each candidate's borrowed reserves when certain, `nil` when it must be checked.
        var certain: [UInt128?] = []
        certain.reserveCapacity(candidates.count)
        var checked: [Address] = []
        // The debt reserve's bit of the last pair seen: candidates come pair by pair.
        var lastPair: (pair: LendingPositionIndex.Pair, debtMask: UInt128?)?
        for candidate in candidates {
            if let pair = candidate.pair, pair.keyIsExact, candidate.depth > PositionIndexes.aaveCertaintyDepth {
                if lastPair?.pair != pair { lastPair = (pair, pool.reserveIDs[pair.debt].map { UInt128(1) << $0 }) }
                if let debtMask = lastPair?.debtMask {
                    certain.append(debtMask)
                    continue
                }
            }
            certain.append(nil)
            checked.append(candidate.owner)
        }
        var scan: [AaveAccountHealth?]
        if let all = try? pool.healthFactors(of: checked, prices: prices, timestamp: timestamp) {
            scan = all
        } else {
            scan = checked.map { (try? pool.healthFactors(of: [$0], prices: prices, timestamp: timestamp))?.first }
        }
        var next = 0
        for (index, mask) in certain.enumerated() {
            if let mask {
                body(index, mask)
                continue
            }
            defer { next += 1 }
            guard let found = scan[next], found.healthFactor < threshold else { continue }
            body(index, found.borrowingMask)
        }
        return checked.count
    }
}
