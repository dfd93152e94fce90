/// The events of one call: none, already built, or a recipe that builds them when read
/// (``CallOutcome/init(gasUsed:deferredEvents:)``).
enum EventLog: Sendable {
    case none
    case built([ProtocolEvent])
    case deferred(@Sendable () -> [ProtocolEvent])

    var events: [ProtocolEvent] {
        switch self {
        case .none: []
        case .built(let events): events
        case .deferred(let build): build()
        }
    }
}
