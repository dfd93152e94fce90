import CascadeChain
import CascadeMath

/// What an agent sees of the public mempool: which agent transactions are pending, their
/// nonces per sender, and the best pending bid on each contest. The block loop keeps it in step
/// with the mempool, adding and removing transactions as they come and go.
public struct MempoolView: Sendable {
    struct Bid: Sendable {
        let hash: Keccak256.Digest
        let sender: Address
        let price: UInt256
    }

    /// The block each pending transaction was submitted for, by hash: the pending set.
    private var submitted: [Keccak256.Digest: UInt64] = [:]
    private var nonces: [Address: [UInt64]] = [:]
    private var bids: [Contest: [Bid]] = [:]

    /// Free places in the mempool when the agents look (its capacity less what it holds,
    /// background traffic excluded): a node refuses transactions when it is full, so agents
    /// do not sign what it would refuse.
    public var room = Int.max

    public init() {}

    /// Records a pending transaction submitted in block `submittedBlock`, bidding `price` per gas.
    public mutating func add(_ transaction: AgentTransaction, submittedBlock: UInt64, price: UInt256) {
        submitted[transaction.hash] = submittedBlock
        nonces[transaction.sender, default: []].append(transaction.nonce)
        if let contest = transaction.contest {
            bids[contest, default: []].append(Bid(hash: transaction.hash, sender: transaction.sender, price: price))
        }
    }

    /// Forgets a transaction that left the mempool (included, replaced, expired, dropped, evicted).
    public mutating func remove(_ transaction: AgentTransaction) {
        guard submitted.removeValue(forKey: transaction.hash) != nil else { return }
        // In place: a list copied out of its dictionary would be copied again on removal.
        let sender = transaction.sender
        if let index = nonces[sender]?.firstIndex(of: transaction.nonce) {
            nonces[sender]!.remove(at: index)
            if nonces[sender]!.isEmpty { nonces[sender] = nil }
        }
        if let contest = transaction.contest, let index = bids[contest]?.firstIndex(where: { $0.hash == transaction.hash }) {
            bids[contest]!.remove(at: index)
            if bids[contest]!.isEmpty { bids[contest] = nil }
        }
    }

    /// Whether the transaction is still pending.
    public func isPending(_ hash: Keccak256.Digest) -> Bool { submitted[hash] != nil }

    /// The block a pending transaction was first submitted for.
    public func submittedBlock(_ hash: Keccak256.Digest) -> UInt64? { submitted[hash] }

    /// The nonces `sender` has pending.
    public func pendingNonces(of sender: Address) -> [UInt64] { nonces[sender] ?? [] }

    /// The highest price another sender has pending on `contest`.
    public func bestRivalPrice(on contest: Contest, excluding sender: Address) -> UInt256? {
        bids[contest]?.lazy.filter { $0.sender != sender }.map(\.price).max()
    }
}
