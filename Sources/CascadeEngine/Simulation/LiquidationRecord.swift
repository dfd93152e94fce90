import CascadeChain

/// One liquidation (a Maker `bite`/`bark`, an Aave `liquidationCall`, a Compound
/// `liquidateBorrow`) with what the market looked like when it happened.
public struct LiquidationRecord: Sendable, Hashable {
    /// Its index in the run, in execution order (the tag of the sales it causes).
    public let id: Int
    /// `"maker"`, `"aave"` or `"compound"`.
    public let protocolName: String
    /// Block it executed in.
    public let block: UInt64
    /// The position's owner.
    public let owner: Address
    /// Market symbol of the collateral.
    public let collateral: String
    /// Debt liquidated, USD (Maker: `tab` without the penalty, i.e. `art · rate`; Aave: debt
    /// covered; Compound: amount repaid).
    public let debtUSD: Double
    /// Market price of the collateral (USD).
    public let marketPrice: Double
    /// Exogenous price: the market price without the impact of earlier liquidation sales.
    public let exogenousPrice: Double
    /// Accumulated log price impact of earlier liquidation sales (≤ 0 after sales).
    public let impact: Double
    /// Blocks from the first block in which the position was liquidatable by the on-chain
    /// oracle to this one (0 when it was found and liquidated in the same block).
    public let delayBlocks: UInt64
    /// Whether the position would not have been liquidatable without the accumulated impact.
    public let endogenous: Bool
    /// 1 for an exogenous liquidation; 1 + the highest generation among the liquidations whose
    /// sales make up the impact that tipped it, for an endogenous one.
    public let generation: Int
}
