import CascadeChain
import CascadeMath
import XCTest

final class BlockBuilderTests: XCTestCase {
    typealias B = BlockSpace
    let gwei = BlockSpace.gwei

    // MARK: Ordering

    func testHighestBidFirstAndTiesByArrival() throws {
        var pool = Mempool(policy: B.policy())
        var builder = B.firstPriceBuilder(gasLimit: 350_000)
        var book = NonceBook()
        try pool.insert(B.legacy(1, gasPriceGwei: 10), block: 1, arrival: 1)
        try pool.insert(B.legacy(2, gasPriceGwei: 30), block: 1, arrival: 2)
        try pool.insert(B.legacy(3, gasPriceGwei: 20), block: 1, arrival: 3)
        try pool.insert(B.legacy(4, gasPriceGwei: 20), block: 1, arrival: 0)
        let block = builder.build(&pool, &book)
        XCTAssertEqual(block.included.map(\.transaction.sender), [B.address(2), B.address(4), B.address(3)])
        XCTAssertEqual(block.gasUsed, 300_000)
        XCTAssertEqual(block.pendingCount, 1)
        XCTAssertEqual(block.clearingPrice, 20 &* gwei)
        XCTAssertEqual(block.number, 1)
        XCTAssertEqual(block.timestamp, 1_583_971_200)
        let next = builder.build(&pool, &book)
        XCTAssertEqual(next.number, 2)
        XCTAssertEqual(next.timestamp, 1_583_971_213)
        XCTAssertEqual(next.included.map(\.transaction.sender), [B.address(1)])
        XCTAssertEqual(next.outcomes.first?.inclusionDelay, 1)
    }

    func testFirstPricePaysTheBidAndBurnsNothing() throws {
        var pool = Mempool(policy: B.policy())
        var builder = B.firstPriceBuilder()
        var book = NonceBook()
        try pool.insert(B.legacy(1, gasPriceGwei: 150, gasLimit: 500_000, gasUsed: 380_000), block: 1)
        let payment = try XCTUnwrap(builder.build(&pool, &book).included.first?.payment)
        XCTAssertEqual(payment.gasUsed, 380_000)
        XCTAssertEqual(payment.effectiveGasPrice, 150 &* gwei)
        XCTAssertEqual(payment.effectiveTip, 150 &* gwei)
        XCTAssertEqual(payment.feePaid, UInt256(380_000) &* 150 &* gwei)  // 0.057 ether
        XCTAssertEqual(payment.burned, 0)
        XCTAssertEqual(payment.tip, payment.feePaid)
        XCTAssertEqual(builder.baseFee, 0)
    }

    // MARK: Nonces

    func testNonceGapWaitsUntilFilled() throws {
        var pool = Mempool(policy: B.policy())
        var builder = B.firstPriceBuilder()
        var book = NonceBook()
        try pool.insert(B.legacy(1, nonce: 1, gasPriceGwei: 100), block: 1)
        let gapped = builder.build(&pool, &book)
        XCTAssert(gapped.included.isEmpty)
        XCTAssertEqual(gapped.pendingCount, 1)
        try pool.insert(B.legacy(1, nonce: 0, gasPriceGwei: 1), block: 2)
        let filled = builder.build(&pool, &book)
        XCTAssertEqual(filled.included.map(\.transaction.nonce), [0, 1])
        XCTAssert(pool.isEmpty)
    }

    func testUsedNoncesAreDropped() throws {
        var pool = Mempool(policy: B.policy())
        var builder = B.firstPriceBuilder()
        var book = NonceBook()
        book.nonces[B.address(1)] = 2
        for nonce: UInt64 in 0...2 { try pool.insert(B.legacy(1, nonce: nonce, gasPriceGwei: 5), block: 1) }
        let block = builder.build(&pool, &book)
        XCTAssertEqual(block.included.map(\.transaction.nonce), [2])
        XCTAssertEqual(block.outcomes.map(\.fate.isDropped), [false, true, true])
        XCTAssertEqual(block.outcomes.filter(\.fate.isDropped).map(\.nonce), [0, 1])
    }

    func testStuckLowFeeTransactionBlocksItsSendersLaterOnes() throws {
        // The 10 March 2020 keeper: a `deal` at the default gas price blocks the next bid.
        var pool = Mempool(policy: B.policy())
        var builder = B.firstPriceBuilder()
        var book = NonceBook()
        var background = BackgroundDemand(model: .constant(demandShare: 1.5, bids: LogNormal(quantile: 0.5, is: 100, quantile: 0.9, is: 200)!),
                                          gasLimit: 10_000_000, blockTimeSeconds: 13, sliceCount: 100, demandNoise: 0.1,
                                          priorityFee: 0, random: SplitMix64(seed: 1))
        try pool.insert(B.legacy(1, nonce: 0, gasPriceGwei: 2), block: 1)
        try pool.insert(B.legacy(1, nonce: 1, gasPriceGwei: 5_000), block: 1)
        for _ in 0..<30 {
            let block = builder.build(&pool, &book, background: background.demand(at: builder.nextTimestamp))
            XCTAssert(block.included.isEmpty)
            XCTAssertGreaterThan(try XCTUnwrap(block.clearingPrice), 30 &* gwei)
        }
        // Replacing the stuck transaction (+10 %) is not enough; a bid above the market is.
        try pool.insert(B.legacy(1, nonce: 0, gasPriceGwei: 3), block: builder.nextBlockNumber)
        XCTAssert(builder.build(&pool, &book, background: background.demand(at: builder.nextTimestamp)).included.isEmpty)
        try pool.insert(B.legacy(1, nonce: 0, gasPriceGwei: 1_000), block: builder.nextBlockNumber)
        let block = builder.build(&pool, &book, background: background.demand(at: builder.nextTimestamp))
        XCTAssertEqual(block.included.map(\.transaction.nonce), [0, 1])
        XCTAssertEqual(block.outcomes.map(\.inclusionDelay), [0, 31])
    }

    // MARK: Gas

    func testTransactionThatDoesNotFitIsSkippedForSmallerOnes() throws {
        var pool = Mempool(policy: B.policy())
        var builder = B.firstPriceBuilder(gasLimit: 300_000)
        var book = NonceBook()
        try pool.insert(B.legacy(1, gasPriceGwei: 100, gasLimit: 200_000), block: 1)
        try pool.insert(B.legacy(2, gasPriceGwei: 90, gasLimit: 150_000), block: 1)
        try pool.insert(B.legacy(2, nonce: 1, gasPriceGwei: 200, gasLimit: 30_000), block: 1)
        try pool.insert(B.legacy(3, gasPriceGwei: 80, gasLimit: 120_000, gasUsed: 60_000), block: 1)
        try pool.insert(B.legacy(4, gasPriceGwei: 70, gasLimit: 40_000), block: 1)
        let block = builder.build(&pool, &book)
        // 200k in; sender 2's 150k does not fit, so its nonce 1 cannot follow in this block; 120k
        // does not fit either (the gas limit is checked, as geth's miner does); 40k fits.
        XCTAssertEqual(block.included.map(\.transaction.sender), [B.address(1), B.address(4)])
        XCTAssertEqual(block.gasUsed, 240_000)
        let next = builder.build(&pool, &book)
        XCTAssertEqual(next.included.map(\.transaction.sender), [B.address(2), B.address(2), B.address(3)])
        XCTAssertEqual(next.gasUsed, 240_000)  // 150k + 30k + 60k used of a 120k limit
    }

    func testBlockGasNeverExceedsTheLimit() throws {
        var random = SplitMix64(seed: 99)
        var pool = Mempool(policy: B.policy(maxSize: 3_000))
        var builder = B.eip1559Builder(gasLimit: 3_000_000, baseFee: 20 &* gwei)
        var book = NonceBook()
        var background = BackgroundDemand(model: .constant(demandShare: 0.9, bids: LogNormal(quantile: 0.5, is: 25, quantile: 0.9, is: 60)!),
                                          gasLimit: 3_000_000, blockTimeSeconds: 12, sliceCount: 50, demandNoise: 0.3,
                                          priorityFee: 2 &* gwei, random: random.derived(stream: 1))
        var nextNonce: [UInt32: UInt64] = [:]
        for _ in 0..<300 {
            for _ in 0..<(random.next() % 12) {
                let sender = UInt32(random.next() % 40)
                let nonce = nextNonce[sender, default: 0]
                nextNonce[sender] = nonce + 1
                let limit = 21_000 + random.next() % 600_000
                let fee = TransactionFee.dynamic(maxPriorityFeePerGas: UInt256(random.next() % 5_000_000_000),
                                                 maxFeePerGas: UInt256(random.next() % 80_000_000_000))
                _ = try? pool.insert(B.transaction(sender, nonce: nonce, fee: fee, gasLimit: limit, gasUsed: 21_000 + (limit - 21_000) / 2),
                                     block: builder.nextBlockNumber)
            }
            let block = builder.build(&pool, &book, background: background.demand(at: builder.nextTimestamp))
            XCTAssertLessThanOrEqual(block.gasUsed, block.gasLimit)
            XCTAssertEqual(block.agentGasUsed, block.included.reduce(0) { $0 + $1.payment.gasUsed })
            XCTAssertLessThanOrEqual(block.backgroundGasUsed, block.backgroundGasDemanded)
            for item in block.included {
                XCTAssertGreaterThanOrEqual(item.transaction.fee.maxFeePerGas, block.baseFee)
                XCTAssertEqual(item.payment.effectiveGasPrice, block.baseFee &+ item.payment.effectiveTip)
            }
            assertConservation(block)
        }
    }

    // MARK: Congestion emerges from the auction

    /// A keeper bidding 20 gwei while the recorded market clears far above it never lands; when
    /// the recorded prices fall it lands in the first block of the calm period.
    func testLowBidWaitsWhileMarketClearsAboveItAndLandsWhenDemandFalls() throws {
        var csv = "timestamp,p60_gwei,p90_gwei\n"
        for row in 0..<10 { csv += "\(1_000_000 + 130 * row),\(row < 5 ? "150,250" : "8,30")\n" }
        let series = try GasPriceSeries(text: csv, source: "test.csv")
        var background = BackgroundDemand(model: .replay(series, demandShare: BackgroundModel.defaultDemandShare),
                                          gasLimit: 10_000_000, blockTimeSeconds: 13, sliceCount: 100, demandNoise: 0.1,
                                          priorityFee: 0, random: SplitMix64(seed: 2020))
        var pool = Mempool(policy: B.policy())
        var builder = BlockBuilder(feeMarket: .firstPrice, gasLimit: 10_000_000, blockTimeSeconds: 13, firstTimestamp: 1_000_000,
                                   initialBaseFee: 0)
        var book = NonceBook()
        let keeper = B.legacy(7, gasPriceGwei: 20, gasLimit: 400_000)
        try pool.insert(keeper, block: 1)
        var landed: BuiltBlock?
        for _ in 0..<100 {
            let block = builder.build(&pool, &book, background: background.demand(at: builder.nextTimestamp))
            XCTAssertLessThan(block.gasLimit - block.gasUsed, PendingTransaction.intrinsicGas, "congested blocks are full")
            if block.timestamp < 1_000_650 {
                XCTAssert(block.included.isEmpty, "included at \(block.timestamp) while clearing at \(block.clearingPrice!)")
                XCTAssertGreaterThan(try XCTUnwrap(block.clearingPrice), 60 &* gwei)
            }
            if !block.included.isEmpty { landed = block; break }
        }
        let block = try XCTUnwrap(landed)
        XCTAssertEqual(block.timestamp, 1_000_650)  // block 51, the first of the calm rows (13-second steps)
        XCTAssertEqual(block.outcomes.first?.inclusionDelay, 50)
        XCTAssertLessThan(try XCTUnwrap(block.clearingPrice), 20 &* gwei)
    }

    func testEIP1559TransactionBelowBaseFeeWaitsUntilItFalls() throws {
        var pool = Mempool(policy: B.policy())
        var builder = B.eip1559Builder(baseFee: 100 &* gwei)
        var book = NonceBook()
        let tx = B.transaction(1, nonce: 0, fee: .dynamic(maxPriorityFeePerGas: 3 &* gwei, maxFeePerGas: 51 &* gwei), gasLimit: 60_000, gasUsed: 50_000)
        try pool.insert(tx, block: 1)
        var baseFees: [UInt256] = []
        var included: BuiltBlock?
        while included == nil, baseFees.count < 20 {
            let block = builder.build(&pool, &book)
            baseFees.append(block.baseFee)
            if !block.included.isEmpty { included = block }
        }
        // 100 gwei · (7/8)^n: 87.5, 76.6, 67.0, 58.6, 51.3, 44.9 gwei; the transaction fits at 44.9.
        XCTAssertEqual(baseFees.count, 7)
        let block = try XCTUnwrap(included)
        let payment = try XCTUnwrap(block.included.first?.payment)
        // The base fee leaves 51 − 44.87 > 3 gwei of headroom: the full 3-gwei tip is paid.
        XCTAssertEqual(payment.effectiveTip, 3 &* gwei)
        XCTAssertEqual(payment.effectiveGasPrice, block.baseFee &+ 3 &* gwei)
        XCTAssertEqual(payment.burned, UInt256(50_000) &* block.baseFee)
        XCTAssertEqual(payment.tip, UInt256(50_000) &* 3 &* gwei)
        XCTAssertEqual(block.burned, payment.burned)
        // The next base fee follows from 50,000 gas used of a 15M target.
        XCTAssertEqual(builder.baseFee, BaseFee.london.next(parentBaseFee: block.baseFee, parentGasUsed: 50_000, parentGasLimit: 30_000_000))
    }

    func testEffectiveTipIsCappedByMaxFeeMinusBaseFee() throws {
        var pool = Mempool(policy: B.policy())
        var builder = B.eip1559Builder(baseFee: 40 &* gwei)
        var book = NonceBook()
        try pool.insert(B.transaction(1, nonce: 0, fee: .dynamic(maxPriorityFeePerGas: 10 &* gwei, maxFeePerGas: 42 &* gwei)), block: 1)
        try pool.insert(B.transaction(2, nonce: 0, fee: .dynamic(maxPriorityFeePerGas: 3 &* gwei, maxFeePerGas: 90 &* gwei)), block: 1)
        let block = builder.build(&pool, &book)
        // Sender 2's 3 gwei beats sender 1's effective min(10, 42 − 40) = 2 gwei.
        XCTAssertEqual(block.included.map(\.transaction.sender), [B.address(2), B.address(1)])
        XCTAssertEqual(block.included.map(\.payment.effectiveTip), [3 &* gwei, 2 &* gwei])
        XCTAssertEqual(block.clearingPrice, 42 &* gwei)
    }

    func testBackgroundWinsTiesAndFillsTheRest() throws {
        var pool = Mempool(policy: B.policy())
        var builder = B.firstPriceBuilder(gasLimit: 1_000_000)
        try pool.insert(B.legacy(1, gasPriceGwei: 50, gasLimit: 300_000), block: 1)
        let background = BackgroundBlockDemand(bids: [
            BackgroundBid(gas: 400_000, maxFeePerGas: 80 &* gwei),
            BackgroundBid(gas: 400_000, maxFeePerGas: 50 &* gwei),
            BackgroundBid(gas: 400_000, maxFeePerGas: 10 &* gwei),
        ], priorityFee: 0)
        let block = builder.build(from: &pool, background: background, accountNonce: { _ in 0 })
        // 400k at 80, then the 50-gwei slice beats the 50-gwei agent (tie), leaving 200k < 300k.
        XCTAssert(block.included.isEmpty)
        XCTAssertEqual(block.backgroundGasDemanded, 1_200_000)
        XCTAssertEqual(block.backgroundGasUsed, 1_000_000)
        XCTAssertEqual(block.clearingPrice, 10 &* gwei)
        XCTAssertEqual(block.feesPaid, UInt256(400_000) &* 80 &* gwei &+ UInt256(400_000) &* 50 &* gwei &+ UInt256(200_000) &* 10 &* gwei)
        assertConservation(block)
    }

    func testEIP1559BackgroundPaysBaseFeePlusCappedTip() throws {
        var pool = Mempool(policy: B.policy())
        var builder = B.eip1559Builder(gasLimit: 1_000_000, baseFee: 30 &* gwei)
        let background = BackgroundBlockDemand(bids: [
            BackgroundBid(gas: 300_000, maxFeePerGas: 100 &* gwei),
            BackgroundBid(gas: 300_000, maxFeePerGas: 31 &* gwei),
            BackgroundBid(gas: 300_000, maxFeePerGas: 29 &* gwei),
        ], priorityFee: 2 &* gwei)
        let block = builder.build(from: &pool, background: background, accountNonce: { _ in 0 })
        XCTAssertEqual(block.backgroundGasUsed, 600_000)  // the 29-gwei slice is below the base fee
        XCTAssertEqual(block.burned, UInt256(600_000) &* 30 &* gwei)
        XCTAssertEqual(block.tips, UInt256(300_000) &* 2 &* gwei &+ UInt256(300_000) &* gwei)
        XCTAssertEqual(block.clearingPrice, 31 &* gwei)
        assertConservation(block)
    }

    // MARK: Determinism

    /// The same transactions with the same arrival stamps, inserted in any interleaving of senders,
    /// give identical blocks.
    func testBlocksDoNotDependOnInsertionInterleaving() throws {
        var random = SplitMix64(seed: 0xD37E)
        var plan: [(tx: PendingTransaction, block: UInt64, arrival: UInt64)] = []
        for block in 1...20 as ClosedRange<UInt64> {
            for sender in 0..<60 as Range<UInt32> where random.next() % 3 == 0 {
                let nonce = UInt64(plan.filter { $0.tx.sender == B.address(sender) }.count)
                let fee = TransactionFee.dynamic(maxPriorityFeePerGas: UInt256(random.next() % 4) &* gwei,
                                                 maxFeePerGas: UInt256(20 + random.next() % 40) &* gwei)
                plan.append((B.transaction(sender, nonce: nonce, fee: fee, gasLimit: 200_000 + random.next() % 400_000), block,
                             random.next() % 1_000))  // arrival stamps: distinct enough, ties fall to the hash
            }
        }
        func run(shuffleSeed: UInt64?) throws -> [BuiltBlock] {
            var pool = Mempool(policy: B.policy(lifetime: 8, maxSize: 300))
            var builder = B.eip1559Builder(gasLimit: 4_000_000, baseFee: 30 &* gwei)
            var book = NonceBook()
            var background = BackgroundDemand(model: .constant(demandShare: 1.2, bids: LogNormal(quantile: 0.5, is: 35, quantile: 0.9, is: 70)!),
                                              gasLimit: 4_000_000, blockTimeSeconds: 12, sliceCount: 40, demandNoise: 0.2,
                                              priorityFee: 1 &* gwei, random: SplitMix64(seed: 5))
            var shuffler = shuffleSeed.map { SplitMix64(seed: $0) }
            var blocks: [BuiltBlock] = []
            for number in 1...30 as ClosedRange<UInt64> {
                var batch = plan.filter { $0.block == number }
                if var generator = shuffler {
                    // Shuffle senders, keeping each sender's nonces in order.
                    let senders = Array(Set(batch.map(\.tx.sender))).sorted().shuffled(using: &generator)
                    batch = senders.flatMap { sender in batch.filter { $0.tx.sender == sender } }
                    shuffler = generator
                }
                for item in batch { _ = try? pool.insert(item.tx, block: number, arrival: item.arrival) }
                blocks.append(builder.build(&pool, &book, background: background.demand(at: builder.nextTimestamp)))
            }
            return blocks
        }
        let reference = try run(shuffleSeed: nil)
        XCTAssertGreaterThan(reference.reduce(0) { $0 + $1.included.count }, 30)
        XCTAssert(reference.contains { $0.outcomes.contains { $0.fate == .expired } })
        for seed: UInt64 in [1, 2, 3] {
            XCTAssertEqual(try run(shuffleSeed: seed), reference, "interleaving \(seed)")
        }
    }

    // MARK: Helpers

    private func assertConservation(_ block: BuiltBlock, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(block.feesPaid, block.burned &+ block.tips, "fees paid = burned + tips", file: file, line: line)
        let agents = block.included.reduce(UInt256.zero) { $0 &+ $1.payment.feePaid }
        XCTAssertEqual(block.feesPaid, agents &+ block.backgroundFeesPaid, file: file, line: line)
        for item in block.included {
            XCTAssertEqual(item.payment.feePaid, item.payment.burned &+ item.payment.tip, file: file, line: line)
            XCTAssertEqual(item.payment.burned, UInt256(item.payment.gasUsed) &* block.baseFee, file: file, line: line)
        }
    }
}

extension TransactionOutcome.Fate {
    var isDropped: Bool { self == .dropped }
}
