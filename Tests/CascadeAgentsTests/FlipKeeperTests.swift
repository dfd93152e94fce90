import CascadeChain
import CascadeMath
import Testing
@testable import CascadeAgents
@testable import CascadeProtocols

/// A flip keeper on one auction, through the shared ``FlipAuctions`` the block loop computes.
@Suite struct FlipKeeperTests {
    typealias F = AgentFixture
    static let owner = Address(truncating: 0xA11CE)

    static func keeper(_ index: UInt64) -> FlipKeeper {
        FlipKeeper(account: F.account("flip-keeper", index), configuration: .init(
            ilk: F.ethA, collateralSymbol: "ETH", daiSymbol: "DAI", bites: false, bidding: .minimum, gas: .fixed(F.gwei(100))))
    }

    /// Maker of March 2020 (Cat and Flipper): a vault of 10 ETH and 1,000 DAI bitten at $140
    /// into auction 1, at `t0`.
    static func bitten() throws -> ChainState {
        var state = ChainState(ledger: TokenLedger(), maker: try Maker(parameters: .blackThursday2020, now: F.t0), makerOracles: [],
                               aave: nil, aaveAddress: nil, compound: nil, pairs: [], feeds: [])
        try F.setPrice(&state, F.wad(200))
        try F.openVault(&state, owner, ink: F.wad(10), art: F.wad(1_000))
        try F.setPrice(&state, F.wad(140))
        try state.setUp { (setup: inout ChainState.Setup) throws(Revert) in
            _ = try setup.maker.bite(F.ethA, urn: owner, context: CallContext(sender: owner, blockNumber: F.block0, timestamp: F.t0))
        }
        return state
    }

    /// The March 2020 behaviour: a bid of one unit (1 rad) on an auction without bids, never
    /// raised; once the bid's `ttl` has run out the winner alone deals, and the auction shows as
    /// finished in the shared list from the first block whose timestamp is past `tic`.
    @Test func bidsOneUnitThenTheWinnerDeals() throws {
        var state = try Self.bitten()
        var winner = Self.keeper(0), rival = Self.keeper(1)
        try F.giveDai(&state, winner.account.address, F.rad(10))
        try F.giveDai(&state, rival.account.address, F.rad(10))
        let prices = ["ETH": 140.0, "DAI": 1]

        let open = F.view(state, prices: prices)
        #expect(open.positions.flipAuctions[F.ethA]?.entries.map(\.finished) == [false])
        let bids = winner.act(open)
        #expect(bids.map(\.call) == [.flipperTend(id: 1, lot: F.wad(10), bid: .one)])
        F.apply(bids[0], to: &state)
        let tic = state.maker!.flipper(F.ethA)!.bid(1).tic
        #expect(tic == F.t0 + 12 + state.maker!.flipper(F.ethA)!.ttl)

        // Before `tic`: the winner has the high bid (nothing to send), the rival does not raise a
        // bid that is already there.
        let before = F.view(state, block: F.block0 + 2, timestamp: tic - 12, prices: prices)
        #expect(before.positions.flipAuctions[F.ethA]?.entries.map(\.finished) == [false])
        #expect(winner.act(before).isEmpty)
        #expect(rival.act(before).isEmpty)

        // The next block lands after `tic`: finished; only the winner deals.
        let after = F.view(state, block: F.block0 + 3, timestamp: tic, prices: prices)
        #expect(after.positions.flipAuctions[F.ethA]?.entries.map(\.finished) == [true])
        #expect(after.positions.flipAuctions[F.ethA]?.entries.map(\.guy) == [winner.account.address])
        #expect(rival.act(after).isEmpty)
        let deals = winner.act(after)
        #expect(deals.map(\.call) == [.flipperDeal(id: 1)])
        F.apply(deals[0], to: &state, block: F.block0 + 4, timestamp: tic + 12)
        #expect(state.maker!.vat.gem(F.ethA, winner.account.address) == F.wad(10))
        #expect(state.maker!.flipper(F.ethA)!.active.isEmpty)
    }

    /// A valuing keeper passes over the bids it cannot pay for before working them out; it
    /// must still send every bid it can pay for. Against the exact decision (``FlipKeeper/nextBid``
    /// and its DAI cost), at DAI balances around the bid's cost — one unit below, at, one above,
    /// and a relative 10⁻¹² either side — for a tend below `tab` and a dent.
    @Test func aValuingKeeperSendsEveryBidItCanPayFor() throws {
        var random = SplitMix64(seed: 20_200_312)
        var sentTends = 0, sentDents = 0, cases = 0
        for dentPhase in [false, true] {
            var auctionState = try Self.bitten()
            if dentPhase {
                // A rival bids the whole tab: the auction is in its dent phase.
                let tab = auctionState.maker!.flipper(F.ethA)!.bid(1).tab
                var rival = FlipKeeper(account: F.account("flip-rival", 0), configuration: .init(
                    ilk: F.ethA, collateralSymbol: "ETH", daiSymbol: "DAI", bites: false, bidding: .valuation(discount: 0), gas: .fixed(F.gwei(100))))
                try F.giveDai(&auctionState, rival.account.address, tab)
                let bids = rival.act(F.view(auctionState, prices: ["ETH": 1_000, "DAI": 1]))
                #expect(bids.map(\.call) == [.flipperTend(id: 1, lot: F.wad(10), bid: tab)])
                F.apply(bids[0], to: &auctionState)
            }
            for _ in 0..<60 {
                let price = 50 + Double(random.next() % 20_000) / 100
                let prices = ["ETH": price, "DAI": 1]
                let probe = FlipKeeper(account: F.account("flip-valuer", 0), configuration: .init(
                    ilk: F.ethA, collateralSymbol: "ETH", daiSymbol: "DAI", bites: false, bidding: .valuation(discount: 0.1), gas: .fixed(F.gwei(100))))
                let entry = try #require(F.view(auctionState, prices: prices).positions.flipAuctions[F.ethA]?.entries.first)
                guard let call = probe.nextBid(entry.bid, id: 1, beg: auctionState.maker!.flipper(F.ethA)!.beg, collateralUSD: price, daiUSD: 1)
                else { continue }
                let cost = FlipKeeper.daiCost(call)
                let nearby = [cost &- .one, cost, cost &+ .one,
                              UInt256(truncating: cost.doubleValue * (1 - 1e-12))!, UInt256(truncating: cost.doubleValue * (1 + 1e-12))!]
                for dai in nearby {
                    var state = auctionState
                    var keeper = probe
                    try F.giveDai(&state, keeper.account.address, dai)
                    let sent = keeper.act(F.view(state, prices: prices)).map(\.call)
                    #expect(sent == (cost <= dai ? [call] : []), "price \(price), DAI \(dai), cost \(cost)")
                    if cost <= dai, case .flipperDent = call { sentDents += 1 } else if cost <= dai { sentTends += 1 }
                    cases += 1
                }
            }
        }
        #expect(sentTends > 50 && sentDents > 50 && cases > 400)
    }
}
