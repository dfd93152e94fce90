import CascadeChain
import CascadeMath
import CascadeProtocols

extension Borrower {
    /// The collateral's oracle price (Aave base units): a trigger is reached when it is at most this.
    func aaveTriggerLevel(_ collateral: Address, view: AgentView) -> Double? {
        view.state.aavePrices[collateral].map(\.doubleValue)
    }

    /// The position's health factor at the next block's timestamp and its trigger
    /// `price · threshold / healthFactor`; `nil` without debt.
    /// `accounts` reads the account data (``AaveAccounts``; `nil` without a pool).
    func assessAave(_ owner: Owner, collateral: Address, view: AgentView, accounts: inout AaveAccounts?) -> Assessment? {
        guard let price = view.state.aavePrices[collateral],
              let data = accounts?.accountData(of: owner.account.address),
              !data.totalDebtBase.isZero else { return nil }
        let healthFactor = data.healthFactor.doubleValue / 1e18
        let trigger = healthFactor > 0 ? price.doubleValue * owner.profile.threshold / healthFactor : .infinity
        return Assessment(ratio: healthFactor, trigger: trigger)
    }

    /// The `supply` of collateral or `repay` of debt that brings the health factor
    /// `Σ value · LT / (debt · 10⁴)` (base currency) to the owner's target, within its budget, its
    /// token balance, its allowance to the pool and (for a repayment) its debt. Integer arithmetic
    /// on the account data, rounding towards the target: a top-up supplies
    /// `⌈(⌈debt · 10⁴ · target⌉ − Σ) · unit / (LT · price)⌉`, a repayment repays
    /// `⌈(debt − ⌊Σ / (target · 10⁴)⌋) · unit / price⌉`.
    func aaveAction(_ owner: Owner, collateral: Address, debt: Address, budgetLeft: UInt256, view: AgentView,
                    accounts: inout AaveAccounts?) -> Action? {
        let state = view.state
        let address = owner.account.address
        guard let pool = state.aave, let poolAddress = state.aaveAddress, let defence = owner.profile.defence,
              let target = UInt256(truncating: owner.profile.target * 1e18),
              let data = accounts?.accountData(of: address)
        else { return nil }
        let asset = defence == .topUp ? collateral : debt
        guard let reserve = pool.reserve(for: asset), let price = state.aavePrices[asset], !price.isZero else { return nil }
        let weighted = data.liquidationThresholdWeightedSum
        var wanted: UInt256?
        switch defence {
        case .topUp:
            let threshold = UInt256(reserve.configuration.liquidationThreshold)
            if let scaled = try? data.totalDebtBase * 10_000, let needed = try? FullMath.mulDivRoundingUp(scaled, target, DSSMath.wad),
               needed > weighted, let per = try? threshold * price {
                wanted = try? FullMath.mulDivRoundingUp(needed &- weighted, reserve.assetUnit, per)
            }
        case .repay:
            if let per = try? target * 10_000, let kept = try? FullMath.mulDiv(weighted, DSSMath.wad, per), kept < data.totalDebtBase {
                wanted = try? FullMath.mulDivRoundingUp(data.totalDebtBase &- kept, reserve.assetUnit, price)
            }
        }
        guard let wanted else { return nil }
        var amount = min(wanted, budgetLeft, state.ledger.balance(of: address, in: asset),
                         state.ledger.allowance(of: asset, owner: address, spender: poolAddress))
        if defence == .repay, let variableDebt = try? pool.variableDebt(of: address, asset: debt, timestamp: view.nextTimestamp) {
            amount = min(amount, variableDebt)
        }
        guard !amount.isZero else { return nil }
        let schedule = pool.configuration.gasSchedule
        switch defence {
        case .topUp:
            return Action(call: .aaveSupply(asset: asset, amount: amount, onBehalfOf: address, referralCode: 0),
                          to: poolAddress, gas: GasEstimate(gasUsed: schedule.supply), spends: amount)
        case .repay:
            return Action(call: .aaveRepay(asset: asset, amount: amount, interestRateMode: AavePool.variableRateMode,
                                           onBehalfOf: address),
                          to: poolAddress, gas: GasEstimate(gasUsed: schedule.repay), spends: amount)
        }
    }
}
