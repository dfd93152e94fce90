import CascadeChain
import CascadeMath
import Testing
@testable import CascadeAgents
@testable import CascadeProtocols

/// Maker vault owners defending their vaults.
@Suite struct BorrowerTests {
    typealias F = AgentFixture

    static func owner(_ index: UInt64) -> AgentAccount { F.account("borrower", index) }

    static func profile(_ defence: Borrower.Defence?, threshold: Double = 1.75, target: Double = 2, budget: UInt256 = .max,
                        latency: UInt64 = 0, probability: Double = 1) -> Borrower.Profile {
        Borrower.Profile(defence: defence, threshold: threshold, target: target, budget: budget, latencyBlocks: latency,
                         probabilityPerBlock: probability)
    }

    /// `profiles.count` owners, each with a 10 ETH vault owing 10,000 DAI (ratio 2 at $2,000),
    /// 5 ETH more in the Vat and the 10,000 DAI it drew; then the price falls to `price`.
    static func world(_ profiles: [Borrower.Profile], price: UInt64 = 1_700, seed: UInt64 = 1)
        throws -> (state: ChainState, positions: PositionIndexes, group: Borrower) {
        var state = try F.makerChain(price: F.wad(2_000))
        let owners = profiles.indices.map { Borrower.Owner(account: owner(UInt64($0)), profile: profiles[$0]) }
        for owner in owners {
            try F.openVault(&state, owner.account.address, ink: F.wad(10), art: F.wad(10_000), gem: F.wad(5))
        }
        try F.setPrice(&state, F.wad(price))
        let positions = F.indexes(state, owners: owners.map(\.account.address))
        let group = Borrower(market: .maker(ilk: F.ethA), gas: .fixed(F.gwei(20)), owners: owners, random: SplitMix64(seed: seed))
        return (state, positions, group)
    }

    static func view(_ state: ChainState, _ positions: PositionIndexes, block: UInt64 = F.block0,
                     mempool: MempoolView = MempoolView()) -> AgentView {
        F.view(state, block: block, timestamp: F.t0 + 12 * (block - F.block0), prices: ["ETH": 1_700, "DAI": 1],
               positions: positions, mempool: mempool)
    }

    /// `ink · price / (art · rate)` at the Vat's price.
    static func ratio(_ state: ChainState, _ owner: Address) -> Double {
        let maker = state.maker!
        let urn = maker.vat.urn(F.ethA, owner)
        let price = maker.vat.ilk(F.ethA).spot.doubleValue * 1.45 / 1e27
        return urn.ink.doubleValue * price / urn.art.doubleValue
    }

    /// Whether the vault's collateral value at the Vat's price `rmul(spot, mat)` is at least
    /// `ratio` times its debt, and less than `ratio + 10⁻¹²` times it (exact integers).
    static func reaches(_ state: ChainState, _ owner: Address, ratio: UInt64) throws -> Bool {
        let maker = state.maker!
        let urn = maker.vat.urn(F.ethA, owner)
        let price = try DSSMath.rmul(maker.vat.ilk(F.ethA).spot, F.fixed("1.45", 27))
        let value = try urn.ink * price
        let debt = try urn.art * maker.vat.ilk(F.ethA).rate
        let margin = try debt / UInt256(1_000_000_000_000 as UInt64)
        return try value >= debt * UInt256(ratio) && value < debt * UInt256(ratio) + margin
    }

    /// At $1,700 the ratio is 1.7 < 1.75: the owner adds ⌈10,000 · 2 / 1,700 − 10⌉ ≈ 1.7647 ETH
    /// of its Vat gem, back to 2.
    @Test func topUpRestoresTheTarget() throws {
        var (state, positions, group) = try Self.world([Self.profile(.topUp)])
        let owner = Self.owner(0).address
        var examined = 0
        let sent = group.act(Self.view(state, positions), examined: &examined)
        #expect(examined == 1)
        try #require(sent.count == 1)
        guard case let .vatFrob(_, _, _, _, dink, dart) = sent[0].call else { return }
        #expect(dart.isZero && dink > .zero)
        try F.expectSigned(sent[0], .vatFrob(i: F.ethA, u: owner, v: owner, w: owner, dink: dink, dart: .zero),
                           to: state.maker!.addresses.vat, sender: owner)
        F.apply(sent[0], to: &state)
        #expect(try Self.reaches(state, owner, ratio: 2))
        #expect(state.maker!.vat.gem(F.ethA, owner) == F.wad(5) &- dink.magnitude)

        // Recovered: checked once more (its trigger was stale), then no longer a candidate.
        positions.refresh(owner, in: state)
        var later = 0
        #expect(group.act(Self.view(state, positions, block: F.block0 + 1), examined: &later).isEmpty)
        #expect(later == 1)
        #expect(group.act(Self.view(state, positions, block: F.block0 + 2), examined: &later).isEmpty)
        #expect(later == 1)
    }

    /// The repayment `10,000 − 10 · 1,700 / 2` = 1,500 DAI brings the ratio back to 2.
    @Test func repaymentRestoresTheTarget() throws {
        var (state, positions, group) = try Self.world([Self.profile(.repay)])
        let owner = Self.owner(0).address
        var examined = 0
        let sent = group.act(Self.view(state, positions), examined: &examined)
        try #require(sent.count == 1)
        guard case let .vatFrob(_, _, _, _, dink, dart) = sent[0].call else { return }
        #expect(dink.isZero && dart.isNegative)
        // 1,500 DAI, and a wei more: the Vat's price rmul(spot, mat) is a hair under $1,700.
        #expect(dart.magnitude >= F.wad(1_500) && dart.magnitude <= F.wad(1_500) &+ 10)
        try F.expectSigned(sent[0], .vatFrob(i: F.ethA, u: owner, v: owner, w: owner, dink: .zero, dart: dart),
                           to: state.maker!.addresses.vat, sender: owner)
        F.apply(sent[0], to: &state)
        #expect(try Self.reaches(state, owner, ratio: 2))
        #expect(state.maker!.vat.dai(owner) == F.rad(10_000) &- dart.magnitude &* DSSMath.ray)
    }

    /// A 0.2 ETH budget: it adds exactly 0.2 ETH (ratio 1.734, still under 1.75), then gives up.
    @Test func topUpStaysWithinTheBudget() throws {
        var (state, positions, group) = try Self.world([Self.profile(.topUp, budget: F.fixed("0.2", 18))])
        let owner = Self.owner(0).address
        var examined = 0
        let sent = group.act(Self.view(state, positions), examined: &examined)
        #expect(sent.map(\.call) == [.vatFrob(i: F.ethA, u: owner, v: owner, w: owner, dink: F.int(F.fixed("0.2", 18)), dart: .zero)])
        F.apply(sent[0], to: &state)
        positions.refresh(owner, in: state)
        #expect(Self.ratio(state, owner) < 1.75)
        #expect(group.act(Self.view(state, positions, block: F.block0 + 1), examined: &examined).isEmpty)
        let checked = examined
        #expect(group.act(Self.view(state, positions, block: F.block0 + 2), examined: &examined).isEmpty)
        #expect(examined == checked, "an owner who has spent its budget is no longer checked")
    }

    /// A 7 ETH vault owing 8,000 DAI at $1,900 (ratio 1.6625): the target 2 would leave 6,650 DAI,
    /// under the 7,500 dust. With the DAI it repays everything; with a 3,000 DAI budget it stops
    /// at dust (repays 500).
    @Test(arguments: [(UInt64(10_000), UInt64(8_000)), (3_000, 500)])
    func repaymentNeverLeavesADustyVault(budget: UInt64, repaid: UInt64) throws {
        var state = try F.makerChain(price: F.wad(2_000))
        let account = Self.owner(0)
        try F.openVault(&state, account.address, ink: F.wad(7), art: F.wad(8_000))
        try F.setPrice(&state, F.wad(1_900))
        let positions = F.indexes(state, owners: [account.address])
        var group = Borrower(market: .maker(ilk: F.ethA), gas: .fixed(F.gwei(20)),
                             owners: [Borrower.Owner(account: account, profile: Self.profile(.repay, budget: F.wad(budget)))],
                             random: SplitMix64(seed: 1))
        var examined = 0
        let sent = group.act(Self.view(state, positions), examined: &examined)
        let owner = account.address
        #expect(sent.map(\.call) == [.vatFrob(i: F.ethA, u: owner, v: owner, w: owner, dink: .zero,
                                              dart: Int256(negative: true, magnitude: F.wad(repaid))!)])
        F.apply(sent[0], to: &state)
        #expect(state.maker!.vat.urn(F.ethA, owner).art == F.wad(8_000 - repaid))
    }

    /// Latency 3: noticed in the first block, silent for three blocks, then every owner acts.
    @Test func actsOnlyAfterTheLatency() throws {
        let (state, positions, initial) = try Self.world(Array(repeating: Self.profile(.topUp, latency: 3), count: 5))
        var group = initial
        var examined = 0
        for offset in 0..<3 as Range<UInt64> {
            #expect(group.act(Self.view(state, positions, block: F.block0 + offset), examined: &examined).isEmpty)
        }
        #expect(group.act(Self.view(state, positions, block: F.block0 + 3), examined: &examined).count == 5)
    }

    /// 400 owners acting with probability 0.25 per block: the first block's count is within four
    /// standard deviations of 100, the same for the same seed, and nobody sends twice while pending.
    @Test func actsWithItsProbabilityPerBlock() throws {
        let (state, positions, initial) = try Self.world(Array(repeating: Self.profile(.repay, probability: 0.25), count: 400))
        var group = initial
        var examined = 0
        let first = group.act(Self.view(state, positions), examined: &examined)
        #expect((65...135).contains(first.count))
        var replay = initial
        #expect(replay.act(Self.view(state, positions), examined: &examined).map(\.hash) == first.map(\.hash))

        var mempool = MempoolView()
        for transaction in first { mempool.add(transaction, submittedBlock: F.block0 + 1, price: F.gwei(20)) }
        let second = group.act(Self.view(state, positions, block: F.block0 + 1, mempool: mempool), examined: &examined)
        let firstSenders = Set(first.map(\.sender))
        #expect(second.allSatisfy { !firstSenders.contains($0.sender) })
        #expect((44...106).contains(second.count), "a quarter of the ≈ 300 left")
    }

    /// Half the population never reacts: only the other half sends, and only it is checked.
    @Test func neverReactingOwnersNeverSend() throws {
        let profiles = (0..<20).map { Self.profile($0 % 2 == 0 ? .topUp : nil) }
        let (state, positions, initial) = try Self.world(profiles, price: 1_200)
        var group = initial
        var examined = 0
        var senders: Set<Address> = []
        for block in 0..<4 as Range<UInt64> {
            for transaction in group.act(Self.view(state, positions, block: F.block0 + block), examined: &examined) {
                senders.insert(transaction.sender)
            }
        }
        let reacting: [Address] = stride(from: 0, to: 20, by: 2).map { (index: UInt64) in Self.owner(index).address }
        #expect(senders == Set(reacting))
        #expect(examined == 4 * 10)
    }

    /// Owners above their threshold are not candidates at all.
    @Test func safeOwnersAreNotChecked() throws {
        let (state, positions, initial) = try Self.world([Self.profile(.topUp), Self.profile(.topUp, threshold: 1.6)])
        var group = initial
        var examined = 0
        let sent = group.act(Self.view(state, positions), examined: &examined)
        #expect(sent.map(\.sender) == [Self.owner(0).address])
        #expect(examined == 1)
    }
}
