import CascadeChain
import CascadeMath
@testable import CascadeProtocols
import XCTest

/// Property tests: random call sequences (seeded SplitMix64) keep the accounting identities of
/// ``Maker/invariantViolations()``, and every reverted call leaves the whole system unchanged.
final class MakerInvariantsTests: XCTestCase {
    typealias F = MakerFixture
    let ilk = MakerFixture.ethA
    let faucet = Address(truncating: 0xFA0CE7)
    let actors = [MakerFixture.alice, MakerFixture.bob, MakerFixture.keeper, MakerFixture.rival, Address(truncating: 0xCA201)]

    struct Counts {
        var succeeded: [String: Int] = [:]
        var reverted: [String: Int] = [:]
    }

    /// Runs `steps` random operations; after each checks the invariants, and after a revert
    /// that nothing changed.
    func run(_ maker: inout Maker, seed: UInt64, steps: Int, operation: (inout Maker, inout SplitMix64, UInt64) throws(Revert) -> String) -> Counts {
        var random = SplitMix64(seed: seed)
        var now = F.t0
        var counts = Counts()
        for step in 0..<steps {
            now += random.next() % 90
            let before = maker
            var name = "?"
            do throws(Revert) {
                name = try operation(&maker, &random, now)
                counts.succeeded[name, default: 0] += 1
            } catch {
                counts.reverted[String(describing: error).prefix(40).description, default: 0] += 1
                if maker != before {
                    XCTFail("seed \(seed) step \(step): a reverted call (\(error)) changed the state")
                    return counts
                }
            }
            let violations = maker.invariantViolations()
            if !violations.isEmpty {
                XCTFail("seed \(seed) step \(step) after \(name): \(violations)")
                return counts
            }
        }
        return counts
    }

    func amount(_ random: inout SplitMix64, upTo whole: UInt64) -> UInt256 {
        // Whole units plus a random fraction, so that roundings are exercised.
        UInt256(random.next() % whole) &* F.wad &+ UInt256(random.next() % 1_000_000_000_000_000_000)
    }

    func signed(_ random: inout SplitMix64, upTo whole: UInt64) -> Int256 {
        let magnitude = amount(&random, upTo: whole)
        return Int256(negative: random.next() % 2 == 0, magnitude: magnitude)!
    }

    /// A running auction's id most of the time, else any id up to two past the last.
    func pick(_ running: [UInt256], kicks: UInt256, _ random: inout SplitMix64) -> UInt256 {
        if running.isEmpty || random.next() % 8 == 0 { return UInt256(random.next() % (kicks.uint64Value! + 2)) }
        return running[Int(random.next() % UInt64(running.count))]
    }

    func setUpActors(_ maker: inout Maker) throws {
        for actor in actors {
            try maker.vat.slip(ilk, actor, F.int(F.wad(1_000)))
            try maker.vat.suck(faucet, actor, F.rad(1_000_000))
        }
    }

    func testRandomFlipSequencesKeepTheBooks() throws {
        var totals = Counts()
        for seed in 1...5 as ClosedRange<UInt64> {
            var maker = try F.blackThursday(price: 200)
            try setUpActors(&maker)
            let counts = run(&maker, seed: seed, steps: 1_500) { (maker: inout Maker, random: inout SplitMix64, now: UInt64) throws(Revert) -> String in
                let actor = self.actors[Int(random.next() % UInt64(self.actors.count))]
                let context = F.context(actor, now)
                let flipper = maker.flippers[self.ilk]!
                let id = self.pick(flipper.bids.keys.sorted(), kicks: flipper.kicks, &random)
                let auction = flipper.bid(id)
                switch random.next() % 10 {
                case 0, 1:
                    try maker.frob(self.ilk, u: actor, v: actor, w: actor, dink: self.signed(&random, upTo: 30), dart: self.signed(&random, upTo: 4_000), context: context)
                    return "frob"
                case 2:
                    try F.setPrice(&maker, UInt256(50 + random.next() % 300) &* F.wad)
                    return "poke"
                case 3:
                    try maker.bite(self.ilk, urn: self.actors[Int(random.next() % UInt64(self.actors.count))], context: context)
                    return "bite"
                case 4, 5:
                    // Bids around the rules: sometimes too small, sometimes exactly tab.
                    let choice = random.next() % 4
                    let bid: UInt256 = choice == 0 ? auction.tab : choice == 1 ? 1 : (try (auction.bid &* 104) / 100) &+ UInt256(random.next() % 3)
                    try maker.tend(self.ilk, id: id, lot: auction.lot, bid: bid, context: context)
                    return "tend"
                case 6:
                    let lot = try (auction.lot &* UInt256(90 + random.next() % 15)) / 100
                    try maker.dent(self.ilk, id: id, lot: lot, bid: auction.bid, context: context)
                    return "dent"
                case 7:
                    try maker.deal(self.ilk, id: id, context: F.context(actor, now + random.next() % 1_000))
                    return "deal"
                case 8:
                    try maker.tick(self.ilk, id: id, context: F.context(actor, now + random.next() % 300_000))
                    return "tick"
                default:
                    try maker.drip(self.ilk, context: context)
                    return "drip"
                }
            }
            for (name, count) in counts.succeeded { totals.succeeded[name, default: 0] += count }
            for (name, count) in counts.reverted { totals.reverted[name, default: 0] += count }
        }
        print("flip sequences: succeeded \(totals.succeeded.sorted { $0.key < $1.key }), reverted \(totals.reverted.sorted { $0.key < $1.key })")
        // The sequences exercised every call, with successes and reverts.
        for name in ["frob", "poke", "bite", "tend", "dent", "deal", "tick", "drip"] {
            XCTAssertGreaterThan(totals.succeeded[name, default: 0], 0, "\(name) never succeeded")
        }
        XCTAssertGreaterThan(totals.reverted.values.reduce(0, +), 100)
    }

    func testRandomClipSequencesKeepTheBooks() throws {
        var totals = Counts()
        for seed in 11...15 as ClosedRange<UInt64> {
            var maker = try F.liquidations2(price: 2_000) { parameters in
                // Small limits so that partial liquidations and the limit check happen.
                parameters.Hole = F.rad(60_000)
                guard case .clip(var clip) = parameters.ilks[0].liquidation else { return }
                clip.hole = F.rad(40_000)
                parameters.ilks[0].liquidation = .clip(clip)
            }
            try setUpActors(&maker)
            let counts = run(&maker, seed: seed, steps: 1_500) { (maker: inout Maker, random: inout SplitMix64, now: UInt64) throws(Revert) -> String in
                let actor = self.actors[Int(random.next() % UInt64(self.actors.count))]
                let context = F.context(actor, now)
                let clipper = maker.clippers[self.ilk]!
                let id = self.pick(clipper.active.sorted(), kicks: clipper.kicks, &random)
                switch random.next() % 10 {
                case 0, 1:
                    try maker.frob(self.ilk, u: actor, v: actor, w: actor, dink: self.signed(&random, upTo: 40), dart: self.signed(&random, upTo: 40_000), context: context)
                    return "frob"
                case 2:
                    try F.setPrice(&maker, UInt256(800 + random.next() % 2_000) &* F.wad)
                    return "poke"
                case 3:
                    try maker.bark(self.ilk, urn: self.actors[Int(random.next() % UInt64(self.actors.count))], kpr: actor, context: context)
                    return "bark"
                case 4, 5, 6:
                    let price = (try? clipper.getStatus(id, now: now).price) ?? .zero
                    let max = try (price &* UInt256(95 + random.next() % 10)) / 100
                    try maker.take(self.ilk, id: id, amt: self.amount(&random, upTo: 20), max: max, who: actor, context: context)
                    return "take"
                case 7:
                    try maker.redo(self.ilk, id: id, kpr: actor, context: F.context(actor, now + random.next() % 10_000))
                    return "redo"
                case 8:
                    try maker.upchost(self.ilk)
                    return "upchost"
                default:
                    try maker.drip(self.ilk, context: context)
                    return "drip"
                }
            }
            for (name, count) in counts.succeeded { totals.succeeded[name, default: 0] += count }
            for (name, count) in counts.reverted { totals.reverted[name, default: 0] += count }
        }
        print("clip sequences: succeeded \(totals.succeeded.sorted { $0.key < $1.key }), reverted \(totals.reverted.sorted { $0.key < $1.key })")
        for name in ["frob", "poke", "bark", "take", "redo", "drip"] {
            XCTAssertGreaterThan(totals.succeeded[name, default: 0], 0, "\(name) never succeeded")
        }
        XCTAssertGreaterThan(totals.reverted.values.reduce(0, +), 100)
    }
}
