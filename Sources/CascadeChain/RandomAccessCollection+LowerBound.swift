extension RandomAccessCollection {
    /// In this collection, partitioned so that every element for which `isBelow` is `true` comes
    /// first, the first index whose element is not below (`endIndex` when there is none).
    /// - Complexity: O(log n) calls of `isBelow`.
    @inlinable
    public func lowerBound(where isBelow: (Element) throws -> Bool) rethrows -> Index {
        var low = startIndex, high = endIndex
        while low < high {
            let middle = index(low, offsetBy: distance(from: low, to: high) / 2)
            if try isBelow(self[middle]) { low = index(after: middle) } else { high = middle }
        }
        return low
    }
}

extension RandomAccessCollection where Element: Comparable {
    /// In this ascending collection, the first index whose element is not less than `value`
    /// (`endIndex` when there is none): where `value` is, or would be inserted to keep the order.
    /// - Complexity: O(log n).
    @inlinable
    public func lowerBound(of value: Element) -> Index {
        lowerBound { $0 < value }
    }
}
