import CascadeChain
import CascadeMath
import CascadeProtocols
import XCTest

final class MakerParametersTests: XCTestCase {
    typealias F = MakerFixture

    func testPresetsAreValidAndCarryTheReferenceValues() throws {
        XCTAssertEqual(MakerParameters.blackThursday2020.validationErrors(), [])
        XCTAssertEqual(MakerParameters.liquidations2.validationErrors(), [])
        let flip = FlipParameters.ethA2020
        XCTAssertEqual(flip.ttl, 600)
        XCTAssertEqual(flip.tau, 259_200)
        XCTAssertEqual(flip.beg, F.fixed("1.03", 18))
        XCTAssertEqual(flip.chop, F.fixed("1.13", 27))
        XCTAssertEqual(flip.lump, F.wad(50))
        XCTAssertEqual(MakerIlkParameters.ethA2020.mat, F.fixed("1.5", 27))
        XCTAssertEqual(MakerIlkParameters.ethA2020.dust, F.rad(20))
        let clip = ClipParameters.ethA
        XCTAssertEqual(clip.chop, F.fixed("1.13", 18))
        XCTAssertEqual(clip.buf, F.fixed("1.1", 27))
        XCTAssertEqual(clip.cusp, F.fixed("0.45", 27))
        XCTAssertEqual(clip.chip, F.fixed("0.001", 18))
        XCTAssertEqual(clip.tip, F.rad(250))
        XCTAssertEqual(clip.hole, F.rad(40_000_000))
        XCTAssertEqual(clip.calc, .stairstepExponentialDecrease(step: 90, cut: F.fixed("0.99", 27)))
        XCTAssertEqual(MakerParameters.liquidations2.Hole, F.rad(150_000_000))
        XCTAssertEqual(MakerIlkParameters.ethA.mat, F.fixed("1.45", 27))
        XCTAssertEqual(MakerIlkParameters.ethA.dust, F.rad(7_500))
    }

    func testClipValidationNamesKeyExpectedAndFound() throws {
        var parameters = MakerParameters.liquidations2
        var clip = ClipParameters.ethA
        clip.cusp = F.fixed("1.2", 27)
        clip.buf = F.fixed("0.9", 27)
        clip.chop = F.fixed("0.95", 18)
        clip.calc = .stairstepExponentialDecrease(step: 0, cut: F.fixed("1.01", 27))
        parameters.ilks[0].liquidation = .clip(clip)
        parameters.Hole = .zero
        XCTAssertEqual(parameters.validationErrors(), [
            "ilks.ETH-A.chop: expected ≥ 1 (wad), found 0.95",
            "Hole: expected > 0 DAI (rad) when an ilk is liquidated by the Dog, found 0",
            "ilks.ETH-A.buf: expected ≥ 1 (ray), found 0.9",
            "ilks.ETH-A.cusp: expected > 0 and < 1 (ray), found 1.2",
            "ilks.ETH-A.calc.step: expected > 0 seconds, found 0",
            "ilks.ETH-A.calc.cut: expected > 0 and ≤ 1 (ray), found 1.01",
        ])
        XCTAssertThrowsError(try Maker(parameters: parameters, now: F.t0)) { error in
            XCTAssertEqual((error as? MakerParameterError)?.messages.count, 6)
        }
    }

    func testFlipValidationNamesKeyExpectedAndFound() throws {
        var parameters = MakerParameters.blackThursday2020
        var flip = FlipParameters.ethA2020
        flip.beg = F.wad(1)
        flip.ttl = 300_000
        flip.chop = F.fixed("0.5", 27)
        parameters.ilks[0].liquidation = .flip(flip)
        parameters.ilks[0].dust = F.rad(200_000_000)
        parameters.ilks.append(parameters.ilks[0])
        parameters.ilks.append(MakerIlkParameters(
            name: "A-NAME-LONGER-THAN-THIRTY-TWO-BYTES", gem: F.alice, gemJoin: F.bob,
            mat: F.fixed("0.9", 27), line: .zero, dust: .zero, duty: .zero, liquidation: .flip(.ethA2020)))
        let errors = parameters.validationErrors()
        XCTAssertEqual(Array(errors.prefix(5)), [
            "ilks.ETH-A.dust: expected ≤ line (150000000 DAI), found 200000000 DAI",
            "ilks.ETH-A.chop: expected ≥ 1 (ray), found 0.5",
            "ilks.ETH-A.beg: expected > 1 (wad), found 1",
            "ilks.ETH-A.ttl: expected ≤ tau (259200 s), found 300000 s",
            "ilks.ETH-A.name: expected a name used once, found a second \"ETH-A\"",
        ])
        XCTAssertEqual(errors.last, "ilks[2].name: expected 1 to 32 ASCII characters, found \"A-NAME-LONGER-THAN-THIRTY-TWO-BYTES\"")
    }
}
