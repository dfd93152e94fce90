import CascadeEngine
import CascadeMath
import Foundation
import XCTest

/// `MarketModel`'s price impact: the depth rule, recovery by half-life, and attribution to tags.
final class MarketImpactTests: XCTestCase {
    static let start: UInt64 = 1_583_971_200
    static let depth = 2_800_000.0
    static let halfLife: UInt64 = 1_800

    /// ETH at a constant 150 USD and WBTC on a GBM path.
    func market() -> MarketModel {
        let configuration = MarketConfiguration(assets: [
            AssetMarket(symbol: "ETH", source: .constant(150), depthUSD2Percent: Self.depth, recoveryHalfLifeSeconds: Double(Self.halfLife)),
            AssetMarket(symbol: "WBTC", source: .gbm(initial: 7_900, driftPerYear: 0, volatilityPerYear: 0.8),
                        depthUSD2Percent: 5_000_000, recoveryHalfLifeSeconds: 600),
        ])
        return MarketModel(configuration: configuration, random: SplitMix64(seed: 1), startTimestamp: Self.start)
    }

    func testASaleOfTheDepthMovesThePriceTwoPercent() {
        var market = market()
        XCTAssertEqual(market.impact(0), 0)
        XCTAssertEqual(market.price(0), 150)
        market.trade(0, usd: Self.depth, tag: 7)
        XCTAssertEqual(market.impact(0), log(0.98))
        XCTAssertEqual(market.price(0), 150 * 0.98, accuracy: 1e-12)
        XCTAssertEqual(market.exogenousPrice(0), 150)
        XCTAssertEqual(market.price(1), market.exogenousPrice(1))  // the other asset is untouched
    }

    func testImpactsAddInLogSpace() {
        var market = market()
        market.trade(0, usd: Self.depth, tag: 1)
        market.trade(0, usd: Self.depth / 2, tag: 2)
        market.trade(0, usd: Self.depth / 2, tag: 3)
        XCTAssertEqual(market.price(0), 150 * 0.98 * 0.98, accuracy: 1e-12)
        market.trade(0, usd: -2 * Self.depth, tag: -1)  // buying it back
        XCTAssertEqual(market.impact(0), 0, accuracy: 1e-15)
        XCTAssertEqual(market.price(0), 150, accuracy: 1e-12)
    }

    func testImpactScalesWithTheExogenousPrice() {
        var market = market()
        market.trade(1, usd: 5_000_000, tag: 1)
        market.advance(to: Self.start + 13)
        let factor = exp2(-13.0 / 600)
        XCTAssertEqual(market.impact(1), log(0.98) * factor, accuracy: 1e-15)
        XCTAssertEqual(market.price(1) / market.exogenousPrice(1), pow(0.98, factor), accuracy: 1e-12)
        XCTAssertNotEqual(market.exogenousPrice(1), 7_900)
    }

    func testEachHalfLifeHalvesTheImpact() {
        var market = market()
        market.trade(0, usd: Self.depth, tag: 1)
        market.advance(to: Self.start + Self.halfLife)
        XCTAssertEqual(market.impact(0), log(0.98) / 2)
        market.advance(to: Self.start + Self.halfLife + Self.halfLife / 2)
        market.advance(to: Self.start + 2 * Self.halfLife)
        XCTAssertEqual(market.impact(0), log(0.98) / 4, accuracy: 1e-18)
        XCTAssertEqual(market.price(0), 150 * pow(0.98, 0.25), accuracy: 1e-12)
    }

    func testImpactRecoversCompletely() {
        var market = market()
        market.trade(0, usd: Self.depth, tag: 1)
        market.advance(to: Self.start + 100 * Self.halfLife)
        XCTAssertEqual(market.impact(0), 0)
        XCTAssertEqual(market.price(0), 150)
        XCTAssertTrue(market.impactContributors(0, minimumShare: 0).isEmpty)
    }

    func testContributorsShareTheImpactAndKeepTheirSharesAsItDecays() {
        var market = market()
        market.trade(0, usd: Self.depth, tag: 20)
        market.advance(to: Self.start + Self.halfLife)
        market.trade(0, usd: Self.depth, tag: 10)       // now tag 20 holds ½, tag 10 holds 1: shares ⅓, ⅔
        market.trade(0, usd: Self.depth / 4, tag: -1)   // non-liquidation flow: ¼ → shares 2/7, 4/7, 1/7
        func check(_ market: MarketModel, line: UInt = #line) {
            let contributors = market.impactContributors(0, minimumShare: 0)
            XCTAssertEqual(contributors.map(\.tag), [-1, 10, 20], line: line)
            XCTAssertEqual(contributors.map(\.share).reduce(0, +), 1, accuracy: 1e-12, line: line)
            for (contributor, share) in zip(contributors, [1.0 / 7, 4.0 / 7, 2.0 / 7]) {
                XCTAssertEqual(contributor.share, share, accuracy: 1e-12, line: line)
            }
        }
        check(market)
        XCTAssertEqual(market.impact(0), log(0.98) * 1.75, accuracy: 1e-15)
        market.advance(to: Self.start + 3 * Self.halfLife)
        check(market)
        XCTAssertEqual(market.impact(0), log(0.98) * 1.75 / 4, accuracy: 1e-15)
        XCTAssertEqual(market.impactContributors(0, minimumShare: 0.2).map(\.tag), [10, 20])
        XCTAssertEqual(market.impactContributors(0, minimumShare: 0.5).map(\.tag), [10])
        XCTAssertTrue(market.impactContributors(1, minimumShare: 0).isEmpty)
    }

    func testABuyHasANegativeShare() {
        var market = market()
        market.trade(0, usd: Self.depth, tag: 1)
        market.trade(0, usd: -Self.depth / 2, tag: 2)
        let contributors = market.impactContributors(0, minimumShare: -.infinity)
        XCTAssertEqual(contributors.map(\.tag), [1, 2])
        XCTAssertEqual(contributors[0].share, 2, accuracy: 1e-12)
        XCTAssertEqual(contributors[1].share, -1, accuracy: 1e-12)
        XCTAssertEqual(market.impactContributors(0, minimumShare: 0).map(\.tag), [1])
    }

    /// Over 1,200 steps of 1,000 s (the common decay reaches 2⁻⁶⁶⁶, so it is multiplied out once)
    /// with a trade at every step, the impact and the shares equal those of contributions decayed
    /// one by one, each dropped once it falls below 10⁻¹²; a contribution kept beyond that is
    /// negligible, and multiplying the decay out drops them.
    func testTheCommonDecayEqualsDecayingEachContribution() {
        var market = market()
        var reference: [Int: Double] = [:]
        let factor = exp2(-1_000 / Double(Self.halfLife))
        for step in 1...1_200 {
            market.advance(to: Self.start + UInt64(step) * 1_000)
            reference = reference.mapValues { $0 * factor }.filter { abs($0.value) >= 1e-12 }
            let usd = Self.depth * Double(step % 5 + 1) / 10 * (step % 11 == 0 ? -1 : 1)
            let tag = step % 9 == 0 ? step : step % 7
            market.trade(0, usd: usd, tag: tag)
            reference[tag, default: 0] += log(0.98) * usd / Self.depth
            reference = reference.filter { abs($0.value) >= 1e-12 }
            let total = reference.keys.sorted().reduce(0) { $0 + reference[$1]! }
            XCTAssertEqual(market.impact(0), total, accuracy: abs(total) * 1e-9, "step \(step)")
            let contributors = market.impactContributors(0, minimumShare: -.infinity)
            XCTAssertEqual(contributors.map(\.tag).filter { reference[$0] != nil }, reference.keys.sorted(), "step \(step)")
            for contributor in contributors {
                if let value = reference[contributor.tag] {
                    XCTAssertEqual(contributor.share, value / total, accuracy: 1e-9, "step \(step)")
                } else {
                    XCTAssertLessThan(abs(contributor.share * total), 1e-12, "step \(step)")
                }
            }
        }
        // The decay was multiplied out at step 900: 7 standing tags, the 34 added since, and the
        // few added within ≈ 60 steps before it (a contribution takes ≈ 32 half-lives, 58 steps,
        // to become negligible) — not the 133 added over the whole run.
        XCTAssertLessThanOrEqual(market.impactContributors(0, minimumShare: -.infinity).count, 7 + 34 + 7)
    }

    /// The largest shares read from the value order are those of `impactContributors` sorted by
    /// decreasing share then tag, summed until they reach the fraction — through 3,000 random
    /// trades (sales, buys — for a while more buys than sales, so the total rises above zero —
    /// repeated tags, equal amounts that tie) and decays that multiply the common scale out.
    func testLargestSharesAreTheSortedContributorsUntilTheyCoverTheFraction() {
        var market = market()
        var random = SplitMix64(seed: 2_020)
        var time = Self.start, nonEmpty = 0, tied = 0, rising = 0
        for step in 0..<3_000 {
            if random.next() % 4 == 0 {
                time += random.next() % 3 == 0 ? 36_000 : 13   // 20 half-lives, or one block
                market.advance(to: time)
            }
            let tag = random.next() % 5 == 0 ? -1 : Int(random.next() % 400)
            let usd = Self.depth * (random.next() % 3 == 0 ? 0.5 : Double(random.next() % 1_000) / 997)
            let buys = (1_000..<1_500).contains(step) ? random.next() % 3 != 0 : random.next() % 7 == 0
            market.trade(0, usd: buys ? -usd : usd, tag: tag)
            if market.impact(0) > 0 { rising += 1 }
            for fraction in [0.5, 0.9, 1.0] {
                var expected: [Int] = [], covered = 0.0
                let ranked = market.impactContributors(0, minimumShare: 0)
                    .sorted { $0.share != $1.share ? $0.share > $1.share : $0.tag < $1.tag }
                for contributor in ranked where covered < fraction {
                    covered += contributor.share
                    expected.append(contributor.tag)
                }
                var given: [Int] = []
                market.largestImpactShares(0, coveringAtLeast: fraction) { given.append($0) }
                XCTAssertEqual(given, expected, "step \(step), fraction \(fraction)")
                if !given.isEmpty { nonEmpty += 1 }
                if zip(ranked, ranked.dropFirst()).contains(where: { $0.share == $1.share }) { tied += 1 }
            }
        }
        XCTAssertGreaterThan(nonEmpty, 6_000)
        XCTAssertGreaterThan(tied, 100, "equal shares must be exercised")
        XCTAssertGreaterThan(rising, 100, "a positive total must be exercised")
    }
}
