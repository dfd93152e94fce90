import CascadeChain
import CascadeMath
import CascadeProtocols

/// The liquidation indexes of every market with positions, kept current by the block loop:
/// after each block it calls ``refresh(_:in:)`` for every owner whose position a transaction
/// touched, so an index is never rebuilt by scanning all positions.
public struct PositionIndexes: Sendable {
    /// Maker vaults per ilk; key `art · mat / ink` (USD per unit of collateral at `rate` = 1):
    /// a vault is unsafe when the OSM price is below `key · rate`.
    public private(set) var makerVaults: [Bytes32: LiquidationIndex] = [:]
    /// Maker vaults unsafe now, per ilk (``refreshLiquidatable(in:touched:timestamp:)``).
    public private(set) var makerUnsafe: [Bytes32: UnsafeVaults] = [:]
    /// What Clipper keepers act on, per ilk with a Clipper (``refreshLiquidatable(in:touched:timestamp:)``).
    public private(set) var clipAuctions: [Bytes32: ClipAuctions] = [:]
    /// What flip keepers walk, per ilk with a Flipper (``refreshLiquidatable(in:touched:timestamp:)``).
    public private(set) var flipAuctions: [Bytes32: FlipAuctions] = [:]
    /// Compound borrowers with a shortfall now (``refreshLiquidatable(in:touched:timestamp:)``).
    public private(set) var compoundShortfalls = CompoundShortfalls()
    /// Aave borrowers liquidatable at the next block's timestamp (``refreshLiquidatable(in:touched:timestamp:)``).
    public private(set) var aaveUnhealthy = AaveUnhealthy()
    /// Aave borrowers by (collateral, debt) underlying pair (``aavePlacement(_:owner:prices:)``).
    public private(set) var aavePositions = LendingPositionIndex()
    /// Compound borrowers by (collateral, borrowed) cToken pair (``compoundPlacement(_:owner:prices:ledger:)``).
    public private(set) var compoundPositions = LendingPositionIndex()
    /// The Aave pool's ``CascadeProtocols/AavePool/configurationVersion`` the Aave keys follow.
    private var aaveKeyedVersion: UInt64 = 0

    public init() {}

    /// Recomputes the keys of `owner`'s positions from `state`.
    public mutating func refresh(_ owner: Address, in state: ChainState) {
        if let maker = state.maker {
            for ilk in maker.ilkNames {
                makerVaults[ilk, default: LiquidationIndex()].update(owner, key: Self.makerKey(maker, ilk: ilk, owner: owner))
            }
        }
        if let aave = state.aave {
            aavePositions.update(owner, placement: Self.aavePlacement(aave, owner: owner, prices: state.aavePrices))
        }
        if let compound = state.compound {
            compoundPositions.update(owner, placement: Self.compoundPlacement(
                compound, owner: owner, prices: state.compoundPrices, ledger: state.ledger))
        }
    }

    /// What ``refreshLiquidatable(in:touched:timestamp:)`` changed.
    public struct LiquidatableChange: Sendable {
        /// Each Maker ilk's unsafe vaults, in the Vat's ilk order.
        public var makerUnsafe: [(ilk: Bytes32, change: LiquidatableSetChange)] = []
        /// Compound's shortfalls.
        public var compoundShortfalls = LiquidatableSetChange()
        /// Aave positions checked (the Aave set is recomputed every block; nobody needs its
        /// entries and exits).
        public var aaveExamined = 0
        /// Unsafe vaults checked against the Dog's limits for the Clipper keepers (``ClipAuctions``).
        public var barksExamined = 0

        /// Positions checked exactly.
        public var examined: Int {
            makerUnsafe.reduce(compoundShortfalls.examined + aaveExamined + barksExamined) { $0 + $1.change.examined }
        }
    }

    /// Brings ``makerUnsafe``, ``clipAuctions``, ``flipAuctions``, ``compoundShortfalls`` and ``aaveUnhealthy`` up to date after a
    /// block, `touched` being the owners whose positions its transactions may have changed
    /// (already ``refresh(_:in:)``ed) and `timestamp` the next block's.
    public mutating func refreshLiquidatable(in state: ChainState, touched: [Address], timestamp: UInt64) -> LiquidatableChange {
        var change = LiquidatableChange()
        if let maker = state.maker {
            for ilk in maker.ilkNames {
                if let level = UnsafeVaults.threshold(maker, ilk: ilk) { makerVaults[ilk]?.settle(atOrAbove: level) }
            }
            change.makerUnsafe = maker.ilkNames.map { ilk in
                (ilk, makerUnsafe[ilk, default: UnsafeVaults()].refresh(maker, ilk: ilk, index: makerVaults[ilk], touched: touched))
            }
            for ilk in maker.ilkNames {
                if let flipper = maker.flipper(ilk) {
                    flipAuctions[ilk, default: FlipAuctions()].refresh(flipper, timestamp: timestamp)
                }
                if let clipper = maker.clipper(ilk) {
                    change.barksExamined += clipAuctions[ilk, default: ClipAuctions()].refresh(
                        maker, clipper: clipper, ilk: ilk, unsafe: makerUnsafe[ilk], touched: touched, timestamp: timestamp)
                }
            }
        }
        if let comptroller = state.compound {
            compoundPositions.settle(threshold: Self.compoundThreshold(comptroller, prices: state.compoundPrices, ledger: state.ledger))
            var shortfalls = compoundShortfalls
            compoundShortfalls = CompoundShortfalls()  // a unique reference: refreshed in place, not copied
            change.compoundShortfalls = shortfalls.refresh(comptroller, state: state, positions: self, touched: touched)
            compoundShortfalls = shortfalls
        }
        if let pool = state.aave {
            if pool.configurationVersion != aaveKeyedVersion {
                // A reserve's parameters changed (a threshold, a freeze): every key may be stale.
                for owner in pool.accounts {
                    aavePositions.update(owner, placement: Self.aavePlacement(pool, owner: owner, prices: state.aavePrices))
                }
                aaveKeyedVersion = pool.configurationVersion
            }
            aavePositions.settle(threshold: Self.aaveThreshold(pool, prices: state.aavePrices, timestamp: timestamp))
            var unhealthy = aaveUnhealthy
            aaveUnhealthy = AaveUnhealthy()  // a unique reference: refreshed in place, not copied
            change.aaveExamined = unhealthy.refresh(pool, prices: state.aavePrices, positions: self, timestamp: timestamp)
            aaveUnhealthy = unhealthy
        }
        return change
    }

    /// The Maker vault's liquidation-price key, or `nil` when it has no debt or no collateral
    /// (a vault without collateral but with debt is keyed +∞: always unsafe).
    static func makerKey(_ maker: Maker, ilk: Bytes32, owner: Address) -> Double? {
        let urn = maker.vat.urn(ilk, owner)
        guard !urn.art.isZero else { return nil }
        guard !urn.ink.isZero else { return .infinity }
        let mat = (maker.spotter.ilks[ilk]?.mat.doubleValue ?? 0) / 1e27
        return urn.art.doubleValue * mat / urn.ink.doubleValue
    }
}
