import CascadeChain
import CascadeMath
import CascadeProtocols

extension Liquidator {
    /// The Aave `liquidationCall` of `user`'s `debt` against its `collateral` for at most
    /// `debtToCover`, sized as the pool will execute it at `timestamp` with `prices` (steps 3–7 of
    /// ``CascadeProtocols/AavePool/liquidationCall(collateralAsset:debtAsset:user:debtToCover:receiveAToken:context:prices:ledger:)``,
    /// in the pool's integer arithmetic), or `nil` when it would revert or move nothing.
    ///
    /// `account` is the borrower's ``CascadeProtocols/AavePool/accountData(of:prices:timestamp:)``
    /// at `timestamp`. The close factor follows the pool's ``CascadeProtocols/AaveLiquidationRules``:
    /// v3.0 — 50 % of the reserve's debt above HF 0.95, 100 % at or below; v3.3 — the whole
    /// reserve debt, except 50 % of the account's total debt value when the reserve's collateral
    /// and debt are both worth ≥ $2,000 and HF > 0.95, and a partial liquidation must leave ≥
    /// $1,000 of both (`MustNotLeaveDust`, here `nil`). The call asks for `min(debtToCover, cap)`;
    /// when the collateral runs out the pool takes all of it and recomputes the debt repaid from it
    /// (``LiquidationQuote/debtRepaid``, less than the call's `debtToCover`). The collateral
    /// received is after the protocol fee.
    /// Gas: the schedule's `liquidationCall`, plus its per-reserve bad-debt gas for every other
    /// borrowed reserve when v3.3 takes the account's last collateral.
    static func aaveQuote(_ pool: AavePool, user: Address, account: AaveAccountData, collateral: AaveReserve,
                          debt: AaveReserve, debtToCover: UInt256, prices: AssetPrices, timestamp: UInt64) -> LiquidationQuote? {
        let rules = pool.configuration.liquidationRules
        do throws(Revert) {
            guard collateral.configuration.isActive, debt.configuration.isActive,
                  !collateral.configuration.isPaused, !debt.configuration.isPaused else { return nil }
            let collateralBalance = try pool.aTokenBalance(of: user, asset: collateral.asset.address, timestamp: timestamp)
            let reserveDebt = try pool.variableDebt(of: user, asset: debt.asset.address, timestamp: timestamp)
            let collateralPrice = try prices.price(of: collateral.asset.address)
            let debtPrice = try prices.price(of: debt.asset.address)
            guard !collateralBalance.isZero, !reserveDebt.isZero else { return nil }

            let maxRepay: UInt256
            switch rules {
            case .v3_3:
                let debtValue = try debt.baseValueRoundingUp(reserveDebt, price: debtPrice)
                let collateralValue = try collateral.baseValue(collateralBalance, price: collateralPrice)
                var cap = reserveDebt
                if collateralValue >= AavePoolConfiguration.minBaseMaxCloseFactorThreshold,
                   debtValue >= AavePoolConfiguration.minBaseMaxCloseFactorThreshold,
                   account.healthFactor > AavePoolConfiguration.closeFactorHealthFactorThreshold {
                    let halfDebtValue = try PercentageMath.percentMul(
                        account.totalDebtBase, AavePoolConfiguration.defaultLiquidationCloseFactor)
                    if debtValue > halfDebtValue { cap = try (halfDebtValue * debt.assetUnit) / debtPrice }
                }
                maxRepay = cap
            case .v3_0:
                let closeFactor = account.healthFactor > AavePoolConfiguration.closeFactorHealthFactorThreshold
                    ? AavePoolConfiguration.defaultLiquidationCloseFactor
                    : AavePoolConfiguration.maxLiquidationCloseFactor
                maxRepay = try PercentageMath.percentMul(reserveDebt, closeFactor)
            }

            let requested = min(debtToCover, maxRepay)
            var repaid = requested
            let bonus = UInt256(collateral.configuration.liquidationBonus)
            let baseCollateral = try (debtPrice * repaid * collateral.assetUnit) / (collateralPrice * debt.assetUnit)
            var seized = try PercentageMath.percentMulFloor(baseCollateral, bonus)
            if seized > collateralBalance {
                seized = collateralBalance
                repaid = try PercentageMath.percentDivCeil(
                    (collateralPrice * collateralBalance * debt.assetUnit) / (debtPrice * collateral.assetUnit), bonus)
            }
            var protocolFee = UInt256.zero
            if collateral.configuration.liquidationProtocolFee != 0 {
                let bonusCollateral = try seized - PercentageMath.percentDivFloor(seized, bonus)
                protocolFee = try PercentageMath.percentMulCeil(bonusCollateral, UInt256(collateral.configuration.liquidationProtocolFee))
                seized = try seized - protocolFee
            }
            // `InvalidBurnAmount` when nothing is burned.
            let debtIndex = try debt.normalizedVariableDebt(at: timestamp)
            guard !seized.isZero, !(try WadRayMath.rayDivFloor(repaid, debtIndex)).isZero else { return nil }
            let takesAll = try seized + protocolFee >= collateralBalance
            if rules == .v3_3, repaid < reserveDebt, !takesAll {
                let debtLeft = try debt.baseValueRoundingUp(reserveDebt - repaid, price: debtPrice)
                let collateralLeft = try collateral.baseValue(collateralBalance - seized - protocolFee, price: collateralPrice)
                guard debtLeft >= AavePoolConfiguration.minLeftoverBase,
                      collateralLeft >= AavePoolConfiguration.minLeftoverBase else { return nil }
            }

            let position = pool.position(of: user)
            let lastCollateral = takesAll && position.collateralMask == UInt128(1) << collateral.id
            let otherDebts = UInt64((position.borrowingMask & ~(UInt128(1) << debt.id)).nonzeroBitCount)
            let schedule = pool.configuration.gasSchedule
            let gasUsed = schedule.liquidationCall &+ (rules == .v3_3 && lastCollateral ? otherDebts &* schedule.liquidationPerBadDebtReserve : 0)
            return LiquidationQuote(
                borrower: user,
                call: .aaveLiquidationCall(collateralAsset: collateral.asset.address, debtAsset: debt.asset.address,
                                           user: user, debtToCover: requested, receiveAToken: false),
                to: pool.configuration.address, debtAsset: debt.asset, debtToCover: requested, debtRepaid: repaid, maxRepay: maxRepay,
                collateralAsset: collateral.asset, collateralReceived: seized, gas: GasEstimate(gasUsed: gasUsed))
        } catch {
            return nil
        }
    }

    /// The best liquidation of Aave borrower `owner`, whose `position` is liquidatable with
    /// `account` at the next block's timestamp (``AaveUnhealthy``), or `nil` when no pair pays.
    /// `valuations` holds each reserve's valuation, by reserve id (``aaveValuations(_:view:)``).
    func aaveOpportunity(_ owner: Address, position: AaveUserPosition, account: AaveAccountData, pool: AavePool,
                         view: AgentView, valuations: [AaveReserveValuation], ethUSD: Double,
                         capital: (Address) -> UInt256) -> Opportunity? {
        let rules = pool.configuration.liquidationRules
        var best: Opportunity?
        var debts = position.borrowingMask
        while debts != 0 {
            let debtID = debts.trailingZeroBitCount
            debts &= debts &- 1
            let debt = valuations[debtID]
            let available = capital(debt.asset)
            guard !available.isZero, let debtUSD = debt.usd else { continue }
            var collaterals = position.collateralMask
            while collaterals != 0 {
                let collateralID = collaterals.trailingZeroBitCount
                collaterals &= collaterals &- 1
                let collateral = valuations[collateralID]
                guard let collateralUSD = collateral.usd,
                      Self.aaveGrossProfitBound(account: account, rules: rules, collateral: collateral, debt: debt, available: available)
                        > configuration.minProfitUSD
                else { continue }
                let found = sized(collateralUSD: collateralUSD, debtUSD: debtUSD, ethUSD: ethUSD) { amount in
                    Self.aaveQuote(pool, user: owner, account: account, collateral: pool.reserves[collateralID],
                                   debt: pool.reserves[debtID], debtToCover: min(amount, available), prices: view.state.aavePrices,
                                   timestamp: view.nextTimestamp)
                }
                if let found, best.map({ found.grossProfitUSD > $0.grossProfitUSD }) ?? true { best = found }
            }
        }
        return best
    }

    /// Each reserve's valuation, by reserve id: its USD price the market's, else the oracle's
    /// (``usdPrice(_:oracleUSD:_:)``; `nil` for a token the liquidator does not trade), and what
    /// the profit bound reads.
    func aaveValuations(_ pool: AavePool, view: AgentView) -> [AaveReserveValuation] {
        let prices = view.state.aavePrices
        return pool.reserves.map { reserve in
            let usd = usdPrice(reserve.asset, oracleUSD: Self.aaveUSD(prices, reserve.asset), view)
            return AaveReserveValuation(reserve, usd: usd, prices: prices)
        }
    }

    /// An upper bound (USD) on `seized value − repaid value` over every liquidation of `debt`
    /// against `collateral` that repays at most `available` (raw units), at their USD prices —
    /// of the borrower whose ``CascadeProtocols/AaveAccountData`` is `account`, or (`nil`) of any
    /// borrower. ``aaveQuote(_:user:account:collateral:debt:debtToCover:prices:timestamp:)``'s
    /// gross profit (which also pays the sale's impact) never exceeds it, so a liquidator passes
    /// over a borrower, or a whole reserve, whose bound is below its minimum without sizing
    /// anything (no oracle price or no USD price: `-infinity`, the quote would revert or the
    /// liquidator does not trade the token).
    ///
    /// The pool seizes at most `k = debtPrice · 10^collateralDecimals · bonus / (collateralPrice ·
    /// 10^debtDecimals · 10⁴)` collateral units per debt unit repaid (each floor rounds down, the
    /// protocol fee only takes away); when the collateral runs out the recomputed repayment
    /// rounds so that the seizure exceeds `k` per unit by less than `k`. The repayment is at
    /// most `available` and, for a known borrower, the reserve's debt, itself at most
    /// `totalDebtBase · 10^debtDecimals / debtPrice` — under the v3.0 `rules`, half that (plus
    /// half a unit) when the health factor is above the close factor's 0.95. A relative 10⁻⁹, two
    /// units of `k` and 10⁻⁹ USD cover the rounding of the bound and of the profit it bounds.
    static func aaveGrossProfitBound(account: AaveAccountData?, rules: AaveLiquidationRules, collateral: AaveReserveValuation,
                                     debt: AaveReserveValuation, available: UInt256) -> Double {
        guard let collateralPrice = collateral.oraclePrice, let debtPrice = debt.oraclePrice,
              let collateralUSD = collateral.usd, let debtUSD = debt.usd else { return -.infinity }
        let collateralUnitUSD = collateralUSD / collateral.unit
        let debtUnitUSD = debtUSD / debt.unit
        let seizedPerRepaid = debtPrice / collateralPrice * collateral.unit / debt.unit * collateral.bonus / 1e4
        let reserveDebtCap = account.map { account in
            // v3.0 repays at most `percentMul(reserveDebt, 50 %)` (rounding half up) above HF 0.95.
            let closeFactor = rules == .v3_0 && account.healthFactor > AavePoolConfiguration.closeFactorHealthFactorThreshold ? 0.5 : 1
            return closeFactor * ((account.totalDebtBase.doubleValue + 1) * debt.unit / debtPrice + 1)
        }
        let repaidCap = min(available.doubleValue, reserveDebtCap ?? .infinity)
        let margin = seizedPerRepaid * collateralUnitUSD * (1 + 1e-9) - debtUnitUSD * (1 - 1e-9)
        return repaidCap * max(0, margin) + 2 * seizedPerRepaid * collateralUnitUSD * (1 + 1e-9) + 1e-9
    }

    /// The reserves worth looking for borrowers of, as a mask with bit `i` for reserve `i` (as
    /// ``CascadeProtocols/AaveUserPosition/borrowingMask``): those `capital` holds some of and
    /// whose liquidation against some reserve could gross more than the minimum profit for any
    /// borrower (``aaveGrossProfitBound(account:rules:collateral:debt:available:)`` with no
    /// borrower). A liquidator left with a few dollars of a stablecoin has none.
    func worthwhileReserves(_ valuations: [AaveReserveValuation], rules: AaveLiquidationRules, capital: (Address) -> UInt256) -> UInt128 {
        var mask: UInt128 = 0
        for id in valuations.indices where isWorthwhile(id, valuations, rules: rules, capital: capital) {
            mask |= UInt128(1) << id
        }
        return mask
    }

    /// ``worthwhileReserves(_:rules:capital:)`` after the capital in `token` changed from the
    /// capital that gave `mask`: only the bits of the reserves of `token` are computed again.
    func worthwhileReserves(_ mask: UInt128, token: Address, _ valuations: [AaveReserveValuation], rules: AaveLiquidationRules,
                            capital: (Address) -> UInt256) -> UInt128 {
        var mask = mask
        for id in valuations.indices where valuations[id].asset == token {
            let bit = UInt128(1) << id
            mask = isWorthwhile(id, valuations, rules: rules, capital: capital) ? mask | bit : mask & ~bit
        }
        return mask
    }

    /// Whether reserve `id` is worth looking for borrowers of (``worthwhileReserves(_:rules:capital:)``).
    private func isWorthwhile(_ id: Int, _ valuations: [AaveReserveValuation], rules: AaveLiquidationRules,
                              capital: (Address) -> UInt256) -> Bool {
        let debt = valuations[id]
        let available = capital(debt.asset)
        guard !available.isZero, debt.usd != nil else { return false }
        return valuations.contains { collateral in
            Self.aaveGrossProfitBound(account: nil, rules: rules, collateral: collateral, debt: debt, available: available)
                > configuration.minProfitUSD
        }
    }

    /// The oracle's USD price of a whole `token` from Aave's 8-decimal base-currency units.
    static func aaveUSD(_ prices: AssetPrices, _ token: Token) -> Double? {
        prices[token.address].map { $0.doubleValue / 1e8 }
    }
}
