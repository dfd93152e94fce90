/// Gas charged for Aave v3 pool calls. The simulator does not run EVM bytecode: each call costs
/// a fixed amount from this schedule, overridable per deployment.
///
/// Defaults, with their sources:
///
/// | call | default | source |
/// | --- | --- | --- |
/// | `supply` | 150 000 | REFERENCE.md "Gas used": supply ≈ 150k |
/// | `borrow` | 250 000 | REFERENCE.md: borrow ≈ 250k |
/// | `repay` | 180 000 | REFERENCE.md: repay ≈ 180k |
/// | `withdraw` | 180 000 | assumption: no measured figure collected; set equal to repay |
/// | `liquidationCall` | 380 000 | REFERENCE.md: 360k–394k; the midpoint, rounded |
/// | per extra reserve with bad debt burned | 75 000 | `LiquidationLogic` comment: "Each additional debt asset already adds around ~75k gas" (REFERENCE.md: ≈ 494k with a deficit on a second asset) |
/// | reverted `liquidationCall` | 120 000 | assumption: the call reverts after two `updateState`s and `calculateUserAccountData`, about a third of a full liquidation |
/// | other reverted calls | 60 000 | assumption |
public struct AaveGasSchedule: GasSchedule, Hashable {
    public var supply: UInt64
    public var borrow: UInt64
    public var repay: UInt64
    public var withdraw: UInt64
    public var liquidationCall: UInt64
    /// Added to ``liquidationCall`` for each reserve whose debt is burned by `_burnBadDebt`.
    public var liquidationPerBadDebtReserve: UInt64
    /// Gas burned by a `liquidationCall` that reverts.
    public var revertedLiquidationCall: UInt64
    /// Gas burned by any other call that reverts.
    public var revertedCall: UInt64

    public init(supply: UInt64 = 150_000, borrow: UInt64 = 250_000, repay: UInt64 = 180_000,
                withdraw: UInt64 = 180_000, liquidationCall: UInt64 = 380_000,
                liquidationPerBadDebtReserve: UInt64 = 75_000, revertedLiquidationCall: UInt64 = 120_000,
                revertedCall: UInt64 = 60_000) {
        self.supply = supply
        self.borrow = borrow
        self.repay = repay
        self.withdraw = withdraw
        self.liquidationCall = liquidationCall
        self.liquidationPerBadDebtReserve = liquidationPerBadDebtReserve
        self.revertedLiquidationCall = revertedLiquidationCall
        self.revertedCall = revertedCall
    }

    /// The defaults of the table above.
    public static let `default` = AaveGasSchedule()
}

extension AaveGasSchedule {
    /// The entries by their protocol-file names (`[gas]` table).
    public static var entries: [GasScheduleEntry<AaveGasSchedule>] {
        [
            GasScheduleEntry("supply", \.supply),
            GasScheduleEntry("borrow", \.borrow),
            GasScheduleEntry("repay", \.repay),
            GasScheduleEntry("withdraw", \.withdraw),
            GasScheduleEntry("liquidation_call", \.liquidationCall),
            GasScheduleEntry("liquidation_per_bad_debt_reserve", \.liquidationPerBadDebtReserve, .increment),
            GasScheduleEntry("reverted_liquidation_call", \.revertedLiquidationCall),
            GasScheduleEntry("reverted_call", \.revertedCall),
        ]
    }
}
