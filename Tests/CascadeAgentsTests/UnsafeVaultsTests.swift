import CascadeChain
import CascadeMath
import Testing
@testable import CascadeAgents
@testable import CascadeProtocols

/// The unsafe-vault set the block loop keeps incrementally is, after every change, exactly the
/// vaults `Cat.bite` would accept, in the order a full recomputation gives, and its reported
/// entries and exits replay to the same set.
@Suite struct UnsafeVaultsTests {
    typealias F = AgentFixture

    @Test(arguments: [1, 2, 3] as [UInt64])
    func incrementalSetEqualsTheExactFilterAfterEveryChange(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var state = try F.makerChain(price: F.wad(2_000))
        let owners = (0..<60 as Range<UInt64>).map { Address(truncating: UInt256(0x3000 + $0)) }
        for owner in owners {
            // 10 ETH and 8,000 … 13,700 DAI: safe at $2,000 (mat 1.45 allows 13,793).
            try F.openVault(&state, owner, ink: F.wad(10), art: F.wad(8_000 + random.next() % 5_700), gem: F.wad(5))
        }
        var indexes = F.indexes(state, owners: owners)
        var replayed = Set(indexes.makerUnsafe[F.ethA]?.owners ?? [])
        var entered = 0, left = 0
        for _ in 0..<200 {
            var touched: [Address] = []
            if random.next() % 3 == 0 {
                try F.setPrice(&state, F.wad(1_300 + random.next() % 900))
            } else {
                // The owner adds or removes collateral, or draws or repays debt; the Vat refuses
                // what would leave the vault unsafe.
                let owner = owners[Int(random.next() % UInt64(owners.count))]
                let dink = try F.int(F.wad(random.next() % 3)) * (random.next() % 2 == 0 ? 1 : -1)
                let dart = try F.int(F.wad(random.next() % 1_500)) * (random.next() % 2 == 0 ? 1 : -1)
                try? state.setUp { (setup: inout ChainState.Setup) throws(Revert) in
                    try setup.maker.frob(F.ethA, u: owner, v: owner, w: owner, dink: dink, dart: dart,
                                         context: CallContext(sender: owner, blockNumber: F.block0, timestamp: F.t0))
                }
                touched = [owner]
            }
            for owner in touched { indexes.refresh(owner, in: state) }
            let change = try #require(indexes.refreshLiquidatable(in: state, touched: touched, timestamp: F.t0 + 12).makerUnsafe.first?.change)
            replayed.subtract(change.left)
            replayed.formUnion(change.entered)
            entered += change.entered.count
            left += change.left.count

            let maker = try #require(state.maker)
            let ilk = maker.vat.ilk(F.ethA)
            let exact = owners.filter { UnsafeVaults.isUnsafe(maker.vat.urn(F.ethA, $0), spot: ilk.spot, rate: ilk.rate) }
            let kept = indexes.makerUnsafe[F.ethA]?.owners ?? []
            #expect(Set(kept) == Set(exact))
            #expect(kept == F.indexes(state, owners: owners).makerUnsafe[F.ethA]?.owners ?? [], "the order of a full recomputation")
            #expect(replayed == Set(exact))
        }
        #expect(entered > 10 && left > 10, "the walk must move vaults in and out of the set")
    }
}
