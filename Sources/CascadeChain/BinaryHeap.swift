/// A binary min-heap over `Comparable` elements, stored in one array.
///
/// Not stable by itself: callers that need a deterministic order among equal priorities put a
/// tiebreak (an arrival stamp, a sequence number) in the element's `<`, so that `<` is a total
/// order and the pop order depends only on the set of elements, never on insertion order.
public struct BinaryHeap<Element: Comparable> {
    /// The elements, in heap order.
    @usableFromInline var storage: [Element]

    /// An empty heap.
    @inlinable public init() {
        storage = []
    }

    /// A heap of `elements`, built bottom-up (Floyd).
    /// - Complexity: O(n).
    @inlinable public init(_ elements: [Element]) {
        storage = elements
        var index = storage.count / 2
        while index > 0 {
            index -= 1
            siftDown(from: index)
        }
    }

    /// The number of elements.
    @inlinable public var count: Int { storage.count }

    /// The smallest element, or `nil` when empty.
    /// - Complexity: O(1).
    @inlinable public var min: Element? { storage.first }

    /// Adds `element`.
    /// - Complexity: O(log n).
    @inlinable public mutating func insert(_ element: Element) {
        storage.append(element)
        siftUp(from: storage.count - 1)
    }

    /// Removes and returns the smallest element, or `nil` when empty.
    /// - Complexity: O(log n).
    @discardableResult
    @inlinable public mutating func popMin() -> Element? {
        guard let last = storage.popLast() else { return nil }
        guard !storage.isEmpty else { return last }
        let top = storage[0]
        storage[0] = last
        siftDown(from: 0)
        return top
    }

    /// Keeps only the elements satisfying `isIncluded`, then rebuilds the heap.
    /// - Complexity: O(n).
    @inlinable public mutating func filter(_ isIncluded: (Element) -> Bool) {
        self = BinaryHeap(storage.filter(isIncluded))
    }

    @inlinable mutating func siftUp(from start: Int) {
        var child = start
        let element = storage[child]
        while child > 0 {
            let parent = (child - 1) / 2
            guard element < storage[parent] else { break }
            storage[child] = storage[parent]
            child = parent
        }
        storage[child] = element
    }

    @inlinable mutating func siftDown(from start: Int) {
        let count = storage.count
        var parent = start
        let element = storage[parent]
        while true {
            var child = 2 * parent + 1
            guard child < count else { break }
            if child + 1 < count, storage[child + 1] < storage[child] { child += 1 }
            guard storage[child] < element else { break }
            storage[parent] = storage[child]
            parent = child
        }
        storage[parent] = element
    }
}

extension BinaryHeap: Sendable where Element: Sendable {}
