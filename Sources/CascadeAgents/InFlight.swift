import CascadeChain
import CascadeMath

/// An agent's own transactions still in the mempool, so it neither duplicates them nor loses
/// track of its nonce when one is dropped or expires.
public struct InFlight: Sendable {
    /// The pending transactions, oldest nonce first.
    public private(set) var transactions: [AgentTransaction] = []
    /// Contests of the pending transactions, for constant-time ``contains(_:)``.
    private var contests: [Contest: Int] = [:]

    public init() {}

    /// Forgets transactions no longer pending (included, replaced, expired or dropped) and puts
    /// `account`'s next nonce right after the chain's and the still-pending ones.
    public mutating func refresh(_ account: inout AgentAccount, view: AgentView) {
        // Names are read in place: most blocks leave every transaction pending, and a
        // transaction is ≈ 450 bytes.
        if let first = transactions.indices.first(where: { !view.mempool.isPending(transactions[$0].hash) }) {
            var kept = first
            for index in first..<transactions.count {
                if view.mempool.isPending(transactions[index].hash) {
                    transactions.swapAt(kept, index)
                    kept += 1
                } else if let contest = transactions[index].contest {
                    let left = contests[contest, default: 1] - 1
                    contests[contest] = left == 0 ? nil : left
                }
            }
            transactions.removeLast(transactions.count - kept)
        }
        account.resynchronize(chainNonce: view.state.nonce(of: account.address),
                              pendingNonces: view.mempool.pendingNonces(of: account.address))
    }

    /// Most transactions an agent keeps pending: geth's per-account queue (`AccountQueue`, 64).
    public static let limit = 64

    /// How many more transactions the agent may submit now: up to ``limit`` pending, none
    /// while the mempool is full.
    public func room(_ view: AgentView) -> Int {
        view.mempool.room > 0 ? max(0, Self.limit - transactions.count) : 0
    }

    /// Whether the agent may submit another transaction (``room(_:)`` is not zero).
    public func hasRoom(_ view: AgentView) -> Bool {
        room(view) > 0
    }

    /// Whether a pending transaction competes on `contest`.
    public func contains(_ contest: Contest) -> Bool {
        !contests.isEmpty && contests[contest] != nil
    }

    /// Records a submitted transaction (a replacement takes the place of the one it replaces).
    public mutating func add(_ transaction: AgentTransaction) {
        if let index = transactions.firstIndex(where: { $0.nonce == transaction.nonce }) {
            transactions[index] = transaction
        } else {
            transactions.append(transaction)
            if let contest = transaction.contest { contests[contest, default: 0] += 1 }
        }
    }

    /// Replacements for pending transactions that `strategy` re-bids now (escalating strategies
    /// only), recorded in place of the originals.
    public mutating func rebid(_ strategy: GasStrategy, account: inout AgentAccount, view: AgentView) -> [AgentTransaction] {
        guard case .escalate = strategy else { return [] }
        var replacements: [AgentTransaction] = []
        for index in transactions.indices {
            let pending = transactions[index]
            let price = pending.fee.maxPriorityFeePerGas
            let age = view.blockNumber + 1 - (view.mempool.submittedBlock(pending.hash) ?? view.blockNumber + 1)
            let rival = pending.contest.flatMap { view.mempool.bestRivalPrice(on: $0, excluding: account.address) }
            guard let raised = strategy.replacementPrice(current: price, pendingBlocks: age, rivalBest: rival) else { continue }
            let replacement = account.replace(pending, fee: GasStrategy.fee(price: raised, market: view.feeMarket, baseFee: view.baseFee))
            transactions[index] = replacement
            replacements.append(replacement)
        }
        return replacements
    }
}
