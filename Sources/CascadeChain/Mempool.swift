import CascadeMath

/// Pending transactions, per sender in nonce order, with geth's replacement, expiry and eviction
/// rules.
///
/// **Executability.** Only a sender's next nonce — the account nonce the caller supplies from
/// state when a block is built — is executable; the rest of that sender's transactions wait
/// behind it. A stuck low-fee transaction therefore blocks every later one of its sender, as it
/// did for the keepers of March 2020.
///
/// **Replacement** (geth `legacypool` `list.Add`). A transaction with the sender and nonce of a
/// pending one replaces it only if both fee fields rise strictly and by the bump `p`
/// (``MempoolPolicy/priceBumpPercent``):
/// `newMaxFee ≥ ⌊oldMaxFee·(100 + p)/100⌋` and `newMaxPriority ≥ ⌊oldMaxPriority·(100 + p)/100⌋`,
/// each also `> old` (the strict check keeps the rule meaningful at a few wei, where the rounded
/// threshold equals the old value). A legacy gas price counts as both fields.
///
/// **Expiry.** Before block `n` is built, transactions with `n − submittedBlock ≥ lifetimeBlocks`
/// are removed (fate `.expired`).
///
/// **Eviction.** When an admission would exceed ``MempoolPolicy/maxSize``, the cheapest pending
/// transaction is evicted. "Cheapest" is the order (lowest `maxFeePerGas`, then lowest
/// `maxPriorityFeePerGas`, then latest arrival, then highest hash): a static order that does not
/// depend on the base fee, so a newcomer must outbid the cheapest resident to enter a full pool.
/// If the newcomer itself would be cheapest it is refused (``MempoolRejection/poolFull``).
///
/// **Arrival order.** Each admitted transaction gets an arrival stamp: the next sequence number,
/// or one the caller gives (e.g. ordered by agent latency within a block). Equal tips are
/// ordered by arrival, equal arrivals by hash: never by hash-map iteration order. The result of
/// any sequence of operations depends only on the transactions, their stamps and the blocks, not
/// on the order in which transactions of different senders were inserted.
///
/// - Complexity: admission and replacement are O(log n + k) for n pending transactions and k
///   pending transactions of the same sender (a sorted array per sender; k is small: geth keeps at
///   most 16 executable and 64 queued per account). Expiry and eviction pop O(log n) heaps whose
///   stale entries are skipped lazily and compacted when they outnumber the live ones.
public struct Mempool: Sendable {
    /// The rules in force.
    public let policy: MempoolPolicy

    /// A sender's pending transactions: slot indices sorted by nonce.
    struct SenderQueue: Sendable {
        let address: Address
        var nonces: [UInt64] = []
        var slots: [Int32] = []
    }

    /// Eviction order: the minimum is evicted first.
    struct EvictionKey: Comparable, Sendable {
        let maxFee: UInt256
        let maxPriority: UInt256
        let arrival: UInt64
        let hash: Keccak256.Digest
        let slot: Int32
        let generation: UInt32

        static func < (a: EvictionKey, b: EvictionKey) -> Bool {
            if a.maxFee != b.maxFee { return a.maxFee < b.maxFee }
            if a.maxPriority != b.maxPriority { return a.maxPriority < b.maxPriority }
            if a.arrival != b.arrival { return a.arrival > b.arrival }
            return b.hash.precedes(a.hash)
        }
    }

    /// Expiry order: the minimum expires first.
    struct ExpiryKey: Comparable, Sendable {
        let submittedBlock: UInt64
        let arrival: UInt64
        let hash: Keccak256.Digest
        let slot: Int32
        let generation: UInt32

        static func < (a: ExpiryKey, b: ExpiryKey) -> Bool {
            if a.submittedBlock != b.submittedBlock { return a.submittedBlock < b.submittedBlock }
            if a.arrival != b.arrival { return a.arrival < b.arrival }
            return a.hash.precedes(b.hash)
        }
    }

    /// Transaction storage; a slot is live while `live[slot]` and reused after removal.
    private(set) var slots: [PendingTransaction] = []
    private var live: [Bool] = []
    /// Bumped when a slot is freed, so heap entries for its previous occupant become stale.
    private var generations: [UInt32] = []
    private var freeSlots: [Int32] = []

    private(set) var senders: [SenderQueue] = []
    private var senderIndex: [Address: Int32] = [:]
    private var hashIndex: [Keccak256.Digest: Int32] = [:]
    private var eviction = BinaryHeap<EvictionKey>()
    private var expiry = BinaryHeap<ExpiryKey>()
    private var nextArrival: UInt64 = 0

    /// An empty mempool with `policy`.
    public init(policy: MempoolPolicy) {
        self.policy = policy
    }

    /// The number of pending transactions.
    public var count: Int { hashIndex.count }

    /// `true` when nothing is pending.
    public var isEmpty: Bool { hashIndex.isEmpty }

    /// The pending transaction with `hash`, if any.
    /// - Complexity: O(1).
    public func transaction(_ hash: Keccak256.Digest) -> PendingTransaction? {
        hashIndex[hash].map { slots[Int($0)] }
    }

    /// Every pending transaction, by arrival stamp (then hash).
    /// - Complexity: O(n log n).
    public var pending: [PendingTransaction] {
        var all: [PendingTransaction] = []
        all.reserveCapacity(count)
        for index in slots.indices where live[index] { all.append(slots[index]) }
        return all.sorted { $0.arrival != $1.arrival ? $0.arrival < $1.arrival : $0.hash.precedes($1.hash) }
    }

    /// Admits `transaction` while block `block` is being built (its ``PendingTransaction/submittedBlock``),
    /// stamping it with `arrival` or, when `nil`, the next arrival number (one above the largest
    /// stamp seen so far).
    ///
    /// Throws ``MempoolRejection`` and changes nothing when the transaction is already known,
    /// exceeds the gas cap, could overflow its cost, underprices a replacement or would be the
    /// cheapest in a full pool.
    /// - Complexity: O(log n + k), see the type's documentation.
    @discardableResult
    public mutating func insert(_ transaction: PendingTransaction, block: UInt64, arrival: UInt64? = nil) throws(MempoolRejection) -> MempoolAdmission {
        guard hashIndex[transaction.hash] == nil else { throw .alreadyKnown(transaction.hash) }
        guard transaction.gasLimit <= policy.txGasCap else {
            throw .exceedsGasCap(gasLimit: transaction.gasLimit, cap: policy.txGasCap)
        }
        guard !transaction.fee.maxFeePerGas.multipliedReportingOverflow(by: UInt256(transaction.gasLimit)).overflow else {
            throw .costOverflow
        }
        var stamped = transaction
        stamped.arrival = arrival ?? nextArrival
        stamped.submittedBlock = block

        let sender = senderIndex[transaction.sender].map(Int.init)
        let position = sender.map { senders[$0].nonces.lowerBound(of: transaction.nonce) }
        if let sender, let position, position < senders[sender].nonces.count, senders[sender].nonces[position] == transaction.nonce {
            let oldSlot = senders[sender].slots[position]
            let old = slots[Int(oldSlot)]
            try checkReplacement(old: old, new: stamped)
            release(oldSlot)
            let slot = store(stamped)
            senders[sender].slots[position] = slot
            noteArrival(stamped.arrival)
            compactHeapsIfNeeded()
            return MempoolAdmission(transaction: stamped, displaced: [TransactionOutcome(old, block: block, fate: .replaced(by: stamped.hash))])
        }

        var displaced: [TransactionOutcome] = []
        if count >= policy.maxSize {
            dropStaleEvictionEntries()
            let newcomer = EvictionKey(maxFee: stamped.fee.maxFeePerGas, maxPriority: stamped.fee.maxPriorityFeePerGas,
                                       arrival: stamped.arrival, hash: stamped.hash, slot: -1, generation: 0)
            if let cheapest = eviction.min, newcomer < cheapest { throw .poolFull }
            while count >= policy.maxSize, let victim = popCheapest() {
                displaced.append(TransactionOutcome(victim, block: block, fate: .evicted))
            }
        }
        let slot = store(stamped)
        let senderSlot: Int
        if let existing = senderIndex[transaction.sender] {
            senderSlot = Int(existing)
        } else {
            senderSlot = senders.count
            senders.append(SenderQueue(address: transaction.sender))
            senderIndex[transaction.sender] = Int32(senderSlot)
        }
        let at = senders[senderSlot].nonces.lowerBound(of: transaction.nonce)
        senders[senderSlot].nonces.insert(transaction.nonce, at: at)
        senders[senderSlot].slots.insert(slot, at: at)
        noteArrival(stamped.arrival)
        compactHeapsIfNeeded()
        return MempoolAdmission(transaction: stamped, displaced: displaced)
    }

    // MARK: - Replacement

    /// Throws unless `new` may replace `old` under geth's rule (see the type's documentation).
    private func checkReplacement(old: PendingTransaction, new: PendingTransaction) throws(MempoolRejection) {
        let factor = UInt256(100 + policy.priceBumpPercent)
        // ⌊old · (100 + p) / 100⌋ at 512-bit width; a threshold beyond 2²⁵⁶ − 1 cannot be met.
        let oldFee = old.fee.maxFeePerGas, oldTip = old.fee.maxPriorityFeePerGas
        let feeThreshold = (try? FullMath.mulDiv(oldFee, factor, 100)) ?? .max
        let tipThreshold = (try? FullMath.mulDiv(oldTip, factor, 100)) ?? .max
        let newFee = new.fee.maxFeePerGas, newTip = new.fee.maxPriorityFeePerGas
        guard newFee > oldFee, newTip > oldTip, newFee >= feeThreshold, newTip >= tipThreshold else {
            let minimumFee = Swift.max(feeThreshold, oldFee == .max ? .max : oldFee &+ 1)
            let minimumTip = Swift.max(tipThreshold, oldTip == .max ? .max : oldTip &+ 1)
            throw .replacementUnderpriced(existing: old.hash, minimumMaxFeePerGas: minimumFee, minimumMaxPriorityFeePerGas: minimumTip)
        }
    }

    // MARK: - Block-building hooks (used by BlockBuilder)

    /// Removes and reports every transaction whose lifetime ends before block `block`
    /// (`block − submittedBlock ≥ lifetimeBlocks`), in (submitted block, arrival, hash) order.
    mutating func expire(beforeBlock block: UInt64) -> [TransactionOutcome] {
        var outcomes: [TransactionOutcome] = []
        while let top = expiry.min {
            guard isCurrent(slot: top.slot, generation: top.generation) else {
                expiry.popMin()
                continue
            }
            guard block >= top.submittedBlock, block - top.submittedBlock >= policy.lifetimeBlocks else { break }
            expiry.popMin()
            let transaction = slots[Int(top.slot)]
            remove(slot: top.slot, sender: transaction.sender, nonce: transaction.nonce)
            outcomes.append(TransactionOutcome(transaction, block: block, fate: .expired))
        }
        compactHeapsIfNeeded()
        return outcomes
    }

    /// Removes the first `count` transactions (lowest nonces) of the sender at `senderSlot`.
    /// Empty sender queues stay in place until ``removeEmptySenders()``.
    mutating func removeFront(_ count: Int, ofSender senderSlot: Int) {
        guard count > 0 else { return }
        for slot in senders[senderSlot].slots.prefix(count) {
            release(slot)
        }
        senders[senderSlot].nonces.removeFirst(count)
        senders[senderSlot].slots.removeFirst(count)
    }

    /// Forgets senders with nothing pending (their order in `senders` never decides anything).
    mutating func removeEmptySenders() {
        // From the end, so a sender swapped into a freed place has already been checked.
        var index = senders.count
        while index > 0 {
            index -= 1
            if senders[index].slots.isEmpty { removeEmptySender(at: index) }
        }
        compactHeapsIfNeeded()
    }

    // MARK: - Storage

    private mutating func noteArrival(_ arrival: UInt64) {
        if arrival >= nextArrival { nextArrival = arrival &+ 1 }
    }

    /// Puts `transaction` in a free slot, indexes it and pushes its heap entries.
    private mutating func store(_ transaction: PendingTransaction) -> Int32 {
        let slot: Int32
        if let free = freeSlots.popLast() {
            slot = free
            slots[Int(slot)] = transaction
            live[Int(slot)] = true
        } else {
            slot = Int32(slots.count)
            slots.append(transaction)
            live.append(true)
            generations.append(0)
        }
        let generation = generations[Int(slot)]
        hashIndex[transaction.hash] = slot
        eviction.insert(EvictionKey(maxFee: transaction.fee.maxFeePerGas, maxPriority: transaction.fee.maxPriorityFeePerGas,
                                    arrival: transaction.arrival, hash: transaction.hash, slot: slot, generation: generation))
        expiry.insert(ExpiryKey(submittedBlock: transaction.submittedBlock, arrival: transaction.arrival,
                                hash: transaction.hash, slot: slot, generation: generation))
        return slot
    }

    /// Frees `slot` (its heap entries become stale); the sender queue is the caller's business.
    private mutating func release(_ slot: Int32) {
        let index = Int(slot)
        hashIndex[slots[index].hash] = nil
        live[index] = false
        generations[index] &+= 1
        freeSlots.append(slot)
    }

    /// Frees `slot` and takes it out of its sender's queue.
    private mutating func remove(slot: Int32, sender: Address, nonce: UInt64) {
        release(slot)
        guard let senderSlot = senderIndex[sender].map(Int.init) else { return }
        let at = senders[senderSlot].nonces.lowerBound(of: nonce)
        senders[senderSlot].nonces.remove(at: at)
        senders[senderSlot].slots.remove(at: at)
        if senders[senderSlot].slots.isEmpty { removeEmptySender(at: senderSlot) }
    }

    /// Forgets the empty sender queue at `index`, moving the last queue into its place.
    private mutating func removeEmptySender(at index: Int) {
        senderIndex[senders[index].address] = nil
        let last = senders.count - 1
        if index != last {
            senders.swapAt(index, last)
            senderIndex[senders[index].address] = Int32(index)
        }
        senders.removeLast()
    }

    private func isCurrent(slot: Int32, generation: UInt32) -> Bool {
        live[Int(slot)] && generations[Int(slot)] == generation
    }

    private mutating func dropStaleEvictionEntries() {
        while let top = eviction.min, !isCurrent(slot: top.slot, generation: top.generation) {
            eviction.popMin()
        }
    }

    /// Removes and returns the cheapest pending transaction.
    private mutating func popCheapest() -> PendingTransaction? {
        dropStaleEvictionEntries()
        guard let top = eviction.popMin() else { return nil }
        let transaction = slots[Int(top.slot)]
        remove(slot: top.slot, sender: transaction.sender, nonce: transaction.nonce)
        return transaction
    }

    /// Rebuilds a heap once its stale entries outnumber the live ones (amortised O(1) per operation).
    private mutating func compactHeapsIfNeeded() {
        let limit = 2 * count + 64
        if eviction.count > limit {
            let live = self.live, generations = self.generations
            eviction.filter { live[Int($0.slot)] && generations[Int($0.slot)] == $0.generation }
        }
        if expiry.count > limit {
            let live = self.live, generations = self.generations
            expiry.filter { live[Int($0.slot)] && generations[Int($0.slot)] == $0.generation }
        }
    }
}
