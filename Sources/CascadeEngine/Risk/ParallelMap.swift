import Foundation
import Synchronization

/// Runs independent jobs on worker threads and returns their results in index order, so that
/// what a caller writes does not depend on the number of threads or on which finished first.
public enum ParallelMap {
    /// `body(0) … body(count − 1)` on `jobs` threads (at least one). Indexes are handed out in
    /// increasing order; `progress` is called on the calling thread with the number of finished
    /// jobs after each one finishes.
    ///
    /// When a job throws, no new index is handed out; the jobs already started finish, and the
    /// error of the lowest failing index is thrown. Every index below it was handed out earlier
    /// and has finished, so the error reported does not depend on `jobs` either.
    public static func map<Result: Sendable, Failure: Error>(
        count: Int, jobs: Int, progress: (Int) -> Void = { _ in },
        _ body: @escaping @Sendable (Int) throws(Failure) -> Result
    ) throws(Failure) -> [Result] {
        guard count > 0 else { return [] }
        let workers = max(1, min(jobs, count))
        let shared = Shared<Result, Failure>(count: count)
        let wake = DispatchSemaphore(value: 0)
        for _ in 0..<workers {
            let thread = Thread {
                while let index = shared.claim() {
                    do throws(Failure) {
                        shared.finish(index, with: .success(try body(index)))
                    } catch {
                        shared.finish(index, with: .failure(error))
                    }
                    wake.signal()
                }
                shared.exit()
                wake.signal()
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        while true {
            wake.wait()
            let (finished, exited) = shared.counts()
            progress(finished)
            if exited == workers { break }
        }
        return try shared.results()
    }

    /// The state the workers share, behind one lock.
    private final class Shared<Result: Sendable, Failure: Error>: Sendable {
        struct State {
            var next = 0
            var finished = 0
            var exited = 0
            var failed = false
            var results: [Swift.Result<Result, Failure>?]
        }

        let state: Mutex<State>

        init(count: Int) {
            state = Mutex(State(results: Array(repeating: nil, count: count)))
        }

        func claim() -> Int? {
            state.withLock { state in
                guard !state.failed, state.next < state.results.count else { return nil }
                defer { state.next += 1 }
                return state.next
            }
        }

        func finish(_ index: Int, with result: Swift.Result<Result, Failure>) {
            state.withLock { state in
                state.results[index] = result
                state.finished += 1
                if case .failure = result { state.failed = true }
            }
        }

        func exit() { state.withLock { $0.exited += 1 } }

        func counts() -> (finished: Int, exited: Int) { state.withLock { ($0.finished, $0.exited) } }

        func results() throws(Failure) -> [Result] {
            let results = state.withLock { $0.results }
            var values: [Result] = []
            values.reserveCapacity(results.count)
            for result in results {
                switch result {
                case .success(let value)?: values.append(value)
                case .failure(let error)?: throw error
                case nil: preconditionFailure("a job was skipped without an earlier failure")
                }
            }
            return values
        }
    }
}
