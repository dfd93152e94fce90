import CascadeChain
import CascadeMath
import CascadeProtocols

/// The Compound borrowers with a shortfall now (`getAccountLiquidity`, exact), kept current by
/// the block loop and shared by every liquidator and by the metrics, so that a borrower is
/// checked once per change of its inputs rather than once per liquidator per block.
///
/// Ordered deepest first, as ``PositionIndexes/compoundCandidates(_:prices:ledger:)``.
///
/// **Maintenance** (``PositionIndexes/refreshLiquidatable(in:touched:timestamp:)``): Compound's liquidity
/// reads only stored values — the oracle's prices, each market's exchange rate (cash, supply,
/// borrows, reserves), borrow index and collateral factor, and the account's own balances — so
/// the set is recomputed from the index's candidates when one of those aggregates or a price
/// moved, or when a borrower it indexes transacted; otherwise it stands.
public struct CompoundShortfalls: Sendable {
    /// The borrowers with a shortfall, deepest first.
    public private(set) var owners: [Address] = []
    private var members: Set<Address> = []
    /// Incremented at every recomputation: values read from Compound's state stand while it does.
    public private(set) var generation: UInt64 = 0
    /// The prices and market aggregates of the last computation.
    private var inputs: [UInt256]?

    public init() {}

    /// Brings the set up to date with `state`; `touched` are the owners whose positions the
    /// block's transactions may have changed; `positions` the (refreshed) indexes.
    mutating func refresh(_ comptroller: CompoundComptroller, state: ChainState, positions: PositionIndexes,
                          touched: [Address]) -> LiquidatableSetChange {
        let prices = state.compoundPrices, ledger = state.ledger
        let current = Self.inputs(comptroller, prices: prices, ledger: ledger)
        var change = LiquidatableSetChange()
        guard current != inputs || touched.contains(where: { members.contains($0) || positions.compoundPositions.placement(of: $0) != nil })
        else { return change }
        inputs = current
        generation += 1
        let previous = members
        owners.removeAll(keepingCapacity: true)
        members.removeAll(keepingCapacity: true)
        for owner in positions.compoundCandidates(comptroller, prices: prices, ledger: ledger) {
            change.examined += 1
            guard let (error, _, shortfall) = try? comptroller.accountLiquidity(of: owner, prices: prices, ledger: ledger),
                  error == .noError, !shortfall.isZero else { continue }
            owners.append(owner)
            members.insert(owner)
            if !previous.contains(owner) { change.entered.append(owner) }
        }
        change.left = previous.filter { !members.contains($0) }.sorted { $0 < $1 }
        return change
    }

    /// Every stored value outside the accounts that Compound's liquidity reads.
    static func inputs(_ comptroller: CompoundComptroller, prices: AssetPrices, ledger: TokenLedger) -> [UInt256] {
        var values: [UInt256] = []
        values.reserveCapacity(comptroller.markets.count * 7)
        for market in comptroller.markets {
            values += [prices[market.underlying.address] ?? .zero, market.cash(in: ledger), market.totalSupply,
                       market.totalBorrows, market.totalReserves, market.borrowIndex,
                       market.configuration.collateralFactorMantissa]
        }
        return values
    }
}
