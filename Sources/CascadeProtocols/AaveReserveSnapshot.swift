import CascadeMath

/// The part of an ``AaveReserve`` that pool calls change — indexes, rates, totals, balances —
/// saved by ``AaveJournal`` before a call's first write to the reserve.
///
/// Plain numbers (no references), so saving and restoring are flat copies; the reserve's asset,
/// id, unit and configuration are not written by calls. A field added to the reserve's state must
/// be added here too (the pool's revert tests compare whole reserves).
struct AaveReserveSnapshot {
    let id: Int
    let liquidityIndex: UInt256
    let variableBorrowIndex: UInt256
    let currentLiquidityRate: UInt256
    let currentVariableBorrowRate: UInt256
    let lastUpdateTimestamp: UInt64
    let accruedToTreasury: UInt256
    let virtualUnderlyingBalance: UInt256
    let deficit: UInt256
    let scaledATokenTotalSupply: UInt256
    let scaledVariableDebtTotalSupply: UInt256

    init(_ reserve: AaveReserve) {
        id = reserve.id
        liquidityIndex = reserve.liquidityIndex
        variableBorrowIndex = reserve.variableBorrowIndex
        currentLiquidityRate = reserve.currentLiquidityRate
        currentVariableBorrowRate = reserve.currentVariableBorrowRate
        lastUpdateTimestamp = reserve.lastUpdateTimestamp
        accruedToTreasury = reserve.accruedToTreasury
        virtualUnderlyingBalance = reserve.virtualUnderlyingBalance
        deficit = reserve.deficit
        scaledATokenTotalSupply = reserve.scaledATokenTotalSupply
        scaledVariableDebtTotalSupply = reserve.scaledVariableDebtTotalSupply
    }

    /// Puts the saved state back into `reserve`.
    func restore(_ reserve: inout AaveReserve) {
        reserve.liquidityIndex = liquidityIndex
        reserve.variableBorrowIndex = variableBorrowIndex
        reserve.currentLiquidityRate = currentLiquidityRate
        reserve.currentVariableBorrowRate = currentVariableBorrowRate
        reserve.lastUpdateTimestamp = lastUpdateTimestamp
        reserve.accruedToTreasury = accruedToTreasury
        reserve.virtualUnderlyingBalance = virtualUnderlyingBalance
        reserve.deficit = deficit
        reserve.scaledATokenTotalSupply = scaledATokenTotalSupply
        reserve.scaledVariableDebtTotalSupply = scaledVariableDebtTotalSupply
    }
}
