import CascadeChain
import CascadeProtocols

extension ProtocolDefinitionLoader {
    /// The optional top-level `[gas]` table: each entry present (by its ``GasScheduleEntry/name``)
    /// replaces that figure of `defaults`; absent entries keep their cited defaults. Types are
    /// checked here (an integer or an exact amount string, no fractions); ranges by
    /// ``GasSchedule/validationErrors(key:)`` with the other range checks.
    static func readGas<Schedule: GasSchedule>(_ r: inout KeyReader, defaults: Schedule) throws(ConfigurationError) -> Schedule {
        var schedule = defaults
        for entry in Schedule.entries {
            let unit = switch entry.kind {
            case .transaction: "gas of the whole transaction, its 21,000 intrinsic gas included"
            case .increment: "gas added to a transaction's figure"
            }
            schedule[keyPath: entry.field] = try r.uint64("gas.\(entry.name)", unit: unit, default: defaults[keyPath: entry.field])
        }
        return schedule
    }
}
