import CascadeChain

/// Positions of one market ordered by their liquidation price, so that a liquidator finds the
/// positions an oracle price makes liquidatable without scanning every position.
///
/// A position's key is the price (USD per unit of collateral, floating point — an index for
/// *finding* candidates; whether a candidate is liquidatable is always decided by the protocol's
/// exact arithmetic) at or below which it becomes liquidatable; e.g. for a Maker vault
/// `art · rate · mat / ink`, and for a single-collateral Aave position `debt / (collateral · LT)`.
/// Keys that scale uniformly over time (a rate accumulator) can be stored without that factor
/// and the query price divided by it.
///
/// **Storage.** The positions nearest liquidation — every key at or above a *floor* — are kept in
/// a sorted array, the *head*; the rest sit in a binary max-heap with lazy deletion
/// (``update(_:key:)`` pushes a new entry and marks the old one stale; stale entries are skipped
/// and the heap is rebuilt when they outnumber the live ones). A query at or above the floor is
/// a binary search and a copy of the head's prefix: O(log n + k) for k results, nothing sorted.
/// A query below the floor also walks the part of the heap whose keys reach it and sorts what
/// it finds. ``settle(atOrAbove:)`` — called by whoever owns the index before it queries at a
/// new level — lowers the floor to that level by popping the heap, so a crash that drags the
/// threshold down block after block moves each position into the head once; when the head
/// holds far more positions below the level than at or above it, the surplus goes back to the
/// heap. Updating a position in the head costs two binary searches and a shift of the entries
/// between its old and new places.
public struct LiquidationIndex: Sendable {
    struct Entry: Sendable {
        var key: Double
        var owner: Address
        var slot: Int32
        var version: UInt32

        /// The result order: highest key first, then by address bytes.
        func precedes(_ other: Entry) -> Bool { key != other.key ? key > other.key : owner < other.owner }
    }

    /// Every live entry whose key is at least ``floor``, in result order.
    private var head: [Entry] = []
    /// The other entries, and stale ones: a max-heap by key. Every live key here is below ``floor``.
    private var heap: [Entry] = []
    private var floor = Double.infinity
    /// Each owner's slot in ``versions`` and ``keys``, assigned when first seen: the heap walk
    /// checks an entry by array index, without hashing its owner.
    private var slots: [Address: Int32] = [:]
    private var versions: [UInt32] = []
    private var keys: [Double?] = []
    /// Number of positions indexed.
    public private(set) var count = 0

    /// A head that holds more than this many positions below the settled level, and more than
    /// twice as many as at or above it, gives the surplus back to the heap.
    static let headSurplus = 1_024

    public init() {}

    /// The key of `owner`'s position, if indexed.
    public func key(of owner: Address) -> Double? { slots[owner].flatMap { keys[Int($0)] } }

    /// Sets `owner`'s key (`nil` removes the position, e.g. when it is closed or has no debt; a
    /// NaN key, which no threshold reaches, is treated as `nil`).
    public mutating func update(_ owner: Address, key newKey: Double?) {
        let key = newKey.flatMap { $0.isNaN ? nil : $0 }
        let slot: Int32
        if let known = slots[owner] {
            slot = known
        } else {
            slot = Int32(versions.count)
            slots[owner] = slot
            versions.append(0)
            keys.append(nil)
        }
        let index = Int(slot)
        var headed: Int?   // the old entry's head position
        if let old = keys[index], old >= floor {
            let position = headPosition(of: Entry(key: old, owner: owner, slot: slot, version: 0))
            precondition(head[position].owner == owner, "LiquidationIndex: head out of order")
            headed = position
        }
        let version = versions[index] &+ 1
        versions[index] = version
        count += (key == nil ? 0 : 1) - (keys[index] == nil ? 0 : 1)
        keys[index] = key
        let entry = key.map { Entry(key: $0, owner: owner, slot: slot, version: version) }
        if let entry, entry.key >= floor {
            if let headed { moveHeadEntry(from: headed, to: entry) } else { head.insert(entry, at: headPosition(of: entry)) }
        } else {
            if let headed { head.remove(at: headed) }
            if let entry {
                heap.append(entry)
                siftUp(heap.count - 1)
            }
        }
        if heap.count > 64 && heap.count > 2 * (count - head.count) { rebuild() }
    }

    /// The owners whose key is at least `threshold`, highest key first, then by address bytes
    /// (a deterministic order).
    public func candidates(atOrAbove threshold: Double) -> [Address] {
        var found: [Address] = []
        found.reserveCapacity(headCount(atOrAbove: threshold))
        forEachEntry(atOrAbove: threshold) { owner, _ in found.append(owner) }
        return found
    }

    /// ``candidates(atOrAbove:)`` with each owner's key.
    public func entries(atOrAbove threshold: Double) -> [(owner: Address, key: Double)] {
        var found: [(owner: Address, key: Double)] = []
        forEachEntry(atOrAbove: threshold) { found.append((owner: $0, key: $1)) }
        return found
    }

    /// Calls `body` with each owner whose key is at least `threshold` and its key, in the order
    /// of ``candidates(atOrAbove:)``, without building an array of them.
    public func forEachEntry(atOrAbove threshold: Double, _ body: (_ owner: Address, _ key: Double) -> Void) {
        for entry in head[..<headCount(atOrAbove: threshold)] { body(entry.owner, entry.key) }
        guard threshold < floor else { return }
        var below: [Entry] = []
        var stack: [Int] = heap.isEmpty ? [] : [0]
        while let index = stack.popLast() {
            let entry = heap[index]
            guard entry.key >= threshold else { continue }
            if isLive(entry) { below.append(entry) }
            let left = 2 * index + 1
            if left < heap.count { stack.append(left) }
            if left + 1 < heap.count { stack.append(left + 1) }
        }
        below.sort { $0.precedes($1) }
        for entry in below { body(entry.owner, entry.key) }
    }

    /// The number of positions keyed at or above `level` and the lowest of their keys, when the
    /// head holds them all (the index is settled at or below `level`); `nil` otherwise.
    /// - Complexity: O(log n).
    public func settledEntries(atOrAbove level: Double) -> (count: Int, lowestKey: Double?)? {
        guard level >= floor else { return nil }
        let count = headCount(atOrAbove: level)
        return (count, count > 0 ? head[count - 1].key : nil)
    }

    /// Whether no two different keys at or above `level` have the same `depth` (a non-decreasing
    /// function of the key), so that ordering these entries by `depth` and then by owner keeps
    /// the index's order; `false` when the head does not hold them all.
    /// - Complexity: O(k) for the k entries.
    public func keepsOrder(atOrAbove level: Double, depth: (Double) -> Double) -> Bool {
        guard level >= floor else { return false }
        let count = headCount(atOrAbove: level)
        guard count > 1 else { return true }
        var previousKey = head[0].key, previousDepth = depth(previousKey)
        for entry in head[1..<count] {
            let entryDepth = depth(entry.key)
            if entry.key != previousKey && entryDepth == previousDepth { return false }
            previousKey = entry.key
            previousDepth = entryDepth
        }
        return true
    }

    /// Whether every two different keys at or above `level` (> 0) are more than a factor
    /// `1 + 2⁻⁴⁹` apart; `false` when the head does not hold them all. Dividing such keys by a
    /// common divisor with correctly rounded quotients that are normal numbers cannot make two
    /// different keys equal — each quotient is within 2⁻⁵³ of its exact value — so then
    /// ``keepsOrder(atOrAbove:depth:)`` holds for `depth` = division by any `limit` ≤ `level`
    /// under which the largest key stays finite (``largestKey``), whatever `limit` is.
    /// - Complexity: O(k) for the k entries.
    public func keysWellSeparated(atOrAbove level: Double) -> Bool {
        guard level > 0, level >= floor else { return false }
        let count = headCount(atOrAbove: level)
        guard count > 1 else { return true }
        for position in 1..<count {
            let higher = head[position - 1].key, lower = head[position].key
            if higher != lower && !(higher > lower * (1 + 0x1p-49)) { return false }
        }
        return true
    }

    /// The largest key, when the head holds any position (the index settled at or below it).
    public var largestKey: Double? { head.first?.key }

    /// The number of positions ``forEachEntry(atOrAbove:_:)`` visits from the head (all of them
    /// when the index is settled at or below `threshold`).
    public func headCount(atOrAbove threshold: Double) -> Int {
        var low = 0, high = head.count
        while low < high {
            let middle = (low + high) / 2
            if head[middle].key >= threshold { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Prepares for queries at `level`: moves every position whose key reaches it into the head,
    /// so that ``entries(atOrAbove:)`` at `level` or above sorts nothing, and gives a large
    /// surplus of head positions below `level` back to the heap. Results are unchanged.
    public mutating func settle(atOrAbove level: Double) {
        guard !level.isNaN else { return }
        if level < floor {
            var moved: [Entry] = []
            while let top = heap.first, top.key >= level {
                popMax()
                if isLive(top) { moved.append(top) }
            }
            moved.sort { $0.precedes($1) }   // popped by key: only ties move
            head.append(contentsOf: moved)
            floor = level
        }
        let above = headCount(atOrAbove: level)
        let surplus = head.count - above
        if surplus > Self.headSurplus && surplus > 2 * above {
            for entry in head[above...] {
                heap.append(entry)
                siftUp(heap.count - 1)
            }
            head.removeSubrange(above...)
            floor = level
        }
    }

    /// The first head position whose entry does not precede `entry` (where it is, or belongs).
    private func headPosition(of entry: Entry) -> Int {
        var low = 0, high = head.count
        while low < high {
            let middle = (low + high) / 2
            if head[middle].precedes(entry) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Replaces the head entry at `position` with `entry` (its owner's new one), shifting only
    /// the entries between where the old one was and where the new one belongs.
    private mutating func moveHeadEntry(from position: Int, to entry: Entry) {
        let target = headPosition(of: entry)   // among the head with the old entry still in it
        head.withUnsafeMutableBufferPointer { head in
            let base = head.baseAddress!
            if target <= position {
                (base + target + 1).update(from: base + target, count: position - target)
                base[target] = entry
            } else {
                (base + position).update(from: base + position + 1, count: target - 1 - position)
                base[target - 1] = entry
            }
        }
    }

    /// Whether `entry` is its owner's current key (a removal bumps the version too).
    private func isLive(_ entry: Entry) -> Bool { versions[Int(entry.slot)] == entry.version }

    private mutating func rebuild() {
        heap = heap.filter(isLive)
        for index in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
    }

    private mutating func popMax() {
        heap.swapAt(0, heap.count - 1)
        heap.removeLast()
        siftDown(0)
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].key > heap[parent].key else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { return }
            var largest = left
            if left + 1 < heap.count, heap[left + 1].key > heap[left].key { largest = left + 1 }
            guard heap[largest].key > heap[parent].key else { return }
            heap.swapAt(largest, parent)
            parent = largest
        }
    }
}
