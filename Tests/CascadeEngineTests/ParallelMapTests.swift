import CascadeEngine
import CascadeMath
import XCTest

/// Parallel paths: results in index order for any thread count; errors independent of it.
final class ParallelMapTests: XCTestCase {
    struct Failure: Error, Equatable { let index: Int }

    func testResultsAreInIndexOrderForAnyThreadCount() {
        let expected = (0..<50).map { $0 * $0 }
        for jobs in [1, 2, 3, 8] {
            var reported: [Int] = []
            let results = ParallelMap.map(count: 50, jobs: jobs, progress: { reported.append($0) }) { (index: Int) in index * index }
            XCTAssertEqual(results, expected, "jobs \(jobs)")
            XCTAssertEqual(reported.last, 50)
            XCTAssertEqual(reported, reported.sorted(), "progress never goes back")
        }
    }

    func testTheLowestFailingIndexIsReported() {
        for jobs in [1, 2, 4] {
            XCTAssertThrowsError(try ParallelMap.map(count: 20, jobs: jobs) { (index: Int) throws(Failure) -> Int in
                if index == 5 || index == 7 { throw Failure(index: index) }
                return index
            }) { error in
                XCTAssertEqual(error as? Failure, Failure(index: 5), "jobs \(jobs)")
            }
        }
    }

    func testPathSeedsAreTheDerivedStreamsFirstOutputs() {
        var stream = SplitMix64(seed: 42).derived(stream: 3)
        XCTAssertEqual(MonteCarlo.pathSeed(42, path: 3), stream.next())
        let seeds = (0..<1_000).map { MonteCarlo.pathSeed(20200312, path: $0) }
        XCTAssertEqual(Set(seeds).count, 1_000, "distinct seeds")
        XCTAssertNotEqual(MonteCarlo.pathSeed(1, path: 0), MonteCarlo.pathSeed(2, path: 0))
    }
}
