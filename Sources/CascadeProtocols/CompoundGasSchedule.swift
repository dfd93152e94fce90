/// Gas charged for Compound v2 calls; the simulator charges fixed amounts, overridable.
///
/// The defaults are **assumptions** (no measured figures were collected for this model; replace
/// them with measured values in the protocol file): a liquidation touches two markets and runs
/// the account-liquidity loop over every market the borrower entered, costing more than a mint.
///
/// | call | default |
/// | --- | --- |
/// | `mint` | 150 000 |
/// | `borrow` | 300 000 |
/// | `repayBorrow` | 120 000 |
/// | `liquidateBorrow` | 450 000 |
/// | a call that returns an error code (`Failure` event, no revert) | 100 000 |
/// | a call that reverts | 80 000 |
public struct CompoundGasSchedule: GasSchedule, Hashable {
    public var mint: UInt64
    public var borrow: UInt64
    public var repayBorrow: UInt64
    public var liquidateBorrow: UInt64
    /// Gas used by a call that fails with an error code (the transaction succeeds).
    public var failedWithErrorCode: UInt64
    /// Gas burned by a call that reverts.
    public var revertedCall: UInt64

    public init(mint: UInt64 = 150_000, borrow: UInt64 = 300_000, repayBorrow: UInt64 = 120_000,
                liquidateBorrow: UInt64 = 450_000, failedWithErrorCode: UInt64 = 100_000, revertedCall: UInt64 = 80_000) {
        self.mint = mint
        self.borrow = borrow
        self.repayBorrow = repayBorrow
        self.liquidateBorrow = liquidateBorrow
        self.failedWithErrorCode = failedWithErrorCode
        self.revertedCall = revertedCall
    }

    public static let `default` = CompoundGasSchedule()
}

extension CompoundGasSchedule {
    /// The entries by their protocol-file names (`[gas]` table).
    public static var entries: [GasScheduleEntry<CompoundGasSchedule>] {
        [
            GasScheduleEntry("mint", \.mint),
            GasScheduleEntry("borrow", \.borrow),
            GasScheduleEntry("repay_borrow", \.repayBorrow),
            GasScheduleEntry("liquidate_borrow", \.liquidateBorrow),
            GasScheduleEntry("failed_with_error_code", \.failedWithErrorCode),
            GasScheduleEntry("reverted_call", \.revertedCall),
        ]
    }
}
