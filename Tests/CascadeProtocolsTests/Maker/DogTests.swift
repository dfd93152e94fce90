import CascadeChain
import CascadeMath
@testable import CascadeProtocols
import XCTest

final class DogTests: XCTestCase {
    typealias F = MakerFixture
    let ilk = MakerFixture.ethA

    func testBarkLiquidatesTheWholeVaultAndPaysTheKeeper() throws {
        var maker = try F.liquidations2(price: 2_000)
        try F.openVault(&maker, F.alice, ink: F.wad(10), art: F.wad(10_000))
        try F.setPrice(&maker, F.wad(1_400))  // 10 · 1,400 / 1.45 = 9,655 < 10,000
        let bark = try maker.bark(ilk, urn: F.alice, kpr: F.keeper, context: F.context(F.keeper, F.t0 + 12))
        XCTAssertEqual(bark.id, 1)
        XCTAssertEqual(bark.ink, F.wad(10))
        XCTAssertEqual(bark.art, F.wad(10_000))
        XCTAssertEqual(bark.due, F.rad(10_000))
        XCTAssertEqual(bark.tab, F.rad(11_300))
        XCTAssertEqual(bark.top, F.ray(1_540))  // feed 1,400 · buf 1.10
        // tip 250 DAI + chip 0.1 % of 11,300 DAI.
        XCTAssertEqual(bark.coin, F.fixed("261.3", 45))
        XCTAssertEqual(maker.vat.dai(F.keeper), F.fixed("261.3", 45))
        XCTAssertEqual(maker.vat.sin(maker.vow.address), F.fixed("10261.3", 45))
        XCTAssertEqual(maker.dog.Dirt, F.rad(11_300))
        XCTAssertEqual(maker.dog.ilk(ilk).dirt, F.rad(11_300))
        let sale = maker.clippers[ilk]!.sales[1]!
        XCTAssertEqual(sale, Clipper.Sale(pos: 0, tab: F.rad(11_300), lot: F.wad(10), usr: F.alice, tic: F.t0 + 12, top: F.ray(1_540)))
        XCTAssertEqual(maker.invariantViolations(), [])
    }

    func testHoleLimitsBarkToAPartialLiquidation() throws {
        var maker = try F.liquidations2(price: 2_000) { $0.ilks[0].liquidation = .clip(self.clip { $0.hole = F.rad(11_300) }) }
        try F.openVault(&maker, F.alice, ink: F.wad(30), art: F.wad(30_000))
        try F.openVault(&maker, F.bob, ink: F.wad(30), art: F.wad(30_000))
        try F.setPrice(&maker, F.wad(1_400))
        let context = F.context(F.keeper, F.t0)
        // room 11,300 DAI: dart = 11,300 / 1.13 = 10,000 of 30,000; dink = 10 ETH.
        let bark = try maker.bark(ilk, urn: F.alice, kpr: F.keeper, context: context)
        XCTAssertEqual(bark.art, F.wad(10_000))
        XCTAssertEqual(bark.ink, F.wad(10))
        XCTAssertEqual(maker.vat.urn(ilk, F.alice), Vat.Urn(ink: F.wad(20), art: F.wad(20_000)))
        XCTAssertEqual(maker.dog.ilk(ilk).dirt, F.rad(11_300))
        assertReverts(&maker, .reason("Dog/liquidation-limit-hit")) { (maker: inout Maker) throws(Revert) in
            try maker.bark(self.ilk, urn: F.bob, kpr: F.keeper, context: context)
        }
        XCTAssertEqual(maker.invariantViolations(), [])
    }

    func testGlobalHoleLimitsAndDustRules() throws {
        // Hole leaves room for 5,650 DAI: dart 5,000 < dust 7,500 while 25,000 would remain.
        var maker = try F.liquidations2(price: 2_000) { $0.Hole = F.rad(5_650) }
        try F.openVault(&maker, F.alice, ink: F.wad(30), art: F.wad(30_000))
        try F.setPrice(&maker, F.wad(1_400))
        assertReverts(&maker, .reason("Dog/dusty-auction-from-partial-liquidation")) { (maker: inout Maker) throws(Revert) in
            try maker.bark(self.ilk, urn: F.alice, kpr: F.keeper, context: F.context(F.keeper, F.t0))
        }
        // A vault whose rest would be dusty is liquidated whole, overshooting Hole.
        var whole = try F.liquidations2(price: 2_000) { $0.Hole = F.rad(5_650) }
        try F.openVault(&whole, F.alice, ink: F.wad(10), art: F.wad(10_000))
        try F.setPrice(&whole, F.wad(1_400))
        let bark = try whole.bark(ilk, urn: F.alice, kpr: F.keeper, context: F.context(F.keeper, F.t0))
        XCTAssertEqual(bark.art, F.wad(10_000))
        XCTAssertEqual(whole.dog.Dirt, F.rad(11_300))
        XCTAssertGreaterThan(whole.dog.Dirt, whole.dog.Hole)
    }

    func testBarkRevertsNullAuctionWhenTheCollateralShareRoundsToZero() throws {
        // 1 wei of collateral carrying 15,000 DAI; room for exactly 7,500 DAI of debt.
        var maker = try F.liquidations2(price: 2_000) { $0.ilks[0].liquidation = .clip(self.clip { $0.hole = F.rad(8_475) }) }
        try F.setPrice(&maker, try F.wad(1) * 30_000_000_000_000_000_000_000)
        try F.openVault(&maker, F.alice, ink: 1, art: F.wad(15_000))
        try F.setPrice(&maker, try F.wad(1) * 10_000_000_000_000_000_000_000)
        assertReverts(&maker, .reason("Dog/null-auction")) { (maker: inout Maker) throws(Revert) in
            try maker.bark(self.ilk, urn: F.alice, kpr: F.keeper, context: F.context(F.keeper, F.t0))
        }
    }

    func testBarkRevertsAndRollsBackWhenTheClipperRefuses() throws {
        var maker = try F.liquidations2(price: 2_000)
        try F.openVault(&maker, F.alice, ink: F.wad(10), art: F.wad(10_000))
        let context = F.context(F.keeper, F.t0)
        assertReverts(&maker, .reason("Dog/not-unsafe")) { (maker: inout Maker) throws(Revert) in
            try maker.bark(self.ilk, urn: F.alice, kpr: F.keeper, context: context)
        }
        try F.setPrice(&maker, F.wad(1_400))
        maker.clippers[ilk]!.file(stopped: 1)
        assertReverts(&maker, .reason("Clipper/stopped-incorrect")) { (maker: inout Maker) throws(Revert) in
            try maker.bark(self.ilk, urn: F.alice, kpr: F.keeper, context: context)
        }
        maker.clippers[ilk]!.file(stopped: 0)
        // The Clipper reads the feed itself: without a value it cannot start the auction.
        maker.feed(ilk, val: F.wad(1_400), has: false)
        assertReverts(&maker, .reason("Clipper/invalid-price")) { (maker: inout Maker) throws(Revert) in
            try maker.bark(self.ilk, urn: F.alice, kpr: F.keeper, context: context)
        }
        maker.dog.cage()
        assertReverts(&maker, .reason("Dog/not-live")) { (maker: inout Maker) throws(Revert) in
            try maker.bark(self.ilk, urn: F.alice, kpr: F.keeper, context: context)
        }
    }

    func testChopBelowOneIsRefused() {
        var dog = Dog(address: F.bob, vow: F.alice)
        XCTAssertThrowsError(try dog.file(ilk, chop: F.wad(1) &- 1)) { XCTAssertEqual($0 as? Revert, .reason("Dog/file-chop-lt-WAD")) }
    }

    func clip(_ change: (inout ClipParameters) -> Void) -> ClipParameters {
        var parameters = ClipParameters.ethA
        change(&parameters)
        return parameters
    }
}
