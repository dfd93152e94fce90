import CascadeAgents
import Foundation

/// Signs and verifies each block's agent transactions while the block loop goes on with the block.
///
/// Signatures never change outcomes: the mempool, the builder and execution use the sender and
/// the call the agent built, which are known before signing. So the block loop hands each
/// block's transactions over (``start(_:)``) and goes on simulating; it collects the signed
/// transactions (``finish()``) when it needs them — at the end of the block when it writes a
/// trace, otherwise every few blocks, only to know that every signature verified. Meanwhile the
/// pipeline's worker threads sign, decode the raw bytes again and recover each sender
/// (``CascadeAgents/AgentTransaction/signedAndVerified()``); in ``finish()`` the calling thread
/// takes whatever work is left, then waits for the rest. On two cores the secp256k1 work thus
/// overlaps the engine work.
///
/// Results are in the order handed over and each depends only on its transaction, so they are the
/// same for any number of threads. The workers live as long as the pipeline and sleep when idle.
final class SigningPipeline: Sendable {
    private let shared: Shared

    /// A pipeline with `threads` threads in all: the caller's and `threads - 1` workers.
    init(threads: Int) {
        shared = Shared()
        for _ in 1..<max(threads, 1) {
            let shared = self.shared
            let worker = Thread { shared.work() }
            worker.name = "cascade.signing"
            worker.start()
        }
    }

    deinit {
        shared.stop()
    }

    /// Hands `batch` to the workers, after whatever they have not been collected yet.
    func start(_ batch: [AgentTransaction]) {
        shared.start(batch)
    }

    /// Every transaction handed over since the last call, signed and verified, in the order
    /// handed over; the calling thread helps.
    func finish() -> [AgentTransaction] {
        shared.finish()
    }

    /// The state the workers share, guarded by ``condition``.
    private final class Shared: @unchecked Sendable {
        private let condition = NSCondition()
        private var batch: [AgentTransaction] = []
        private var results: [AgentTransaction?] = []
        private var next = 0
        private var done = 0
        private var stopped = false

        func start(_ batch: [AgentTransaction]) {
            guard !batch.isEmpty else { return }
            condition.lock()
            self.batch += batch
            results += repeatElement(nil, count: batch.count)
            condition.broadcast()
            condition.unlock()
        }

        func finish() -> [AgentTransaction] {
            condition.lock()
            while next < batch.count { signClaimed() }
            while done < batch.count { condition.wait() }
            let signed = results.map { $0! }
            batch.removeAll(keepingCapacity: true)
            results.removeAll(keepingCapacity: true)
            next = 0
            done = 0
            condition.unlock()
            return signed
        }

        func stop() {
            condition.lock()
            stopped = true
            condition.broadcast()
            condition.unlock()
        }

        /// A worker's loop: sign while there is work, sleep otherwise, return when stopped.
        func work() {
            condition.lock()
            while true {
                while !stopped && next >= batch.count { condition.wait() }
                if stopped { break }
                signClaimed()
            }
            condition.unlock()
        }

        /// Claims the next transaction and signs it outside the lock. Called and returns locked.
        private func signClaimed() {
            let index = next
            let transaction = batch[index]
            next += 1
            condition.unlock()
            let signed = transaction.signedAndVerified()
            condition.lock()
            results[index] = signed
            done += 1
            if done == batch.count { condition.broadcast() }
        }
    }
}
