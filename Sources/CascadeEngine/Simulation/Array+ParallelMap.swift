import Foundation

extension Array where Element: Sendable {
    /// `map(transform)` spread over `threads` threads (element `i` to thread `i mod threads`),
    /// results in the order of the elements: the same array for any number of threads, provided
    /// `transform` depends on nothing but its argument. For short, uniform work done many times
    /// (a block's signatures): fixed striping on the system's thread pool, no thread creation.
    /// Long jobs with progress and errors (Monte Carlo paths) use ``ParallelMap``.
    func parallelMap<Result: Sendable>(threads: Int, _ transform: @Sendable (Element) -> Result) -> [Result] {
        let workers = Swift.min(threads, count)
        guard workers > 1 else { return map(transform) }
        return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let output = buffer.baseAddress!
            let input = self
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in stride(from: worker, to: input.count, by: workers) {
                    (output + index).initialize(to: transform(input[index]))
                }
            }
            initialized = input.count
        }
    }
}
