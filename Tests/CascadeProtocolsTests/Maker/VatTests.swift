import CascadeChain
import CascadeMath
@testable import CascadeProtocols
import XCTest

final class VatTests: XCTestCase {
    typealias F = MakerFixture
    let ilk = MakerFixture.ethA
    let alice = MakerFixture.alice, bob = MakerFixture.bob

    /// A Vat with ETH-A at rate 1, spot 100 (price 150 at mat 1.5), line 1,000 DAI, dust 20 DAI,
    /// and 10 ETH of gem for Alice and Bob.
    func makeVat() throws -> Vat {
        var vat = Vat()
        try vat.initialize(ilk)
        try vat.file(Line: F.rad(10_000))
        try vat.file(ilk, line: F.rad(1_000))
        try vat.file(ilk, dust: F.rad(20))
        try vat.file(ilk, spot: F.ray(100))
        try vat.slip(ilk, alice, F.int(F.wad(10)))
        try vat.slip(ilk, bob, F.int(F.wad(10)))
        return vat
    }

    func testFrobLocksCollateralAndDrawsDai() throws {
        var vat = try makeVat()
        try vat.frob(ilk, u: alice, v: alice, w: alice, dink: F.int(F.wad(10)), dart: F.int(F.wad(500)), sender: alice)
        XCTAssertEqual(vat.urn(ilk, alice), Vat.Urn(ink: F.wad(10), art: F.wad(500)))
        XCTAssertEqual(vat.gem(ilk, alice), .zero)
        XCTAssertEqual(vat.dai(alice), F.rad(500))
        XCTAssertEqual(vat.debt, F.rad(500))
        XCTAssertEqual(vat.ilk(ilk).Art, F.wad(500))
        // Repay everything and free the collateral.
        try vat.frob(ilk, u: alice, v: alice, w: alice, dink: F.negative(F.wad(10)), dart: F.negative(F.wad(500)), sender: alice)
        XCTAssertEqual(vat.urn(ilk, alice), Vat.Urn())
        XCTAssertEqual(vat.debt, .zero)
        XCTAssertEqual(vat.gem(ilk, alice), F.wad(10))
    }

    func testFrobRevertsNotLiveAndIlkNotInit() throws {
        var vat = try makeVat()
        assertReverts(&vat, .reason("Vat/ilk-not-init")) { (vat: inout Vat) throws(Revert) in
            try vat.frob(Bytes32(ascii: "BAT-A")!, u: self.alice, v: self.alice, w: self.alice, dink: .zero, dart: .zero, sender: self.alice)
        }
        vat.cage()
        assertReverts(&vat, .reason("Vat/not-live")) { (vat: inout Vat) throws(Revert) in
            try vat.frob(self.ilk, u: self.alice, v: self.alice, w: self.alice, dink: F.int(F.wad(1)), dart: .zero, sender: self.alice)
        }
    }

    func testFrobRevertsCeilingExceeded() throws {
        var vat = try makeVat()
        // Ilk line 1,000 DAI: with 10 ETH at spot 100 the urn could carry 1,000, the ceiling stops 1,001.
        try vat.file(ilk, spot: F.ray(1_000))
        assertReverts(&vat, .reason("Vat/ceiling-exceeded")) { (vat: inout Vat) throws(Revert) in
            try vat.frob(self.ilk, u: self.alice, v: self.alice, w: self.alice, dink: F.int(F.wad(10)), dart: F.int(F.wad(1_001)), sender: self.alice)
        }
        // The global Line binds too.
        try vat.file(Line: F.rad(900))
        assertReverts(&vat, .reason("Vat/ceiling-exceeded")) { (vat: inout Vat) throws(Revert) in
            try vat.frob(self.ilk, u: self.alice, v: self.alice, w: self.alice, dink: F.int(F.wad(10)), dart: F.int(F.wad(901)), sender: self.alice)
        }
        try vat.frob(ilk, u: alice, v: alice, w: alice, dink: F.int(F.wad(10)), dart: F.int(F.wad(900)), sender: alice)
        // Above the ceiling (lowered later), repaying is still allowed.
        try vat.file(Line: F.rad(100))
        try vat.frob(ilk, u: alice, v: alice, w: alice, dink: .zero, dart: F.negative(F.wad(100)), sender: alice)
    }

    func testFrobRevertsNotSafeButAllowsLessRiskyChanges() throws {
        var vat = try makeVat()
        try vat.file(ilk, line: F.rad(5_000))
        assertReverts(&vat, .reason("Vat/not-safe")) { (vat: inout Vat) throws(Revert) in
            try vat.frob(self.ilk, u: self.alice, v: self.alice, w: self.alice, dink: F.int(F.wad(10)), dart: F.int(F.wad(1_000) &+ 1), sender: self.alice)
        }
        try vat.frob(ilk, u: alice, v: alice, w: alice, dink: F.int(F.wad(10)), dart: F.int(F.wad(1_000)), sender: alice)
        // The price falls: the urn is unsafe; freeing collateral reverts, adding some does not.
        try vat.file(ilk, spot: F.ray(50))
        assertReverts(&vat, .reason("Vat/not-safe")) { (vat: inout Vat) throws(Revert) in
            try vat.frob(self.ilk, u: self.alice, v: self.alice, w: self.alice, dink: F.negative(1), dart: .zero, sender: self.alice)
        }
        try vat.slip(ilk, alice, F.int(F.wad(1)))
        try vat.frob(ilk, u: alice, v: alice, w: alice, dink: F.int(F.wad(1)), dart: .zero, sender: alice)
    }

    func testFrobRevertsNotAllowedUVW() throws {
        var vat = try makeVat()
        try vat.frob(ilk, u: alice, v: alice, w: alice, dink: F.int(F.wad(5)), dart: F.int(F.wad(100)), sender: alice)
        // Bob draws on Alice's urn.
        assertReverts(&vat, .reason("Vat/not-allowed-u")) { (vat: inout Vat) throws(Revert) in
            try vat.frob(self.ilk, u: self.alice, v: self.bob, w: self.bob, dink: .zero, dart: F.int(F.wad(10)), sender: self.bob)
        }
        // Bob locks Alice's gem into his own urn.
        assertReverts(&vat, .reason("Vat/not-allowed-v")) { (vat: inout Vat) throws(Revert) in
            try vat.frob(self.ilk, u: self.bob, v: self.alice, w: self.bob, dink: F.int(F.wad(1)), dart: .zero, sender: self.bob)
        }
        // Bob repays his urn with Alice's DAI.
        try vat.frob(ilk, u: bob, v: bob, w: bob, dink: F.int(F.wad(5)), dart: F.int(F.wad(100)), sender: bob)
        assertReverts(&vat, .reason("Vat/not-allowed-w")) { (vat: inout Vat) throws(Revert) in
            try vat.frob(self.ilk, u: self.bob, v: self.bob, w: self.alice, dink: .zero, dart: F.negative(F.wad(50)), sender: self.bob)
        }
        // Anyone may make an urn safer with their own collateral and DAI.
        try vat.frob(ilk, u: alice, v: bob, w: bob, dink: F.int(F.wad(1)), dart: F.negative(F.wad(10)), sender: bob)
        // After hope, Bob may act for Alice.
        vat.hope(bob, sender: alice)
        try vat.frob(ilk, u: alice, v: alice, w: bob, dink: .zero, dart: F.int(F.wad(10)), sender: bob)
        vat.nope(bob, sender: alice)
        XCTAssertFalse(vat.wish(alice, bob))
    }

    func testFrobRevertsDust() throws {
        var vat = try makeVat()
        assertReverts(&vat, .reason("Vat/dust")) { (vat: inout Vat) throws(Revert) in
            try vat.frob(self.ilk, u: self.alice, v: self.alice, w: self.alice, dink: F.int(F.wad(1)), dart: F.int(F.wad(19)), sender: self.alice)
        }
        try vat.frob(ilk, u: alice, v: alice, w: alice, dink: F.int(F.wad(1)), dart: F.int(F.wad(20)), sender: alice)
        // A partial repayment leaving 10 DAI is dusty; repaying all is not.
        assertReverts(&vat, .reason("Vat/dust")) { (vat: inout Vat) throws(Revert) in
            try vat.frob(self.ilk, u: self.alice, v: self.alice, w: self.alice, dink: .zero, dart: F.negative(F.wad(10)), sender: self.alice)
        }
        try vat.frob(ilk, u: alice, v: alice, w: alice, dink: .zero, dart: F.negative(F.wad(20)), sender: alice)
    }

    func testFrobArithmeticRevertsAreEmpty() throws {
        var vat = try makeVat()
        // More gem than Alice has.
        assertReverts(&vat, .underflow) { (vat: inout Vat) throws(Revert) in
            try vat.frob(self.ilk, u: self.alice, v: self.alice, w: self.alice, dink: F.int(F.wad(11)), dart: .zero, sender: self.alice)
        }
        // Freeing more than is locked.
        assertReverts(&vat, .underflow) { (vat: inout Vat) throws(Revert) in
            try vat.frob(self.ilk, u: self.alice, v: self.alice, w: self.alice, dink: F.negative(1), dart: .zero, sender: self.alice)
        }
        // Repaying without the DAI: Alice moved hers away.
        try vat.frob(ilk, u: alice, v: alice, w: alice, dink: F.int(F.wad(10)), dart: F.int(F.wad(100)), sender: alice)
        try vat.move(from: alice, to: bob, F.rad(100), sender: alice)
        assertReverts(&vat, .underflow) { (vat: inout Vat) throws(Revert) in
            try vat.frob(self.ilk, u: self.alice, v: self.alice, w: self.alice, dink: .zero, dart: F.negative(F.wad(100)), sender: self.alice)
        }
    }

    func testSignedHelpersMatchVatSemantics() throws {
        let max = UInt256.max
        XCTAssertEqual(try DSSMath.add(5, Int256(-5)), 0)
        XCTAssertThrowsError(try DSSMath.add(5, Int256(-6))) { XCTAssertEqual($0 as? Revert, .underflow) }
        XCTAssertThrowsError(try DSSMath.add(max, Int256(1))) { XCTAssertEqual($0 as? Revert, .overflow) }
        XCTAssertEqual(try DSSMath.sub(5, Int256(-5)), 10)
        XCTAssertThrowsError(try DSSMath.sub(5, Int256(6))) { XCTAssertEqual($0 as? Revert, .underflow) }
        XCTAssertThrowsError(try DSSMath.sub(max, Int256(-1))) { XCTAssertEqual($0 as? Revert, .overflow) }
        XCTAssertEqual(try DSSMath.sub(0, Int256.min), UInt256(w0: 0, w1: 0, w2: 0, w3: 1 << 63))
        // math-notes: _mul(2^254, -2) = -2^255 without reverting; int(x) must be ≥ 0.
        let twoPow254 = UInt256(w0: 0, w1: 0, w2: 0, w3: 1 << 62)
        XCTAssertEqual(try DSSMath.mul(twoPow254, Int256(-2)), .min)
        XCTAssertThrowsError(try DSSMath.mul(twoPow254, Int256(2))) { XCTAssertEqual($0 as? Revert, .overflow) }
        XCTAssertThrowsError(try DSSMath.mul(UInt256(w0: 0, w1: 0, w2: 0, w3: 1 << 63), Int256(0)))
        XCTAssertEqual(try DSSMath.mul(7, Int256(-3)), Int256(-21))
    }

    func testMoveAndFluxToSelfNeedTheBalance() throws {
        var vat = try makeVat()
        try vat.suck(bob, alice, F.rad(5))
        try vat.move(from: alice, to: alice, F.rad(5), sender: alice)
        XCTAssertEqual(vat.dai(alice), F.rad(5))
        assertReverts(&vat, .underflow) { (vat: inout Vat) throws(Revert) in
            try vat.move(from: self.alice, to: self.alice, F.rad(6), sender: self.alice)
        }
        assertReverts(&vat, .reason("Vat/not-allowed")) { (vat: inout Vat) throws(Revert) in
            try vat.move(from: self.alice, to: self.bob, 1, sender: self.bob)
        }
        assertReverts(&vat, .reason("Vat/not-allowed")) { (vat: inout Vat) throws(Revert) in
            try vat.flux(self.ilk, from: self.alice, to: self.bob, 1, sender: self.bob)
        }
        try vat.flux(ilk, from: alice, to: bob, F.wad(4), sender: alice)
        XCTAssertEqual(vat.gem(ilk, alice), F.wad(6))
        XCTAssertEqual(vat.gem(ilk, bob), F.wad(14))
    }

    func testGrabHealSuckFoldKeepTheBooks() throws {
        var vat = try makeVat()
        try vat.frob(ilk, u: alice, v: alice, w: alice, dink: F.int(F.wad(10)), dart: F.int(F.wad(500)), sender: alice)
        try vat.fold(ilk, bob, F.int(F.ray / 10))  // rate 1 → 1.1: 50 DAI of fees to Bob
        XCTAssertEqual(vat.ilk(ilk).rate, F.fixed("1.1", 27))
        XCTAssertEqual(vat.dai(bob), F.rad(50))
        XCTAssertEqual(vat.debt, F.rad(550))
        // Confiscate half the urn: 5 ETH to Bob's gem, 250·1.1 = 275 DAI of sin to Bob.
        try vat.grab(ilk, u: alice, v: bob, w: bob, dink: F.negative(F.wad(5)), dart: F.negative(F.wad(250)))
        XCTAssertEqual(vat.urn(ilk, alice), Vat.Urn(ink: F.wad(5), art: F.wad(250)))
        XCTAssertEqual(vat.sin(bob), F.rad(275))
        XCTAssertEqual(vat.vice, F.rad(275))
        XCTAssertEqual(vat.gem(ilk, bob), F.wad(15))
        try vat.heal(F.rad(50), sender: bob)
        XCTAssertEqual(vat.sin(bob), F.rad(225))
        XCTAssertEqual(vat.debt, F.rad(500))
        assertReverts(&vat, .underflow) { (vat: inout Vat) throws(Revert) in try vat.heal(1, sender: self.bob) }
        try vat.suck(bob, alice, F.rad(1))
        XCTAssertEqual(vat.vice, F.rad(226))
        XCTAssertEqual(vat.debt, F.rad(501))
    }

    func testJournalRollbackRestoresEveryWrite() throws {
        var vat = try makeVat()
        try vat.frob(ilk, u: alice, v: alice, w: alice, dink: F.int(F.wad(10)), dart: F.int(F.wad(500)), sender: alice)
        let before = vat
        let mark = vat.beginJournal()
        try vat.grab(ilk, u: alice, v: bob, w: bob, dink: F.negative(F.wad(10)), dart: F.negative(F.wad(500)))
        try vat.suck(bob, alice, F.rad(3))
        try vat.move(from: alice, to: bob, F.rad(503))
        XCTAssertNotEqual(vat, before)
        vat.rollbackJournal(mark)
        XCTAssertEqual(vat, before)
        // Nested levels: the inner rollback keeps the outer level's writes.
        let outer = vat.beginJournal()
        try vat.suck(bob, alice, F.rad(1))
        let afterOuterWrite = vat
        let inner = vat.beginJournal()
        try vat.suck(bob, alice, F.rad(2))
        vat.rollbackJournal(inner)
        XCTAssertEqual(vat.dai(alice), afterOuterWrite.dai(alice))
        vat.commitJournal(outer)
        XCTAssertEqual(vat.dai(alice), F.rad(501))
        XCTAssertFalse(vat.isJournaling)
        XCTAssertTrue(vat.journal.isEmpty)
    }
}
