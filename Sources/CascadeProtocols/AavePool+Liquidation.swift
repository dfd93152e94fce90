import CascadeChain
import CascadeMath

extension AavePool {
    /// `Pool.liquidationCall` (`LiquidationLogic.executeLiquidationCall`, v3.7): the sender repays
    /// up to `debtToCover` of `user`'s `debtAsset` debt and receives `collateralAsset` collateral
    /// worth the repaid debt plus the liquidation bonus, less the protocol's share of the bonus.
    ///
    /// Step by step (amounts in raw units, values in the base currency, `bonus` and `fee` in bps):
    ///
    /// 1. `updateState` of the debt reserve, then of the collateral reserve.
    /// 2. `calculateUserAccountData` → `HF`, total collateral and debt values.
    /// 3. `collateral = rayMulFloor(scaledCollateral, liquidityIndex)`,
    ///    `debt = rayMulCeil(scaledDebt, variableBorrowIndex)`.
    /// 4. `validateLiquidationCall`: `SelfLiquidation`, `ReserveInactive`, `ReservePaused`,
    ///    `HealthFactorNotBelowThreshold` (`HF ≥ 1`), `CollateralCannotBeLiquidated` (not
    ///    collateral), `SpecifiedCurrencyNotBorrowedByUser` (no debt).
    /// 5. Close factor. v3.3: `maxDebt = debt`, unless the reserve's collateral value
    ///    (`⌊collateral·price/unit⌋`) and debt value (`mulDivCeil`) are both ≥ $2,000 and
    ///    `HF > 0.95`: then, when the reserve's debt value exceeds
    ///    `half = percentMul(totalDebtValue, 50 %)`, `maxDebt = ⌊half · debtUnit / debtPrice⌋`.
    ///    v3.0: `maxDebt = percentMul(debt, HF > 0.95 ? 50 % : 100 %)`.
    ///    `actualDebt = min(debtToCover, maxDebt)`.
    /// 6. `_calculateAvailableCollateralToLiquidate`:
    ///    `base = ⌊debtPrice · actualDebt · collUnit / (collPrice · debtUnit)⌋`,
    ///    `maxCollateral = percentMulFloor(base, bonus)`; if that exceeds the collateral, take all of
    ///    it and recompute `actualDebt = percentDivCeil(⌊collPrice · collateral · debtUnit /
    ///    (debtPrice · collUnit)⌋, bonus)`; with a protocol fee,
    ///    `feeAmount = percentMulCeil(amount − percentDivFloor(amount, bonus), fee)` comes out of it.
    /// 7. v3.3 dust rule: a liquidation that leaves both debt and collateral must leave ≥ $1,000 of
    ///    each (`mulDivCeil` for debt, floor for collateral) or reverts `MustNotLeaveDust`.
    /// 8. `hasNoCollateralLeft` (v3.3): the scaled collateral consumed
    ///    (`rayDivCeil(amount) + rayDivCeil(feeAmount)`, capped at the balance) is worth the
    ///    account's whole collateral value. The collateral flag clears when the reserve is fully
    ///    consumed or nothing is left.
    /// 9. `_burnDebtTokens`: burns `rayDivFloor(hasNoCollateralLeft ? debt : actualDebt, index)`
    ///    (`InvalidBurnAmount` when zero); with no collateral left, `debt − actualDebt` is booked as
    ///    the reserve's deficit (`DeficitCreated`); rates with `actualDebt` added.
    /// 10. Collateral: as aTokens (`rayDivCeil` scaled transfer) when `receiveAToken`, else the
    ///     collateral reserve's rates with the amount taken, a `rayDivCeil` burn
    ///     (`InvalidBurnAmount` when zero) and the underlying sent to the liquidator.
    /// 11. The fee moves to the treasury as aTokens (`rayDivCeil`, capped at what the borrower has
    ///     left, then recomputed as `rayMulFloor(balance, index)`).
    /// 12. v3.3, no collateral left: every other borrowed active reserve is updated and its whole
    ///     debt burned into its deficit (`_burnBadDebt`, in reserve order).
    /// 13. `transferFrom(liquidator → pool, actualDebt)`; emits `LiquidationCall`.
    ///
    /// Not modelled: e-mode bonuses, the liquidation grace period, isolation-mode debt.
    public mutating func liquidationCall(
        collateralAsset: Address, debtAsset: Address, user: Address, debtToCover: UInt256, receiveAToken: Bool,
        context: CallContext, prices: AssetPrices, ledger: inout TokenLedger
    ) throws(Revert) -> AaveLiquidationReceipt {
        try transact(&ledger) { (pool: inout AavePool, journal: inout AaveJournal, ledger: inout TokenLedger) throws(Revert) in
            try pool.executeLiquidationCall(
                collateralAsset: collateralAsset, debtAsset: debtAsset, user: user, debtToCover: debtToCover,
                receiveAToken: receiveAToken, context: context, prices: prices, journal: &journal, ledger: &ledger)
        }
    }

    private mutating func executeLiquidationCall(
        collateralAsset: Address, debtAsset: Address, user: Address, debtToCover: UInt256, receiveAToken: Bool,
        context: CallContext, prices: AssetPrices, journal: inout AaveJournal, ledger: inout TokenLedger
    ) throws(Revert) -> AaveLiquidationReceipt {
        let now = context.timestamp
        let liquidator = context.sender
        let rules = configuration.liquidationRules
        let collateralID = try reserveID(collateralAsset)
        let debtID = try reserveID(debtAsset)

        // 1–3. State, account data, balances. The borrower's position is edited as a local copy
        // and written back once, after the last call that can revert (the liquidator's payment).
        try updateState(debtID, at: now, &journal)
        try updateState(collateralID, at: now, &journal)
        var borrower = position(of: user)
        let account = try calculateUserAccountData(borrower, prices: prices, timestamp: now)
        // The reserves as updated: their indexes, parameters and units do not change below.
        let collateralReserve = terms(of: collateralID)
        let debtReserve = terms(of: debtID)
        let liquidityIndex = collateralReserve.liquidityIndex
        let borrowIndex = debtReserve.variableBorrowIndex
        let scaledCollateral = borrower.scaledATokenBalance(collateralID)
        let collateralBalance = try AaveMathUtils.aTokenBalance(scaledCollateral, liquidityIndex: liquidityIndex)
        let reserveDebt = try AaveMathUtils.vTokenBalance(borrower.scaledVariableDebt(debtID), variableBorrowIndex: borrowIndex)

        // 4. validateLiquidationCall.
        let collateralConfig = collateralReserve.configuration
        let debtConfig = debtReserve.configuration
        guard user != liquidator else { throw .reason("SelfLiquidation") }
        guard collateralConfig.isActive, debtConfig.isActive else { throw .reason("ReserveInactive") }
        guard !collateralConfig.isPaused, !debtConfig.isPaused else { throw .reason("ReservePaused") }
        guard account.healthFactor < AavePoolConfiguration.healthFactorLiquidationThreshold else {
            throw .reason("HealthFactorNotBelowThreshold")
        }
        guard borrower.isUsingAsCollateral(collateralID) else { throw .reason("CollateralCannotBeLiquidated") }
        guard !reserveDebt.isZero else { throw .reason("SpecifiedCurrencyNotBorrowedByUser") }

        let bonus = UInt256(collateralConfig.liquidationBonus)
        let collateralPrice = try prices.price(of: collateralAsset)
        let debtPrice = try prices.price(of: debtAsset)
        let collateralUnit = collateralReserve.unit
        let debtUnit = debtReserve.unit

        // 5. Close factor.
        let maxLiquidatableDebt: UInt256
        switch rules {
        case .v3_3:
            let debtValue = try debtReserve.baseValue(reserveDebt, price: debtPrice, roundingUp: true)
            let collateralValue = try collateralReserve.baseValue(collateralBalance, price: collateralPrice)
            var cap = reserveDebt
            if collateralValue >= AavePoolConfiguration.minBaseMaxCloseFactorThreshold,
               debtValue >= AavePoolConfiguration.minBaseMaxCloseFactorThreshold,
               account.healthFactor > AavePoolConfiguration.closeFactorHealthFactorThreshold {
                let halfDebtValue = try PercentageMath.percentMul(
                    account.totalDebtBase, AavePoolConfiguration.defaultLiquidationCloseFactor)
                if debtValue > halfDebtValue { cap = try (halfDebtValue * debtUnit) / debtPrice }
            }
            maxLiquidatableDebt = cap
        case .v3_0:
            let closeFactor = account.healthFactor > AavePoolConfiguration.closeFactorHealthFactorThreshold
                ? AavePoolConfiguration.defaultLiquidationCloseFactor
                : AavePoolConfiguration.maxLiquidationCloseFactor
            maxLiquidatableDebt = try PercentageMath.percentMul(reserveDebt, closeFactor)
        }
        var actualDebt = min(debtToCover, maxLiquidatableDebt)

        // 6. _calculateAvailableCollateralToLiquidate.
        var collateralAmount: UInt256
        let baseCollateral = try (debtPrice * actualDebt * collateralUnit) / (collateralPrice * debtUnit)
        let maxCollateral = try PercentageMath.percentMulFloor(baseCollateral, bonus)
        if maxCollateral > collateralBalance {
            collateralAmount = collateralBalance
            actualDebt = try PercentageMath.percentDivCeil(
                (collateralPrice * collateralAmount * debtUnit) / (debtPrice * collateralUnit), bonus)
        } else {
            collateralAmount = maxCollateral
        }
        var protocolFee = UInt256.zero
        if collateralConfig.liquidationProtocolFee != 0 {
            let bonusCollateral = try collateralAmount - PercentageMath.percentDivFloor(collateralAmount, bonus)
            protocolFee = try PercentageMath.percentMulCeil(bonusCollateral, UInt256(collateralConfig.liquidationProtocolFee))
            collateralAmount = try collateralAmount - protocolFee
        }

        // 7. Dust rule.
        if rules == .v3_3, actualDebt < reserveDebt, try collateralAmount + protocolFee < collateralBalance {
            let debtLeftValue = try debtReserve.baseValue(reserveDebt - actualDebt, price: debtPrice, roundingUp: true)
            let collateralLeftValue = try collateralReserve.baseValue(
                collateralBalance - collateralAmount - protocolFee, price: collateralPrice)
            guard debtLeftValue >= AavePoolConfiguration.minLeftoverBase,
                  collateralLeftValue >= AavePoolConfiguration.minLeftoverBase else { throw .reason("MustNotLeaveDust") }
        }

        // 8. Is any collateral left? (`getATokenBurnScaledAmount` and `getATokenTransferScaledAmount`
        // are the same `rayDivCeil`: the scaled amounts below serve steps 10 and 11 too.)
        let scaledCollateralAmount = try AaveMathUtils.aTokenBurnScaledAmount(collateralAmount, liquidityIndex: liquidityIndex)
        var scaledFee = try AaveMathUtils.aTokenTransferScaledAmount(protocolFee, liquidityIndex: liquidityIndex)
        var scaledConsumed = try scaledCollateralAmount + scaledFee
        if scaledConsumed > scaledCollateral { scaledConsumed = scaledCollateral }
        let reserveFullyConsumed = scaledConsumed == scaledCollateral
        var hasNoCollateralLeft = false
        if rules == .v3_3 {
            let consumedValue = try collateralReserve.baseValue(
                AaveMathUtils.aTokenBalance(scaledConsumed, liquidityIndex: liquidityIndex), price: collateralPrice)
            hasNoCollateralLeft = consumedValue == account.totalCollateralBase
        }
        if reserveFullyConsumed || hasNoCollateralLeft { borrower.setUsingAsCollateral(collateralID, false) }

        // 9. Debt. Deficits are (reserve id, amount), in the order they are booked.
        var deficits: [(id: Int, amount: UInt256)] = []
        try burnDebtTokens(debtID, position: &borrower, reserveDebt: reserveDebt, actualDebt: actualDebt,
                           hasNoCollateralLeft: hasNoCollateralLeft, journal: &journal, deficits: &deficits)

        // 10. Collateral to the liquidator (aTokens are credited at the end, with the fee).
        borrower.setScaledATokenBalance(try borrower.scaledATokenBalance(collateralID) - scaledCollateralAmount, collateralID)
        if !receiveAToken {
            try updateInterestRates(collateralID, added: .zero, taken: collateralAmount, &journal)
            guard !scaledCollateralAmount.isZero else { throw .reason("InvalidBurnAmount") }
            try Self.subtract(scaledCollateralAmount, from: &reserves[collateralID].scaledATokenTotalSupply)
            try journal.ledger.transfer(collateralAmount, of: collateralAsset, from: configuration.address,
                                        to: liquidator, ledger: &ledger)
        }

        // 11. Protocol fee to the treasury.
        if !protocolFee.isZero {
            let scaledLeft = borrower.scaledATokenBalance(collateralID)
            if scaledFee > scaledLeft {
                scaledFee = scaledLeft
                protocolFee = try AaveMathUtils.aTokenBalance(scaledLeft, liquidityIndex: liquidityIndex)
            }
            borrower.setScaledATokenBalance(scaledLeft &- scaledFee, collateralID)
        } else {
            scaledFee = .zero
        }

        // 12. Bad debt in the other reserves.
        var badDebtReserves = 0
        if hasNoCollateralLeft, borrower.isBorrowingAny {
            var mask = borrower.borrowingMask
            while mask != 0 {
                let id = mask.trailingZeroBitCount
                mask &= mask &- 1
                guard readReserve(id, { $0.pointee.configuration.isActive }) else { continue }
                try updateState(id, at: now, &journal)
                let debt = try AaveMathUtils.vTokenBalance(
                    borrower.scaledVariableDebt(id), variableBorrowIndex: readReserve(id) { $0.pointee.variableBorrowIndex })
                try burnDebtTokens(id, position: &borrower, reserveDebt: debt, actualDebt: .zero,
                                   hasNoCollateralLeft: true, journal: &journal, deficits: &deficits)
                badDebtReserves += 1
            }
        }

        // 13. The liquidator pays; nothing can revert after this, so the positions are written.
        try journal.ledger.transferFrom(actualDebt, of: debtAsset, owner: liquidator, spender: configuration.address,
                                        to: configuration.address, ledger: &ledger)
        book.set(borrower, for: user)
        if receiveAToken { creditScaledATokens(scaledCollateralAmount, collateralID, to: liquidator) }
        if !protocolFee.isZero { creditScaledATokens(scaledFee, collateralID, to: configuration.treasury) }

        let gas = configuration.gasSchedule.liquidationCall
            &+ UInt64(badDebtReserves) &* configuration.gasSchedule.liquidationPerBadDebtReserve
        // `DeficitCreated…`, then `LiquidationCall`, built when read.
        let source = configuration.name
        let (collateralToken, debtToken) = (collateralReserve.asset, debtReserve.asset)
        let deficitTokens = deficits.map { reserves[$0.id].asset }
        let booked = deficits.map(\.amount)
        let outcome = CallOutcome(gasUsed: gas) { [actualDebt, collateralAmount] in
            var events = zip(deficitTokens, booked).map { token, amount in
                ProtocolEvent(source: source, name: "DeficitCreated", fields: [
                    EventField("user", .address(user)),
                    EventField("debtAsset", .address(token.address)),
                    EventField("amountCreated", .amount(amount, of: token)),
                ])
            }
            events.append(ProtocolEvent(source: source, name: "LiquidationCall", fields: [
                EventField("collateralAsset", .address(collateralAsset)),
                EventField("debtAsset", .address(debtAsset)),
                EventField("user", .address(user)),
                EventField("debtToCover", .amount(actualDebt, of: debtToken)),
                EventField("liquidatedCollateralAmount", .amount(collateralAmount, of: collateralToken)),
                EventField("liquidator", .address(liquidator)),
                EventField("receiveAToken", .bool(receiveAToken)),
            ]))
            return events
        }
        return AaveLiquidationReceipt(
            healthFactor: account.healthFactor, maxLiquidatableDebt: maxLiquidatableDebt, debtRepaid: actualDebt,
            collateralToLiquidator: collateralAmount, protocolFee: protocolFee, hasNoCollateralLeft: hasNoCollateralLeft,
            deficits: zip(deficitTokens, booked).map { .init(asset: $0.address, amount: $1) }, outcome: outcome)
    }

    /// `LiquidationLogic._burnDebtTokens`: burns `rayDivFloor(burnAmount, index)` scaled debt, where
    /// `burnAmount` is the whole debt when no collateral is left and `actualDebt` otherwise; books
    /// `reserveDebt − actualDebt` as deficit when no collateral is left (appended to `deficits`);
    /// clears the borrowing flag at zero; updates the rates with `actualDebt` added.
    private mutating func burnDebtTokens(
        _ id: Int, position: inout AaveUserPosition, reserveDebt: UInt256, actualDebt: UInt256,
        hasNoCollateralLeft: Bool, journal: inout AaveJournal, deficits: inout [(id: Int, amount: UInt256)]
    ) throws(Revert) {
        var noMoreDebt = true
        journal.save(reserve: id, of: self)
        if !reserveDebt.isZero {
            let burnAmount = hasNoCollateralLeft ? reserveDebt : actualDebt
            let scaledBurn = try AaveMathUtils.vTokenBurnScaledAmount(
                burnAmount, variableBorrowIndex: readReserve(id) { $0.pointee.variableBorrowIndex })
            guard !scaledBurn.isZero else { throw .reason("InvalidBurnAmount") }
            let after = try position.scaledVariableDebt(id) - scaledBurn
            position.setScaledVariableDebt(after, id)
            noMoreDebt = after.isZero
            try Self.subtract(scaledBurn, from: &reserves[id].scaledVariableDebtTotalSupply)
        }
        let outstanding = try reserveDebt - actualDebt
        if hasNoCollateralLeft, !outstanding.isZero {
            try Self.add(outstanding, to: &reserves[id].deficit)
            deficits.append((id, outstanding))
        }
        if noMoreDebt { position.setBorrowing(id, false) }
        try updateInterestRates(id, added: actualDebt, taken: .zero, &journal)
    }

    /// The receiving side of `AToken.transferOnLiquidation`: adds scaled aTokens to `account` (no
    /// collateral flag change). Runs after the last call that can revert.
    private mutating func creditScaledATokens(_ scaled: UInt256, _ id: Int, to account: Address) {
        book.modify(account) { Self.credit(scaled, id, to: &$0) }
    }

    private static func credit(_ scaled: UInt256, _ id: Int, to position: inout AaveUserPosition) {
        position.setScaledATokenBalance(position.scaledATokenBalance(id) &+ scaled, id)
    }

    /// What a liquidation reads of an updated reserve, read in place once (a copy of the whole
    /// reserve would move ≈ 550 bytes for these fields).
    private struct ReserveTerms {
        let asset: Token
        let configuration: AaveReserveConfiguration
        let liquidityIndex: UInt256
        let variableBorrowIndex: UInt256
        let unit: UInt256
        let divisor: LimbDivisor?

        /// ``AaveReserve/baseValue(_:price:)`` (or ``AaveReserve/baseValueRoundingUp(_:price:)``).
        func baseValue(_ amount: UInt256, price: UInt256, roundingUp: Bool = false) throws(Revert) -> UInt256 {
            try AaveReserve.baseValue(amount, price: price, unit: unit, divisor: divisor, roundingUp: roundingUp)
        }
    }

    private func terms(of id: Int) -> ReserveTerms {
        readReserve(id) { reserve in
            ReserveTerms(
                asset: reserve.pointee.asset, configuration: reserve.pointee.configuration,
                liquidityIndex: reserve.pointee.liquidityIndex, variableBorrowIndex: reserve.pointee.variableBorrowIndex,
                unit: reserve.pointee.assetUnit, divisor: reserve.pointee.assetUnitDivisor)
        }
    }
}
