import CascadeMath

/// What a Compound v2 call did: either the action happened, or it failed with an error code
/// (``failure``; the transaction still succeeded and used gas). Reverts are thrown instead.
public struct CompoundReceipt: Sendable, Hashable {
    /// Set when the CToken returned an error code instead of acting.
    public let failure: CompoundFailure?
    /// The underlying amount actually moved: minted from, borrowed, repaid (for a liquidation,
    /// the debt repaid).
    public let amount: UInt256
    /// cTokens seized from the borrower by a liquidation (liquidator's and protocol's shares together).
    public let seizeTokens: UInt256
    /// The part of ``seizeTokens`` added to the collateral market's reserves (2.8 % from 2021).
    public let protocolSeizeTokens: UInt256
    /// Gas used.
    public let gasUsed: UInt64
    /// Events in emission order (`Failure` for an error code).
    public let events: [ProtocolEvent]

    public init(failure: CompoundFailure?, amount: UInt256 = .zero, seizeTokens: UInt256 = .zero,
                protocolSeizeTokens: UInt256 = .zero, gasUsed: UInt64, events: [ProtocolEvent]) {
        self.failure = failure
        self.amount = amount
        self.seizeTokens = seizeTokens
        self.protocolSeizeTokens = protocolSeizeTokens
        self.gasUsed = gasUsed
        self.events = events
    }

    /// Whether the action happened.
    public var succeeded: Bool { failure == nil }

    /// The call's outcome for the block builder and the trace.
    public var outcome: CallOutcome { CallOutcome(gasUsed: gasUsed, events: events) }
}
