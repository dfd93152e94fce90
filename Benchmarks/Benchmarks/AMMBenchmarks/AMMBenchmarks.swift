import Benchmark
import CascadeChain
import CascadeMath
import CascadeProtocols

/// A deep pool (10¹² tokens a side) and a trader; swaps ping-pong between the two directions
/// with outputs 1 % under the quote, so the reserves barely drift and no swap reverts.
private struct Pool {
    let token0 = Token(address: Address(truncating: 0x1000), symbol: "WETH", decimals: 18)
    let token1 = Token(address: Address(truncating: 0x2000), symbol: "USDC", decimals: 18)
    let pairAddress = Address(truncating: 0x9A1E)
    let trader = Address(truncating: 0x7AADE)
    var ledger = TokenLedger()
    var pair: UniswapV2Pair
    /// 1 token in; the output 1 % under the quote at the initial reserves (same either way).
    let amountIn: UInt256 = 1_000_000_000_000_000_000
    let amountOut: UInt256

    init() {
        ledger.register(token0)
        ledger.register(token1)
        pair = UniswapV2Pair(address: pairAddress, tokenA: token0, tokenB: token1, ledger: &ledger)
        let depth: UInt256 = 1_000_000_000_000_000_000_000_000_000_000
        try! ledger.mint(depth, of: token0.address, to: pairAddress)
        try! ledger.mint(depth, of: token1.address, to: pairAddress)
        try! ledger.mint(depth, of: token0.address, to: trader)
        try! ledger.mint(depth, of: token1.address, to: trader)
        _ = try! pair.mint(to: trader, context: CallContext(sender: trader, blockNumber: 1, timestamp: 1_700_000_000), ledger: &ledger)
        let quote = try! pair.getAmountOut(amountIn: amountIn, tokenIn: token0.address)
        amountOut = try! quote / 100 * 99
    }

    /// One transfer-in-then-swap, token0 in on even `i`, token1 in on odd.
    @inline(__always)
    mutating func swap(_ i: Int, context: CallContext) -> CallOutcome {
        let zeroForOne = i & 1 == 0
        try! ledger.transfer(amountIn, of: zeroForOne ? token0.address : token1.address, from: trader, to: pairAddress)
        return try! pair.swap(
            amount0Out: zeroForOne ? .zero : amountOut, amount1Out: zeroForOne ? amountOut : .zero,
            to: trader, context: context, ledger: &ledger)
    }
}

// Each benchmark keeps its state alive past `stopMeasurement()` (`blackHole`), so that its
// deallocation, which Swift may move to the state's last use, is not timed.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 10,
        scalingFactor: .kilo,
        maxDuration: .seconds(2)
    )

    Benchmark("swap") { benchmark in
        var pool = Pool()
        let context = CallContext(sender: pool.trader, blockNumber: 2, timestamp: 1_700_000_000)
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations { blackHole(pool.swap(i, context: context)) }
        benchmark.stopMeasurement()
        blackHole(pool)
    }
    Benchmark("swap (emitsEvents off)") { benchmark in
        var pool = Pool()
        pool.pair.emitsEvents = false
        let context = CallContext(sender: pool.trader, blockNumber: 2, timestamp: 1_700_000_000)
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations { blackHole(pool.swap(i, context: context)) }
        benchmark.stopMeasurement()
        blackHole(pool)
    }
    Benchmark("swap (first in its block: accumulators)") { benchmark in
        var pool = Pool()
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations {
            let context = CallContext(sender: pool.trader, blockNumber: 2 + UInt64(i), timestamp: 1_700_000_012 + 12 * UInt64(i))
            blackHole(pool.swap(i, context: context))
        }
        benchmark.stopMeasurement()
        blackHole(pool)
    }
    Benchmark("swapExactInput (router: quote, transfer, swap)") { benchmark in
        var pool = Pool()
        let context = CallContext(sender: pool.trader, blockNumber: 2, timestamp: 1_700_000_000)
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations {
            let tokenIn = i & 1 == 0 ? pool.token0.address : pool.token1.address
            blackHole(try! pool.pair.swapExactInput(
                amountIn: pool.amountIn, tokenIn: tokenIn, amountOutMin: 0, to: pool.trader, context: context, ledger: &pool.ledger))
        }
        benchmark.stopMeasurement()
        blackHole(pool)
    }
    Benchmark("TokenLedger.balance") { benchmark in
        let pool = Pool()
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations {
            blackHole(pool.ledger.balance(of: pool.pairAddress, in: i & 1 == 0 ? pool.token0.address : pool.token1.address))
        }
        benchmark.stopMeasurement()
        blackHole(pool)
    }
    Benchmark("TokenLedger.transfer") { benchmark in
        var pool = Pool()
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations {
            try! pool.ledger.transfer(pool.amountIn, of: i & 1 == 0 ? pool.token0.address : pool.token1.address, from: pool.trader, to: pool.pairAddress)
        }
        benchmark.stopMeasurement()
        blackHole(pool)
    }
    Benchmark("getAmountOut (pair quote)") { benchmark in
        let pool = Pool()
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations {
            blackHole(try! pool.pair.getAmountOut(amountIn: pool.amountIn &+ UInt256(UInt64(i & 1023)), tokenIn: pool.token0.address))
        }
        benchmark.stopMeasurement()
        blackHole(pool)
    }
    Benchmark("TWAP observe (one observation per block, 30-min window)") { benchmark in
        let pool = Pool()
        var oracle = UniswapV2TWAPOracle(pair: pool.pair, window: 1_800)
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations {
            oracle.observe(pool.pair, context: CallContext(sender: pool.trader, blockNumber: UInt64(i), timestamp: 1_700_000_012 + 12 * UInt64(i)))
        }
        blackHole(oracle.peek())
        benchmark.stopMeasurement()
        blackHole(oracle)
    }

    // Oracle updates: dominated by signature recovery (≈ 50 µs each).
    let feeds = (0..<13).map { Signer(key: PrivateKey.derive(seed: 1, label: "oracle-reporter", index: UInt64($0))) }
    Benchmark("PushPriceFeed transmit (13 signatures)", configuration: .init(scalingFactor: .one)) { benchmark in
        let feed = PushPriceFeed(
            address: Address(truncating: 0xFEED), feedID: Bytes32(ascii: "ETH/USD")!, reporters: feeds.map(\.address), quorum: 13)
        let reports = (0..<64).map { feed.makeReport(price: 2_000_00000000, timestamp: 1_000 + UInt64($0), signers: feeds) }
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations {
            var copy = feed
            blackHole(try! copy.execute(reports[i & 63], context: CallContext(sender: feeds[0].address, blockNumber: 1, timestamp: 2_000)))
        }
    }
    Benchmark("OSM poke", configuration: .init(scalingFactor: .kilo)) { benchmark in
        var osm = OSM(address: Address(truncating: 0x05A))
        var source = PushPriceFeed(address: Address(truncating: 0xFEED), feedID: Bytes32(ascii: "ETH/USD")!, reporters: [feeds[0].address], quorum: 1)
        _ = try! source.execute(source.makeReport(price: 1, timestamp: 10, signers: [feeds[0]]), context: CallContext(sender: feeds[0].address, blockNumber: 1, timestamp: 12))
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations {
            blackHole(try! osm.poke(source: source, context: CallContext(sender: feeds[0].address, blockNumber: UInt64(i), timestamp: 3_600 * UInt64(i + 1))))
        }
        benchmark.stopMeasurement()
        blackHole(osm)
    }
}
