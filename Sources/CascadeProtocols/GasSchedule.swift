import CascadeChain

/// A protocol model's gas table: the gas each call charges, as fields named after the calls.
///
/// The simulator runs no EVM bytecode; a call costs a fixed figure from its protocol's schedule,
/// with cited defaults. A deployment overrides any entry by name (a protocol file's `[gas]`
/// table, docs/protocols.md); ``entries`` lists the names and ``validationErrors(key:)`` checks
/// the figures.
public protocol GasSchedule: Sendable {
    /// Every entry: its name in protocol files (snake_case of the field) and the field.
    static var entries: [GasScheduleEntry<Self>] { get }
}

/// One entry of a ``GasSchedule``.
public struct GasScheduleEntry<Schedule> {
    /// What the figure is.
    public enum Kind: Sendable {
        /// The whole gas of a transaction (its receipt's `gasUsed`, intrinsic gas included):
        /// at least ``CascadeChain/PendingTransaction/intrinsicGas`` (21,000).
        case transaction
        /// Gas added to a transaction's figure (e.g. per extra reserve a liquidation touches): ≥ 0.
        case increment
    }

    /// The name in protocol files, e.g. `liquidation_call`.
    public let name: String
    public let field: WritableKeyPath<Schedule, UInt64>
    public let kind: Kind

    public init(_ name: String, _ field: WritableKeyPath<Schedule, UInt64>, _ kind: Kind = .transaction) {
        self.name = name
        self.field = field
        self.kind = kind
    }
}

extension GasSchedule {
    /// Entries a deployment cannot use, keyed `key.name` (e.g. `gas.liquidation_call`): a
    /// transaction figure below the 21,000 intrinsic gas every transaction pays. (Increments
    /// are any `UInt64`.)
    public func validationErrors(key: String) -> [ParameterError] {
        Self.entries.compactMap { entry in
            let value = self[keyPath: entry.field]
            guard entry.kind == .transaction, value < PendingTransaction.intrinsicGas else { return nil }
            return ParameterError(key: "\(key).\(entry.name)",
                                  expected: "at least \(PendingTransaction.intrinsicGas) (a transaction's intrinsic gas)",
                                  found: "\(value)")
        }
    }
}
