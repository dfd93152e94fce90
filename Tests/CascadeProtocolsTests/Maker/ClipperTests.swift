import CascadeChain
import CascadeMath
@testable import CascadeProtocols
import XCTest

final class ClipperTests: XCTestCase {
    typealias F = MakerFixture
    let ilk = MakerFixture.ethA
    let faucet = Address(truncating: 0xFA0CE7)
    let start = MakerFixture.t0 + 12

    /// Alice's 10 ETH / 10,000 DAI vault barked at `start` with the feed at 1,400: auction 1
    /// with tab 11,300 DAI, lot 10 ETH, top 1,540; the taker holds 50,000 DAI in the Vat.
    func barked(configure: (inout MakerParameters) -> Void = { _ in }) throws -> Maker {
        var maker = try F.liquidations2(price: 2_000, configure: configure)
        try F.openVault(&maker, F.alice, ink: F.wad(10), art: F.wad(10_000))
        try F.setPrice(&maker, F.wad(1_400))
        try maker.bark(ilk, urn: F.alice, kpr: F.keeper, context: F.context(F.keeper, start))
        try maker.vat.suck(faucet, F.bob, F.rad(50_000))
        return maker
    }

    func testPriceFollowsTheStairstepCurve() throws {
        let maker = try barked()
        let clipper = maker.clippers[ilk]!
        let top = F.ray(1_540)
        let cut: UInt256 = 990_000_000_000_000_000_000_000_000
        for (dur, steps) in [(0, 0), (89, 0), (90, 1), (179, 1), (900, 10), (3_600, 40)] as [(UInt64, UInt64)] {
            let status = try clipper.getStatus(1, now: start + dur)
            XCTAssertEqual(status.price, try DSSMath.rmul(top, try DSSMath.rpow(cut, UInt256(steps), base: F.ray)), "dur \(dur)")
            XCTAssertFalse(status.needsRedo)
        }
        XCTAssertEqual(try clipper.getStatus(1, now: start + 90).price, F.fixed("1524.6", 27))
        XCTAssertEqual(try clipper.getStatus(1, now: start + 900).price, 1_392_748_395_513_558_914_615_400_000_000)
    }

    func testPartialTakeRespectsChostThenFullTakeReturnsTheRest() throws {
        var maker = try barked()
        let vow = maker.vow.address
        XCTAssertEqual(maker.clippers[ilk]!.chost, F.rad(8_475))  // dust 7,500 · chop 1.13
        // Buying 2 ETH at 1,540 would leave 8,220 < chost: the purchase shrinks to leave exactly chost.
        let first = try maker.take(ilk, id: 1, amt: F.wad(2), max: F.ray(1_540), who: F.bob, context: F.context(F.bob, start))
        XCTAssertEqual(first.owe, F.rad(2_825))
        XCTAssertEqual(first.slice, try F.rad(2_825) / (F.ray(1_540)))
        XCTAssertEqual(first.slice, 1_834_415_584_415_584_415)
        XCTAssertEqual(first.tab, F.rad(8_475))
        XCTAssertEqual(maker.vat.gem(ilk, F.bob), first.slice)
        XCTAssertEqual(maker.vat.dai(vow), F.rad(2_825))
        XCTAssertEqual(maker.dog.Dirt, F.rad(8_475))
        // With tab at chost, a partial purchase is refused.
        assertReverts(&maker, .reason("Clipper/no-partial-purchase")) { (maker: inout Maker) throws(Revert) in
            try maker.take(self.ilk, id: 1, amt: F.wad(1), max: F.ray(1_540), who: F.bob, context: F.context(F.bob, self.start))
        }
        // Buying everything collects only tab; the rest goes back to Alice.
        let second = try maker.take(ilk, id: 1, amt: F.wad(10), max: F.ray(1_540), who: F.bob, context: F.context(F.bob, start + 1))
        XCTAssertEqual(second.owe, F.rad(8_475))
        XCTAssertEqual(second.tab, .zero)
        let rest = try F.wad(10) - first.slice - second.slice
        XCTAssertEqual(second.returned, rest)
        XCTAssertEqual(maker.vat.gem(ilk, F.alice), rest)
        XCTAssertNil(maker.clippers[ilk]!.sales[1])
        XCTAssertEqual(maker.clippers[ilk]!.active, [])
        XCTAssertEqual(maker.dog.Dirt, .zero)
        XCTAssertEqual(maker.vat.dai(vow), F.rad(11_300))
        // The Vow holds 11,300 DAI against 10,000 of debt and 261.3 of keeper incentive.
        XCTAssertEqual(maker.surplus, F.fixed("1038.7", 45))
        XCTAssertEqual(maker.invariantViolations(), [])
    }

    /// Every change to the sales — kick, take, redo, the removal of a finished auction — moves
    /// `salesVersion`; a revert moves nothing.
    func testSalesVersionMovesWithEverySaleChange() throws {
        var maker = try barked()
        var versions = [maker.clippers[ilk]!.salesVersion]
        XCTAssertGreaterThan(versions[0], 0, "the kick")
        func expectMoved(_ note: String) {
            let version = maker.clippers[ilk]!.salesVersion
            XCTAssertFalse(versions.contains(version), note)
            versions.append(version)
        }
        _ = try maker.take(ilk, id: 1, amt: F.wad(1), max: F.ray(1_540), who: F.bob, context: F.context(F.bob, start))
        expectMoved("a partial take")
        maker.feed(ilk, val: F.wad(1_300))
        _ = try maker.redo(ilk, id: 1, kpr: F.rival, context: F.context(F.rival, start + 7_201))
        expectMoved("a redo")
        assertReverts(&maker, .reason("Clipper/too-expensive")) { (maker: inout Maker) throws(Revert) in
            try maker.take(self.ilk, id: 1, amt: F.wad(1), max: F.ray(1), who: F.bob, context: F.context(F.bob, self.start + 7_201))
        }
        XCTAssertEqual(maker.clippers[ilk]!.salesVersion, versions.last, "a revert")
        _ = try maker.take(ilk, id: 1, amt: F.wad(10), max: F.ray(2_000), who: F.bob, context: F.context(F.bob, start + 7_201))
        XCTAssertEqual(maker.clippers[ilk]!.active, [])
        expectMoved("the last take, which removes the auction")
    }

    func testTakeRevertsInOrder() throws {
        var maker = try barked()
        assertReverts(&maker, .reason("Clipper/not-running-auction")) { (maker: inout Maker) throws(Revert) in
            try maker.take(self.ilk, id: 2, amt: F.wad(1), max: F.ray(2_000), who: F.bob, context: F.context(F.bob, self.start))
        }
        assertReverts(&maker, .reason("Clipper/too-expensive")) { (maker: inout Maker) throws(Revert) in
            try maker.take(self.ilk, id: 1, amt: F.wad(1), max: F.ray(1_539), who: F.bob, context: F.context(F.bob, self.start))
        }
        // Alice has no DAI left in the Vat after moving hers away.
        try maker.vat.move(from: F.alice, to: F.rival, F.rad(10_000), sender: F.alice)
        assertReverts(&maker, .underflow) { (maker: inout Maker) throws(Revert) in
            try maker.take(self.ilk, id: 1, amt: F.wad(10), max: F.ray(2_000), who: F.alice, context: F.context(F.alice, self.start))
        }
        assertReverts(&maker, .reason("Clipper/needs-reset")) { (maker: inout Maker) throws(Revert) in
            try maker.take(self.ilk, id: 1, amt: F.wad(1), max: F.ray(2_000), who: F.bob, context: F.context(F.bob, self.start + 7_201))
        }
        maker.clippers[ilk]!.file(stopped: 3)
        assertReverts(&maker, .reason("Clipper/stopped-incorrect")) { (maker: inout Maker) throws(Revert) in
            try maker.take(self.ilk, id: 1, amt: F.wad(1), max: F.ray(2_000), who: F.bob, context: F.context(F.bob, self.start))
        }
    }

    func testRedoAfterTailPaysChipAndTip() throws {
        var maker = try barked()
        assertReverts(&maker, .reason("Clipper/cannot-reset")) { (maker: inout Maker) throws(Revert) in
            try maker.redo(self.ilk, id: 1, kpr: F.rival, context: F.context(F.rival, self.start + 7_199))
        }
        maker.feed(ilk, val: F.wad(1_300))
        let restart = try maker.redo(ilk, id: 1, kpr: F.rival, context: F.context(F.rival, start + 7_201))
        XCTAssertEqual(restart.top, F.ray(1_430))
        XCTAssertEqual(restart.coin, F.fixed("261.3", 45))
        XCTAssertEqual(maker.vat.dai(F.rival), F.fixed("261.3", 45))
        XCTAssertEqual(maker.clippers[ilk]!.sales[1]!.tic, start + 7_201)
        XCTAssertEqual(maker.vat.sin(maker.vow.address), F.fixed("10522.6", 45))
        XCTAssertFalse(try maker.clippers[ilk]!.getStatus(1, now: start + 7_201).needsRedo)
        XCTAssertEqual(maker.invariantViolations(), [])
    }

    func testRedoWhenThePriceFallsBelowCusp() throws {
        // cusp 0.9: ten steps leave 0.99¹⁰ ≈ 0.904 of top, eleven 0.895.
        var maker = try barked { parameters in
            guard case .clip(var clip) = parameters.ilks[0].liquidation else { return }
            clip.cusp = F.fixed("0.9", 27)
            parameters.ilks[0].liquidation = .clip(clip)
        }
        XCTAssertFalse(try maker.clippers[ilk]!.getStatus(1, now: start + 989).needsRedo)
        XCTAssertTrue(try maker.clippers[ilk]!.getStatus(1, now: start + 990).needsRedo)
        assertReverts(&maker, .reason("Clipper/needs-reset")) { (maker: inout Maker) throws(Revert) in
            try maker.take(self.ilk, id: 1, amt: F.wad(1), max: F.ray(2_000), who: F.bob, context: F.context(F.bob, self.start + 990))
        }
        let restart = try maker.redo(ilk, id: 1, kpr: F.rival, context: F.context(F.rival, start + 990))
        XCTAssertEqual(restart.top, F.ray(1_540))
        XCTAssertEqual(restart.coin, F.fixed("261.3", 45))
    }

    func testRedoOfADustyAuctionPaysNothing() throws {
        var maker = try barked()
        // Raise dust so that chost (dust · chop) exceeds the tab.
        try maker.vat.file(ilk, dust: F.rad(20_000))
        try maker.upchost(ilk)
        XCTAssertEqual(maker.clippers[ilk]!.chost, F.rad(22_600))
        let restart = try maker.redo(ilk, id: 1, kpr: F.rival, context: F.context(F.rival, start + 7_201))
        XCTAssertEqual(restart.coin, .zero)
        XCTAssertEqual(maker.vat.dai(F.rival), .zero)
        maker.clippers[ilk]!.file(stopped: 2)
        assertReverts(&maker, .reason("Clipper/stopped-incorrect")) { (maker: inout Maker) throws(Revert) in
            try maker.redo(self.ilk, id: 1, kpr: F.rival, context: F.context(F.rival, self.start + 20_000))
        }
    }

    func testRemovingAnAuctionKeepsActiveIndexesConsistent() throws {
        var maker = try F.liquidations2(price: 2_000)
        for owner in [F.alice, F.bob, F.rival] {
            try F.openVault(&maker, owner, ink: F.wad(10), art: F.wad(10_000))
        }
        try F.setPrice(&maker, F.wad(1_400))
        for owner in [F.alice, F.bob, F.rival] {
            try maker.bark(ilk, urn: owner, kpr: F.keeper, context: F.context(F.keeper, start))
        }
        try maker.vat.suck(faucet, F.keeper, F.rad(50_000))
        XCTAssertEqual(maker.clippers[ilk]!.active, [1, 2, 3])
        try maker.take(ilk, id: 1, amt: F.wad(10), max: F.ray(2_000), who: F.keeper, context: F.context(F.keeper, start))
        XCTAssertEqual(maker.clippers[ilk]!.active, [3, 2])
        XCTAssertEqual(maker.clippers[ilk]!.sales[3]!.pos, 0)
        XCTAssertEqual(maker.invariantViolations(), [])
    }
}
