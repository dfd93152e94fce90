import CascadeChain
import CascadeMath
import Testing
@testable import CascadeAgents
@testable import CascadeProtocols

@Suite struct ClipKeeperTests {
    typealias F = AgentFixture
    static let keeperAccount = F.account("clip-keeper", 0)
    static var keeperAddress: Address { keeperAccount.address }
    static let rival = Address(truncating: 0x51BA1)
    static let owner = Address(truncating: 0xA11CE)

    static func keeper(barks: Bool = false, takes: Bool = false, discount: Double = 0.05, maxPrice: UInt256 = .max,
                       redoes: Bool = false, gasPrice: UInt256 = F.gwei(100)) -> ClipKeeper {
        ClipKeeper(account: keeperAccount, configuration: .init(
            ilk: F.ethA, collateralSymbol: "ETH", daiSymbol: "DAI", nativeSymbol: "ETH", barks: barks, takes: takes,
            discount: discount, maxPrice: maxPrice, redoes: redoes, gas: .fixed(gasPrice)))
    }

    // MARK: bark

    /// 40 vaults with random debt on 10 ETH, plus two on either side of the boundary by one wei
    /// of debt; at $1,700 the keeper barks exactly those with `ink · spot < art · rate`.
    @Test func barksExactlyTheUnsafeVaults() throws {
        let spot = try F.makerChain(price: F.wad(1_700)).maker!.vat.ilk(F.ethA).spot
        let ink = F.wad(10)
        let boundary = try ink * spot / DSSMath.ray  // the most debt that is safe at $1,700
        var state = try F.makerChain(price: F.wad(2_000))
        var random = SplitMix64(seed: 7)
        var owners: [Address] = []
        var arts: [UInt256] = []
        for n in 0..<40 as Range<UInt64> {
            // 8,000 … 13,700 DAI: safe at $2,000 (mat 1.45 allows 13,793).
            arts.append(F.wad(8_000 + random.next() % 5_700) &+ UInt256(random.next() % 1_000_000_000_000_000_000))
            owners.append(Address(truncating: UInt256(0x1000 + n)))
        }
        owners += [Address(truncating: 0x2000), Address(truncating: 0x2001)]
        arts += [boundary, boundary &+ .one]
        for (owner, art) in zip(owners, arts) { try F.openVault(&state, owner, ink: ink, art: art) }
        try F.setPrice(&state, F.wad(1_700))
        let unsafe = owners.filter { owner in
            let urn = state.maker!.vat.urn(F.ethA, owner)
            return urn.ink.multipliedFullWidth(by: spot) < urn.art.multipliedFullWidth(by: DSSMath.ray)
        }
        #expect(unsafe.contains(owners[41]) && !unsafe.contains(owners[40]))
        #expect(unsafe.count > 5 && unsafe.count < 35)

        var keeper = Self.keeper(barks: true)
        let positions = F.indexes(state, owners: owners)
        let sent = keeper.act(F.view(state, prices: ["ETH": 1_700, "DAI": 1], positions: positions))
        #expect(Set(sent.map(\.call)) == Set(unsafe.map { ContractCall.dogBark(ilk: F.ethA, urn: $0, kpr: Self.keeperAddress) }))
        #expect(positions.clipAuctions[F.ethA]?.barks.map(\.urn) == positions.makerUnsafe[F.ethA]?.owners,
                "the Dog's checks run on the unsafe vaults only, once for every keeper")
        #expect(Set(positions.makerUnsafe[F.ethA]!.owners) == Set(unsafe), "the shared set, checked exactly at the boundary")
        #expect(sent.map(\.contest) == sent.map { tx in
            guard case let .dogBark(_, urn, _) = tx.call else { return nil }
            return .position(protocolName: "maker", owner: urn)
        })

        // Pending in the mempool: nothing is sent twice.
        var mempool = MempoolView()
        for transaction in sent { mempool.add(transaction, submittedBlock: F.block0 + 1, price: F.gwei(100)) }
        let pendingView = F.view(state, prices: ["ETH": 1_700, "DAI": 1], positions: positions, mempool: mempool)
        #expect(keeper.act(pendingView).isEmpty)

        for transaction in sent {
            guard case let .dogBark(_, urn, _) = transaction.call else { continue }
            try F.expectSigned(transaction, .dogBark(ilk: F.ethA, urn: urn, kpr: Self.keeperAddress), to: state.maker!.addresses.dog,
                               sender: Self.keeperAddress)
            F.apply(transaction, to: &state)
            #expect(state.maker!.vat.urn(F.ethA, urn).art.isZero)
        }
        #expect(state.maker!.clipper(F.ethA)!.active.count == unsafe.count)
        #expect(state.maker!.invariantViolations().isEmpty)
    }

    /// 70 unsafe vaults: the keeper barks 64, the most it keeps pending (``InFlight/limit``).
    @Test func keepsAtMostSixtyFourBarksPending() throws {
        var state = try F.makerChain(price: F.wad(2_000))
        let owners = (0..<70 as Range<UInt64>).map { Address(truncating: UInt256(0x3000 + $0)) }
        for owner in owners { try F.openVault(&state, owner, ink: F.wad(10), art: F.wad(13_000)) }
        try F.setPrice(&state, F.wad(1_500))
        var keeper = Self.keeper(barks: true)
        let positions = F.indexes(state, owners: owners)
        #expect(positions.clipAuctions[F.ethA]?.barks.count == 70)
        let sent = keeper.act(F.view(state, prices: ["ETH": 1_500, "DAI": 1], positions: positions))
        #expect(sent.count == InFlight.limit)
        #expect(sent.map(\.call) == positions.clipAuctions[F.ethA]!.barks.prefix(InFlight.limit).map {
            ContractCall.dogBark(ilk: F.ethA, urn: $0.urn, kpr: Self.keeperAddress)
        })
    }

    // MARK: take

    /// A chain with one auction: a 10 ETH vault with 13,000 DAI of debt barked at $1,800 at
    /// `t0` (tab 14,690 DAI, top 1,980 DAI), and the keeper holding `capital` DAI.
    static func auction(capital: UInt64) throws -> ChainState {
        var state = try F.makerChain(price: F.wad(2_000))
        try F.openVault(&state, owner, ink: F.wad(10), art: F.wad(13_000))
        try F.setPrice(&state, F.wad(1_800))
        let bark = state.apply(.dogBark(ilk: F.ethA, urn: owner, kpr: rival), to: state.maker!.addresses.dog, sender: rival,
                               context: CallContext(sender: rival, blockNumber: F.block0, timestamp: F.t0))
        guard case .success = bark else { throw Revert.reason("bark failed") }
        try F.giveDai(&state, keeperAddress, F.rad(capital))
        return state
    }

    /// The view `steps` price steps (90 s each) into the auction: the next block lands exactly then.
    static func view(_ state: ChainState, steps: UInt64) -> AgentView {
        F.view(state, timestamp: F.t0 + 90 * steps - 12, prices: ["ETH": 1_800, "DAI": 1])
    }

    static func status(_ state: ChainState, steps: UInt64) throws -> (needsRedo: Bool, price: UInt256, lot: UInt256, tab: UInt256) {
        try state.maker!.clipper(F.ethA)!.getStatus(1, now: F.t0 + 90 * steps)
    }

    /// Valuation $1,800 × 0.95 = 1,710 DAI: 14 steps in the price is 1,720.2 (no take), 15 steps
    /// in 1,702.9 (take). 5,000 DAI buy ⌊5,000 / price⌋ and leave more than `chost` to raise.
    @Test func takesOnlyBelowValuationAndWithinCapital() throws {
        var state = try Self.auction(capital: 5_000)
        var keeper = Self.keeper(takes: true)
        #expect(try Self.status(state, steps: 14).price > F.ray(1_710))
        #expect(keeper.act(Self.view(state, steps: 14)).isEmpty)

        let price = try Self.status(state, steps: 15).price
        #expect(price < F.ray(1_710))
        let sent = keeper.act(Self.view(state, steps: 15))
        let amt = try F.rad(5_000) / price
        let take = ContractCall.clipperTake(id: 1, amt: amt, max: price, who: Self.keeperAddress, data: [])
        #expect(sent.map(\.call) == [take])
        #expect(sent.first?.contest == .auction(house: state.maker!.clipper(F.ethA)!.address, id: 1))
        try F.expectSigned(sent[0], take, to: state.maker!.clipper(F.ethA)!.address, sender: Self.keeperAddress)
        F.apply(sent[0], to: &state, timestamp: F.t0 + 90 * 15)
        #expect(state.maker!.vat.gem(F.ethA, Self.keeperAddress) == amt)
        #expect(state.maker!.vat.dai(Self.keeperAddress) == F.rad(5_000) &- amt &* price)
        #expect(state.maker!.vat.dai(Self.keeperAddress) < price, "it spent all but less than one wei of collateral's worth")
    }

    /// 7,000 DAI would leave 7,690 < chost (8,475) of the tab: the Clipper takes `tab − chost`,
    /// and the keeper planned with the same rule.
    @Test func partialTakeLeavesChost() throws {
        var state = try Self.auction(capital: 7_000)
        let chost = state.maker!.clipper(F.ethA)!.chost
        #expect(chost == F.rad(8_475))
        var keeper = Self.keeper(takes: true)
        let sent = keeper.act(Self.view(state, steps: 15))
        #expect(sent.count == 1)
        F.apply(sent[0], to: &state, timestamp: F.t0 + 90 * 15)
        #expect(state.maker!.clipper(F.ethA)!.sales[1]?.tab == chost)
        #expect(state.maker!.vat.dai(Self.keeperAddress) == F.rad(7_000) &- (F.rad(14_690) &- chost))
    }

    /// With capital for the whole lot the keeper pays exactly the tab and the rest of the lot
    /// goes back to the vault.
    @Test func neverPaysMoreThanTheTab() throws {
        var state = try Self.auction(capital: 1_000_000)
        var keeper = Self.keeper(takes: true)
        let sent = keeper.act(Self.view(state, steps: 15))
        #expect(sent.map(\.call) == [.clipperTake(id: 1, amt: F.wad(10), max: try Self.status(state, steps: 15).price,
                                                  who: Self.keeperAddress, data: [])])
        F.apply(sent[0], to: &state, timestamp: F.t0 + 90 * 15)
        #expect(state.maker!.vat.dai(Self.keeperAddress) == F.rad(1_000_000 - 14_690))
        #expect(state.maker!.clipper(F.ethA)!.active.isEmpty)
        #expect(!state.maker!.vat.gem(F.ethA, Self.owner).isZero)
    }

    /// A cap of 1,650 DAI: no take at 1,702.9 (15 steps) although below the valuation; a take at
    /// 1,636.6 (19 steps).
    @Test func respectsTheMaxPrice() throws {
        let state = try Self.auction(capital: 5_000)
        var keeper = Self.keeper(takes: true, maxPrice: F.ray(1_650))
        #expect(keeper.act(Self.view(state, steps: 15)).isEmpty)
        let sent = keeper.act(Self.view(state, steps: 19))
        #expect(sent.count == 1)
        #expect(try Self.status(state, steps: 19).price <= F.ray(1_650))
    }

    /// At 400 gwei a take's gas costs over a hundred dollars: the keeper takes exactly when what
    /// its DAI buys, at the market, exceeds what it pays by more than the gas — just above that
    /// capital it takes, just below (and with dust) it sends nothing.
    @Test func takesOnlyWhenTheMarginPaysTheGas() throws {
        let gasPrice = F.gwei(400)
        let base = try Self.auction(capital: 0)
        let price = try Self.status(base, steps: 15).price
        let gasUSD = gasPrice.doubleValue * Double(base.maker!.gasSchedule.take) / 1e18 * 1_800
        let marginPerDAI = 1_800 / (price.doubleValue / 1e27) - 1
        let threshold = gasUSD / marginPerDAI   // DAI whose purchase just pays the gas
        #expect(threshold > 500 && threshold < 5_000, "threshold \(threshold)")
        for (capital, takes) in [(threshold * 1.01, true), (threshold * 0.99, false), (1, false)] {
            let state = try Self.auction(capital: UInt64(capital))
            var keeper = Self.keeper(takes: true, gasPrice: gasPrice)
            let sent = keeper.act(Self.view(state, steps: 15))
            #expect(sent.count == (takes ? 1 : 0), "capital \(capital) DAI, threshold \(threshold)")
        }
    }

    @Test func noCapitalNoTake() throws {
        let state = try Self.auction(capital: 0)
        var keeper = Self.keeper(takes: true)
        #expect(keeper.act(Self.view(state, steps: 30)).isEmpty)
    }

    // MARK: redo

    /// The price falls below `cusp · top` (0.45) after 80 steps (7,200 s): the keeper redoes
    /// then, not one second before, and collects `tip + tab · chip` = 250 + 14.69 DAI.
    @Test func redoesWhenDueForTheIncentive() throws {
        var state = try Self.auction(capital: 0)
        var keeper = Self.keeper(redoes: true)
        let justBefore = F.view(state, timestamp: F.t0 + 7_199 - 12, prices: ["ETH": 1_800, "DAI": 1])
        #expect(keeper.act(justBefore).isEmpty)
        let sent = keeper.act(Self.view(state, steps: 80))
        let redo = ContractCall.clipperRedo(id: 1, kpr: Self.keeperAddress)
        #expect(sent.map(\.call) == [redo])
        try F.expectSigned(sent[0], redo, to: state.maker!.clipper(F.ethA)!.address, sender: Self.keeperAddress)
        F.apply(sent[0], to: &state, timestamp: F.t0 + 90 * 80)
        #expect(state.maker!.vat.dai(Self.keeperAddress) == F.rad(250) &+ F.fixed("14.69", 45))
        #expect(state.maker!.clipper(F.ethA)!.sales[1]?.tic == F.t0 + 90 * 80)
    }

    /// At 10,000 gwei a redo's 136,000 gas costs 1.36 ETH ($2,448), more than the 264.69 DAI
    /// incentive.
    @Test func noRedoWhenGasCostsMoreThanTheIncentive() throws {
        let state = try Self.auction(capital: 0)
        var keeper = Self.keeper(redoes: true, gasPrice: F.gwei(10_000))
        #expect(keeper.act(Self.view(state, steps: 80)).isEmpty)
    }

    /// The Clipper's purchase rules, restated for planning, on the edge cases.
    @Test func purchasePlanFollowsTheClipper() {
        let price = F.ray(2)
        func plan(amt: UInt64, lot: UInt64, tab: UInt64, chost: UInt64) -> [UInt256]? {
            ClipKeeper.purchase(amt: F.wad(amt), lot: F.wad(lot), tab: F.rad(tab), price: price, chost: F.rad(chost))
                .map { [$0.slice, $0.owe] }
        }
        // Whole tab affordable: owe = tab, slice = tab / price.
        #expect(plan(amt: 100, lot: 100, tab: 50, chost: 10) == [F.wad(25), F.rad(50)])
        // Leaves less than chost: owe = tab − chost.
        #expect(plan(amt: 20, lot: 100, tab: 50, chost: 15) == [F.fixed("17.5", 18), F.rad(35)])
        // tab ≤ chost and not the whole lot: Clipper/no-partial-purchase.
        #expect(plan(amt: 1, lot: 100, tab: 10, chost: 10) == nil)
        // The whole lot may leave any tab.
        #expect(plan(amt: 100, lot: 4, tab: 10, chost: 10) == [F.wad(4), F.rad(8)])
    }
}
