import CascadeChain
import CascadeMath
import CascadeProtocols
import Testing
@testable import CascadeAgents

@Suite struct LiquidatorCompoundTests {
    static let weth = LendingChain.weth
    static let usdc = LendingChain.usdc
    static let half = UInt256(500_000_000_000_000_000 as UInt64)

    /// `count` positions of 10 WETH borrowing 50 % … 99 % of their USDC borrowing power at $2,000
    /// (collateral factor 75 %), all in one block.
    static func ladder(_ chain: inout LendingChain, count: Int = 12) -> [Address] {
        (0..<count).map { n in
            let owner = address(0x40_000 + UInt64(n))
            let usage = 0.5 + 0.49 * Double(n) / Double(count - 1)
            try! chain.openCompound(owner, collateral: [(weth, units(10, 18))], debt: [(usdc, decimalUnits(10 * 2_000 * 0.75 * usage, 6))])
            return owner
        }
    }

    static func shortfall(_ chain: LendingChain, _ owners: [Address]) -> Set<Address> {
        PositionIndexesLendingTests.shortfallCompound(chain, owners)
    }

    /// The `(borrower, repayAmount)` of a `liquidateBorrow`.
    static func target(_ transaction: AgentTransaction) -> (borrower: Address, repayAmount: UInt256) {
        guard case let .compoundLiquidateBorrow(borrower, repayAmount, _) = transaction.call else {
            preconditionFailure("not a liquidateBorrow: \(transaction.call)")
        }
        return (borrower, repayAmount)
    }

    static func borrowBalance(_ chain: LendingChain, _ owner: Address) -> UInt256 {
        try! chain.state.compound!.market(LendingChain.cUSDC)!.borrowBalanceStored(owner)
    }

    @Test func liquidatesExactlyThePositionsInShortfallUpToTheCloseFactor() {
        var chain = LendingChain()
        let owners = Self.ladder(&chain)
        chain.setPrice(ethUSD: 1_700)
        var liquidator = chain.liquidator(.compound)
        let sent = liquidator.act(chain.view())
        let shortfall = Self.shortfall(chain, owners)
        #expect(!shortfall.isEmpty && shortfall.count < owners.count)
        #expect(Set(sent.map { Self.target($0).borrower }) == shortfall)
        #expect(sent.count == shortfall.count)
        #expect(Set(chain.view().positions.compoundShortfalls.owners) == shortfall)
        for transaction in sent {
            let (borrower, repay) = Self.target(transaction)
            #expect(repay == (try! CompoundMath.mulScalarTruncate(Self.half, Self.borrowBalance(chain, borrower))))
            #expect(transaction.to == LendingChain.cUSDC)
            #expect(transaction.contest == .position(protocolName: "compound-v2", owner: borrower))
        }
    }

    /// The quote against the Comptroller's own `liquidateBorrow` in the block the markets were
    /// last accrued (so that nothing accrues in between): the same failure, or the same repayment
    /// and seizure, and the borrower's cTokens never exceeded; and a gross profit within the
    /// liquidators' bound (``CompoundQuoteBasis/grossProfitBound``) at any market price.
    @Test(arguments: [31, 32] as [UInt64])
    func quoteIsWhatTheComptrollerExecutes(seed: UInt64) {
        var chain = LendingChain()
        var random = SplitMix64(seed: seed)
        var owners: [Address] = []
        for n in 0..<30 {
            let owner = address(0x50_000 + UInt64(n))
            let eth = random.uniform(0.2, 40), usd = random.uniform(300, 80_000), usage = random.uniform(0.7, 0.99)
            if random.next() % 2 == 0 {
                try! chain.openCompound(owner, collateral: [(Self.weth, decimalUnits(eth, 18))],
                                        debt: [(Self.usdc, decimalUnits(eth * 2_000 * 0.75 * usage, 6))])
            } else {
                try! chain.openCompound(owner, collateral: [(Self.usdc, decimalUnits(usd, 6))],
                                        debt: [(Self.weth, decimalUnits(usd * 0.8 * usage / 2_000, 18))])
            }
            owners.append(owner)
        }
        let accrued = chain.block
        let liquidator = address(0x11C)
        chain.fund(liquidator, Self.weth, units(100_000, 18))
        chain.fund(liquidator, Self.usdc, units(500_000_000, 6))
        var compared = 0, capped = 0
        for ethUSD in [1_700, 1_100, 600, 2_700, 5_000] as [Double] {
            chain.setPrice(ethUSD: ethUSD)
            let comptroller = chain.state.compound!, prices = chain.state.compoundPrices, ledger = chain.state.ledger
            #expect(comptroller.markets.allSatisfy { $0.accrualBlockNumber == accrued })
            for owner in Self.shortfall(chain, owners).sorted(by: { $0.bytes.lexicographicallyPrecedes($1.bytes) }) {
                let entered = comptroller.accountAssets[owner]!
                for borrowedID in entered where !(try! comptroller.markets[borrowedID].borrowBalanceStored(owner)).isZero {
                    for collateralID in entered where !comptroller.markets[collateralID].balance(of: owner).isZero {
                        let borrow = try! comptroller.markets[borrowedID].borrowBalanceStored(owner)
                        for requested in [UInt256.max, borrow >> 2, try! borrow / 101] {
                            guard let quote = Liquidator.compoundQuote(
                                comptroller, user: owner, collateralID: collateralID, borrowedID: borrowedID,
                                repayAmount: requested, prices: prices, ledger: ledger) else {
                                Issue.record("no quote for \(owner)")
                                continue
                            }
                            var executed = comptroller, after = ledger
                            let receipt = try? executed.liquidateBorrow(
                                borrower: owner, repayAmount: quote.debtToCover, cTokenCollateral: comptroller.markets[collateralID].cToken,
                                target: comptroller.markets[borrowedID].cToken,
                                context: CallContext(sender: liquidator, blockNumber: accrued, timestamp: chain.timestamp),
                                prices: prices, ledger: &after)
                            #expect(receipt?.succeeded == true, "\(owner) \(collateralID)/\(borrowedID) \(requested)")
                            guard let receipt else { continue }
                            #expect(receipt.amount == quote.debtRepaid)
                            #expect(quote.debtToCover <= min(requested, quote.maxRepay))
                            #expect(receipt.seizeTokens <= comptroller.markets[collateralID].balance(of: owner))
                            let seized = receipt.seizeTokens &- receipt.protocolSeizeTokens
                            let market = comptroller.markets[collateralID]
                            let rate = try! market.exchangeRateStored(cash: market.cash(in: ledger))
                            #expect(quote.collateralReceived == (try! CompoundMath.mulScalarTruncate(rate, seized)))
                            #expect(quote.gas.expected == receipt.gasUsed)
                            // The profit bound liquidators screen pairs with holds for what executes.
                            let basis = CompoundQuoteBasis(comptroller, borrower: owner, collateralID: collateralID,
                                                           borrowedID: borrowedID, prices: prices, ledger: ledger)!
                            expectProfitBounded(quote, collateralOracleUSD: Liquidator.compoundUSD(prices, basis.collateral.underlying)!,
                                                debtOracleUSD: Liquidator.compoundUSD(prices, basis.borrowed.underlying)!, random: &random) {
                                basis.grossProfitBound(collateralUSD: $0, debtUSD: $1, available: requested)
                            }
                            if quote.debtToCover < min(requested, quote.maxRepay) { capped += 1 }
                            compared += 1
                        }
                    }
                }
            }
        }
        #expect(compared > 30)
        #expect(capped > 0)   // seizures limited by the borrower's cTokens
    }

    @Test func repaysOnlyWhatTheCollateralCanPayFor() throws {
        var chain = LendingChain()
        let owner = address(0xA)
        try chain.openCompound(owner, collateral: [(Self.weth, units(10, 18))], debt: [(Self.usdc, units(14_900, 6))])
        // At $700 the 10 WETH are worth $7,000, less than half the debt times the 8 % incentive.
        chain.setPrice(ethUSD: 700)
        var liquidator = chain.liquidator(.compound)
        let sent = liquidator.act(chain.view())
        try #require(sent.count == 1)
        let (_, repay) = Self.target(sent[0])
        #expect(repay < (try CompoundMath.mulScalarTruncate(Self.half, Self.borrowBalance(chain, owner))))
        let cETH = chain.state.compound!.market(LendingChain.cETH)!
        let tokensBefore = cETH.balance(of: owner)
        guard case .success(let outcome) = chain.include(sent[0]) else {
            Issue.record("liquidation reverted")
            return
        }
        #expect(outcome.events.map(\.name).contains("LiquidateBorrow"))
        // All but a rounding remainder of the collateral is seized.
        let tokensLeft = chain.state.compound!.market(LendingChain.cETH)!.balance(of: owner)
        #expect(tokensLeft < tokensBefore)
        #expect(tokensLeft.doubleValue < tokensBefore.doubleValue * 1e-6)
    }

    @Test func itsTransactionDecodesRecoversAndLiquidates() throws {
        var chain = LendingChain()
        let owner = address(0xA)
        try chain.openCompound(owner, collateral: [(Self.weth, units(10, 18))], debt: [(Self.usdc, units(14_000, 6))])
        chain.setPrice(ethUSD: 1_800)   // collateral power $13,500 < $14,000
        var liquidator = chain.liquidator(.compound)
        let sent = liquidator.act(chain.view())
        try #require(sent.count == 1)
        let transaction = sent[0]
        let decoded = try SignedTransaction.decode(transaction.signedAndVerified().signed!.raw, expectedChainID: LendingChain.chainID)
        #expect(decoded.sender == liquidator.account.address)
        #expect(decoded.transaction.to == LendingChain.cUSDC)
        #expect(try ContractCall.decode(decoded.transaction.data) == transaction.call)
        let (borrower, repay) = Self.target(transaction)
        #expect(borrower == owner)

        let me = liquidator.account.address
        let usdcBefore = chain.state.ledger.balance(of: me, in: Self.usdc.address)
        guard case .success(let outcome) = chain.include(transaction) else {
            Issue.record("liquidation reverted")
            return
        }
        #expect(outcome.events.last?.name == "LiquidateBorrow")
        #expect(outcome.gasUsed == transaction.gas.expected)
        #expect(usdcBefore &- chain.state.ledger.balance(of: me, in: Self.usdc.address) == repay)
        #expect(!chain.state.compound!.market(LendingChain.cETH)!.balance(of: me).isZero)
        // Half the borrow is repaid: the position is out of shortfall and out of the candidates.
        #expect(Self.shortfall(chain, [owner]).isEmpty)
        #expect(chain.positions.compoundCandidates(chain.state.compound!, prices: chain.state.compoundPrices,
                                                   ledger: chain.state.ledger).isEmpty)
    }

    /// Capital that cannot make any liquidation pay the minimum profit — $20 of USDC — leaves the
    /// market-wide bound below it before any borrower is looked at, and then every borrower's own
    /// bound is below it too (the market-wide bound is sound); $9,000 pays and liquidates.
    @Test func capitalTooSmallForAnyLiquidationLooksAtNobody() {
        var chain = LendingChain()
        let owners = Self.ladder(&chain)
        chain.setPrice(ethUSD: 1_700)
        #expect(Self.shortfall(chain, owners).count > 2)
        for (index, usdc, pays) in [(1, units(20, 6), false), (2, units(9_000, 6), true)] as [(UInt64, UInt256, Bool)] {
            var liquidator = chain.liquidator(.compound, index: index, usdc: usdc, weth: .zero, minProfitUSD: 50)
            let view = chain.view()
            let comptroller = view.state.compound!
            let capital = { (token: Address) in view.state.ledger.balance(of: liquidator.account.address, in: token) }
            let marketUSD = liquidator.compoundMarketUSD(comptroller, view: view)
            #expect(liquidator.compoundWorthwhile(comptroller, view: view, marketUSD: marketUSD, capital: capital) == pays)
            for owner in view.positions.compoundShortfalls.owners {
                for basis in Liquidator.compoundPairs(owner, comptroller: comptroller, prices: view.state.compoundPrices,
                                                      ledger: view.state.ledger) {
                    let bound = basis.grossProfitBound(collateralUSD: marketUSD[basis.collateralIndex]!,
                                                       debtUSD: marketUSD[basis.borrowedIndex]!,
                                                       available: capital(basis.borrowed.underlying.address))
                    #expect(pays || bound <= 50, "the market-wide bound is below a borrower's own")
                }
            }
            #expect(liquidator.act(view).isEmpty == !pays)
        }
    }

    @Test func spendsNoMoreThanItsCapital() {
        var chain = LendingChain()
        let owners = Self.ladder(&chain)
        chain.setPrice(ethUSD: 1_700)
        #expect(Self.shortfall(chain, owners).count > 2)
        var limited = chain.liquidator(.compound, usdc: units(9_000, 6))
        let sent = limited.act(chain.view())
        #expect(sent.count >= 1)
        #expect(sent.reduce(UInt256.zero) { $0 &+ Self.target($1).repayAmount } <= units(9_000, 6))
    }
}
