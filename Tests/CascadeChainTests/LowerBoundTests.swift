import CascadeChain
import CascadeMath
import XCTest

final class LowerBoundTests: XCTestCase {
    /// Against a linear search, on sorted arrays with runs of equal values and on slices (whose
    /// indices do not start at zero), for values below, between, equal to and above the elements.
    func testLowerBoundIsTheFirstIndexNotBelowTheValue() {
        var random = SplitMix64(seed: 5)
        for count in 0..<40 {
            let sorted = (0..<count).map { _ in Int(random.next() % 12) }.sorted()
            for value in -1...13 {
                XCTAssertEqual(sorted.lowerBound(of: value), sorted.firstIndex { $0 >= value } ?? sorted.endIndex, "\(sorted), \(value)")
                let slice = sorted.dropFirst(count / 3)
                XCTAssertEqual(slice.lowerBound(of: value), slice.firstIndex { $0 >= value } ?? slice.endIndex, "\(slice), \(value)")
            }
        }
    }
}
