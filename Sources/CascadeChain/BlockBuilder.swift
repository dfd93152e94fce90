import CascadeMath

/// Builds blocks: decides, block by block, which transactions get in, which wait, and what they
/// pay. Holds the chain's running header state (next block number, timestamp and base fee).
///
/// Each ``build(from:background:accountNonce:)``:
/// 1. removes transactions whose mempool lifetime is over (fate `.expired`);
/// 2. asks `accountNonce` for every sender with pending transactions, drops those whose nonce is
///    already used (fate `.dropped`) and takes each sender's transaction at exactly the account
///    nonce as its executable head; a sender with a gap waits;
/// 3. runs one auction over the heads and the background slices, highest effective tip per gas
///    first (EIP-1559: `min(maxPriorityFeePerGas, maxFeePerGas − baseFee)`; first price: the
///    bid). Ties: a background slice before an agent transaction (a pessimistic choice for the
///    agents), then earlier arrival, then lower hash. Transactions with `maxFeePerGas` below the
///    base fee are not eligible and wait;
/// 4. like geth's miner, admits an agent transaction only if its gas limit fits in the gas left,
///    otherwise skips that sender for the rest of the block and continues with others; an included
///    transaction uses `expectedGasUsed` (or, in the executing variant, the gas its execution
///    used) and makes the sender's next nonce eligible. A background
///    slice is divisible and fills whatever gas is left. Filling stops when less than 21,000 gas
///    (the intrinsic gas of any transaction) is left or nothing is eligible;
/// 5. charges every included item its effective gas price (exact `UInt256` wei: base fee burned,
///    tip to the producer) and updates the base fee for the next block (``FeeMarket``).
///
/// The order of every decision is a total order over (tip, arrival, hash): the block does not
/// depend on the order in which senders were inserted, nor on any hash-map iteration order.
///
/// - Complexity: O(s + m log s) per block for s senders with pending transactions and m heads
///   popped (included or skipped), plus the background slices — about 1.3 ms for 10,000 pending
///   transactions from 10,000 senders (see `docs/blockspace.md`).
public struct BlockBuilder: Sendable {
    /// The fee market.
    public let feeMarket: FeeMarket
    /// Gas limit of every block (gas).
    public let gasLimit: UInt64
    /// Seconds between blocks.
    public let blockTimeSeconds: UInt64
    /// Number of the next block to build.
    public private(set) var nextBlockNumber: UInt64
    /// Timestamp of the next block (Unix seconds): the first timestamp plus `blockTimeSeconds` per block.
    public private(set) var nextTimestamp: UInt64
    /// Base fee per gas of the next block (wei); always 0 in a first-price market.
    public private(set) var baseFee: UInt256

    /// A builder whose first block is `firstBlockNumber` at `firstTimestamp` (Unix seconds) with
    /// base fee `initialBaseFee` (wei per gas; ignored, 0, in a first-price market).
    ///
    /// Requires `gasLimit ≥ 21,000`, `blockTimeSeconds ≥ 1` and, under EIP-1559, a gas target of
    /// at least 1 gas; ``ChainConfiguration`` checks these for scenario input.
    public init(feeMarket: FeeMarket, gasLimit: UInt64, blockTimeSeconds: UInt64, firstBlockNumber: UInt64 = 1,
                firstTimestamp: UInt64, initialBaseFee: UInt256) {
        precondition(gasLimit >= PendingTransaction.intrinsicGas && blockTimeSeconds >= 1, "invalid chain parameters")
        if case .eip1559(let rule) = feeMarket {
            precondition(rule.gasTarget(gasLimit: gasLimit) >= 1, "the gas target must be at least 1 gas")
        }
        self.feeMarket = feeMarket
        self.gasLimit = gasLimit
        self.blockTimeSeconds = blockTimeSeconds
        self.nextBlockNumber = firstBlockNumber
        self.nextTimestamp = firstTimestamp
        self.baseFee = feeMarket == .firstPrice ? .zero : initialBaseFee
    }

    /// The builder a validated configuration describes, starting at block 1.
    public init(configuration: ChainConfiguration) {
        self.init(feeMarket: configuration.feeMarket, gasLimit: configuration.gasLimit,
                  blockTimeSeconds: configuration.blockTimeSeconds, firstTimestamp: configuration.startTimestamp,
                  initialBaseFee: configuration.initialBaseFee)
    }

    /// A sender's executable head in the auction: the minimum is taken first.
    private struct Candidate: Comparable {
        let tip: UInt256
        let arrival: UInt64
        let hash: Keccak256.Digest
        let slot: Int32
        let sender: Int32
        let position: Int32

        static func < (a: Candidate, b: Candidate) -> Bool {
            if a.tip != b.tip { return a.tip > b.tip }
            if a.arrival != b.arrival { return a.arrival < b.arrival }
            return a.hash.precedes(b.hash)
        }
    }

    /// Builds the next block from `mempool` and `background`, removing what it includes, expires
    /// or drops from the mempool, and advances the number, timestamp and base fee.
    ///
    /// `accountNonce` gives each sender's account nonce in the state the block builds on.
    /// - Complexity: see the type's documentation.
    public mutating func build(from mempool: inout Mempool, background: BackgroundBlockDemand,
                               accountNonce: (Address) -> UInt64) -> BuiltBlock {
        build(from: &mempool, background: background, accountNonce: accountNonce, execute: { $0.expectedGasUsed })
    }

    /// Builds the next block as ``build(from:background:accountNonce:)`` does, executing each
    /// agent transaction the moment it is included, in block order, as a miner does: `execute`
    /// runs it against the state and returns the gas it actually used (at most its gas limit,
    /// e.g. less than expected when it reverts). That gas is what the transaction pays for, what
    /// fills the block and what the next base fee is computed from.
    ///
    /// `accountNonce` is asked for every sender before the first transaction executes.
    public mutating func build(from mempool: inout Mempool, background: BackgroundBlockDemand,
                               accountNonce: (Address) -> UInt64,
                               execute: (PendingTransaction) -> UInt64) -> BuiltBlock {
        let number = nextBlockNumber
        let baseFee = self.baseFee
        var outcomes = mempool.expire(beforeBlock: number)

        // Executable heads; transactions with used nonces are dropped.
        var dropped: [PendingTransaction] = []
        var heads: [Candidate] = []
        heads.reserveCapacity(mempool.senders.count)
        for sender in mempool.senders.indices {
            let nonce = accountNonce(mempool.senders[sender].address)
            var stale = 0
            while stale < mempool.senders[sender].nonces.count, mempool.senders[sender].nonces[stale] < nonce { stale += 1 }
            if stale > 0 {
                for slot in mempool.senders[sender].slots.prefix(stale) { dropped.append(mempool.slots[Int(slot)]) }
                mempool.removeFront(stale, ofSender: sender)
            }
            guard mempool.senders[sender].nonces.first == nonce else { continue }
            let slot = mempool.senders[sender].slots[0]
            if let candidate = Self.candidate(mempool.slots[Int(slot)], slot: slot, sender: sender, position: 0, baseFee: baseFee) {
                heads.append(candidate)
            }
        }

        // One auction over agent heads and background slices.
        var queue = BinaryHeap(heads)
        var taken = [Int32](repeating: 0, count: mempool.senders.count)
        var included: [IncludedTransaction] = []
        var remaining = gasLimit
        var agentGas: UInt64 = 0, backgroundGas: UInt64 = 0
        var backgroundTips = UInt256.zero, burned = UInt256.zero, tips = UInt256.zero
        var clearingPrice: UInt256?
        var slice = 0
        var sliceTaken: UInt64 = 0
        let bids = background.bids

        while remaining >= PendingTransaction.intrinsicGas {
            var sliceTip: UInt256?
            if slice < bids.count {
                sliceTip = backgroundTip(bids[slice], priorityFee: background.priorityFee, baseFee: baseFee)
                if sliceTip == nil { slice = bids.count }  // every later slice bids less
            }
            let head = queue.min
            if let tip = sliceTip, head.map({ tip >= $0.tip }) ?? true {
                let take = Swift.min(bids[slice].gas - sliceTaken, remaining)
                if take > 0 {
                    // A slice's tip is at most its bid, below 2⁶⁴ wei: the product fits in 128 bits.
                    // Its base-fee part is charged once for all background gas after the auction.
                    Self.add(UInt256(UInt128(take) &* UInt128(tip.w0)), to: &backgroundTips)
                    backgroundGas += take
                    remaining -= take
                    let price = baseFee &+ tip
                    clearingPrice = Swift.min(clearingPrice ?? price, price)
                }
                sliceTaken += take
                if sliceTaken == bids[slice].gas {
                    slice += 1
                    sliceTaken = 0
                }
                continue
            }
            guard let head else { break }
            queue.popMin()
            let transaction = mempool.slots[Int(head.slot)]
            guard transaction.gasLimit <= remaining else { continue }  // skip this sender for the block
            let gasUsed = execute(transaction)
            precondition(gasUsed >= PendingTransaction.intrinsicGas && gasUsed <= transaction.gasLimit,
                         "executed gas \(gasUsed) outside 21,000…\(transaction.gasLimit)")
            let payment = FeePayment(gasUsed: gasUsed, baseFee: baseFee, effectiveTip: head.tip)
            included.append(IncludedTransaction(transaction: transaction, payment: payment))
            outcomes.append(TransactionOutcome(transaction, block: number, fate: .included(payment)))
            agentGas += gasUsed
            remaining -= gasUsed
            Self.add(payment.burned, to: &burned)
            Self.add(payment.tip, to: &tips)
            clearingPrice = Swift.min(clearingPrice ?? payment.effectiveGasPrice, payment.effectiveGasPrice)
            taken[Int(head.sender)] += 1

            let next = Int(head.position) + 1
            let queueOfSender = mempool.senders[Int(head.sender)]
            if next < queueOfSender.nonces.count, queueOfSender.nonces[next] == transaction.nonce &+ 1 {
                let slot = queueOfSender.slots[next]
                if let candidate = Self.candidate(mempool.slots[Int(slot)], slot: slot, sender: Int(head.sender),
                                                  position: next, baseFee: baseFee) {
                    queue.insert(candidate)
                }
            }
        }

        for (sender, count) in taken.enumerated() where count > 0 {
            mempool.removeFront(Int(count), ofSender: sender)
        }
        mempool.removeEmptySenders()
        dropped.sort { $0.arrival != $1.arrival ? $0.arrival < $1.arrival : $0.hash.precedes($1.hash) }
        outcomes += dropped.map { TransactionOutcome($0, block: number, fate: .dropped) }

        // Background: burned = its gas · base fee (exact: gas < 2⁶⁴ and the base fee of any block
        // that included background is at most a slice bid, below 2⁶⁴).
        let backgroundBurned = UInt256(backgroundGas) &* baseFee
        let backgroundFees = backgroundBurned &+ backgroundTips
        Self.add(backgroundBurned, to: &burned)
        Self.add(backgroundTips, to: &tips)
        var feesPaid = backgroundFees
        for item in included { Self.add(item.payment.feePaid, to: &feesPaid) }
        let gasUsed = agentGas + backgroundGas
        self.baseFee = feeMarket.nextBaseFee(parentBaseFee: baseFee, parentGasUsed: gasUsed, parentGasLimit: gasLimit)
        let block = BuiltBlock(number: number, timestamp: nextTimestamp, gasLimit: gasLimit, baseFee: baseFee,
                               clearingPrice: clearingPrice, agentGasUsed: agentGas, backgroundGasDemanded: background.gasDemanded,
                               backgroundGasUsed: backgroundGas, included: included, backgroundFeesPaid: backgroundFees,
                               feesPaid: feesPaid, burned: burned, tips: tips, outcomes: outcomes, pendingCount: mempool.count)
        nextBlockNumber += 1
        nextTimestamp += blockTimeSeconds
        return block
    }

    /// The auction entry for `transaction`, or `nil` when its `maxFeePerGas` is below `baseFee`.
    private static func candidate(_ transaction: PendingTransaction, slot: Int32, sender: Int, position: Int,
                                  baseFee: UInt256) -> Candidate? {
        transaction.fee.effectiveTip(baseFee: baseFee).map {
            Candidate(tip: $0, arrival: transaction.arrival, hash: transaction.hash, slot: slot,
                      sender: Int32(sender), position: Int32(position))
        }
    }

    /// A background slice's effective tip per gas, or `nil` when it bids below the base fee.
    private func backgroundTip(_ bid: BackgroundBid, priorityFee: UInt256, baseFee: UInt256) -> UInt256? {
        switch feeMarket {
        case .firstPrice: bid.maxFeePerGas
        case .eip1559: TransactionFee.dynamic(maxPriorityFeePerGas: priorityFee, maxFeePerGas: bid.maxFeePerGas).effectiveTip(baseFee: baseFee)
        }
    }

    /// `total += amount` (wei). Block totals stay far below 2²⁵⁶ (all ether in existence is
    /// below 2⁸⁷ wei); an overflow means corrupt input and stops the run.
    private static func add(_ amount: UInt256, to total: inout UInt256) {
        let (sum, overflow) = total.addingReportingOverflow(amount)
        precondition(!overflow, "block fee total exceeds 2^256 wei")
        total = sum
    }
}
