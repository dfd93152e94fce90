import CascadeChain
import CascadeMath
import CascadeProtocols

/// The Aave borrowers whose health factor is below 1 at the next block's timestamp — the time a
/// liquidation sent now would execute at — with the reserves each borrows, computed once per
/// block by the block loop and shared by every Aave liquidator.
///
/// Ordered deepest first, as ``PositionIndexes/aaveCandidates(_:prices:timestamp:)``. Unlike the
/// Maker and Compound sets it is recomputed every block: interest moves every health factor
/// every second. A liquidator that sizes a borrower asks the pool for its account data then.
public struct AaveUnhealthy: Sendable {
    /// The liquidatable borrowers, deepest first.
    public private(set) var owners: [Address] = []
    /// Each one's health factor and borrowed reserves at ``timestamp``, in ``owners`` order.
    public private(set) var health: [AaveAccountHealth] = []
    /// The timestamp the set was computed at.
    public private(set) var timestamp: UInt64?

    public init() {}

    /// Recomputes the set at `timestamp` from the index's candidates, each checked exactly;
    /// returns the number checked.
    mutating func refresh(_ pool: AavePool, prices: AssetPrices, positions: PositionIndexes, timestamp: UInt64) -> Int {
        owners.removeAll(keepingCapacity: true)
        health.removeAll(keepingCapacity: true)
        self.timestamp = timestamp
        let candidates = positions.aaveCandidates(pool, prices: prices, timestamp: timestamp)
        Self.liquidatable(candidates, pool: pool, prices: prices, timestamp: timestamp) { index, found in
            owners.append(candidates[index])
            health.append(found)
        }
        return candidates.count
    }

    /// Calls `body` with the index and the health of each of `candidates` whose health factor
    /// at `timestamp` is below 1 (`HEALTH_FACTOR_LIQUIDATION_THRESHOLD`), in order. One scan
    /// (``CascadeProtocols/AavePool/healthFactors(of:prices:timestamp:)``) checks them all; when
    /// it reverts (a reserve without a price) each candidate is checked alone and the ones that
    /// revert are passed over, as `getUserAccountData` would fail for them.
    public static func liquidatable(_ candidates: [Address], pool: AavePool, prices: AssetPrices, timestamp: UInt64,
                                    _ body: (Int, AaveAccountHealth) -> Void) {
        let threshold = AavePoolConfiguration.healthFactorLiquidationThreshold
        if let scan = try? pool.healthFactors(of: candidates, prices: prices, timestamp: timestamp) {
            for (index, found) in scan.enumerated() where found.healthFactor < threshold { body(index, found) }
            return
        }
        for (index, owner) in candidates.enumerated() {
            guard let found = (try? pool.healthFactors(of: [owner], prices: prices, timestamp: timestamp))?.first,
                  found.healthFactor < threshold else { continue }
            body(index, found)
        }
    }
}
