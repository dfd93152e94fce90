import CascadeChain
import CascadeMath
import CascadeProtocols

/// A lending liquidation sized by a ``Liquidator``: the call it signs and what it expects the
/// call to move when it executes against the state it was sized on.
public struct LiquidationQuote: Sendable, Hashable {
    /// The borrower.
    public let borrower: Address
    /// The call: `liquidationCall` or `liquidateBorrow`.
    public let call: ContractCall
    /// Its recipient: the Aave pool, or the cToken of the borrowed market.
    public let to: Address
    /// The debt's underlying token, which the liquidator pays.
    public let debtAsset: Token
    /// The most the call can take from the liquidator, raw units of ``debtAsset``: Aave's
    /// `debtToCover` argument, Compound's `repayAmount`. Capital is reserved for this much.
    public let debtToCover: UInt256
    /// What the liquidator is expected to pay, raw units of ``debtAsset`` (≤ ``debtToCover``):
    /// Aave's `actualDebtToLiquidate`, lower than `debtToCover` when the collateral runs out;
    /// Compound's `repayAmount`.
    public let debtRepaid: UInt256
    /// The most one liquidation may repay now under the close factor, raw units of ``debtAsset``.
    public let maxRepay: UInt256
    /// The collateral's underlying token.
    public let collateralAsset: Token
    /// The collateral the liquidator receives, raw units of ``collateralAsset``: Aave's
    /// underlying after the protocol fee; Compound's seized cTokens (after the protocol's seize
    /// share) at the stored exchange rate, rounded down.
    public let collateralReceived: UInt256
    /// The gas the call is expected to use (the protocol's gas schedule) and its limit.
    public let gas: GasEstimate

    public init(borrower: Address, call: ContractCall, to: Address, debtAsset: Token, debtToCover: UInt256,
                debtRepaid: UInt256, maxRepay: UInt256, collateralAsset: Token, collateralReceived: UInt256, gas: GasEstimate) {
        self.borrower = borrower
        self.call = call
        self.to = to
        self.debtAsset = debtAsset
        self.debtToCover = debtToCover
        self.debtRepaid = debtRepaid
        self.maxRepay = maxRepay
        self.collateralAsset = collateralAsset
        self.collateralReceived = collateralReceived
        self.gas = gas
    }
}
