import CascadeAgents
import CascadeChain
import CascadeMath
import CascadeProtocols
import Foundation

extension RunMetrics {
    /// What a run measures of Aave, Compound, their push feeds and the Uniswap pairs
    /// (docs/scenarios-lending.md, "Outputs"): when each borrower became liquidatable, the feeds'
    /// staleness, the pairs' swaps, and bad debt at the end.
    public struct Lending: Sendable {
        /// The staleness of one push feed over the run.
        public struct FeedStaleness: Sendable, Hashable {
            /// Market symbol it reports.
            public let symbol: String
            /// Largest `|answer − market| / market` seen at the end of a block.
            public internal(set) var maxDeviation = 0.0
            /// Largest age of the answer at the end of a block: block time − the newest observation
            /// timestamp of the round in use (seconds).
            public internal(set) var maxAgeSeconds: UInt64 = 0
        }

        /// The swaps of one Uniswap v2 pair.
        public struct SwapTally: Sendable, Hashable {
            /// The pair's name in its protocol file (`WETH-USDC`).
            public let pair: String
            /// Successful swaps.
            public internal(set) var count = 0
            /// Their input at market prices when they executed (USD).
            public internal(set) var volumeUSD = 0.0
        }

        /// Per feed, in ``CascadeAgents/ChainState/feeds`` order.
        public private(set) var feeds: [FeedStaleness] = []
        /// Per pair, in ``CascadeAgents/ChainState/pairs`` order.
        public private(set) var swaps: [SwapTally] = []
        /// The Aave borrowers liquidatable (health factor below 1 by the pool's oracle) at the end
        /// of the last tracked block, each with the first block of its current episode.
        private(set) var aaveLiquidatable: [Address: UInt64] = [:]
        /// The same borrowers in the order last computed (the index's candidate order).
        private var aaveOrder: [Address] = []
        /// The index's stamp of ``aaveLiquidatable`` when all its pair candidates were certain.
        private var aaveStamp: LendingPositionIndex.CertainStamp?
        /// How many of ``aaveOrder`` (the first ones) are unbounded borrowers.
        private var aaveUnboundedCount = 0
        /// The same for Compound borrowers with a shortfall.
        private var compoundLiquidatable: [Address: UInt64] = [:]

        init() {}

        /// The largest deviation and age over every feed.
        var maxDeviation: Double { feeds.map(\.maxDeviation).max() ?? 0 }
        var maxAgeSeconds: UInt64 { feeds.map(\.maxAgeSeconds).max() ?? 0 }

        /// Blocks since `owner` of `protocolName` (`"aave"`, `"compound"`) first became
        /// liquidatable (0 when it was not seen liquidatable at the end of an earlier block).
        func delay(protocolName: String, owner: Address, block: UInt64) -> UInt64 {
            let first = protocolName == "aave" ? aaveFirstBlock(owner) : compoundLiquidatable[owner]
            return first.map { block >= $0 ? block - $0 : 0 } ?? 0
        }

        /// The first block of `owner`'s current Aave episode, `nil` when not liquidatable now.
        private func aaveFirstBlock(_ owner: Address) -> UInt64? { aaveLiquidatable[owner] }

        // MARK: Per block

        /// Notes the Compound borrowers that got a shortfall in `block` and forgets those that
        /// no longer have one (``CompoundShortfalls``).
        mutating func noteCompound(_ change: LiquidatableSetChange, block: UInt64) {
            for owner in change.left { compoundLiquidatable[owner] = nil }
            for owner in change.entered { compoundLiquidatable[owner] = block }
        }

        /// After block `block` (at `timestamp`): which Aave borrowers are liquidatable — the
        /// index's candidates at the on-chain prices with a health factor below 1 at `timestamp`
        /// — and each feed's staleness. While the index's stamp
        /// (``CascadeAgents/PositionIndexes/aaveCertainStamp(_:prices:timestamp:)``) shows the same
        /// certain pair candidates as the last block's, those stand and only the unbounded
        /// borrowers (never certain, listed first) are checked again.
        mutating func track(block: UInt64, timestamp: UInt64, world: World) {
            let state = world.state
            if let pool = state.aave {
                let stamp = world.positions.aaveCertainStamp(pool, prices: state.aavePrices, timestamp: timestamp)
                if stamp != nil, stamp == aaveStamp {
                    let unbounded = world.positions.aavePositions.unboundedOwners
                    if !unbounded.isEmpty || aaveUnboundedCount > 0 {
                        let found = AaveUnhealthy.liquidatableUnbounded(unbounded, pool: pool, prices: state.aavePrices,
                                                                        timestamp: timestamp).owners
                        if found[...] != aaveOrder[..<aaveUnboundedCount] {
                            noteAave(found + aaveOrder[aaveUnboundedCount...], block: block)
                            aaveUnboundedCount = found.count
                        }
                    }
                } else {
                    // The order does not matter here: a certain set may come in the index's.
                    let found = AaveUnhealthy.find(pool, prices: state.aavePrices, positions: world.positions, timestamp: timestamp,
                                                   allCertain: stamp != nil)
                    noteAave(found.owners, block: block)
                    aaveUnboundedCount = found.unbounded
                }
                aaveStamp = stamp
            }
            prepare(world)
            for (index, binding) in state.feeds.enumerated() {
                let (answer, ok) = binding.feed.peek()
                guard ok, let asset = world.market.index(of: feeds[index].symbol) else { continue }
                let market = world.market.price(asset)
                let value = answer.doubleValue / pow(10, Double(binding.feed.decimals))
                feeds[index].maxDeviation = max(feeds[index].maxDeviation, abs(value - market) / market)
                let observed = binding.feed.latestReportTimestamp
                if timestamp >= observed { feeds[index].maxAgeSeconds = max(feeds[index].maxAgeSeconds, timestamp - observed) }
            }
        }

        /// Makes `owners` the liquidatable Aave borrowers after `block`: an episode goes on for
        /// those liquidatable at the last block too, starts for the others and ends for those no
        /// longer in. Both lists come in the index's candidate order, which moves little from one
        /// block to the next: only the part between their common prefix and common suffix is
        /// compared as sets.
        private mutating func noteAave(_ owners: [Address], block: UInt64) {
            let previous = aaveOrder
            var prefix = 0
            while prefix < min(previous.count, owners.count), previous[prefix] == owners[prefix] { prefix += 1 }
            var suffix = 0
            while suffix < min(previous.count, owners.count) - prefix,
                  previous[previous.count - 1 - suffix] == owners[owners.count - 1 - suffix] { suffix += 1 }
            let left = Set(previous[prefix..<(previous.count - suffix)])
            let entered = owners[prefix..<(owners.count - suffix)]
            let stayed = left.intersection(entered)
            for owner in left where !stayed.contains(owner) { aaveLiquidatable[owner] = nil }
            for owner in entered where !stayed.contains(owner) { aaveLiquidatable[owner] = block }
            aaveOrder = owners
        }

        /// Counts a pair's `Swap` and values its input at market prices.
        mutating func recordSwap(_ event: ProtocolEvent, world: World) {
            guard let index = world.state.pairs.firstIndex(where: { $0.source == event.source }) else { return }
            prepare(world)
            let pair = world.state.pairs[index]
            swaps[index].count += 1
            swaps[index].volumeUSD += RunMetrics.usd(event.integer("amount0In") ?? .zero, token: pair.token0.address, world: world)
                + RunMetrics.usd(event.integer("amount1In") ?? .zero, token: pair.token1.address, world: world)
        }

        /// One entry per feed and per pair, at the first block.
        private mutating func prepare(_ world: World) {
            if feeds.count != world.state.feeds.count {
                feeds = world.state.feeds.map { FeedStaleness(symbol: $0.assets.first.flatMap { world.pricing.symbols[$0.token.address] } ?? "") }
            }
            if swaps.count != world.state.pairs.count {
                let prefix = "uniswap-v2 "
                swaps = world.state.pairs.map { SwapTally(pair: $0.source.hasPrefix(prefix) ? String($0.source.dropFirst(prefix.count)) : $0.source) }
            }
        }

        // MARK: End of run

        /// Bad debt of Aave and Compound at market prices, and the debt of borrowers still
        /// liquidatable by the on-chain oracle (USD):
        ///
        /// - Aave: `deficit_booked_usd` (`DeficitCreated`, v3.3) and `underwater_positions_usd`,
        ///   `Σ max(0, debt − collateral)` over borrowers, collateral being the reserves enabled
        ///   as collateral (balances with interest at the last block's time);
        /// - Compound: `underwater_accounts_usd`, `Σ max(0, borrows − collateral)` with the stored
        ///   borrow balances and the cTokens of entered markets at the stored exchange rates.
        func finish(world: World, aaveDeficitUSD: Double) -> (badDebt: [(protocolName: String, usd: Double, detail: [(String, Double)])],
                                                              missedUSD: Double) {
            var badDebt: [(protocolName: String, usd: Double, detail: [(String, Double)])] = []
            var missed = 0.0
            let timestamp = world.market.timestamp
            if let pool = world.state.aave {
                var underwater = 0.0
                for user in pool.accounts.sorted() {
                    let position = pool.position(of: user)
                    guard position.isBorrowingAny else { continue }
                    var collateral = 0.0, debt = 0.0
                    for reserve in pool.reserves {
                        let asset = reserve.asset.address
                        if position.isUsingAsCollateral(reserve.id), let balance = try? pool.aTokenBalance(of: user, asset: asset, timestamp: timestamp) {
                            collateral += RunMetrics.usd(balance, token: asset, world: world)
                        }
                        if position.isBorrowing(reserve.id), let owed = try? pool.variableDebt(of: user, asset: asset, timestamp: timestamp) {
                            debt += RunMetrics.usd(owed, token: asset, world: world)
                        }
                    }
                    underwater += max(0, debt - collateral)
                    if aaveFirstBlock(user) != nil { missed += debt }
                }
                badDebt.append(("aave", aaveDeficitUSD + underwater,
                                [("deficit_booked_usd", aaveDeficitUSD), ("underwater_positions_usd", underwater)]))
            }
            if let comptroller = world.state.compound {
                var underwater = 0.0
                for account in comptroller.accountAssets.keys.sorted() {
                    var collateral = 0.0, debt = 0.0
                    for id in comptroller.accountAssets[account]! {
                        let market = comptroller.markets[id]
                        let token = market.underlying.address
                        if let borrowed = try? market.borrowBalanceStored(account) { debt += RunMetrics.usd(borrowed, token: token, world: world) }
                        if let rate = try? market.exchangeRateStored(cash: market.cash(in: world.state.ledger)),
                           let underlying = try? CompoundMath.mulScalarTruncate(rate, market.balance(of: account)) {
                            collateral += RunMetrics.usd(underlying, token: token, world: world)
                        }
                    }
                    guard debt > 0 else { continue }
                    underwater += max(0, debt - collateral)
                    if compoundLiquidatable[account] != nil { missed += debt }
                }
                badDebt.append(("compound", underwater, [("underwater_accounts_usd", underwater)]))
            }
            return (badDebt, missed)
        }
    }
}
