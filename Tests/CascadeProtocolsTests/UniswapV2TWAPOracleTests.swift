import CascadeChain
import CascadeMath
import CascadeProtocols
import XCTest

final class UniswapV2TWAPOracleTests: XCTestCase {
    /// A 5/10 pool created 30 s before the uint32 timestamp wraps, observed every 12 s, with one
    /// swap at +12 s: the 60 s average is (p₁·12 + p₂·48)/60, computed by hand from the two spot
    /// prices, across the wrap.
    func testAverageMatchesHandComputationAcrossUInt32Wrap() throws {
        var f = PairFixture()
        f.timestamp = (1 << 32) - 30
        try f.addLiquidity(tokens(5), tokens(10))
        var oracle = UniswapV2TWAPOracle(pair: f.pair, window: 60)
        oracle.observe(f.pair, context: f.context())
        let p1 = (UQ112x112.fraction(tokens(10), tokens(5)), UQ112x112.fraction(tokens(5), tokens(10)))

        f.mine(seconds: 12)
        try f.send(e18, of: f.token0)
        _ = try f.swap(0, 1_662_497_915_624_478_906)
        oracle.observe(f.pair, context: f.context())
        let p2 = (UQ112x112.fraction(f.pair.reserve1, f.pair.reserve0), UQ112x112.fraction(f.pair.reserve0, f.pair.reserve1))

        for _ in 0..<3 {
            f.mine(seconds: 12)
            oracle.observe(f.pair, context: f.context())
            XCTAssertFalse(oracle.hasAverage, "no observation is a full window old yet")
        }
        XCTAssertReverts(
            .reason("UniswapV2TWAPOracle: MISSING_HISTORICAL_OBSERVATION"),
            try oracle.consult(tokenIn: f.token0.address, amountIn: e18, pair: f.pair, at: f.timestamp))

        f.mine(seconds: 12)  // +60 s, past the uint32 wrap
        XCTAssertLessThan(UInt32(truncatingIfNeeded: f.timestamp), 60, "the uint32 timestamp wrapped")
        oracle.observe(f.pair, context: f.context())
        XCTAssertTrue(oracle.hasAverage)
        let expected0 = try (p1.0 &* 12 &+ p2.0 &* 48) / 60
        let expected1 = try (p1.1 &* 12 &+ p2.1 &* 48) / 60
        XCTAssertEqual(oracle.price0Average, expected0)
        XCTAssertEqual(oracle.price1Average, expected1)
        XCTAssertEqual(oracle.peek().value, expected0)
        XCTAssertEqual(try oracle.consult(tokenIn: f.token0.address, amountIn: e18, pair: f.pair, at: f.timestamp), (expected0 &* e18) >> 112)
        XCTAssertEqual(try oracle.consult(tokenIn: f.token1.address, amountIn: e18, pair: f.pair, at: f.timestamp), (expected1 &* e18) >> 112)
        XCTAssertEqual(oracle.lastUpdateBlock, f.blockNumber)
        XCTAssertEqual(oracle.observations.count, 6)

        // 24 s later, without new observations: the window starts at the +24 s observation and
        // the pair's counterfactual accumulators supply the end.
        f.mine(seconds: 24)
        XCTAssertEqual(try oracle.averagePrices(f.pair, at: f.timestamp).price0, p2.0)
        XCTAssertEqual(oracle.age(at: f.timestamp), 24, "the stored average is 24 s old")
    }

    func testObservationsArePrunedAndDeduplicated() throws {
        var f = PairFixture()
        try f.addLiquidity(tokens(5), tokens(10))
        var oracle = UniswapV2TWAPOracle(pair: f.pair, window: 24)
        oracle.observe(f.pair, context: f.context())
        oracle.observe(f.pair, context: f.context())
        XCTAssertEqual(oracle.observations.count, 1, "one observation per timestamp")
        for step in 1...200 {
            f.mine(seconds: 12)
            oracle.observe(f.pair, context: f.context())
            // The window needs three (start, middle, now); stale ones go in batches.
            XCTAssertLessThanOrEqual(oracle.observations.count, 3 + UniswapV2TWAPOracle.pruneBatch, "step \(step)")
        }
        XCTAssertGreaterThanOrEqual(oracle.observations.count, 3)
        XCTAssertEqual(oracle.price0Average, UInt256(2) << 112, "a constant price averages to itself")
    }

    func testSpotQuoteAndTokenChecks() throws {
        var f = PairFixture()
        XCTAssertReverts(.reason("FixedPoint: DIV_BY_ZERO"), try UniswapV2TWAPOracle.spotQuote(tokenIn: f.token0.address, amountIn: e18, pair: f.pair))
        try f.addLiquidity(tokens(5), tokens(10))
        XCTAssertEqual(try UniswapV2TWAPOracle.spotQuote(tokenIn: f.token0.address, amountIn: e18, pair: f.pair), tokens(2))
        XCTAssertEqual(try UniswapV2TWAPOracle.spotQuote(tokenIn: f.token1.address, amountIn: e18, pair: f.pair), 500_000_000_000_000_000)
        XCTAssertReverts(.reason("UniswapV2Pair: UNKNOWN_TOKEN"), try UniswapV2TWAPOracle.spotQuote(tokenIn: f.wallet, amountIn: 1, pair: f.pair))
        let oracle = UniswapV2TWAPOracle(pair: f.pair, window: 60)
        XCTAssertReverts(.reason("UniswapV2TWAPOracle: INVALID_TOKEN"), try oracle.consult(tokenIn: f.wallet, amountIn: 1, pair: f.pair, at: f.timestamp))
        XCTAssertReverts(.reason("FixedPoint: MULTIPLICATION_OVERFLOW"), try UQ112x112.mulDecode(UInt256(2) << 112, .max))
    }
}
