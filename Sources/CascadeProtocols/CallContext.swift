import CascadeChain

/// What a contract call can see of its environment: `msg.sender`, `block.number` and
/// `block.timestamp` (seconds since the Unix epoch), and whether the engine vouches for
/// signatures in this run.
public struct CallContext: Sendable, Hashable {
    public let sender: Address
    public let blockNumber: UInt64
    public let timestamp: UInt64
    /// Whether this run skips secp256k1 (a Monte Carlo path keeping only metrics): the engine
    /// vouches for oracle reporters' signatures as it vouches for transaction senders, and
    /// contracts accept a reporter's vouched mark (``ECRecover/vouchedMark(for:)``) in place of
    /// a signature. `false` (the default) in every run that signs; a mark then never recovers.
    public let vouchesForSignatures: Bool

    public init(sender: Address, blockNumber: UInt64, timestamp: UInt64, vouchesForSignatures: Bool = false) {
        self.sender = sender
        self.blockNumber = blockNumber
        self.timestamp = timestamp
        self.vouchesForSignatures = vouchesForSignatures
    }
}
