import CascadeChain
import CascadeMath
import Testing
@testable import CascadeAgents
@testable import CascadeProtocols

@Suite struct ClipAuctionsTests {
    typealias F = AgentFixture

    /// The list computed from scratch for `state`.
    static func fresh(_ state: ChainState, _ indexes: PositionIndexes, timestamp: UInt64) -> ClipAuctions {
        var auctions = ClipAuctions()
        _ = auctions.refresh(state.maker!, clipper: state.maker!.clipper(F.ethA)!, ilk: F.ethA, unsafe: indexes.makerUnsafe[F.ethA],
                             touched: [], timestamp: timestamp)
        return auctions
    }

    /// Three vaults of 10 ETH and 12,000 DAI, unsafe at $1,700 (safe up to 11,724 DAI). With the
    /// ilk's `hole` at 100 DAI every liquidation would be a dusty partial one: the Dog accepts
    /// none. The barks are recomputed when the Dog's room changes or a vault is touched — and
    /// then equal a computation from scratch — and left alone, nothing checked, otherwise.
    @Test func barksAreRecomputedExactlyWhenTheirInputsChange() throws {
        var state = try F.makerChain(price: F.wad(2_000))
        let owners = (0..<3 as Range<UInt64>).map { Address(truncating: UInt256(0x3000 + $0)) }
        for owner in owners { try F.openVault(&state, owner, ink: F.wad(10), art: F.wad(12_000)) }
        try F.setPrice(&state, F.wad(1_700))
        try state.setUp { (setup: inout ChainState.Setup) throws(Revert) in setup.maker.dog.file(F.ethA, hole: F.rad(100)) }
        var indexes = PositionIndexes()
        for owner in owners { indexes.refresh(owner, in: state) }
        var time = F.t0 + 12
        var change = indexes.refreshLiquidatable(in: state, touched: owners, timestamp: time)
        #expect(Set(indexes.makerUnsafe[F.ethA]!.owners) == Set(owners))
        #expect(indexes.clipAuctions[F.ethA]!.barks.isEmpty, "Dog/dusty-auction-from-partial-liquidation")
        #expect(change.barksExamined == 3)

        time += 12
        change = indexes.refreshLiquidatable(in: state, touched: [], timestamp: time)
        #expect(change.barksExamined == 0, "nothing changed: nothing checked")

        // Room for all three.
        try state.setUp { (setup: inout ChainState.Setup) throws(Revert) in setup.maker.dog.file(F.ethA, hole: F.rad(40_000_000)) }
        time += 12
        change = indexes.refreshLiquidatable(in: state, touched: [], timestamp: time)
        #expect(change.barksExamined == 3)
        #expect(indexes.clipAuctions[F.ethA]!.barks.map(\.urn) == indexes.makerUnsafe[F.ethA]!.owners)
        #expect(indexes.clipAuctions[F.ethA]!.barks == Self.fresh(state, indexes, timestamp: time).barks)

        // The last owner in the set's order repays 100 DAI: still unsafe, still last (the set's
        // order is unchanged), a smaller tab.
        let order = indexes.makerUnsafe[F.ethA]!.owners
        #expect(order.last == owners[2])
        let before = indexes.clipAuctions[F.ethA]!.barks.first { $0.urn == owners[2] }!.tab
        try state.setUp { (setup: inout ChainState.Setup) throws(Revert) in
            try setup.maker.frob(F.ethA, u: owners[2], v: owners[2], w: owners[2], dink: .zero, dart: -F.int(F.wad(100)),
                                 context: CallContext(sender: owners[2], blockNumber: F.block0 + 1, timestamp: time))
        }
        indexes.refresh(owners[2], in: state)
        time += 12
        change = indexes.refreshLiquidatable(in: state, touched: [owners[2]], timestamp: time)
        #expect(indexes.makerUnsafe[F.ethA]!.owners == order)
        let after = indexes.clipAuctions[F.ethA]!.barks.first { $0.urn == owners[2] }!.tab
        #expect(after < before)
        #expect(indexes.clipAuctions[F.ethA]!.barks == Self.fresh(state, indexes, timestamp: time).barks)
    }

    /// Auctions kicked a block apart share the curve's stages (`step` 90 s, blocks 12 s) and
    /// each stage's factor is computed once: after every block for 40 minutes, each auction's
    /// listed status equals `getStatus`, also after the price curve changes midway (the factors
    /// of the old curve must not stand).
    @Test func statusesEqualGetStatusAcrossStagesAndACurveChange() throws {
        var state = try F.makerChain(price: F.wad(2_000))
        let owners = (0..<6 as Range<UInt64>).map { Address(truncating: UInt256(0x5000 + $0)) }
        for owner in owners { try F.openVault(&state, owner, ink: F.wad(10), art: F.wad(12_000)) }
        try F.setPrice(&state, F.wad(1_600))
        let dog = state.maker!.addresses.dog
        var indexes = PositionIndexes()
        for owner in owners { indexes.refresh(owner, in: state) }
        var time = F.t0
        var checked = 0, redos = 0
        for block in 0..<200 {
            time += 12
            if block < owners.count {
                let context = CallContext(sender: F.account("keeper", 0).address, blockNumber: F.block0 + UInt64(block), timestamp: time)
                guard case .success = state.apply(.dogBark(ilk: F.ethA, urn: owners[block], kpr: context.sender), to: dog,
                                                  sender: context.sender, context: context) else {
                    Issue.record("bark \(block) reverted")
                    return
                }
                indexes.refresh(owners[block], in: state)
            }
            if block == 100 {
                try state.setUp { (setup: inout ChainState.Setup) throws(Revert) in
                    var clipper = setup.maker.clipper(F.ethA)!
                    clipper.file(calc: .stairstepExponentialDecrease(step: 60, cut: F.fixed("0.98", 27)))
                    setup.maker.clippers = [F.ethA: clipper]
                }
            }
            let next = time + 12
            _ = indexes.refreshLiquidatable(in: state, touched: block < owners.count ? [owners[block]] : [], timestamp: next)
            let clipper = state.maker!.clipper(F.ethA)!
            let shared = indexes.clipAuctions[F.ethA]!
            let listed = shared.auctions
            #expect(listed.map(\.id) == clipper.active.sorted())
            #expect(shared.needingRedo == listed.indices.filter { listed[$0].needsRedo })
            #expect(shared.lowestPrice == listed.compactMap(\.price).min())
            for auction in listed {
                let status = try clipper.getStatus(auction.id, now: next)
                #expect(auction.needsRedo == status.needsRedo && (auction.price ?? status.price) == status.price,
                        "auction \(auction.id) at block \(block)")
                checked += 1
                if status.needsRedo { redos += 1 }
            }
        }
        #expect(checked > 1_000 && redos > 0, "the auctions must run long enough to need redos")
    }
}
