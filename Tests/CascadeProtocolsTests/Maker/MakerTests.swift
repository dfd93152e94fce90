import CascadeChain
import CascadeMath
@testable import CascadeProtocols
import XCTest

final class MakerTests: XCTestCase {
    typealias F = MakerFixture
    let ilk = MakerFixture.ethA

    func testExecuteRunsAFlipLiquidationFromDecodedCalls() throws {
        var maker = try F.blackThursday(price: 200)
        var ledger = TokenLedger()
        try F.openVault(&maker, F.alice, ink: F.wad(10), art: F.wad(1_000))
        maker.feed(ilk, val: F.wad(140))
        let poke = try maker.execute(.spotterPoke(ilk: ilk), context: F.context(F.bob, F.t0), ledger: &ledger)
        XCTAssertEqual(poke.gasUsed, MakerGasSchedule.standard.poke)
        XCTAssertEqual(poke.events.map(\.name), ["Poke"])
        // Calldata round trip: the engine decodes what agents sign.
        let call = try ContractCall.decode(ContractCall.catBite(ilk: ilk, urn: F.alice).encode())
        let bite = try maker.execute(call, to: maker.addresses.cat, context: F.context(F.keeper, F.t0 + 1), ledger: &ledger)
        XCTAssertEqual(bite.gasUsed, 210_000)
        XCTAssertEqual(bite.events.map(\.name), ["Kick", "Bite"])
        XCTAssertEqual(bite.events[1].fields.first { $0.name == "tab" }?.value, .fixedPoint(F.rad(1_000), decimals: 45, unit: "DAI"))
        try maker.vat.suck(F.bob, F.keeper, F.rad(1))
        let flipper = maker.flippers[ilk]!.address
        let tend = try maker.execute(.flipperTend(id: 1, lot: F.wad(10), bid: 1), to: flipper, context: F.context(F.keeper, F.t0 + 2), ledger: &ledger)
        XCTAssertEqual(tend.events.map(\.name), ["Tend"])
        let deal = try maker.execute(.flipperDeal(id: 1), context: F.context(F.keeper, F.t0 + 700), ledger: &ledger)
        XCTAssertEqual(deal.gasUsed, MakerGasSchedule.standard.deal)
        XCTAssertEqual(maker.vat.gem(ilk, F.keeper), F.wad(10))
    }

    func testExecuteRoutesByContractAddress() throws {
        var maker = try F.blackThursday()
        var ledger = TokenLedger()
        let before = maker
        XCTAssertThrowsError(try maker.execute(.flipperDeal(id: 1), to: maker.addresses.vat, context: F.context(F.bob, F.t0), ledger: &ledger)) {
            XCTAssertEqual($0 as? Revert, .reason("Maker: no modelled contract at \(maker.addresses.vat) has deal(uint256)"))
        }
        XCTAssertThrowsError(try maker.execute(.osmPoke, context: F.context(F.bob, F.t0), ledger: &ledger)) {
            XCTAssertEqual($0 as? Revert, .reason("Maker: poke (Maker OSM) is not a Maker core call"))
        }
        XCTAssertThrowsError(try maker.execute(.dogBark(ilk: ilk, urn: F.alice, kpr: F.bob), context: F.context(F.bob, F.t0), ledger: &ledger)) {
            XCTAssertEqual($0 as? Revert, .reason("Dog/not-unsafe"))
        }
        XCTAssertThrowsError(try maker.execute(.clipperRedo(id: 1, kpr: F.bob), context: F.context(F.bob, F.t0), ledger: &ledger)) {
            XCTAssertEqual($0 as? Revert, .reason("Maker: 0 Clippers deployed; name the Clipper (the transaction's to)"))
        }
        XCTAssertEqual(maker, before)
        XCTAssertNil(MakerGasSchedule.standard.gasUsed(by: .osmPoke))
        XCTAssertEqual(MakerGasSchedule.standard.gasUsed(by: .clipperTake, reverted: true), 30_000)
    }

    func testExecuteRunsAClipLiquidation() throws {
        var maker = try F.liquidations2(price: 2_000)
        var ledger = TokenLedger()
        try F.openVault(&maker, F.alice, ink: F.wad(10), art: F.wad(10_000))
        try F.setPrice(&maker, F.wad(1_400))
        let bark = try maker.execute(.dogBark(ilk: ilk, urn: F.alice, kpr: F.keeper), context: F.context(F.keeper, F.t0), ledger: &ledger)
        XCTAssertEqual(bark.gasUsed, 450_000)
        XCTAssertEqual(bark.events.map(\.name), ["Kick", "Bark"])
        try maker.vat.suck(F.rival, F.bob, F.rad(20_000))
        let take = try maker.execute(
            .clipperTake(id: 1, amt: F.wad(10), max: F.ray(2_000), who: F.bob, data: []),
            to: maker.clippers[ilk]!.address, context: F.context(F.bob, F.t0 + 100), ledger: &ledger)
        XCTAssertEqual(take.events.map(\.name), ["Take"])
        XCTAssertEqual(take.gasUsed, 120_000)
        XCTAssertNil(maker.clippers[ilk]!.sales[1])
        let drip = try maker.execute(.jugDrip(ilk: ilk), context: F.context(F.bob, F.t0 + 100), ledger: &ledger)
        XCTAssertEqual(drip.events.first?.fields.last?.value, .fixedPoint(F.ray, decimals: 27, unit: "ray"))
        let frob = try maker.execute(
            .vatFrob(i: ilk, u: F.alice, v: F.alice, w: F.alice, dink: .zero, dart: .zero),
            context: F.context(F.alice, F.t0 + 100), ledger: &ledger)
        XCTAssertEqual(frob.events.map(\.name), ["Frob"])
        XCTAssertEqual(maker.invariantViolations(), [])
    }

    func testJoinsMoveTokensIntoAndOutOfTheVat() throws {
        var maker = try F.liquidations2(price: 2_000)
        var ledger = TokenLedger()
        let weth = maker.gemJoins[ilk]!.gem
        ledger.register(Token(address: weth, symbol: "WETH", decimals: 18))
        ledger.register(Token(address: maker.addresses.dai, symbol: "DAI", decimals: 18))
        try ledger.mint(F.wad(10), of: weth, to: F.alice)
        let context = F.context(F.alice, F.t0)
        try maker.join(ilk, usr: F.alice, wad: F.wad(10), context: context, ledger: &ledger)
        XCTAssertEqual(maker.vat.gem(ilk, F.alice), F.wad(10))
        XCTAssertEqual(ledger.balance(of: maker.gemJoins[ilk]!.address, in: weth), F.wad(10))
        try maker.frob(ilk, u: F.alice, v: F.alice, w: F.alice, dink: F.int(F.wad(10)), dart: F.int(F.wad(8_000)), context: context)
        try maker.daiExit(usr: F.alice, wad: F.wad(8_000), context: context, ledger: &ledger)
        XCTAssertEqual(ledger.balance(of: F.alice, in: maker.addresses.dai), F.wad(8_000))
        XCTAssertEqual(maker.vat.dai(maker.addresses.daiJoin), F.rad(8_000))
        // Exiting more than the Vat balance reverts and changes neither side.
        let (makerBefore, supplyBefore) = (maker, ledger.totalSupply(of: maker.addresses.dai))
        XCTAssertThrowsError(try maker.daiExit(usr: F.alice, wad: 1, context: context, ledger: &ledger)) {
            XCTAssertEqual($0 as? Revert, .underflow)
        }
        XCTAssertEqual(maker, makerBefore)
        XCTAssertEqual(ledger.totalSupply(of: maker.addresses.dai), supplyBefore)
        try maker.daiJoin(usr: F.bob, wad: F.wad(3_000), context: context, ledger: &ledger)
        XCTAssertEqual(maker.vat.dai(F.bob), F.rad(3_000))
        XCTAssertThrowsError(try maker.exit(ilk, usr: F.alice, wad: 1, context: context, ledger: &ledger)) {
            XCTAssertEqual($0 as? Revert, .underflow)
        }
        XCTAssertEqual(ledger.invariantViolations(), [])
        XCTAssertEqual(maker.invariantViolations(), [])
    }
}
