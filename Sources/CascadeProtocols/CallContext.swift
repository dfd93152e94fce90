import CascadeChain

/// What a contract call can see of its environment: `msg.sender`, `block.number` and
/// `block.timestamp` (seconds since the Unix epoch).
public struct CallContext: Sendable, Hashable {
    public let sender: Address
    public let blockNumber: UInt64
    public let timestamp: UInt64

    public init(sender: Address, blockNumber: UInt64, timestamp: UInt64) {
        self.sender = sender
        self.blockNumber = blockNumber
        self.timestamp = timestamp
    }
}
