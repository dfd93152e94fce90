/// What a successful contract call did: the gas it used and the events it emitted.
///
/// A call that fails throws ``CascadeMath/Revert`` instead and leaves the protocol's state and
/// the ledger exactly as they were; the gas a reverted call burns comes from the protocol's
/// gas schedule.
///
/// **Events are built when read.** A call hands over the few values its events carry and a
/// recipe (``init(gasUsed:deferredEvents:)``); ``events`` runs the recipe each time it is read.
/// Building `ProtocolEvent`s — field arrays, strings — costs more than the state change of a
/// swap, and most calls of a Monte Carlo run are never traced. The events are a function of
/// values fixed when the call returned, so reading them later, or twice, gives the same list.
public struct CallOutcome: Sendable {
    /// Gas used by the call, from the protocol's gas schedule.
    public var gasUsed: UInt64
    private var log: EventLog

    /// An outcome with its events already built.
    public init(gasUsed: UInt64, events: [ProtocolEvent] = []) {
        self.gasUsed = gasUsed
        log = events.isEmpty ? .none : .built(events)
    }

    /// An outcome whose events `build` makes when ``events`` is read. `build` must capture
    /// values, not state that later calls change.
    public init(gasUsed: UInt64, deferredEvents build: @escaping @Sendable () -> [ProtocolEvent]) {
        self.gasUsed = gasUsed
        log = .deferred(build)
    }

    /// Events in emission order.
    public var events: [ProtocolEvent] {
        get { log.events }
        set { log = newValue.isEmpty ? .none : .built(newValue) }
    }
}

extension CallOutcome: Hashable {
    /// Outcomes are equal when their gas and their events are (deferred events are built).
    public static func == (lhs: CallOutcome, rhs: CallOutcome) -> Bool {
        lhs.gasUsed == rhs.gasUsed && lhs.events == rhs.events
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(gasUsed)
        hasher.combine(events)
    }
}
