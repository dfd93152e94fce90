import CascadeAgents
import CascadeChain
import CascadeMath
import CascadeProtocols

/// One agent transaction as the block loop executed it: its sender and call, the signed bytes
/// (which decode to that call and recover to that sender), and what it did.
public struct ExecutedTransaction: Sendable {
    /// The block it was included in.
    public let block: UInt64
    /// The sender (in a signing run, also the address recovered from the signature).
    public let sender: Address
    /// The transaction's name (``CascadeAgents/AgentTransaction/hash``); the Ethereum hash is ``signed``'s.
    public let hash: Keccak256.Digest
    /// The transaction as decoded from its raw bytes; `nil` in a run that does not sign.
    public internal(set) var signed: SignedTransaction?
    /// The call executed.
    public let call: ContractCall
    /// Gas used, intrinsic 21,000 included.
    public let gasUsed: UInt64
    /// The effective gas price paid (wei per gas).
    public let gasPrice: UInt256
    /// The events of a successful call (empty when it reverted).
    public let events: [ProtocolEvent]
    /// Why it reverted, or `nil` when it succeeded.
    public let revert: Revert?

    /// Whether the call succeeded.
    public var succeeded: Bool { revert == nil }
}
