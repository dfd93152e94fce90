import CascadeChain
import CascadeMath
import XCTest

final class MempoolTests: XCTestCase {
    typealias B = BlockSpace
    let gwei = BlockSpace.gwei

    // MARK: Replacement (geth's PriceBump)

    func testLegacyReplacementNeedsTenPercent() throws {
        var pool = Mempool(policy: B.policy())
        let original = B.legacy(1, gasPriceGwei: 100)
        try pool.insert(original, block: 1)
        XCTAssertThrowsError(try pool.insert(B.legacy(1, gasPriceGwei: 109), block: 1)) { error in
            XCTAssertEqual(error as? MempoolRejection,
                           .replacementUnderpriced(existing: original.hash, minimumMaxFeePerGas: 110 &* gwei, minimumMaxPriorityFeePerGas: 110 &* gwei))
        }
        let bumped = B.legacy(1, gasPriceGwei: 110)
        let admission = try pool.insert(bumped, block: 2)
        XCTAssertEqual(admission.displaced.map(\.fate), [.replaced(by: bumped.hash)])
        XCTAssertEqual(admission.displaced.first?.hash, original.hash)
        XCTAssertEqual(admission.displaced.first?.block, 2)
        XCTAssertEqual(pool.count, 1)
        XCTAssertNil(pool.transaction(original.hash))
        XCTAssertEqual(pool.transaction(bumped.hash)?.submittedBlock, 2)
    }

    func testReplacementThresholdRoundsDownLikeGeth() throws {
        // ⌊105 · 110 / 100⌋ = 115 wei (115.5 rounded down): 115 is enough, 114 is not.
        var pool = Mempool(policy: B.policy())
        try pool.insert(B.transaction(1, nonce: 0, fee: .legacy(gasPrice: 105)), block: 1)
        XCTAssertThrowsError(try pool.insert(B.transaction(1, nonce: 0, fee: .legacy(gasPrice: 114)), block: 1))
        XCTAssertNoThrow(try pool.insert(B.transaction(1, nonce: 0, fee: .legacy(gasPrice: 115)), block: 1))
    }

    func testReplacementAtWeiLevelStillNeedsAStrictIncrease() throws {
        // ⌊1 · 110 / 100⌋ = 1: the threshold alone would accept an equal bid; the strict check does not.
        var pool = Mempool(policy: B.policy())
        try pool.insert(B.transaction(1, nonce: 0, fee: .legacy(gasPrice: 1)), block: 1)
        XCTAssertThrowsError(try pool.insert(B.transaction(1, nonce: 0, fee: .legacy(gasPrice: 1), salt: 1), block: 1))
        XCTAssertNoThrow(try pool.insert(B.transaction(1, nonce: 0, fee: .legacy(gasPrice: 2)), block: 1))
    }

    func testDynamicReplacementNeedsBothFieldsBumped() throws {
        var pool = Mempool(policy: B.policy())
        let original = B.transaction(1, nonce: 3, fee: .dynamic(maxPriorityFeePerGas: 2 &* gwei, maxFeePerGas: 100 &* gwei))
        try pool.insert(original, block: 1)
        let nineEach = TransactionFee.dynamic(maxPriorityFeePerGas: 2_180_000_000, maxFeePerGas: 109 &* gwei)
        let tenEach = TransactionFee.dynamic(maxPriorityFeePerGas: 2_200_000_000, maxFeePerGas: 110 &* gwei)
        let feeOnly = TransactionFee.dynamic(maxPriorityFeePerGas: 2 &* gwei, maxFeePerGas: 200 &* gwei)
        let tipOnly = TransactionFee.dynamic(maxPriorityFeePerGas: 20 &* gwei, maxFeePerGas: 100 &* gwei)
        let tipShort = TransactionFee.dynamic(maxPriorityFeePerGas: 2_190_000_000, maxFeePerGas: 110 &* gwei)
        for fee in [nineEach, feeOnly, tipOnly, tipShort] {
            XCTAssertThrowsError(try pool.insert(B.transaction(1, nonce: 3, fee: fee), block: 1), "\(fee)")
        }
        XCTAssertNotNil(pool.transaction(original.hash))
        XCTAssertNoThrow(try pool.insert(B.transaction(1, nonce: 3, fee: tenEach), block: 1))
        XCTAssertNil(pool.transaction(original.hash))
    }

    func testLegacyAndDynamicReplaceEachOther() throws {
        var pool = Mempool(policy: B.policy())
        try pool.insert(B.legacy(1, gasPriceGwei: 50), block: 1)
        // A legacy price counts as both fields: the 1559 pair must beat 55 gwei on each.
        XCTAssertThrowsError(try pool.insert(B.transaction(1, nonce: 0, fee: .dynamic(maxPriorityFeePerGas: 2 &* gwei, maxFeePerGas: 500 &* gwei)), block: 1))
        XCTAssertNoThrow(try pool.insert(B.transaction(1, nonce: 0, fee: .dynamic(maxPriorityFeePerGas: 55 &* gwei, maxFeePerGas: 55 &* gwei)), block: 1))
    }

    func testBumpPercentageIsAParameter() throws {
        var pool = Mempool(policy: B.policy(bump: 25))
        try pool.insert(B.legacy(1, gasPriceGwei: 100), block: 1)
        XCTAssertThrowsError(try pool.insert(B.legacy(1, gasPriceGwei: 124), block: 1))
        XCTAssertNoThrow(try pool.insert(B.legacy(1, gasPriceGwei: 125), block: 1))
    }

    // MARK: Admission checks

    func testRejectsKnownHashesGasCapAndCostOverflow() throws {
        var pool = Mempool(policy: B.policy(gasCap: 1_000_000))
        let tx = B.legacy(1, gasPriceGwei: 10)
        try pool.insert(tx, block: 1)
        XCTAssertThrowsError(try pool.insert(tx, block: 1)) { XCTAssertEqual($0 as? MempoolRejection, .alreadyKnown(tx.hash)) }
        XCTAssertThrowsError(try pool.insert(B.legacy(2, gasPriceGwei: 10, gasLimit: 1_000_001), block: 1)) {
            XCTAssertEqual($0 as? MempoolRejection, .exceedsGasCap(gasLimit: 1_000_001, cap: 1_000_000))
        }
        XCTAssertThrowsError(try pool.insert(B.transaction(3, nonce: 0, fee: .legacy(gasPrice: .max >> 10)), block: 1)) {
            XCTAssertEqual($0 as? MempoolRejection, .costOverflow)
        }
        XCTAssertEqual(pool.count, 1)
    }

    // MARK: Arrival stamps

    func testArrivalStampsAreSequentialOrExplicit() throws {
        var pool = Mempool(policy: B.policy())
        XCTAssertEqual(try pool.insert(B.legacy(1, gasPriceGwei: 1), block: 5).transaction.arrival, 0)
        XCTAssertEqual(try pool.insert(B.legacy(2, gasPriceGwei: 1), block: 5, arrival: 40).transaction.arrival, 40)
        XCTAssertEqual(try pool.insert(B.legacy(3, gasPriceGwei: 1), block: 6).transaction.arrival, 41)
        XCTAssertEqual(try pool.insert(B.legacy(4, gasPriceGwei: 1), block: 6, arrival: 7).transaction.arrival, 7)
        XCTAssertEqual(pool.pending.map(\.arrival), [0, 7, 40, 41])
        XCTAssertEqual(pool.pending.map(\.submittedBlock), [5, 6, 5, 6])
    }

    // MARK: Expiry

    func testTransactionsExpireAfterTheirLifetime() throws {
        var pool = Mempool(policy: B.policy(lifetime: 3))
        var builder = B.firstPriceBuilder()
        var book = NonceBook()
        // Nonce 5 never becomes executable (the account nonce stays 0), so it can only expire.
        let stuck = B.legacy(1, nonce: 5, gasPriceGwei: 100)
        try pool.insert(stuck, block: 1)
        for number in 1...3 {
            let block = builder.build(&pool, &book)
            XCTAssertEqual(block.number, UInt64(number))
            XCTAssert(block.outcomes.isEmpty)
        }
        let fourth = builder.build(&pool, &book)  // 4 − 1 ≥ 3: expired before block 4
        XCTAssertEqual(fourth.outcomes.map(\.fate), [.expired])
        XCTAssertEqual(fourth.outcomes.first?.hash, stuck.hash)
        XCTAssertEqual(fourth.outcomes.first?.block, 4)
        XCTAssertNil(fourth.outcomes.first?.inclusionDelay)
        XCTAssert(pool.isEmpty)
    }

    func testExpiryOrderIsSubmissionThenArrival() throws {
        var pool = Mempool(policy: B.policy(lifetime: 1))
        var builder = B.firstPriceBuilder()
        var book = NonceBook()
        try pool.insert(B.legacy(1, nonce: 9, gasPriceGwei: 1), block: 1, arrival: 30)
        try pool.insert(B.legacy(2, nonce: 9, gasPriceGwei: 1), block: 1, arrival: 10)
        try pool.insert(B.legacy(3, nonce: 9, gasPriceGwei: 1), block: 1, arrival: 20)
        _ = builder.build(&pool, &book)
        let expired = builder.build(&pool, &book).outcomes
        XCTAssertEqual(expired.map(\.sender), [B.address(2), B.address(3), B.address(1)])
    }

    // MARK: Eviction

    func testFullPoolEvictsTheCheapestLatestArrivalFirst() throws {
        var pool = Mempool(policy: B.policy(maxSize: 3))
        let cheapEarly = B.legacy(1, gasPriceGwei: 5)
        let cheapLate = B.legacy(2, gasPriceGwei: 5)
        let rich = B.legacy(3, gasPriceGwei: 50)
        try pool.insert(cheapEarly, block: 1)
        try pool.insert(cheapLate, block: 1)
        try pool.insert(rich, block: 1)
        // Equal fees: the later arrival goes first.
        let first = try pool.insert(B.legacy(4, gasPriceGwei: 6), block: 2)
        XCTAssertEqual(first.displaced.map(\.hash), [cheapLate.hash])
        XCTAssertEqual(first.displaced.map(\.fate), [.evicted])
        XCTAssertEqual(first.displaced.first?.block, 2)
        let second = try pool.insert(B.legacy(5, gasPriceGwei: 7), block: 2)
        XCTAssertEqual(second.displaced.map(\.hash), [cheapEarly.hash])
        XCTAssertEqual(pool.count, 3)
    }

    func testFullPoolRefusesANewcomerThatWouldBeCheapest() throws {
        var pool = Mempool(policy: B.policy(maxSize: 2))
        try pool.insert(B.legacy(1, gasPriceGwei: 10), block: 1)
        try pool.insert(B.legacy(2, gasPriceGwei: 20), block: 1)
        XCTAssertThrowsError(try pool.insert(B.legacy(3, gasPriceGwei: 9), block: 1)) { XCTAssertEqual($0 as? MempoolRejection, .poolFull) }
        // Equal to the cheapest but later: it would be evicted first, so it is refused too.
        XCTAssertThrowsError(try pool.insert(B.legacy(4, gasPriceGwei: 10), block: 1)) { XCTAssertEqual($0 as? MempoolRejection, .poolFull) }
        XCTAssertEqual(pool.pending.map(\.sender), [B.address(1), B.address(2)])
    }

    func testEvictionOrdersByMaxFeeThenTip() throws {
        var pool = Mempool(policy: B.policy(maxSize: 2))
        let lowTip = B.transaction(1, nonce: 0, fee: .dynamic(maxPriorityFeePerGas: 1 &* gwei, maxFeePerGas: 100 &* gwei))
        let highTip = B.transaction(2, nonce: 0, fee: .dynamic(maxPriorityFeePerGas: 3 &* gwei, maxFeePerGas: 100 &* gwei))
        try pool.insert(highTip, block: 1)
        try pool.insert(lowTip, block: 1)
        let admission = try pool.insert(B.transaction(3, nonce: 0, fee: .dynamic(maxPriorityFeePerGas: 1, maxFeePerGas: 101 &* gwei)), block: 1)
        XCTAssertEqual(admission.displaced.map(\.hash), [lowTip.hash])
    }

    // MARK: Determinism and scale

    func testStateDependsOnlyOnStampsNotInsertionOrder() throws {
        var random = SplitMix64(seed: 0xB10C)
        var transactions: [(PendingTransaction, UInt64)] = []
        for sender in 0..<200 as Range<UInt32> {
            for nonce in 0..<3 as Range<UInt64> {
                let price = 1 + random.next() % 40
                transactions.append((B.legacy(sender, nonce: nonce, gasPriceGwei: price), UInt64(transactions.count)))
            }
        }
        func run(_ order: [(PendingTransaction, UInt64)]) throws -> ([PendingTransaction], [TransactionOutcome]) {
            var pool = Mempool(policy: B.policy(maxSize: 450))
            var evicted: [TransactionOutcome] = []
            for (tx, arrival) in order {
                do { evicted += try pool.insert(tx, block: 1, arrival: arrival).displaced } catch MempoolRejection.poolFull {}
            }
            return (pool.pending, evicted)
        }
        // Insertion orders that keep each sender's own sequence (an agent signs in nonce order) but
        // interleave senders differently give the same pool, given the same arrival stamps...
        let (reference, _) = try run(transactions)
        let bySender = Dictionary(grouping: transactions, by: { $0.0.sender })
        for _ in 0..<3 {
            var queues = bySender.keys.sorted().map { bySender[$0]! }
            var interleaved: [(PendingTransaction, UInt64)] = []
            while !queues.isEmpty {
                let pick = Int(random.next() % UInt64(queues.count))
                interleaved.append(queues[pick].removeFirst())
                if queues[pick].isEmpty { queues.remove(at: pick) }
            }
            XCTAssertEqual(try run(interleaved).0, reference)
        }
        // ...and eviction keeps exactly the 450 best by (highest fee, earliest arrival).
        let best = transactions.sorted {
            $0.0.fee.maxFeePerGas != $1.0.fee.maxFeePerGas ? $0.0.fee.maxFeePerGas > $1.0.fee.maxFeePerGas : $0.1 < $1.1
        }.prefix(450)
        XCTAssertEqual(Set(reference.map(\.hash)), Set(best.map(\.0.hash)))
    }

    func testManyReplacementsKeepOneTransactionPerNonce() throws {
        var pool = Mempool(policy: B.policy())
        var price: UInt64 = 100
        for round in 0..<300 {
            try pool.insert(B.transaction(1, nonce: 0, fee: .legacy(gasPrice: UInt256(price)), salt: round), block: UInt64(round))
            price = price * 11 / 10 + 1
        }
        XCTAssertEqual(pool.count, 1)
        XCTAssertEqual(pool.pending.first?.submittedBlock, 299)
    }
}
