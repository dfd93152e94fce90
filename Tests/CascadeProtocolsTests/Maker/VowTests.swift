import CascadeChain
import CascadeMath
@testable import CascadeProtocols
import XCTest

final class VowTests: XCTestCase {
    typealias F = MakerFixture
    let vowAddress = Address(truncating: 0x70B)

    func testFessFlogHealAndBalanceSheet() throws {
        var vow = Vow(address: vowAddress, wait: 100)
        var vat = Vat()
        // 30 DAI of debt confiscated at t = 1,000, 10 DAI of surplus.
        try vat.suck(vowAddress, F.bob, F.rad(30))
        try vat.suck(F.alice, vowAddress, F.rad(10))
        try vow.fess(F.rad(30), now: 1_000)
        XCTAssertEqual(vow.Sin, F.rad(30))
        XCTAssertEqual(vow.deficit(in: vat), F.rad(20))
        XCTAssertEqual(vow.surplus(in: vat), .zero)
        XCTAssertEqual(vow.woe(in: vat), .zero)
        // Queued debt cannot be healed.
        XCTAssertThrowsError(try vow.heal(F.rad(1), vat: &vat)) { XCTAssertEqual($0 as? Revert, .reason("Vow/insufficient-debt")) }
        XCTAssertThrowsError(try vow.flog(1_000, now: 1_099)) { XCTAssertEqual($0 as? Revert, .reason("Vow/wait-not-finished")) }
        try vow.flog(1_000, now: 1_100)
        XCTAssertEqual(vow.Sin, .zero)
        XCTAssertEqual(vow.woe(in: vat), F.rad(30))
        XCTAssertThrowsError(try vow.heal(F.rad(11), vat: &vat)) { XCTAssertEqual($0 as? Revert, .reason("Vow/insufficient-surplus")) }
        try vow.heal(F.rad(10), vat: &vat)
        XCTAssertEqual(vat.sin(vowAddress), F.rad(20))
        XCTAssertEqual(vat.dai(vowAddress), .zero)
        XCTAssertEqual(vow.deficit(in: vat), F.rad(20))
        XCTAssertThrowsError(try vow.kiss(1, vat: &vat)) { XCTAssertEqual($0 as? Revert, .reason("Vow/not-enough-ash")) }
    }
}
