import CascadeChain
import CascadeMath
import CascadeProtocols
import Testing
@testable import CascadeAgents

@Suite struct LiquidatorAaveTests {
    static let weth = LendingChain.weth
    static let usdc = LendingChain.usdc

    /// `count` positions of 10 WETH borrowing 50 % … 99 % of their USDC borrowing power at $2,000.
    static func ladder(_ chain: inout LendingChain, count: Int = 12) -> [Address] {
        (0..<count).map { n in
            let owner = address(0x20_000 + UInt64(n))
            let usage = 0.5 + 0.49 * Double(n) / Double(count - 1)
            try! chain.openAave(owner, collateral: [(weth, units(10, 18))], debt: [(usdc, decimalUnits(10 * 2_000 * 0.805 * usage, 6))])
            return owner
        }
    }

    /// Owners whose health factor is below 1 when the next block lands.
    static func unhealthy(_ chain: LendingChain, _ owners: [Address]) -> Set<Address> {
        PositionIndexesLendingTests.unhealthyAave(chain, owners)
    }

    /// The `(user, debtToCover)` of a `liquidationCall`.
    static func target(_ transaction: AgentTransaction) -> (user: Address, debtToCover: UInt256) {
        guard case let .aaveLiquidationCall(_, _, user, debtToCover, _) = transaction.call else {
            preconditionFailure("not a liquidationCall: \(transaction.call)")
        }
        return (user, debtToCover)
    }

    static func debt(_ chain: LendingChain, _ owner: Address) -> UInt256 {
        try! chain.state.aave!.variableDebt(of: owner, asset: usdc.address, timestamp: chain.timestamp + 12)
    }

    @Test func liquidatesExactlyThePositionsWithHealthFactorBelowOne() {
        var chain = LendingChain()
        let owners = Self.ladder(&chain)
        chain.setPrice(ethUSD: 1_700)
        var liquidator = chain.liquidator(.aave)
        let sent = liquidator.act(chain.view())
        let unhealthy = Self.unhealthy(chain, owners)
        #expect(!unhealthy.isEmpty && unhealthy.count < owners.count)
        #expect(Set(sent.map { Self.target($0).user }) == unhealthy)
        #expect(sent.count == unhealthy.count)
        #expect(Set(chain.positions.aaveUnhealthy.owners) == unhealthy, "the shared set, checked at the next block's timestamp")
        let usdcBit = UInt128(1) << chain.state.aave!.reserve(for: LendingChain.usdc.address)!.id
        #expect(chain.positions.aaveUnhealthy.borrowed == usdcBit, "all of them borrow USDC only")
        #expect(sent.map(\.nonce) == Array(0..<UInt64(sent.count)))
    }

    /// The borrowers owe USDC: a liquidator holding only WETH passes over them all (without
    /// sizing anything, ``Liquidator/fundedReserves(_:capital:)``); one holding only USDC takes
    /// every one of them.
    @Test func needsCapitalInTheReserveTheBorrowerOwes() {
        var chain = LendingChain()
        let owners = Self.ladder(&chain)
        chain.setPrice(ethUSD: 1_700)
        let unhealthy = Self.unhealthy(chain, owners)
        #expect(!unhealthy.isEmpty)
        var wethOnly = chain.liquidator(.aave, index: 1, usdc: .zero)
        #expect(wethOnly.act(chain.view()).isEmpty)
        var usdcOnly = chain.liquidator(.aave, index: 2, weth: .zero)
        #expect(Set(usdcOnly.act(chain.view()).map { Self.target($0).user }) == unhealthy)
    }

    @Test func closeFactorOfV30IsHalfAboveHealthFactor095AndAllBelow() {
        var chain = LendingChain(rules: .v3_0)
        let partial = address(0xA), full = address(0xB)
        try! chain.openAave(partial, collateral: [(Self.weth, units(10, 18))], debt: [(Self.usdc, units(15_000, 6))])
        try! chain.openAave(full, collateral: [(Self.weth, units(10, 18))], debt: [(Self.usdc, units(16_000, 6))])
        chain.setPrice(ethUSD: 1_750)   // HF 0.968 and 0.908
        var liquidator = chain.liquidator(.aave)
        let sent = Dictionary(uniqueKeysWithValues: liquidator.act(chain.view()).map { Self.target($0) })
        #expect(sent[partial] == (try! PercentageMath.percentMul(Self.debt(chain, partial), UInt256(5_000))))
        #expect(sent[full] == Self.debt(chain, full))
    }

    @Test func closeFactorOfV33IsHalfTheDebtValueOnlyForPositionsAbove2000Dollars() {
        var chain = LendingChain(rules: .v3_3)
        let small = address(0xA), large = address(0xB)
        try! chain.openAave(small, collateral: [(Self.weth, units(1, 18))], debt: [(Self.usdc, units(1_500, 6))])
        try! chain.openAave(large, collateral: [(Self.weth, units(10, 18))], debt: [(Self.usdc, units(15_000, 6))])
        chain.setPrice(ethUSD: 1_750)   // both HF 0.968; the small one's collateral is worth $1,750
        var liquidator = chain.liquidator(.aave)
        let sent = Dictionary(uniqueKeysWithValues: liquidator.act(chain.view()).map { Self.target($0) })
        let account = try! chain.state.aave!.accountData(of: large, prices: chain.state.aavePrices, timestamp: chain.timestamp + 12)
        let halfDebtValue = try! PercentageMath.percentMul(account.totalDebtBase, UInt256(5_000))
        #expect(sent[small] == Self.debt(chain, small))
        #expect(sent[large] == (try! halfDebtValue * units(1, 6) / units(1, 8)))
    }

    /// The quote against the pool's own `liquidationCall` on random positions, both rule sets,
    /// every (collateral, debt) pair and several requested amounts: the same revert or the same
    /// debt repaid, collateral received, close-factor cap and gas; and a gross profit within the
    /// liquidators' bound (``Liquidator/aaveGrossProfitBound``) at any market price.
    @Test(arguments: [(AaveLiquidationRules.v3_0, 21 as UInt64), (.v3_3, 22), (.v3_3, 23)])
    func quoteIsWhatThePoolExecutes(rules: AaveLiquidationRules, seed: UInt64) {
        var chain = LendingChain(rules: rules)
        var random = SplitMix64(seed: seed)
        var owners: [Address] = []
        for n in 0..<40 {
            let owner = address(0x30_000 + UInt64(n))
            let eth = random.uniform(0.2, 40), usd = random.uniform(300, 80_000), usage = random.uniform(0.7, 0.97)
            switch random.next() % 3 {
            case 0:
                try! chain.openAave(owner, collateral: [(Self.weth, decimalUnits(eth, 18))],
                                    debt: [(Self.usdc, decimalUnits(eth * 2_000 * 0.805 * usage, 6))])
            case 1:
                try! chain.openAave(owner, collateral: [(Self.usdc, decimalUnits(usd, 6))],
                                    debt: [(Self.weth, decimalUnits(usd * 0.77 * usage / 2_000, 18))])
            default:
                let power: Double = eth * 2_000 * 0.805 + usd * 0.77
                try! chain.openAave(owner, collateral: [(Self.weth, decimalUnits(eth, 18)), (Self.usdc, decimalUnits(usd, 6))],
                                    debt: [(Self.usdc, decimalUnits(power * usage / 2, 6)), (Self.weth, decimalUnits(power * usage / 4_000, 18))])
            }
            owners.append(owner)
        }
        let liquidator = address(0x11C)
        chain.fund(liquidator, Self.weth, units(100_000, 18))
        chain.fund(liquidator, Self.usdc, units(500_000_000, 6))
        var compared = 0, reverted = 0
        for ethUSD in [1_800, 1_500, 2_600] as [Double] {
            chain.setPrice(ethUSD: ethUSD)
            let pool = chain.state.aave!, prices = chain.state.aavePrices
            let timestamp = chain.timestamp + 12
            for owner in Self.unhealthy(chain, owners).sorted(by: { $0.bytes.lexicographicallyPrecedes($1.bytes) }) {
                let account = try! pool.accountData(of: owner, prices: prices, timestamp: timestamp)
                let position = pool.position(of: owner)
                for debtID in reserveIDs(position.borrowingMask) {
                    for collateralID in reserveIDs(position.collateralMask) {
                        let debt = pool.reserves[debtID]
                        let owed = try! pool.variableDebt(of: owner, asset: debt.asset.address, timestamp: timestamp)
                        for requested in [UInt256.max, owed >> 1, owed >> 3, try! owed / 97] {
                            let quote = Liquidator.aaveQuote(pool, user: owner, account: account, collateral: pool.reserves[collateralID],
                                                             debt: debt, debtToCover: requested, prices: prices, timestamp: timestamp)
                            var executed = pool, ledger = chain.state.ledger
                            let receipt = try? executed.liquidationCall(
                                collateralAsset: pool.reserves[collateralID].asset.address, debtAsset: debt.asset.address, user: owner,
                                debtToCover: requested, receiveAToken: false,
                                context: CallContext(sender: liquidator, blockNumber: chain.block + 1, timestamp: timestamp),
                                prices: prices, ledger: &ledger)
                            #expect((quote == nil) == (receipt == nil), "\(owner) \(collateralID)/\(debtID) \(requested)")
                            guard let quote, let receipt else { reverted += 1; continue }
                            #expect(quote.debtRepaid == receipt.debtRepaid)
                            #expect(quote.collateralReceived == receipt.collateralToLiquidator)
                            #expect(quote.maxRepay == receipt.maxLiquidatableDebt)
                            #expect(quote.debtToCover == min(requested, receipt.maxLiquidatableDebt))
                            #expect(quote.gas.expected == receipt.gasUsed)
                            // The profit bound liquidators screen pairs with holds for what executes.
                            let collateral = pool.reserves[collateralID]
                            expectProfitBounded(quote, collateralOracleUSD: Liquidator.aaveUSD(prices, collateral.asset)!,
                                                debtOracleUSD: Liquidator.aaveUSD(prices, debt.asset)!, random: &random) {
                                Liquidator.aaveGrossProfitBound(account: account, rules: rules,
                                                                collateral: AaveReserveValuation(collateral, usd: $0, prices: prices),
                                                                debt: AaveReserveValuation(debt, usd: $1, prices: prices), available: requested)
                            }
                            compared += 1
                        }
                    }
                }
            }
        }
        #expect(compared > 50)
        #expect(rules == .v3_3 || reverted == 0)   // only the dust rule reverts here
    }

    /// v3.3: with $600 of capital, a $1,500 debt on 1 WETH at $1,700 would be left with $900
    /// of debt, and a $1,600 debt on 1 WETH at $1,500 with $870 of collateral: `MustNotLeaveDust`
    /// both times. With enough capital for the whole debt it liquidates all of it.
    @Test(arguments: [(1_500 as UInt64, 1_700 as Double), (1_600, 1_500)])
    func leavesAloneWhatTheDustRuleForbids(debt: UInt64, ethUSD: Double) {
        var chain = LendingChain(rules: .v3_3)
        let owner = address(0xA)
        try! chain.openAave(owner, collateral: [(Self.weth, units(1, 18))], debt: [(Self.usdc, units(debt, 6))])
        chain.setPrice(ethUSD: ethUSD)
        var poor = chain.liquidator(.aave, usdc: units(600, 6))
        #expect(poor.act(chain.view()).isEmpty)
        chain.fund(address(0x11C), Self.usdc, units(600, 6))
        var pool = chain.state.aave!, ledger = chain.state.ledger
        #expect(throws: Revert.reason("MustNotLeaveDust")) {
            try pool.liquidationCall(
                collateralAsset: Self.weth.address, debtAsset: Self.usdc.address, user: owner, debtToCover: units(600, 6),
                receiveAToken: false, context: CallContext(sender: address(0x11C), blockNumber: chain.block + 1, timestamp: chain.timestamp + 12),
                prices: chain.state.aavePrices, ledger: &ledger)
        }
        var rich = chain.liquidator(.aave, index: 1, usdc: units(2_000, 6))
        #expect(rich.act(chain.view()).map { Self.target($0).debtToCover } == [Self.debt(chain, owner)])
    }

    @Test func checksItsCapitalAgainWhenItActs() {
        var chain = LendingChain()
        let owner = address(0xA)
        try! chain.openAave(owner, collateral: [(Self.weth, units(10, 18))], debt: [(Self.usdc, units(15_000, 6))])
        chain.setPrice(ethUSD: 1_750)
        var liquidator = chain.liquidator(.aave, usdc: units(5_000, 6), latency: 1)
        #expect(liquidator.act(chain.view()).isEmpty)   // observes a $5,000 liquidation
        // Before it acts, most of its USDC leaves the account.
        let me = liquidator.account.address
        try! chain.state.setUp { (setup: inout ChainState.Setup) throws(Revert) in
            try setup.ledger.transfer(units(4_000, 6), of: Self.usdc.address, from: me, to: address(0xDEAD))
        }
        chain.advance()
        #expect(liquidator.act(chain.view()).isEmpty)
    }

    @Test func skipsLiquidationsThatDoNotPayForTheirGas() {
        var chain = LendingChain()
        let owners = Self.ladder(&chain)
        chain.setPrice(ethUSD: 1_700)
        let unhealthy = Self.unhealthy(chain, owners)
        // 100,000 gwei · ~400,000 gas = 40 ETH ≈ $68,000 a liquidation: more than any bonus here.
        var expensive = chain.liquidator(.aave, gas: .fixed(100_000 &* gwei))
        #expect(expensive.act(chain.view()).isEmpty)
        // A minimum profit above every bonus.
        var demanding = chain.liquidator(.aave, index: 1, minProfitUSD: 1_000_000)
        #expect(demanding.act(chain.view()).isEmpty)
        var cheap = chain.liquidator(.aave, index: 2, gas: .fixed(gwei))
        #expect(cheap.act(chain.view()).count == unhealthy.count)
    }

    @Test func sellsLessWhenTheMarketIsThin() {
        var chain = LendingChain()
        let owner = address(0xA)
        try! chain.openAave(owner, collateral: [(Self.weth, units(100, 18))], debt: [(Self.usdc, units(160_000, 6))])
        chain.setPrice(ethUSD: 1_900)   // HF 0.986: up to half the debt, $80,000
        var deep = chain.liquidator(.aave)
        var thin = chain.liquidator(.aave, index: 1, depth: 10_000)
        let full = Self.target(deep.act(chain.view())[0]).debtToCover
        let sent = thin.act(chain.view())
        #expect(sent.count == 1)
        // β = 1.05 less the 10 % protocol share of the bonus = 1.045; optimum (β − 1)·depth / (0.02·β²)
        // ≈ $20,600, where all $80,000 would lose $3,400 to impact.
        let premium = 1.045
        let optimum = (premium - 1) * 10_000 / (0.02 * premium * premium)
        let repay = Self.target(sent[0]).debtToCover.doubleValue / 1e6
        #expect(full == units(80_000, 6) || abs(full.doubleValue / 1e6 - 80_000) < 1)
        #expect(abs(repay - optimum) < 5)
    }

    @Test func spendsNoMoreThanItsCapital() {
        var chain = LendingChain()
        let owners = Self.ladder(&chain)
        chain.setPrice(ethUSD: 1_700)
        #expect(Self.unhealthy(chain, owners).count > 2)
        var limited = chain.liquidator(.aave, usdc: units(5_000, 6))
        let sent = limited.act(chain.view())
        let spent = sent.reduce(UInt256.zero) { $0 &+ Self.target($1).debtToCover }
        #expect(!sent.isEmpty)
        #expect(spent <= units(5_000, 6))
        // Capital already promised to a pending transaction is not spent again.
        let next = limited.act(chain.view(mempool: MempoolView().adding(sent, block: chain.block + 1)))
        #expect(next.reduce(UInt256.zero) { $0 &+ Self.target($1).debtToCover } <= units(5_000, 6) &- spent)
        var penniless = chain.liquidator(.aave, index: 1, usdc: .zero)
        #expect(penniless.act(chain.view()).isEmpty)
    }

    /// With liquidations pending, the capital left goes to the borrowers it has none pending
    /// on: a pending borrower is not planned again, so its repayment is not counted twice.
    @Test func plansWithTheCapitalLeftOnlyForBorrowersNotPending() {
        var chain = LendingChain()
        let owners = Self.ladder(&chain)
        chain.setPrice(ethUSD: 1_700)
        var probe = chain.liquidator(.aave, index: 1)
        let needed = probe.act(chain.view()).reduce(UInt256.zero) { $0 &+ Self.target($1).debtToCover }
        let capital = needed &+ units(10_000, 6)
        var liquidator = chain.liquidator(.aave, usdc: capital)
        let first = liquidator.act(chain.view())
        let firstUsers = Set(first.map { Self.target($0).user })
        #expect(firstUsers == Self.unhealthy(chain, owners))
        #expect(first.reduce(UInt256.zero) { $0 &+ Self.target($1).debtToCover } == needed)
        // A fall makes more borrowers liquidatable while the first liquidations are pending.
        chain.setPrice(ethUSD: 1_500)
        let next = liquidator.act(chain.view(mempool: MempoolView().adding(first, block: chain.block + 1)))
        let nextUsers = Set(next.map { Self.target($0).user })
        #expect(!next.isEmpty, "the $10,000 left pays liquidations of borrowers not yet pending")
        #expect(nextUsers.isDisjoint(with: firstUsers) && nextUsers.isSubset(of: Self.unhealthy(chain, owners)))
        #expect(next.reduce(UInt256.zero) { $0 &+ Self.target($1).debtToCover } <= units(10_000, 6))
    }

    /// Like a node's client, it keeps at most ``InFlight/limit`` (64) transactions pending: with
    /// 100 borrowers liquidatable it sends 64, and as pending ones leave the mempool, as many
    /// new ones as leave.
    @Test func keepsAtMostSixtyFourLiquidationsPending() {
        var chain = LendingChain()
        let owners = Self.ladder(&chain, count: 100)
        chain.setPrice(ethUSD: 900)
        #expect(Self.unhealthy(chain, owners).count == 100)
        var liquidator = chain.liquidator(.aave)
        let first = liquidator.act(chain.view())
        #expect(first.count == InFlight.limit)
        #expect(Set(first.map { Self.target($0).user }).count == InFlight.limit)
        chain.advance()
        #expect(liquidator.act(chain.view(mempool: MempoolView().adding(first, block: chain.block))).isEmpty,
                "no room while 64 are pending")
        // Ten leave the mempool (dropped): ten are sent, the ten again (still liquidatable).
        let stillPending = Array(first.dropFirst(10))
        let next = liquidator.act(chain.view(mempool: MempoolView().adding(stillPending, block: chain.block)))
        #expect(next.count == 10)
        #expect(Set(next.map { Self.target($0).user }) == Set(first.prefix(10).map { Self.target($0).user }))
    }

    @Test func sendsNothingTwiceWhilePending() {
        var chain = LendingChain()
        let owners = Self.ladder(&chain)
        chain.setPrice(ethUSD: 1_700)
        var liquidator = chain.liquidator(.aave)
        let first = liquidator.act(chain.view())
        #expect(first.count == Self.unhealthy(chain, owners).count)
        let mempool = MempoolView().adding(first, block: chain.block + 1)
        chain.advance()   // an empty block: everything still pending and liquidatable
        #expect(liquidator.act(chain.view(mempool: mempool)).isEmpty)
        // Dropped from the mempool: sent again, from the same nonces.
        let again = liquidator.act(chain.view())
        #expect(again.map { Self.target($0).user } == first.map { Self.target($0).user })
        #expect(again.map(\.nonce) == first.map(\.nonce))
    }

    @Test func actsOnInformationLatencyBlocksOld() {
        var chain = LendingChain()
        let owner = address(0xA)
        try! chain.openAave(owner, collateral: [(Self.weth, units(10, 18))], debt: [(Self.usdc, units(15_000, 6))])
        var liquidator = chain.liquidator(.aave, latency: 2)
        // Block n: liquidatable. n + 1: healthy again. The liquidator acts on n at n + 2 and on
        // n + 1 at n + 3.
        chain.setPrice(ethUSD: 1_750)
        #expect(liquidator.act(chain.view()).isEmpty)
        chain.setPrice(ethUSD: 2_000)
        #expect(liquidator.act(chain.view()).isEmpty)
        chain.advance()
        let sent = liquidator.act(chain.view())
        #expect(sent.map { Self.target($0).user } == [owner])
        chain.advance()
        #expect(liquidator.act(chain.view()).isEmpty)
    }

    @Test func neverLiquidatesAgainOnInformationOlderThanItsLastLiquidation() {
        var chain = LendingChain()
        let owner = address(0xA)
        try! chain.openAave(owner, collateral: [(Self.weth, units(10, 18))], debt: [(Self.usdc, units(15_000, 6))])
        chain.setPrice(ethUSD: 1_750)
        // Capital for a fifth of the debt: the position stays liquidatable after its liquidation.
        var liquidator = chain.liquidator(.aave, usdc: units(3_000, 6), latency: 2)
        #expect(liquidator.act(chain.view()).isEmpty)                    // observes n
        chain.advance()
        #expect(liquidator.act(chain.view()).isEmpty)                    // observes n + 1
        chain.advance()
        let sent = liquidator.act(chain.view())                          // sends on n
        #expect(sent.count == 1)
        guard case .success = chain.include(sent[0]) else { Issue.record("liquidation reverted"); return }
        chain.fund(liquidator.account.address, Self.usdc, units(3_000, 6))
        // The position is still liquidatable, but the observations of n + 1 and n + 2 predate
        // the liquidation and must not be acted on.
        #expect(!Self.unhealthy(chain, [owner]).isEmpty)
        #expect(liquidator.act(chain.view()).isEmpty)                    // acts on n + 1
        chain.advance()
        #expect(liquidator.act(chain.view()).isEmpty)                    // acts on n + 2
        chain.advance()
        #expect(liquidator.act(chain.view()).map { Self.target($0).user } == [owner])   // n + 3 shows it
    }

    @Test func itsTransactionDecodesRecoversAndLiquidatesAsQuoted() throws {
        var chain = LendingChain()
        let owner = address(0xA)
        try chain.openAave(owner, collateral: [(Self.weth, units(10, 18))], debt: [(Self.usdc, units(15_000, 6))])
        chain.setPrice(ethUSD: 1_750)
        var liquidator = chain.liquidator(.aave)
        let view = chain.view()
        let sent = liquidator.act(view)
        try #require(sent.count == 1)
        let transaction = sent[0]
        let decoded = try SignedTransaction.decode(transaction.signedAndVerified().signed!.raw, expectedChainID: LendingChain.chainID)
        #expect(decoded.sender == liquidator.account.address)
        #expect(decoded.transaction.to == LendingChain.pool)
        #expect(try ContractCall.decode(decoded.transaction.data) == transaction.call)
        #expect(transaction.contest == .position(protocolName: "aave-v3", owner: owner))
        let (user, debtToCover) = Self.target(transaction)
        #expect(user == owner)

        let pool = chain.state.aave!
        let account = try pool.accountData(of: owner, prices: chain.state.aavePrices, timestamp: view.nextTimestamp)
        let quote = try #require(Liquidator.aaveQuote(
            pool, user: owner, account: account, collateral: pool.reserve(for: Self.weth.address)!,
            debt: pool.reserve(for: Self.usdc.address)!, debtToCover: debtToCover, prices: chain.state.aavePrices,
            timestamp: view.nextTimestamp))
        let debtBefore = Self.debt(chain, owner)
        let wethBefore = chain.state.ledger.balance(of: liquidator.account.address, in: Self.weth.address)
        let usdcBefore = chain.state.ledger.balance(of: liquidator.account.address, in: Self.usdc.address)
        guard case .success(let outcome) = chain.include(transaction) else {
            Issue.record("liquidation reverted")
            return
        }
        #expect(outcome.events.last?.name == "LiquidationCall")
        #expect(outcome.gasUsed == transaction.gas.expected)
        let ledger = chain.state.ledger
        #expect(ledger.balance(of: liquidator.account.address, in: Self.weth.address) &- wethBefore == quote.collateralReceived)
        #expect(usdcBefore &- ledger.balance(of: liquidator.account.address, in: Self.usdc.address) == quote.debtRepaid)
        // The debt left is the scaled debt less the floor-rounded scaled repayment, rounded up:
        // within one unit of the difference.
        let debtAfter = try chain.state.aave!.variableDebt(of: owner, asset: Self.usdc.address, timestamp: chain.timestamp)
        #expect(debtAfter >= debtBefore &- quote.debtRepaid && debtAfter <= debtBefore &- quote.debtRepaid &+ .one)
        #expect(chain.state.nonce(of: liquidator.account.address) == 1)
    }

    @Test func escalatingLiquidatorOutbidsARivalOnTheSamePosition() {
        var chain = LendingChain()
        let owner = address(0xA)
        try! chain.openAave(owner, collateral: [(Self.weth, units(10, 18))], debt: [(Self.usdc, units(15_000, 6))])
        chain.setPrice(ethUSD: 1_750)
        var rival = chain.liquidator(.aave, gas: .fixed(3 &* gwei))
        let rivalSent = rival.act(chain.view())
        let mempool = MempoolView().adding(rivalSent, block: chain.block + 1)
        var escalating = chain.liquidator(.aave, index: 1, gas: .escalate(
            percentile: 50, blocks: 10, bumpPercent: 12, patienceBlocks: 2, floor: gwei, cap: 100 &* gwei))
        let sent = escalating.act(chain.view(mempool: mempool))
        #expect(sent.count == 1)
        #expect(sent.first?.fee.maxPriorityFeePerGas == UInt256(3_360_000_000 as UInt64))
        // A follow-market liquidator bids the window's price plus its premium instead.
        var window = GasPriceWindow(capacity: 10)
        window.record(10 &* gwei)
        var follower = chain.liquidator(.aave, index: 2, gas: .followMarket(
            percentile: 50, blocks: 10, premiumPercent: 10, floor: gwei, cap: 100 &* gwei))
        #expect(follower.act(chain.view(mempool: mempool, gasPrices: window)).first?.fee.maxPriorityFeePerGas == 11 &* gwei)
    }
}
