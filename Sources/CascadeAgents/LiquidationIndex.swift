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
/// Storage is a binary max-heap with lazy deletion: ``update(_:key:)`` pushes a new entry and
/// marks the old one stale; stale entries are skipped and the heap is rebuilt when they
/// outnumber the live ones. ``candidates(atOrAbove:)`` walks only the part of the heap whose keys
/// reach the threshold: O(k + k) for k results, independent of the positions far from
/// liquidation.
public struct LiquidationIndex: Sendable {
    struct Entry: Sendable {
        var key: Double
        var owner: Address
        var slot: Int32
        var version: UInt32
    }

    private var heap: [Entry] = []
    /// Each owner's slot in ``versions`` and ``keys``, assigned when first seen: the heap walk
    /// checks an entry by array index, without hashing its owner.
    private var slots: [Address: Int32] = [:]
    private var versions: [UInt32] = []
    private var keys: [Double?] = []
    /// Number of positions indexed.
    public private(set) var count = 0

    public init() {}

    /// The key of `owner`'s position, if indexed.
    public func key(of owner: Address) -> Double? { slots[owner].flatMap { keys[Int($0)] } }

    /// Sets `owner`'s key (`nil` removes the position, e.g. when it is closed or has no debt).
    public mutating func update(_ owner: Address, key: Double?) {
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
        let version = versions[index] &+ 1
        versions[index] = version
        count += (key == nil ? 0 : 1) - (keys[index] == nil ? 0 : 1)
        keys[index] = key
        if let key {
            heap.append(Entry(key: key, owner: owner, slot: slot, version: version))
            siftUp(heap.count - 1)
        }
        if heap.count > 64 && heap.count > 2 * count { rebuild() }
    }

    /// The owners whose key is at least `threshold`, highest key first, then by address bytes
    /// (a deterministic order).
    public func candidates(atOrAbove threshold: Double) -> [Address] {
        entries(atOrAbove: threshold).map(\.owner)
    }

    /// ``candidates(atOrAbove:)`` with each owner's key.
    public func entries(atOrAbove threshold: Double) -> [(owner: Address, key: Double)] {
        var found: [Entry] = []
        var stack: [Int] = heap.isEmpty ? [] : [0]
        while let index = stack.popLast() {
            let entry = heap[index]
            guard entry.key >= threshold else { continue }
            if isLive(entry) { found.append(entry) }
            let left = 2 * index + 1
            if left < heap.count { stack.append(left) }
            if left + 1 < heap.count { stack.append(left + 1) }
        }
        found.sort { $0.key != $1.key ? $0.key > $1.key : $0.owner < $1.owner }
        return found.map { ($0.owner, $0.key) }
    }

    /// Whether `entry` is its owner's current key (a removal bumps the version too).
    private func isLive(_ entry: Entry) -> Bool { versions[Int(entry.slot)] == entry.version }

    private mutating func rebuild() {
        heap = heap.filter(isLive)
        for index in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
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
