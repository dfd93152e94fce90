import CascadeChain
import CascadeMath
import CascadeProtocols

/// The Aave borrowers whose health factor is below 1 at the next block's timestamp — the time a
/// liquidation sent now would execute at — with their account data, computed once per block by
/// the block loop and shared by every Aave liquidator.
///
/// Ordered deepest first, as ``PositionIndexes/aaveCandidates(_:prices:timestamp:)``. Unlike the
/// Maker and Compound sets it is recomputed every block: interest moves every health factor
/// every second.
public struct AaveUnhealthy: Sendable {
    /// The liquidatable borrowers, deepest first.
    public private(set) var owners: [Address] = []
    /// Each one's account data at ``timestamp`` (`getUserAccountData`).
    public private(set) var accounts: [Address: AaveAccountData] = [:]
    /// The timestamp the set was computed at.
    public private(set) var timestamp: UInt64?

    public init() {}

    /// Recomputes the set at `timestamp` from the index's candidates, each checked exactly;
    /// returns the number checked.
    mutating func refresh(_ pool: AavePool, prices: AssetPrices, positions: PositionIndexes, timestamp: UInt64) -> Int {
        owners.removeAll(keepingCapacity: true)
        accounts.removeAll(keepingCapacity: true)
        self.timestamp = timestamp
        let candidates = positions.aaveCandidates(pool, prices: prices, timestamp: timestamp)
        for owner in candidates {
            guard let account = try? pool.accountData(of: owner, prices: prices, timestamp: timestamp),
                  account.healthFactor < AavePoolConfiguration.healthFactorLiquidationThreshold else { continue }
            owners.append(owner)
            accounts[owner] = account
        }
        return candidates.count
    }
}
