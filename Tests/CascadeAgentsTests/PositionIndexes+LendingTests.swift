import CascadeChain
import CascadeMath
import CascadeProtocols
import Testing
@testable import CascadeAgents

@Suite struct PositionIndexesLendingTests {
    /// A random book: the chain, the owners, and the owners one (collateral, debt) pair decides.
    struct Book {
        var chain: LendingChain
        var owners: [Address] = []
        var singlePair: Set<Address> = []
    }

    /// `count` positions at ETH = $2,000, each borrowing 30–95 % of its borrowing power: WETH
    /// against USDC, USDC against WETH, both collaterals against USDC, and WETH against both debts.
    static func book(seed: UInt64, count: Int, compound: Bool) -> Book {
        var book = Book(chain: LendingChain())
        var random = SplitMix64(seed: seed)
        let (weth, usdc) = (LendingChain.weth, LendingChain.usdc)
        // Borrowing power per dollar of collateral: Aave's LTV, Compound's collateral factor.
        let (wethPower, usdcPower) = compound ? (0.75, 0.80) : (0.805, 0.77)
        for n in 0..<count {
            let owner = address(0x10_000 + UInt64(n))
            let kind = random.next() % 4
            let usage = random.uniform(0.3, 0.95)
            let ethCollateral = random.uniform(0.5, 50)
            let usdCollateral = random.uniform(1_000, 100_000)
            let (collateral, debt): ([(Token, UInt256)], [(Token, UInt256)])
            switch kind {
            case 0:
                collateral = [(weth, decimalUnits(ethCollateral, 18))]
                debt = [(usdc, decimalUnits(ethCollateral * 2_000 * wethPower * usage, 6))]
            case 1:
                collateral = [(usdc, decimalUnits(usdCollateral, 6))]
                debt = [(weth, decimalUnits(usdCollateral * usdcPower * usage / 2_000, 18))]
            case 2:
                collateral = [(weth, decimalUnits(ethCollateral, 18)), (usdc, decimalUnits(usdCollateral, 6))]
                let power: Double = ethCollateral * 2_000 * wethPower + usdCollateral * usdcPower
                debt = [(usdc, decimalUnits(power * usage, 6))]
            default:
                collateral = [(weth, decimalUnits(ethCollateral, 18))]
                let power = ethCollateral * 2_000 * wethPower * usage
                debt = [(usdc, decimalUnits(power / 2, 6)), (weth, decimalUnits(power / 2 / 2_000, 18))]
            }
            if compound {
                try! book.chain.openCompound(owner, collateral: collateral, debt: debt)
            } else {
                try! book.chain.openAave(owner, collateral: collateral, debt: debt)
            }
            book.owners.append(owner)
            if kind < 2 { book.singlePair.insert(owner) }
        }
        return book
    }

    /// A whale borrows 90 % of the USDC left against WETH: rates near the kink, so that interest
    /// moves positions across their liquidation prices.
    static func borrowMostUSDC(_ chain: inout LendingChain, compound: Bool) {
        let whale = address(0x3A1E)
        let holder = compound ? LendingChain.cUSDC : LendingChain.pool
        let cash = chain.state.ledger.balance(of: holder, in: LendingChain.usdc.address).doubleValue / 1e6
        let collateral = [(LendingChain.weth, units(200_000, 18))], debt = [(LendingChain.usdc, decimalUnits(cash * 0.9, 6))]
        if compound {
            try! chain.openCompound(whale, collateral: collateral, debt: debt)
        } else {
            try! chain.openAave(whale, collateral: collateral, debt: debt)
        }
    }

    /// One step of a random price path: every `interestEvery`-th step a block of interest alone,
    /// otherwise ETH's price times a uniform draw from `moves`.
    static func walk(_ chain: inout LendingChain, step: Int, interestEvery: Int, price: inout Double,
                     random: inout SplitMix64, moves: ClosedRange<Double>) {
        if step % interestEvery == 0 {
            chain.advance()
        } else {
            price *= random.uniform(moves.lowerBound, moves.upperBound)
            chain.setPrice(ethUSD: price)
        }
    }

    /// The owners whose health factor is below 1 when the next block lands.
    static func unhealthyAave(_ chain: LendingChain, _ owners: [Address]) -> Set<Address> {
        let pool = chain.state.aave!
        return Set(owners.filter {
            try! pool.healthFactor(of: $0, prices: chain.state.aavePrices, timestamp: chain.timestamp + 12)
                < AavePoolConfiguration.healthFactorLiquidationThreshold
        })
    }

    static func shortfallCompound(_ chain: LendingChain, _ owners: [Address]) -> Set<Address> {
        let comptroller = chain.state.compound!
        return Set(owners.filter {
            !(try! comptroller.accountLiquidity(of: $0, prices: chain.state.compoundPrices, ledger: chain.state.ledger)).shortfall.isZero
        })
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func aaveCandidatesAreTheUnhealthyPositions(seed: UInt64) {
        var book = Self.book(seed: seed, count: 60, compound: false)
        var liquidatable = 0, interestDriven = 0, certain = 0
        var before: Set<Address> = []
        // Prices both ways, then five years of interest at an unchanged price (no position refreshed).
        for step in [1_900, 1_700, 1_500, 1_300, 2_300, 2_800, 1_600, 0] as [Double] {
            if step == 0 {
                Self.borrowMostUSDC(&book.chain, compound: false)
                book.chain.advance(blocks: 1, seconds: 5 * 365 * 86_400)
            } else {
                book.chain.setPrice(ethUSD: step)
            }
            let chain = book.chain
            let pool = chain.state.aave!
            let found = chain.positions.aaveCandidates(pool, prices: chain.state.aavePrices, timestamp: chain.timestamp + 12)
            let candidates = Set(found.map(\.owner))
            let unhealthy = Self.unhealthyAave(chain, book.owners)
            #expect(unhealthy.isSubset(of: candidates), "missed at \(step): \(unhealthy.subtracting(candidates))")
            #expect(candidates.intersection(book.singlePair) == unhealthy.intersection(book.singlePair), "at \(step)")
            // Exact keys are those of the single-pair positions; the shared set is exactly the
            // unhealthy positions, each with its borrowed reserves, whether certain or scanned.
            let exact = Set(found.filter { $0.pair?.keyIsExact ?? false }.map(\.owner))
            #expect(exact.isSubset(of: book.singlePair))
            var liquidatableNow: [Address: UInt128] = [:]
            let scanned = AaveUnhealthy.liquidatable(found, pool: pool, prices: chain.state.aavePrices, timestamp: chain.timestamp + 12) {
                liquidatableNow[found[$0].owner] = $1
            }
            #expect(Set(liquidatableNow.keys) == unhealthy, "at \(step)")
            // Positions with two debts are candidates at any price, first and by address; the
            // sole pair's candidates, when one pair has any, are all the others.
            let unbounded = found.prefix { $0.pair == nil }.map(\.owner)
            #expect(!unbounded.isEmpty && unbounded == chain.positions.aavePositions.unboundedOwners, "at \(step)")
            if let sole = chain.positions.aaveSoleCandidates(pool, prices: chain.state.aavePrices, timestamp: chain.timestamp + 12) {
                #expect(Set(sole.owners) == Set(found.dropFirst(unbounded.count).map(\.owner)), "at \(step)")
            }
            #expect(liquidatableNow.allSatisfy { $0.value == pool.position(of: $0.key).borrowingMask }, "at \(step)")
            certain += found.count - scanned
            liquidatable += unhealthy.count
            if step == 0 { interestDriven = unhealthy.subtracting(before).count }
            before = unhealthy
        }
        #expect(liquidatable > 0)
        #expect(interestDriven > 0)
        #expect(certain > 0, "some positions are liquidatable for certain, without a scan")
    }

    /// Around one position's liquidation price, in steps down to the oracle's last decimal:
    /// a position is certain only when it is liquidatable, and the shared set agrees with its
    /// exact health factor at every price.
    @Test func certaintyNeverCrossesTheLiquidationPrice() throws {
        var chain = LendingChain()
        let owner = address(0xB0B)
        // 10 WETH against 12,450 USDC: liquidatable below 12,450 / (10 · 0.83) = $1,500.
        try chain.openAave(owner, collateral: [(LendingChain.weth, units(10, 18))], debt: [(LendingChain.usdc, units(12_450, 6))])
        var certain = 0
        for offset in [-1e-2, -1e-4, -3e-6, -1.5e-6, -1e-6, -5e-7, -1e-7, -1e-8, 0, 1e-8, 1e-7, 1e-6, 1e-4] {
            chain.setPrice(ethUSD: 1_500 * (1 + offset))
            let pool = chain.state.aave!, time = chain.timestamp + 12
            let found = chain.positions.aaveCandidates(pool, prices: chain.state.aavePrices, timestamp: time)
            let allExact = found.allSatisfy { $0.pair?.keyIsExact ?? false }
            #expect(allExact)
            var liquidatable = false
            let scanned = AaveUnhealthy.liquidatable(found, pool: pool, prices: chain.state.aavePrices, timestamp: time) { _, _ in
                liquidatable = true
            }
            let exact = try pool.healthFactor(of: owner, prices: chain.state.aavePrices, timestamp: time)
            #expect(liquidatable == (exact < AavePoolConfiguration.healthFactorLiquidationThreshold), "at 1,500 · (1 + \(offset))")
            // A stamp only when nothing needs checking.
            _ = chain.view()
            let stamp = chain.positions.aaveCertainStamp(pool, prices: chain.state.aavePrices, timestamp: time)
            #expect((stamp == nil) == (scanned > 0), "at 1,500 · (1 + \(offset))")
            certain += found.count - scanned
        }
        #expect(certain > 0)
    }

    /// Equal stamps mean the same liquidatable borrowers. Along a price path with small steps,
    /// blocks of interest alone and rises, a stamp seen before comes with the borrowers it came
    /// with then; a stamped set needs no check and is exactly the unhealthy positions; any
    /// position that moves in the index changes the stamp, a refresh that moves nothing does not.
    @Test func equalCertainStampsMeanTheSameBorrowers() throws {
        var chain = LendingChain()
        var random = SplitMix64(seed: 11)
        var owners: [Address] = []
        for n in 0..<80 {
            let owner = address(0x20_000 + UInt64(n))
            let eth = random.uniform(1, 20)
            try chain.openAave(owner, collateral: [(LendingChain.weth, decimalUnits(eth, 18))],
                               debt: [(LendingChain.usdc, decimalUnits(eth * 2_000 * 0.8 * random.uniform(0.5, 0.95), 6))])
            owners.append(owner)
        }
        func stamp() -> LendingPositionIndex.CertainStamp? {
            _ = chain.view()   // settles the index at the next block's threshold, as the block loop does
            return chain.positions.aaveCertainStamp(chain.state.aave!, prices: chain.state.aavePrices, timestamp: chain.timestamp + 12)
        }
        var seen: [LendingPositionIndex.CertainStamp: Set<Address>] = [:]
        var repeats = 0, liquidatable = 0
        var price = 2_000.0
        for step in 0..<300 {
            Self.walk(&chain, step: step, interestEvery: 3, price: &price, random: &random, moves: 0.98...1.012)
            guard let found = stamp() else { continue }
            let pool = chain.state.aave!
            let candidates = chain.positions.aaveCandidates(pool, prices: chain.state.aavePrices, timestamp: chain.timestamp + 12)
            let scanned = AaveUnhealthy.liquidatable(candidates, pool: pool, prices: chain.state.aavePrices,
                                                     timestamp: chain.timestamp + 12) { _, _ in }
            let unhealthy = Self.unhealthyAave(chain, owners)
            #expect(scanned == 0, "step \(step)")
            #expect(Set(candidates.map(\.owner)) == unhealthy, "step \(step)")
            // Read straight from the one pair's index: the same borrowers, in the same order
            // when no two keys share a depth.
            let sole = try #require(chain.positions.aaveSoleCandidates(pool, prices: chain.state.aavePrices, timestamp: chain.timestamp + 12))
            #expect(Set(sole.owners) == unhealthy, "step \(step)")
            if chain.positions.aaveCandidatesKeepIndexOrder(pool, prices: chain.state.aavePrices, timestamp: chain.timestamp + 12) {
                #expect(sole.owners == candidates.map(\.owner), "step \(step)")
            }
            #expect(sole.debtMask == (sole.owners.isEmpty ? 0 : UInt128(1) << pool.reserveIDs[LendingChain.usdc.address]!))
            if let before = seen[found] {
                repeats += 1
                #expect(before == unhealthy, "step \(step)")
            }
            seen[found] = unhealthy
            liquidatable += unhealthy.count
        }
        #expect(repeats > 50)
        #expect(liquidatable > 0)
        let before = stamp()
        #expect(before != nil)
        chain.positions.refresh(owners[0], in: chain.state)   // nothing moved
        #expect(stamp() == before)
        try chain.openAave(address(0x30_000), collateral: [(LendingChain.weth, units(100, 18))], debt: [(LendingChain.usdc, units(1_000, 6))])
        #expect(stamp() != before, "a new position, far from its price, changes the stamp")
    }

    /// Borrowers with two debts are candidates at any price and never certain, but they no longer
    /// keep a certain set from standing: along a random price path, with blocks of interest
    /// alone, the shared set after every block is the one a full check of every candidate gives
    /// (unbounded borrowers first, by address), also at blocks where the stamp stood and only
    /// the unbounded borrowers changed; there it checked those alone.
    @Test func unboundedBorrowersAreCheckedAgainWhileCertainCandidatesStand() throws {
        var chain = LendingChain()
        var random = SplitMix64(seed: 23)
        let (weth, usdc) = (LendingChain.weth, LendingChain.usdc)
        var owners: [Address] = []
        for n in 0..<90 {
            let owner = address(0x40_000 + UInt64(n)), eth = random.uniform(1, 20), usage = random.uniform(0.5, 0.97)
            if n % 10 == 0 {
                // WETH against USDC and WETH: falls toward liquidation as ETH falls.
                let power = eth * 2_000 * 0.805 * usage
                try chain.openAave(owner, collateral: [(weth, decimalUnits(eth, 18))],
                                   debt: [(usdc, decimalUnits(power * 0.8, 6)), (weth, decimalUnits(power * 0.2 / 2_000, 18))])
            } else {
                try chain.openAave(owner, collateral: [(weth, decimalUnits(eth, 18))], debt: [(usdc, decimalUnits(eth * 2_000 * 0.805 * usage, 6))])
            }
            owners.append(owner)
        }
        let unbounded = chain.positions.aavePositions.unboundedOwners
        #expect(unbounded.count == 9)
        var previous: (stamp: LendingPositionIndex.CertainStamp?, unbounded: [Address]) = (nil, [])
        var stoodWithUnboundedChange = 0, price = 2_000.0
        for step in 0..<400 {
            Self.walk(&chain, step: step, interestEvery: 4, price: &price, random: &random, moves: 0.99...1.008)
            let pool = chain.state.aave!, prices = chain.state.aavePrices, time = chain.timestamp + 12
            let examined = chain.positions.refreshLiquidatable(in: chain.state, touched: [], timestamp: time).aaveExamined
            let shared = chain.positions.aaveUnhealthy
            let fresh = AaveUnhealthy.find(pool, prices: prices, positions: chain.positions, timestamp: time, allCertain: false)
            #expect(shared.owners == fresh.owners, "step \(step)")
            #expect(shared.borrowingMasks == fresh.borrowingMasks, "step \(step)")
            #expect(Set(shared.owners) == Self.unhealthyAave(chain, owners), "step \(step)")
            let liquidatableUnbounded = shared.owners.prefix { unbounded.contains($0) }
            #expect(Set(liquidatableUnbounded) == Set(unbounded).intersection(shared.owners), "step \(step): unbounded first")
            let stamp = chain.positions.aaveCertainStamp(pool, prices: prices, timestamp: time)
            if stamp != nil, stamp == previous.stamp, !shared.owners.isEmpty {
                #expect(examined == unbounded.count, "step \(step): only the unbounded borrowers are checked")
                if Array(liquidatableUnbounded) != previous.unbounded { stoodWithUnboundedChange += 1 }
            }
            previous = (stamp, Array(liquidatableUnbounded))
        }
        #expect(stoodWithUnboundedChange > 0)
    }

    /// Two keys that round to one depth are listed by address, not by key: the order differs from
    /// the index's, and the index says so.
    @Test func candidatesKeepIndexOrderUnlessTwoDepthsTie() throws {
        // Neighbouring keys just under 2, over a limit between 1 and 2: the quotients' spacing is
        // coarser than the keys' relative one.
        let high = 2.0.nextDown, low = 2.0.nextDown.nextDown
        let limit = try #require(stride(from: 1.001, to: 2.0, by: 0.001).first { low / $0 == high / $0 })
        let pair = LendingPositionIndex.Pair(collateral: address(0xA), debt: address(0xB), keyIsExact: true)
        var index = LendingPositionIndex()
        index.update(address(2), placement: .pair(pair, key: high))
        index.update(address(1), placement: .pair(pair, key: low))
        index.settle(threshold: { _ in 0.5 })
        #expect(index.candidates(threshold: { _ in limit }).map(\.owner) == [address(1), address(2)])
        #expect(!index.candidatesKeepIndexOrder(threshold: { _ in limit }))
        #expect(index.candidates(threshold: { _ in 1 }).map(\.owner) == [address(2), address(1)])
        #expect(index.candidatesKeepIndexOrder(threshold: { _ in 1 }))
        #expect(!index.keysWellSeparated(threshold: { _ in 1 }), "neighbouring doubles")
    }

    /// Candidates found well separated keep the index's order at any limit that keeps their
    /// depths finite, without their keys being looked at again; a pair queried at every
    /// position passes only alone.
    @Test func wellSeparatedCandidatesKeepIndexOrderAtAnyLimit() {
        let pair = LendingPositionIndex.Pair(collateral: address(0xA), debt: address(0xB), keyIsExact: true)
        var index = LendingPositionIndex()
        index.update(address(1), placement: .pair(pair, key: 1.5))
        index.update(address(2), placement: .pair(pair, key: 1.5 * (1 + 0x1p-47)))
        index.settle(threshold: { _ in 1 })
        #expect(index.keysWellSeparated(threshold: { _ in 1 }))
        #expect(!index.candidatesKeepIndexOrder(threshold: { _ in 0.75 }, separated: true), "not settled at 0.75")
        index.settle(threshold: { _ in 5e-309 })
        for limit in [1.0, 0.75, 1e-300] {
            #expect(index.candidatesKeepIndexOrder(threshold: { _ in limit }, separated: true))
            #expect(index.candidatesKeepIndexOrder(threshold: { _ in limit }) , "limit \(limit)")
        }
        #expect(!index.candidatesKeepIndexOrder(threshold: { _ in 5e-309 }, separated: true), "depths overflow")
        #expect(!index.candidatesKeepIndexOrder(threshold: { _ in nil }, separated: true), "every depth +∞: address order")
        #expect(!index.keysWellSeparated(threshold: { _ in nil }))
    }

    /// A reserve's liquidation threshold lowered by governance re-keys every Aave position at the
    /// end of the block: positions it makes liquidatable are found.
    @Test func aReserveConfigurationChangeReKeysThePositions() throws {
        var chain = LendingChain()
        let owner = address(0xB0B)
        try chain.openAave(owner, collateral: [(LendingChain.weth, units(10, 18))], debt: [(LendingChain.usdc, units(12_450, 6))])
        chain.setPrice(ethUSD: 1_600)   // healthy: liquidatable below $1,500
        _ = chain.view()
        #expect(chain.positions.aaveUnhealthy.owners.isEmpty)
        var configuration = LendingChain.wethReserve
        configuration.ltv = 6_500
        configuration.liquidationThreshold = 7_000   // now liquidatable below 12,450 / 7 = $1,778.57
        let timestamp = chain.timestamp
        try chain.setUp { (pool: inout AavePool, _: inout CompoundComptroller, _: inout TokenLedger, _) throws(Revert) in
            try pool.setConfiguration(configuration, of: LendingChain.weth.address, timestamp: timestamp)
        }
        _ = chain.view()
        #expect(chain.positions.aaveUnhealthy.owners == [owner])
    }

    @Test(arguments: [4, 5, 6] as [UInt64])
    func compoundCandidatesAreThePositionsInShortfall(seed: UInt64) {
        var book = Self.book(seed: seed, count: 60, compound: true)
        var liquidatable = 0, interestDriven = 0
        var before: Set<Address> = []
        for step in [1_900, 1_700, 1_500, 1_300, 2_300, 2_800, 1_600, 0] as [Double] {
            if step == 0 {
                // Five years of blocks at an unchanged price, then the lender accrues both markets:
                // borrow indexes and exchange rates move for every position without a refresh.
                Self.borrowMostUSDC(&book.chain, compound: true)
                book.chain.advance(blocks: 5 * 2_102_400)
                try! book.chain.setUp { (_: inout AavePool, comptroller: inout CompoundComptroller, ledger: inout TokenLedger, context) throws(Revert) in
                    for cToken in [LendingChain.cETH, LendingChain.cUSDC] {
                        _ = try comptroller.mint(mintAmount: .one, target: cToken, context: context(LendingChain.lender), ledger: &ledger)
                    }
                }
            } else {
                book.chain.setPrice(ethUSD: step)
            }
            let chain = book.chain
            let candidates = Set(chain.positions.compoundCandidates(chain.state.compound!, prices: chain.state.compoundPrices,
                                                                    ledger: chain.state.ledger))
            let shortfall = Self.shortfallCompound(chain, book.owners)
            #expect(shortfall.isSubset(of: candidates), "missed at \(step): \(shortfall.subtracting(candidates))")
            #expect(candidates.intersection(book.singlePair) == shortfall.intersection(book.singlePair), "at \(step)")
            liquidatable += shortfall.count
            if step == 0 { interestDriven = shortfall.subtracting(before).count }
            before = shortfall
        }
        #expect(liquidatable > 0)
        #expect(interestDriven > 0)
    }

    @Test func aaveKeyIsTheLiquidationPriceOfASingleCollateral() throws {
        var chain = LendingChain()
        let owner = address(0xB0B)
        // 10 WETH against 12,450 USDC: liquidatable below 12,450 / (10 · 0.83) = $1,500.
        try chain.openAave(owner, collateral: [(LendingChain.weth, units(10, 18))], debt: [(LendingChain.usdc, units(12_450, 6))])
        guard case let .pair(pair, key)? = chain.positions.aavePositions.placement(of: owner) else {
            Issue.record("not indexed under a pair")
            return
        }
        #expect(pair == .init(collateral: LendingChain.weth.address, debt: LendingChain.usdc.address, keyIsExact: true))
        #expect(abs(key / (1 + PositionIndexes.lendingKeyMargin) - 1_500) < 1e-9)
    }

    @Test func placementsFollowThePosition() throws {
        var chain = LendingChain()
        let owner = address(0xB0B)
        try chain.openAave(owner, collateral: [(LendingChain.weth, units(10, 18))], debt: [(LendingChain.usdc, units(1_000, 6))])
        #expect(chain.positions.aavePositions.pairs.values.map(\.count) == [1])
        // A second debt asset makes the position unbounded: out of its pair, a candidate at any price.
        try chain.openAave(owner, collateral: [], debt: [(LendingChain.weth, units(1, 18))])
        #expect(chain.positions.aavePositions.placement(of: owner) == .unbounded)
        #expect(chain.positions.aavePositions.pairs.values.allSatisfy { $0.count == 0 })
        #expect(chain.positions.aaveCandidates(chain.state.aave!, prices: chain.state.aavePrices,
                                               timestamp: chain.timestamp).map(\.owner) == [owner])
        // Repaying everything (interest included) removes it.
        chain.fund(owner, LendingChain.weth, units(1, 18))
        chain.fund(owner, LendingChain.usdc, units(10, 6))
        try chain.setUp { (pool: inout AavePool, _: inout CompoundComptroller, ledger: inout TokenLedger, context) throws(Revert) in
            for token in [LendingChain.weth, LendingChain.usdc] {
                _ = try pool.repay(asset: token.address, amount: .max, onBehalfOf: owner, context: context(owner), ledger: &ledger)
            }
        }
        chain.positions.refresh(owner, in: chain.state)
        #expect(chain.positions.aavePositions.placement(of: owner) == nil)
        #expect(chain.positions.aavePositions.count == 0)
    }
}
