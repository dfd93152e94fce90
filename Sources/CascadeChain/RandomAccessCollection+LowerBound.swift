extension RandomAccessCollection where Element: Comparable {
    /// In this ascending collection, the first index whose element is not less than `value`
    /// (`endIndex` when there is none): where `value` is, or would be inserted to keep the order.
    /// - Complexity: O(log n).
    public func lowerBound(of value: Element) -> Index {
        var low = startIndex, high = endIndex
        while low < high {
            let middle = index(low, offsetBy: distance(from: low, to: high) / 2)
            if self[middle] < value { low = index(after: middle) } else { high = middle }
        }
        return low
    }
}
