import Benchmark
import CascadeChain
import CascadeMath

/// Block space: building one block from 10,000 pending transactions merged with background
/// demand, 7,200 blocks of background demand alone (a day at 12 s), and mempool admission and
/// replacement at 1k, 10k and 100k pending (O(log n) scaling).
///
/// Each sample copies a prepared mempool and forces its copy-on-write storage to be duplicated
/// before the measurement starts, so only the operation itself is timed. On a shared machine the
/// wall clock also counts time spent waiting for a core: compare the low percentiles.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .microseconds,
        warmupIterations: 3,
        maxDuration: .seconds(3),
        maxIterations: 2_000
    )
    let gwei: UInt256 = 1_000_000_000

    func address(_ n: Int) -> Address {
        Address(bytes: (0..<20).map { UInt8(truncatingIfNeeded: UInt64(n) >> (8 * UInt64(19 - $0))) ^ 0x5A })!
    }

    /// A transaction of sender `n` bidding 1–200 gwei (legacy) or tip 0–5 gwei under a 20–200
    /// gwei cap (EIP-1559), with a gas limit of 21,000–500,000.
    func transaction(_ n: Int, nonce: UInt64, dynamic: Bool, random: inout SplitMix64, salt: UInt64 = 0) -> PendingTransaction {
        let limit = 21_000 + random.next() % 479_000
        let fee: TransactionFee = dynamic
            ? .dynamic(maxPriorityFeePerGas: UInt256(random.next() % 5_000_000_000), maxFeePerGas: UInt256(20 + random.next() % 180) &* gwei)
            : .legacy(gasPrice: UInt256(1 + random.next() % 200) &* gwei)
        var hasher = Keccak256()
        for word in [UInt64(n), nonce, salt, random.next()] { withUnsafeBytes(of: word) { hasher.update($0) } }
        return PendingTransaction(hash: hasher.finalize(), sender: address(n), nonce: nonce, fee: fee, gasLimit: limit,
                                  expectedGasUsed: 21_000 + (limit - 21_000) / 2)
    }

    func pool(_ count: Int, capacity: Int, dynamic: Bool, seed: UInt64) -> Mempool {
        var random = SplitMix64(seed: seed)
        var pool = Mempool(policy: MempoolPolicy(lifetimeBlocks: 1_000, maxSize: capacity, priceBumpPercent: 10, txGasCap: 30_000_000))
        for n in 0..<count { try! pool.insert(transaction(n, nonce: 0, dynamic: dynamic, random: &random), block: 1) }
        return pool
    }

    /// A copy of `template` whose storage is already duplicated (one extra, never-executable
    /// transaction forces the copy).
    func uniqueCopy(of template: Mempool) -> Mempool {
        var copy = template
        var random = SplitMix64(seed: 0xC0FF)
        try! copy.insert(transaction(Int(Int32.max), nonce: 1_000_000, dynamic: false, random: &random), block: 1)
        return copy
    }

    // MARK: Block building

    let accountNonces = Dictionary(uniqueKeysWithValues: (0..<10_000).map { (address($0), UInt64(0)) })
    for (market, gasLimit, dynamic) in [(FeeMarket.firstPrice, UInt64(10_000_000), false), (.eip1559(.london), 30_000_000, true)] {
        let template = pool(10_000, capacity: 20_000, dynamic: dynamic, seed: 1)
        let builder = BlockBuilder(feeMarket: market, gasLimit: gasLimit, blockTimeSeconds: 12, firstTimestamp: 0,
                                   initialBaseFee: 30 &* gwei)
        var background = BackgroundDemand(model: .constant(demandShare: 1.5, bids: LogNormal(quantile: 0.5, is: 40, quantile: 0.9, is: 120)!),
                                          gasLimit: gasLimit, blockTimeSeconds: 12, sliceCount: 100, demandNoise: 0.1,
                                          priorityFee: 2 &* gwei, random: SplitMix64(seed: 2))
        let demand = background.demand(at: 0)
        Benchmark("Build block (\(market.name), \(gasLimit / 1_000_000)M gas): 10,000 pending + background") { benchmark in
            var mempool = uniqueCopy(of: template)
            var copy = builder
            benchmark.startMeasurement()
            let block = copy.build(from: &mempool, background: demand, accountNonce: { accountNonces[$0] ?? 0 })
            benchmark.stopMeasurement()
            blackHole(block)
        }
    }

    // MARK: Background demand alone

    var march12 = "timestamp,p60_gwei,p90_gwei\n"
    let percentiles: [(Double, Double)] = [
        (8.3, 28.4), (10.0, 33.0), (11.3, 35.0), (11.0, 35.0), (20.3, 42.6), (15.8, 36.1), (20.6, 39.5), (28.8, 41.7),
        (37.5, 68.8), (36.5, 50.9), (49.9, 80.7), (84.6, 118.7), (108.9, 151.0), (127.6, 191.0), (151.6, 226.7), (188.5, 259.3),
        (186.9, 244.6), (161.1, 218.8), (93.4, 151.1), (78.1, 148.7), (76.3, 159.3), (78.8, 128.2), (70.9, 119.4), (77.8, 145.0),
    ]
    for (hour, row) in percentiles.enumerated() { march12 += "\(1_583_971_200 + 3_600 * hour),\(row.0),\(row.1)\n" }
    let series = try! GasPriceSeries(text: march12, source: "12 March 2020 (DATA.md)")
    let models: [(String, BackgroundModel, FeeMarket)] = [
        ("replay 12 March 2020, first-price", .replay(series, demandShare: 1.5), .firstPrice),
        ("volatility-coupled, EIP-1559", .volatilityCoupled(.blackThursday), .eip1559(.london)),
    ]
    for (name, model, market) in models {
        Benchmark("7,200 blocks of background demand (\(name))", configuration: .init(timeUnits: .milliseconds, maxIterations: 200)) { benchmark in
            for _ in benchmark.scaledIterations {
                var background = BackgroundDemand(model: model, gasLimit: 10_000_000, blockTimeSeconds: 12, sliceCount: 100,
                                                  demandNoise: 0.1, priorityFee: 2 &* gwei, random: SplitMix64(seed: 3))
                var builder = BlockBuilder(feeMarket: market, gasLimit: 10_000_000, blockTimeSeconds: 12, firstTimestamp: 1_583_971_200,
                                           initialBaseFee: 10 &* gwei)
                var mempool = Mempool(policy: MempoolPolicy(lifetimeBlocks: 900, maxSize: 6_144, priceBumpPercent: 10, txGasCap: 10_000_000))
                var returns = SplitMix64(seed: 4)
                for _ in 0..<7_200 {
                    let move = Distributions.standardNormal(using: &returns) * 0.002
                    let demand = background.demand(at: builder.nextTimestamp, absoluteLogReturn: move)
                    blackHole(builder.build(from: &mempool, background: demand, accountNonce: { _ in 0 }))
                }
            }
        }
    }

    // MARK: Mempool admission and replacement

    let batch = 1_000
    for size in [1_000, 10_000, 100_000] {
        let template = pool(size, capacity: size + 2 * batch, dynamic: true, seed: 5)
        var random = SplitMix64(seed: 6)
        let newcomers = (0..<batch).map { transaction(size + $0, nonce: 0, dynamic: true, random: &random) }
        // Replacements: same sender and nonce, both fee fields ×1.5 (above the 10 % bump).
        let pending = template.pending
        func raised(_ value: UInt256) -> UInt256 { (value &* 3).quotientAndRemainder(dividingByLimb: 2).quotient &+ 1 }
        let replacements = (0..<batch).map { i -> PendingTransaction in
            let old = pending[i * size / batch]
            let fee = TransactionFee.dynamic(maxPriorityFeePerGas: raised(old.fee.maxPriorityFeePerGas), maxFeePerGas: raised(old.fee.maxFeePerGas))
            var hasher = Keccak256()
            old.hash.withUnsafeBytes { hasher.update($0) }
            return PendingTransaction(hash: hasher.finalize(), sender: old.sender, nonce: old.nonce, fee: fee,
                                      gasLimit: old.gasLimit, expectedGasUsed: old.expectedGasUsed)
        }
        Benchmark("Mempool insert ×\(batch) at \(size) pending") { benchmark in
            var mempool = uniqueCopy(of: template)
            benchmark.startMeasurement()
            for tx in newcomers { blackHole(try! mempool.insert(tx, block: 2)) }
            benchmark.stopMeasurement()
        }
        Benchmark("Mempool replace ×\(batch) at \(size) pending") { benchmark in
            var mempool = uniqueCopy(of: template)
            benchmark.startMeasurement()
            for tx in replacements { blackHole(try! mempool.insert(tx, block: 2)) }
            benchmark.stopMeasurement()
        }
    }
    let full = pool(10_000, capacity: 10_001, dynamic: true, seed: 7)
    var random = SplitMix64(seed: 8)
    let outbidders = (0..<batch).map { i in
        PendingTransaction(hash: Keccak256.hash("outbid \(i)".utf8), sender: address(50_000 + i), nonce: 0,
                           fee: .dynamic(maxPriorityFeePerGas: 6 &* gwei, maxFeePerGas: UInt256(201 + random.next() % 100) &* gwei),
                           gasLimit: 100_000, expectedGasUsed: 60_000)
    }
    Benchmark("Mempool insert ×\(batch) into a full pool of 10,000 (each evicts the cheapest)") { benchmark in
        var mempool = uniqueCopy(of: full)
        benchmark.startMeasurement()
        for tx in outbidders { blackHole(try! mempool.insert(tx, block: 2)) }
        benchmark.stopMeasurement()
    }
}
