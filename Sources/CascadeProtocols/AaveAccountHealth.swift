import CascadeMath

/// What the end-of-block health scan (``AavePool/healthFactors(of:prices:timestamp:)``) reports
/// of one account: its health factor and the reserves it borrows.
public struct AaveAccountHealth: Sendable, Hashable {
    /// The health factor at the scan's timestamp, wad (as ``AaveAccountData/healthFactor``;
    /// `2²⁵⁶ − 1` with no debt). Liquidatable below 10¹⁸.
    public let healthFactor: UInt256
    /// Bit `id` set when the account borrows reserve `id` (``AaveUserPosition/borrowingMask``).
    public let borrowingMask: UInt128

    public init(healthFactor: UInt256, borrowingMask: UInt128) {
        self.healthFactor = healthFactor
        self.borrowingMask = borrowingMask
    }
}
