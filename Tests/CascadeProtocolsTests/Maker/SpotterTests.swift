import CascadeChain
import CascadeMath
@testable import CascadeProtocols
import XCTest

final class SpotterTests: XCTestCase {
    typealias F = MakerFixture

    func testPokeSetsSpotFromFeedParAndMat() throws {
        var spotter = Spotter(), vat = Vat()
        try vat.initialize(F.ethA)
        try spotter.file(F.ethA, mat: F.fixed("1.5", 27))
        spotter.feed(F.ethA, val: F.wad(150))
        let (val, spot) = try spotter.poke(F.ethA, vat: &vat)
        XCTAssertEqual(val, F.wad(150))
        XCTAssertEqual(spot, F.ray(100))
        XCTAssertEqual(vat.ilk(F.ethA).spot, F.ray(100))
        // rdiv truncates: 200 / 1.5 = 133.333…
        spotter.feed(F.ethA, val: F.wad(200))
        XCTAssertEqual(try spotter.poke(F.ethA, vat: &vat).spot, 133_333_333_333_333_333_333_333_333_333)
        // par = 2: DAI is worth 2 USD, so collateral is worth half as many DAI.
        try spotter.file(par: F.ray(2))
        XCTAssertEqual(try spotter.spot(F.ethA), 66_666_666_666_666_666_666_666_666_666)
    }

    func testPokeWithoutFeedValueSetsZeroSpot() throws {
        var spotter = Spotter(), vat = Vat()
        try vat.initialize(F.ethA)
        try spotter.file(F.ethA, mat: F.fixed("1.5", 27))
        spotter.feed(F.ethA, val: F.wad(150), has: false)
        XCTAssertEqual(try spotter.poke(F.ethA, vat: &vat).spot, .zero)
        XCTAssertEqual(vat.ilk(F.ethA).spot, .zero)
    }

    func testZeroMatDividesByZero() throws {
        var spotter = Spotter(), vat = Vat()
        spotter.feed(F.ethA, val: F.wad(150))
        XCTAssertThrowsError(try spotter.poke(F.ethA, vat: &vat)) { XCTAssertEqual($0 as? Revert, .divisionByZero) }
    }
}
