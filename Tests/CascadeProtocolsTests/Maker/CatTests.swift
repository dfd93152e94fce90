import CascadeChain
import CascadeMath
@testable import CascadeProtocols
import XCTest

final class CatTests: XCTestCase {
    typealias F = MakerFixture
    let ilk = MakerFixture.ethA

    func testBiteConfiscatesTheVaultAndKicksAFlipAuction() throws {
        var maker = try F.blackThursday(price: 200)
        try F.openVault(&maker, F.alice, ink: F.wad(10), art: F.wad(1_000))
        try F.setPrice(&maker, F.wad(140))  // 10 · 140 / 1.5 = 933 < 1,000: unsafe
        let bite = try maker.bite(ilk, urn: F.alice, context: F.context(F.keeper, F.t0 + 60))
        XCTAssertEqual(bite.id, 1)
        XCTAssertEqual(bite.ink, F.wad(10))
        XCTAssertEqual(bite.art, F.wad(1_000))
        XCTAssertEqual(bite.due, F.rad(1_000))
        XCTAssertEqual(bite.tab, F.rad(1_130))  // rmul(1,000 rad, 1.13 ray)
        XCTAssertEqual(maker.vat.urn(ilk, F.alice), Vat.Urn())
        let auction = maker.flippers[ilk]!.bid(1)
        XCTAssertEqual(auction, Flipper.Bid(
            bid: .zero, lot: F.wad(10), guy: maker.cat.address, tic: 0, end: F.t0 + 60 + 259_200,
            usr: F.alice, gal: maker.vow.address, tab: F.rad(1_130)))
        XCTAssertEqual(maker.vat.gem(ilk, maker.flippers[ilk]!.address), F.wad(10))
        XCTAssertEqual(maker.vat.sin(maker.vow.address), F.rad(1_000))
        XCTAssertEqual(maker.vow.sin[F.t0 + 60], F.rad(1_000))
        XCTAssertEqual(maker.vow.Sin, F.rad(1_000))
        XCTAssertEqual(maker.deficit, F.rad(1_000))
        XCTAssertEqual(maker.invariantViolations(), [])
    }

    /// The Cat's only per-vault limit is `lump`: a big vault is bitten in several auctions,
    /// all in the same block. No rule allows only one auction per vault per block.
    func testLumpSplitsABigVaultIntoAuctionsInTheSameBlock() throws {
        var maker = try F.blackThursday(price: 200)
        try F.openVault(&maker, F.alice, ink: F.wad(120), art: F.wad(12_000))
        try F.setPrice(&maker, F.wad(140))
        let context = F.context(F.keeper, F.t0 + 60)
        let bites = try (0..<3).map { _ in try maker.bite(ilk, urn: F.alice, context: context) }
        XCTAssertEqual(bites.map(\.id), [1, 2, 3])
        XCTAssertEqual(bites.map(\.ink), [F.wad(50), F.wad(50), F.wad(20)])
        XCTAssertEqual(bites.map(\.art), [F.wad(5_000), F.wad(5_000), F.wad(2_000)])
        XCTAssertThrowsError(try maker.bite(ilk, urn: F.alice, context: context)) {
            XCTAssertEqual($0 as? Revert, .reason("Cat/not-unsafe"))
        }
        XCTAssertEqual(maker.invariantViolations(), [])
    }

    func testBiteDebtShareTruncates() throws {
        var maker = try F.blackThursday(price: 400)
        let art = F.wad(7_777) &+ 1
        try F.openVault(&maker, F.alice, ink: F.wad(75), art: art)
        try F.setPrice(&maker, F.wad(150))
        let bite = try maker.bite(ilk, urn: F.alice, context: F.context(F.keeper, F.t0))
        XCTAssertEqual(bite.ink, F.wad(50))
        XCTAssertEqual(bite.art, try (try F.wad(50) * art) / F.wad(75))
        XCTAssertEqual(bite.art, 5_184_666_666_666_666_666_667)
        let rest = try art - bite.art
        XCTAssertEqual(maker.vat.urn(ilk, F.alice).art, rest)
    }

    func testBiteRevertsOnSafeUnpricedAndCagedAndChangesNothing() throws {
        var maker = try F.blackThursday(price: 200)
        try F.openVault(&maker, F.alice, ink: F.wad(10), art: F.wad(1_000))
        let context = F.context(F.keeper, F.t0)
        var before = maker
        XCTAssertThrowsError(try maker.bite(ilk, urn: F.alice, context: context)) { XCTAssertEqual($0 as? Revert, .reason("Cat/not-unsafe")) }
        XCTAssertEqual(maker, before)
        // A feed without a value pokes spot = 0: nothing can be bitten.
        maker.feed(ilk, val: F.wad(1), has: false)
        try maker.poke(ilk)
        before = maker
        XCTAssertThrowsError(try maker.bite(ilk, urn: F.alice, context: context)) { XCTAssertEqual($0 as? Revert, .reason("Cat/not-unsafe")) }
        XCTAssertEqual(maker, before)
        try F.setPrice(&maker, F.wad(100))
        maker.cat.cage()
        XCTAssertThrowsError(try maker.bite(ilk, urn: F.alice, context: context)) { XCTAssertEqual($0 as? Revert, .reason("Cat/not-live")) }
    }

    func testBiteRevertingAfterGrabRollsBackTheVat() throws {
        var maker = try F.blackThursday(price: 200)
        try F.openVault(&maker, F.alice, ink: F.wad(10), art: F.wad(1_000))
        try F.setPrice(&maker, F.wad(100))
        // A Flipper whose kick overflows uint48: end = now + tau ≥ 2⁴⁸.
        maker.flippers[ilk]!.file(tau: UInt256(UInt64((1 << 48) - 1)))
        let before = maker
        XCTAssertThrowsError(try maker.bite(ilk, urn: F.alice, context: F.context(F.keeper, F.t0))) {
            XCTAssertEqual($0 as? Revert, .overflow)
        }
        XCTAssertEqual(maker, before)
    }
}
