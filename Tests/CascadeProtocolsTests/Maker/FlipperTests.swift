import CascadeChain
import CascadeMath
@testable import CascadeProtocols
import XCTest

final class FlipperTests: XCTestCase {
    typealias F = MakerFixture
    let ilk = MakerFixture.ethA
    let faucet = Address(truncating: 0xFA0CE7)
    let ttl: UInt64 = 600, tau: UInt64 = 259_200

    /// Alice's 10 ETH / 1,000 DAI vault bitten at t0 (auction 1: lot 10 ETH, tab 1,130 DAI);
    /// the keeper and the rival hold `funds` DAI each in the Vat.
    func bitten(funds: UInt64 = 10_000) throws -> Maker {
        var maker = try F.blackThursday(price: 200)
        try F.openVault(&maker, F.alice, ink: F.wad(10), art: F.wad(1_000))
        try F.setPrice(&maker, F.wad(140))
        try maker.bite(ilk, urn: F.alice, context: F.context(F.keeper, F.t0))
        try maker.vat.suck(faucet, F.keeper, F.rad(funds))
        try maker.vat.suck(faucet, F.rival, F.rad(funds))
        return maker
    }

    /// 12 March 2020: a keeper bids 1 rad unit (10⁻⁴⁵ DAI) for the whole lot; no other bid lands
    /// within `ttl`; the keeper `deal`s and takes 10 ETH for nothing, and the debt stays.
    func testLoneOneWeiBidWinsAndLeavesTheTabAsSystemDebt() throws {
        var maker = try bitten()
        let vow = maker.vow.address
        try maker.tend(ilk, id: 1, lot: F.wad(10), bid: 1, context: F.context(F.keeper, F.t0 + 30))
        XCTAssertEqual(maker.flippers[ilk]!.bid(1).guy, F.keeper)
        XCTAssertEqual(maker.flippers[ilk]!.bid(1).tic, F.t0 + 30 + ttl)
        XCTAssertEqual(maker.vat.dai(vow), 1)
        // A competing bid that lands after the bid expired is too late.
        assertReverts(&maker, .reason("Flipper/already-finished-tic")) { (maker: inout Maker) throws(Revert) in
            try maker.tend(self.ilk, id: 1, lot: F.wad(10), bid: F.rad(1_000), context: F.context(F.rival, F.t0 + 30 + self.ttl))
        }
        // deal needs tic < now.
        assertReverts(&maker, .reason("Flipper/not-finished")) { (maker: inout Maker) throws(Revert) in
            try maker.deal(self.ilk, id: 1, context: F.context(F.keeper, F.t0 + 30 + self.ttl))
        }
        let settled = try maker.deal(ilk, id: 1, context: F.context(F.keeper, F.t0 + 31 + ttl))
        XCTAssertEqual(settled.bid, 1)
        XCTAssertEqual(maker.vat.gem(ilk, F.keeper), F.wad(10))
        XCTAssertNil(maker.flippers[ilk]!.bids[1])
        XCTAssertEqual(maker.vat.gem(ilk, maker.flippers[ilk]!.address), .zero)
        // The Vow raised 1 rad unit against 1,000 DAI of debt: 1,000 DAI − 10⁻⁴⁵ uncovered.
        XCTAssertEqual(maker.vat.sin(vow), F.rad(1_000))
        XCTAssertEqual(maker.vat.dai(vow), 1)
        XCTAssertEqual(maker.deficit, F.rad(1_000) &- 1)
        XCTAssertEqual(maker.surplus, .zero)
        XCTAssertEqual(maker.invariantViolations(), [])
    }

    /// The change log names each auction changed since a version, in order, and says when it
    /// cannot: a version not reached, one older than the log, a change that was not logged.
    func testChangeLogNamesTheAuctionsChangedSinceAVersion() throws {
        var maker = try bitten()
        let kicked = maker.flippers[ilk]!.bidsVersion
        XCTAssertEqual(maker.flippers[ilk]!.changedIDs(since: kicked - 1), [1], "the kick")
        XCTAssertEqual(maker.flippers[ilk]!.changedIDs(since: kicked), [])
        XCTAssertNil(maker.flippers[ilk]!.changedIDs(since: kicked + 1), "a version not reached")
        try maker.tend(ilk, id: 1, lot: F.wad(10), bid: 1, context: F.context(F.keeper, F.t0 + 30))
        try maker.deal(ilk, id: 1, context: F.context(F.keeper, F.t0 + 31 + ttl))
        XCTAssertEqual(maker.flippers[ilk]!.changedIDs(since: kicked), [1, 1], "tend, deal")
        var flipper = maker.flippers[ilk]!
        flipper.bids[7] = Flipper.Bid()
        XCTAssertNil(flipper.changedIDs(since: kicked), "an unlogged change")

        var ticked = Flipper(address: faucet, ilk: ilk)
        let changes = 2 * Flipper.changeLogLength + 5
        for index in 0..<changes { try ticked.tick(UInt256(UInt64(index % 3)), now: 1 + UInt64(index / 3) * (tau + 1)) }
        let kept = UInt64(Flipper.changeLogLength)
        let expected = (changes - Flipper.changeLogLength..<changes).map { UInt256(UInt64($0 % 3)) }
        XCTAssertEqual(ticked.changedIDs(since: ticked.bidsVersion - kept), expected)
        XCTAssertNil(ticked.changedIDs(since: 0), "older than the log")
    }

    func testBidOfZeroIsNotValid() throws {
        var maker = try bitten()
        assertReverts(&maker, .reason("Flipper/bid-not-higher")) { (maker: inout Maker) throws(Revert) in
            try maker.tend(self.ilk, id: 1, lot: F.wad(10), bid: .zero, context: F.context(F.keeper, F.t0 + 1))
        }
    }

    func testTendRevertsInOrder() throws {
        var maker = try bitten()
        let context = F.context(F.keeper, F.t0 + 1)
        assertReverts(&maker, .reason("Flipper/guy-not-set")) { (maker: inout Maker) throws(Revert) in
            try maker.tend(self.ilk, id: 2, lot: F.wad(10), bid: 1, context: context)
        }
        assertReverts(&maker, .reason("Flipper/lot-not-matching")) { (maker: inout Maker) throws(Revert) in
            try maker.tend(self.ilk, id: 1, lot: F.wad(9), bid: 1, context: context)
        }
        assertReverts(&maker, .reason("Flipper/higher-than-tab")) { (maker: inout Maker) throws(Revert) in
            try maker.tend(self.ilk, id: 1, lot: F.wad(10), bid: F.rad(1_130) &+ 1, context: context)
        }
        // Not enough DAI in the Vat: an empty revert from vat.move.
        assertReverts(&maker, .underflow) { (maker: inout Maker) throws(Revert) in
            try maker.tend(self.ilk, id: 1, lot: F.wad(10), bid: F.rad(1_000), context: F.context(Address(truncating: 0xDEAD), F.t0 + 1))
        }
    }

    func testTendNeedsBegAndRefundsTheOutbidBidder() throws {
        var maker = try bitten()
        let vow = maker.vow.address
        try maker.tend(ilk, id: 1, lot: F.wad(10), bid: F.rad(500), context: F.context(F.keeper, F.t0 + 10))
        XCTAssertEqual(maker.vat.dai(F.keeper), F.rad(9_500))
        // beg = 1.03: 514 < 1.03 · 500 = 515.
        assertReverts(&maker, .reason("Flipper/insufficient-increase")) { (maker: inout Maker) throws(Revert) in
            try maker.tend(self.ilk, id: 1, lot: F.wad(10), bid: F.rad(514), context: F.context(F.rival, F.t0 + 20))
        }
        try maker.tend(ilk, id: 1, lot: F.wad(10), bid: F.rad(515), context: F.context(F.rival, F.t0 + 20))
        XCTAssertEqual(maker.vat.dai(F.keeper), F.rad(10_000))
        XCTAssertEqual(maker.vat.dai(F.rival), F.rad(9_485))
        XCTAssertEqual(maker.vat.dai(vow), F.rad(515))
        // A bid of exactly tab is always enough, even below beg·bid.
        try maker.tend(ilk, id: 1, lot: F.wad(10), bid: F.rad(1_130), context: F.context(F.keeper, F.t0 + 30))
        XCTAssertEqual(maker.vat.dai(vow), F.rad(1_130))
        XCTAssertTrue(maker.flippers[ilk]!.bid(1).isDentPhase)
        assertReverts(&maker, .reason("Flipper/bid-not-higher")) { (maker: inout Maker) throws(Revert) in
            try maker.tend(self.ilk, id: 1, lot: F.wad(10), bid: F.rad(1_130), context: F.context(F.rival, F.t0 + 40))
        }
    }

    /// The March 2020 Flipper makes a bidder who raises their own bid pay the whole new bid
    /// first (the refund of the old bid comes back to them in the same call).
    func testRaisingOwnBidNeedsTheWholeNewBid() throws {
        var maker = try bitten(funds: 600)
        try maker.tend(ilk, id: 1, lot: F.wad(10), bid: F.rad(500), context: F.context(F.keeper, F.t0 + 10))
        assertReverts(&maker, .underflow) { (maker: inout Maker) throws(Revert) in
            try maker.tend(self.ilk, id: 1, lot: F.wad(10), bid: F.rad(515), context: F.context(F.keeper, F.t0 + 20))
        }
        try maker.vat.suck(faucet, F.keeper, F.rad(400))
        try maker.tend(ilk, id: 1, lot: F.wad(10), bid: F.rad(515), context: F.context(F.keeper, F.t0 + 20))
        XCTAssertEqual(maker.vat.dai(F.keeper), F.rad(485))
    }

    func testTendThenDentTransition() throws {
        var maker = try bitten()
        let vow = maker.vow.address
        // dent before the bid reaches tab.
        try maker.tend(ilk, id: 1, lot: F.wad(10), bid: F.rad(1_000), context: F.context(F.rival, F.t0 + 10))
        assertReverts(&maker, .reason("Flipper/tend-not-finished")) { (maker: inout Maker) throws(Revert) in
            try maker.dent(self.ilk, id: 1, lot: F.wad(9), bid: F.rad(1_000), context: F.context(F.keeper, F.t0 + 20))
        }
        try maker.tend(ilk, id: 1, lot: F.wad(10), bid: F.rad(1_130), context: F.context(F.rival, F.t0 + 20))
        assertReverts(&maker, .reason("Flipper/not-matching-bid")) { (maker: inout Maker) throws(Revert) in
            try maker.dent(self.ilk, id: 1, lot: F.wad(9), bid: F.rad(1_129), context: F.context(F.keeper, F.t0 + 30))
        }
        assertReverts(&maker, .reason("Flipper/lot-not-lower")) { (maker: inout Maker) throws(Revert) in
            try maker.dent(self.ilk, id: 1, lot: F.wad(10), bid: F.rad(1_130), context: F.context(F.keeper, F.t0 + 30))
        }
        // beg·lot ≤ lot₀: 1.03 · 9.8 > 10.
        assertReverts(&maker, .reason("Flipper/insufficient-decrease")) { (maker: inout Maker) throws(Revert) in
            try maker.dent(self.ilk, id: 1, lot: F.fixed("9.8", 18), bid: F.rad(1_130), context: F.context(F.keeper, F.t0 + 30))
        }
        try maker.dent(ilk, id: 1, lot: F.fixed("9.7", 18), bid: F.rad(1_130), context: F.context(F.keeper, F.t0 + 30))
        // The keeper repaid the rival in full; the 0.3 ETH given up went back to Alice.
        XCTAssertEqual(maker.vat.dai(F.rival), F.rad(10_000))
        XCTAssertEqual(maker.vat.dai(F.keeper), F.rad(10_000 - 1_130))
        XCTAssertEqual(maker.vat.gem(ilk, F.alice), F.fixed("0.3", 18))
        XCTAssertEqual(maker.flippers[ilk]!.bid(1).tic, F.t0 + 30 + ttl)
        try maker.deal(ilk, id: 1, context: F.context(F.keeper, F.t0 + 31 + ttl))
        XCTAssertEqual(maker.vat.gem(ilk, F.keeper), F.fixed("9.7", 18))
        // tab covered the debt and the penalty: 130 DAI of surplus.
        XCTAssertEqual(maker.vat.dai(vow), F.rad(1_130))
        XCTAssertEqual(maker.surplus, F.rad(130))
        XCTAssertEqual(maker.deficit, .zero)
        XCTAssertEqual(maker.invariantViolations(), [])
    }

    func testAuctionEndsAfterTauAndTickRestartsIt() throws {
        var maker = try bitten()
        let end = F.t0 + tau
        assertReverts(&maker, .reason("Flipper/not-finished")) { (maker: inout Maker) throws(Revert) in
            try maker.tick(self.ilk, id: 1, context: F.context(F.keeper, end))
        }
        assertReverts(&maker, .reason("Flipper/already-finished-end")) { (maker: inout Maker) throws(Revert) in
            try maker.tend(self.ilk, id: 1, lot: F.wad(10), bid: 1, context: F.context(F.keeper, end))
        }
        // No bid: nothing to deal.
        assertReverts(&maker, .reason("Flipper/not-finished")) { (maker: inout Maker) throws(Revert) in
            try maker.deal(self.ilk, id: 1, context: F.context(F.keeper, end + 1))
        }
        try maker.tick(ilk, id: 1, context: F.context(F.keeper, end + 1))
        XCTAssertEqual(maker.flippers[ilk]!.bid(1).end, end + 1 + tau)
        // The auction's end caps the last bid: a bid placed just before `end` can be dealt at end + 1.
        let newEnd = end + 1 + tau
        try maker.tend(ilk, id: 1, lot: F.wad(10), bid: F.rad(200), context: F.context(F.rival, newEnd - 10))
        XCTAssertGreaterThan(maker.flippers[ilk]!.bid(1).tic, newEnd)
        assertReverts(&maker, .reason("Flipper/bid-already-placed")) { (maker: inout Maker) throws(Revert) in
            try maker.tick(self.ilk, id: 1, context: F.context(F.keeper, newEnd + 1))
        }
        try maker.deal(ilk, id: 1, context: F.context(F.keeper, newEnd + 1))
        XCTAssertEqual(maker.vat.gem(ilk, F.rival), F.wad(10))
        XCTAssertEqual(maker.invariantViolations(), [])
    }
}
