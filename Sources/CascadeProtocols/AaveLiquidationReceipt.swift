import CascadeChain
import CascadeMath

/// What an Aave v3 `liquidationCall` did, in the protocol's own terms, with the call's gas and
/// events. Amounts are raw units of the named asset.
public struct AaveLiquidationReceipt: Sendable, Hashable {
    /// Debt written off by a liquidation with no collateral left behind it (v3.3 rules).
    public struct Deficit: Sendable, Hashable {
        /// The debt reserve's asset.
        public let asset: Address
        /// The amount booked as that reserve's deficit.
        public let amount: UInt256

        public init(asset: Address, amount: UInt256) {
            self.asset = asset
            self.amount = amount
        }
    }

    /// The borrower's health factor before the liquidation, wad.
    public let healthFactor: UInt256
    /// The most debt this liquidation could cover (close factor applied), debt-asset units.
    public let maxLiquidatableDebt: UInt256
    /// Debt repaid by the liquidator (`actualDebtToLiquidate`): ≤ `debtToCover`, recomputed when
    /// the collateral ran out.
    public let debtRepaid: UInt256
    /// Collateral sent to the liquidator (`actualCollateralToLiquidate`, after the protocol fee),
    /// as underlying or as aTokens.
    public let collateralToLiquidator: UInt256
    /// Collateral sent to the treasury as aTokens (`liquidationProtocolFeeAmount`, as transferred).
    public let protocolFee: UInt256
    /// Whether the borrower had no collateral left (`hasNoCollateralLeft`, v3.3 rules).
    public let hasNoCollateralLeft: Bool
    /// Deficits booked, in the order the reserves were processed (the debt reserve first).
    public let deficits: [Deficit]
    /// The call's outcome for the block builder and the trace: gas used and the events
    /// (`DeficitCreated…`, then `LiquidationCall`), built when read.
    public let outcome: CallOutcome

    /// Gas used.
    public var gasUsed: UInt64 { outcome.gasUsed }
    /// `DeficitCreated…`, then `LiquidationCall`.
    public var events: [ProtocolEvent] { outcome.events }
}
