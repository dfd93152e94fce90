import CascadeChain
import CascadeMath

/// Something a protocol did, for the run's trace: a named event with ordered fields, like a
/// Solidity event log (`LiquidationCall`, `Kick`, `Take`, `Swap`, …).
public struct ProtocolEvent: Sendable, Hashable {
    /// The emitting protocol instance, e.g. `"aave-v3"` or `"maker"`.
    public let source: String
    /// The event's name in the protocol's own vocabulary, e.g. `"LiquidationCall"`.
    public let name: String
    /// The fields in emission order.
    public let fields: [EventField]

    public init(source: String, name: String, fields: [EventField]) {
        self.source = source
        self.name = name
        self.fields = fields
    }
}

/// One field of a ``ProtocolEvent``.
public struct EventField: Sendable, Hashable {
    public let name: String
    public let value: EventValue

    public init(_ name: String, _ value: EventValue) {
        self.name = name
        self.value = value
    }
}

/// The value of an ``EventField``: amounts keep their unit so a trace states it.
public enum EventValue: Sendable, Hashable {
    /// A token amount in raw units, with the token's symbol and decimals.
    case amount(UInt256, symbol: String, decimals: UInt8)
    /// A fixed-point number with `decimals` places and a named unit, e.g. a ray rate or a rad of DAI.
    case fixedPoint(UInt256, decimals: UInt8, unit: String)
    /// A signed fixed-point number (e.g. Maker `dink`/`dart`).
    case signedFixedPoint(Int256, decimals: UInt8, unit: String)
    /// A plain unsigned integer (ids, counts, seconds).
    case integer(UInt256)
    case address(Address)
    case bytes32(Bytes32)
    case bool(Bool)
    case text(String)
}

extension EventValue {
    /// `value` raw units of `token`, with its symbol and decimals.
    public static func amount(_ value: UInt256, of token: Token) -> EventValue {
        .amount(value, symbol: token.symbol, decimals: token.decimals)
    }
}
