import CascadeChain
import CascadeMath
@testable import CascadeProtocols
import XCTest

/// Vectors of makerdao/dss `src/test/jug.t.sol` (exact derived rates from
/// /work/helpers/math-notes.md, section 4).
final class JugTests: XCTestCase {
    typealias F = MakerFixture
    let i = Bytes32(ascii: "i")!
    let ali = MakerFixture.alice
    let me = Address(truncating: 0x7E57)
    let start: UInt64 = 604_411_200
    let fivePercentPerDay: UInt256 = 1_000_000_564_701_133_626_865_910_626
    let day: UInt64 = 86_400

    /// The test's setUp: ilk "i" with 100 DAI of debt drawn by the test contract, Jug vow = ali.
    func setUp(vat: inout Vat, jug: inout Jug, ilk: Bytes32? = nil) throws {
        let ilk = ilk ?? i
        try vat.initialize(ilk)
        try vat.file(Line: try vat.Line + F.rad(100))
        try vat.file(ilk, line: F.rad(100))
        try vat.file(ilk, spot: try F.ray * F.wad(10_000))
        try vat.slip(ilk, me, F.int(F.wad(1)))
        try vat.frob(ilk, u: me, v: me, w: me, dink: F.int(F.wad(1)), dart: F.int(F.wad(100)), sender: me)
        try jug.initialize(ilk, now: start)
    }

    /// `wad(x) = x / 1e27` of the test.
    func wad(_ rad: UInt256) -> UInt256 { try! rad / F.ray }

    func testRpowVector() throws {
        let result = try DSSMath.rpow(1_000_234_891_009_084_238_901_289_093, 3_724, base: F.ray)
        XCTAssertEqual(result, 2_397_991_232_254_682_910_951_344_872)
        XCTAssertEqual(try result / 100_000_000_000_000_000, 23_979_912_322)
    }

    func testDripOneTwoThreeDays() throws {
        let expected: [(UInt64, UInt256, UInt256)] = [
            (1, 1_050_000_000_000_000_000_000_016_038, F.wad(5)),
            (2, 1_102_500_000_000_000_000_000_033_678, F.fixed("10.25", 18)),
            (3, 1_157_625_000_000_000_000_000_053_042, F.fixed("15.7625", 18)),
        ]
        for (days, rate, fees) in expected {
            var vat = Vat(), jug = Jug(vow: ali)
            try setUp(vat: &vat, jug: &jug)
            try jug.file(i, duty: fivePercentPerDay, now: start)
            let now = start + days * day
            XCTAssertEqual(try jug.drip(i, now: now, vat: &vat), rate)
            XCTAssertEqual(vat.ilk(i).rate, rate)
            XCTAssertEqual(wad(vat.dai(ali)), fees, "\(days) days")
            XCTAssertEqual(jug.ilks[i]?.rho, now)
        }
    }

    func testDripNegativeRate() throws {
        var vat = Vat(), jug = Jug(vow: ali)
        try setUp(vat: &vat, jug: &jug)
        try jug.file(i, duty: 999_999_706_969_857_929_985_428_567, now: start)  // −2.5 % / day
        try vat.move(from: me, to: ali, F.rad(100), sender: me)
        XCTAssertEqual(try jug.drip(i, now: start + 3 * day, vat: &vat), 926_859_375_000_000_000_000_022_885)
        XCTAssertEqual(wad(vat.dai(ali)), F.fixed("92.6859375", 18))
    }

    func testDripMultiAndFileNeedsFreshRho() throws {
        var vat = Vat(), jug = Jug(vow: ali)
        try setUp(vat: &vat, jug: &jug)
        try jug.file(i, duty: fivePercentPerDay, now: start)
        try jug.drip(i, now: start + day, vat: &vat)
        XCTAssertEqual(wad(vat.dai(ali)), F.wad(5))
        XCTAssertThrowsError(try jug.file(i, duty: 1, now: start + day + 1)) {
            XCTAssertEqual($0 as? Revert, .reason("Jug/rho-not-updated"))
        }
        try jug.file(i, duty: 1_000_001_103_127_689_513_476_993_127, now: start + day)  // 10 % / day
        try jug.drip(i, now: start + 2 * day, vat: &vat)
        XCTAssertEqual(wad(vat.dai(ali)), F.fixed("15.5", 18))
        XCTAssertEqual(wad(vat.debt), F.fixed("115.5", 18))
        XCTAssertEqual(vat.ilk(i).rate, 1_155_000_000_000_000_000_000_061_517)
        XCTAssertEqual(try vat.ilk(i).rate / 1_000_000_000, F.fixed("1.155", 18))
    }

    func testDripBase() throws {
        var vat = Vat(), jug = Jug(vow: ali)
        let j = Bytes32(ascii: "j")!
        try setUp(vat: &vat, jug: &jug)
        try setUp(vat: &vat, jug: &jug, ilk: j)
        try jug.file(i, duty: 1_050_000_000_000_000_000_000_000_000, now: start)
        try jug.file(j, duty: F.ray, now: start)
        jug.file(base: 50_000_000_000_000_000_000_000_000)
        XCTAssertEqual(try jug.drip(i, now: start + 1, vat: &vat), 1_100_000_000_000_000_000_000_000_000)
        XCTAssertEqual(wad(vat.dai(ali)), F.wad(10))
    }

    func testDripBeforeRhoRevertsAndChangesNothing() throws {
        var vat = Vat(), jug = Jug(vow: ali)
        try setUp(vat: &vat, jug: &jug)
        let (vatBefore, jugBefore) = (vat, jug)
        XCTAssertThrowsError(try jug.drip(i, now: start - 1, vat: &vat)) {
            XCTAssertEqual($0 as? Revert, .reason("Jug/invalid-now"))
        }
        XCTAssertEqual(vat, vatBefore)
        XCTAssertEqual(jug, jugBefore)
        // Dripping twice at the same time adds nothing.
        try jug.drip(i, now: start, vat: &vat)
        XCTAssertEqual(vat.ilk(i).rate, F.ray)
    }
}
