import CascadeChain
import CascadeMath
import CascadeProtocols

/// An agent's Ethereum account: its key and the nonce of its next transaction.
///
/// The nonce is tracked locally, as a wallet does: each new transaction takes the next one, a
/// replacement reuses the nonce it replaces, and ``resynchronize(chainNonce:pendingNonces:)``
/// closes the gap a dropped or expired transaction leaves. Every transaction built is numbered
/// (``built``), which names it (``AgentTransaction/hash``).
public struct AgentAccount: Sendable {
    /// The signing key and its address.
    public let signer: Signer
    /// EIP-155 chain id of every transaction.
    public let chainID: UInt64
    /// Whether its transactions are signed (by the block loop, ``AgentTransaction``); a run that
    /// keeps only metrics may skip signing, which never changes outcomes.
    public let signs: Bool
    /// The nonce the next new transaction takes.
    public private(set) var nextNonce: UInt64 = 0
    /// Nonces above ``nextNonce`` still held by pending transactions: new transactions skip them.
    private var reserved: [UInt64] = []
    /// How many transactions the account has built (new ones and replacements): the sequence
    /// number of the next one.
    public private(set) var built: UInt64 = 0
    /// The arguments of the last ``resynchronize(chainNonce:pendingNonces:)`` and ``built`` then.
    private var lastSynchronized: (chainNonce: UInt64, pendingNonces: [UInt64], built: UInt64)?

    /// The account of `signer`'s key, sending on `chainID`.
    public init(signer: Signer, chainID: UInt64, signs: Bool = true) {
        self.signer = signer
        self.chainID = chainID
        self.signs = signs
    }

    /// The account of the key derived from `seed`, the agent's role and its index
    /// (``CascadeChain/PrivateKey/derive(seed:label:index:)``).
    public init(seed: UInt64, role: String, index: UInt64, chainID: UInt64, signs: Bool = true) {
        self.init(signer: Signer(key: PrivateKey.derive(seed: seed, label: role, index: index)), chainID: chainID, signs: signs)
    }

    /// The account's address.
    public var address: Address { signer.address }

    /// The transaction of `call` to `to` with a new nonce.
    public mutating func send(_ call: ContractCall, to: Address, fee: TransactionFee, gas: GasEstimate,
                              contest: Contest? = nil) -> AgentTransaction {
        while let first = reserved.first, first <= nextNonce {
            if first == nextNonce { nextNonce += 1 }
            reserved.removeFirst()
        }
        defer { nextNonce += 1 }
        return transaction(call, to: to, fee: fee, gas: gas, nonce: nextNonce, contest: contest)
    }

    /// The same call as `pending` at the same nonce with `fee`: a replacement, which the mempool
    /// accepts only with a large enough fee bump.
    public mutating func replace(_ pending: AgentTransaction, fee: TransactionFee) -> AgentTransaction {
        transaction(pending.call, to: pending.to, fee: fee, gas: pending.gas, nonce: pending.nonce, contest: pending.contest)
    }

    /// Sets the next nonce after the chain's nonce and the nonces still pending in the mempool:
    /// the lowest nonce at or above `chainNonce` that is not pending (a transaction that was
    /// dropped, expired or refused leaves that gap, which must be filled before later ones can
    /// execute); the pending nonces above it are skipped by later transactions.
    public mutating func resynchronize(chainNonce: UInt64, pendingNonces: [UInt64]) {
        // The result depends on the arguments alone: with the same ones as last time and no
        // transaction built since, it is already in place.
        if let last = lastSynchronized, last.built == built, last.chainNonce == chainNonce, last.pendingNonces == pendingNonces { return }
        defer { lastSynchronized = (chainNonce, pendingNonces, built) }
        // One copy of the list, edited in place.
        var pending = pendingNonces
        pending.removeAll { $0 < chainNonce }
        pending.sort()
        var next = chainNonce
        for nonce in pending where nonce == next { next += 1 }
        nextNonce = next
        pending.removeAll { $0 <= next }
        reserved = pending
    }

    private mutating func transaction(_ call: ContractCall, to: Address, fee: TransactionFee, gas: GasEstimate, nonce: UInt64,
                                      contest: Contest?) -> AgentTransaction {
        defer { built += 1 }
        return AgentTransaction(chainID: chainID, nonce: nonce, fee: fee, to: to, call: call, gas: gas, sender: signer.address,
                                signer: signs ? signer : nil, contest: contest, sequence: built)
    }
}
