/// What a successful contract call did: the gas it used and the events it emitted.
///
/// A call that fails throws ``CascadeMath/Revert`` instead and leaves the protocol's state and
/// the ledger exactly as they were; the gas a reverted call burns comes from the protocol's
/// gas schedule.
public struct CallOutcome: Sendable, Hashable {
    /// Gas used by the call, from the protocol's gas schedule.
    public var gasUsed: UInt64
    /// Events in emission order.
    public var events: [ProtocolEvent]

    public init(gasUsed: UInt64, events: [ProtocolEvent] = []) {
        self.gasUsed = gasUsed
        self.events = events
    }
}
