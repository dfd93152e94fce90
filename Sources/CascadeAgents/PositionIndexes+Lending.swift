import CascadeChain
import CascadeMath
import CascadeProtocols

/// The Aave v3 and Compound v2 liquidation indexes.
///
/// **Keys.** A lending position is liquidatable when its threshold-weighted collateral value falls
/// below its debt value. For one collateral asset `A` and one debt asset `B` that is
///
///     c_A · P_A · LT_A  <  d_B · P_B   ⟺   P_A / P_B  <  d_B / (c_A · LT_A)
///
/// so a position is indexed under the pair (A, B) with the right-hand side as its key: the
/// oracle price of the collateral, in units of the debt asset, below which the position can be
/// liquidated (times the debt's USD price it is the collateral's USD liquidation price). Amounts
/// grow with each reserve's rate index, the same for every holder, so keys are stored with the
/// indexes divided out and each query multiplies the price ratio by them:
///
/// | protocol | pair | key (× (1 + ``lendingKeyMargin``)) | query threshold at the current state |
/// | --- | --- | --- | --- |
/// | Aave | underlying addresses | `(scaledDebt_B / 10^dec_B) / ((scaledATokens_A / 10^dec_A) · LT_A / 10⁴)` | `(P_A / P_B) · (normalizedIncome_A / normalizedVariableDebt_B)` at the query's timestamp, prices 8-decimal USD |
/// | Compound | cToken addresses | `(principal_B / interestIndex_B) / (cTokens_A · collateralFactor_A / 10¹⁸)` | `(P_A / P_B) · (exchangeRateStored_A / 10¹⁸) / borrowIndex_B`, prices of `getUnderlyingPrice` |
///
/// A position is a candidate when its key is at least its pair's threshold. Pairs rather than
/// one index per collateral asset keyed in USD: a USD key would go stale when the *debt* asset's
/// price moves (a WETH loan against USDC becomes liquidatable when ETH rises), and a refresh only
/// happens when the owner transacts.
///
/// **Several collateral assets.** The position is indexed under its largest collateral `A` (by
/// threshold-weighted value at the refresh's prices) with the key computed *as if `A` were its
/// only collateral*. That key is conservative: the other collateral only adds value, so whenever
/// the position is liquidatable `A` alone cannot cover the debt either, and its key reaches the
/// threshold whatever the other prices do. The price paid is false positives while `A` alone
/// does not cover the debt.
///
/// **Several debt assets, or debt without collateral** (or with zero-threshold collateral only):
/// no single price ratio bounds the position (another debt's price can rise without limit), so it
/// is *unbounded*: a candidate at every query.
///
/// **Exactness.** The comparison is floating point while the protocols round each value (Aave
/// floors collateral values and ceils debt values in 8-decimal USD; Compound truncates every
/// mantissa product). Keys are raised by ``lendingKeyMargin`` (10⁻⁶, relative), which covers that
/// rounding for positions worth more than 10⁶ rounding units (Aave: $0.01), so the candidates
/// always include every liquidatable position; positions within 10⁻⁶ of their liquidation price
/// are false positives. The index is for *finding* candidates: liquidatability is decided exactly
/// by the protocol (Aave: health factor below 1; Compound: a shortfall). A governance change of a
/// Compound collateral factor re-keys a position only when its owner next transacts; a change of
/// an Aave reserve's parameters (``CascadeProtocols/AavePool/configurationVersion``) re-keys
/// every Aave position at the end of that block.
///
/// **Certain candidates (Aave).** A position that uses exactly one collateral reserve and one
/// debt reserve — no other bit in either mask — is indexed under a pair with
/// ``LendingPositionIndex/Pair/keyIsExact``: its key is its own liquidation price ratio. The pool
/// rounds the collateral value down (`rayMulFloor`, then a floor) and the debt value up
/// (`rayMulCeil`, then a ceiling), so its exact health factor is at most the real-valued one
/// (the final `wadDiv` rounds half up by less than 10⁻²² of 1). So when the key exceeds the
/// threshold by more than its margin and the float error of both (``aaveCertaintyDepth``), the
/// real health factor is below 1 and so is the exact one: the position is liquidatable without
/// being computed. Such positions are passed over by the exact scan; the others (every
/// position near its price, several reserves, unbounded) are scanned. The one case this does not
/// tell apart is a `getUserAccountData` that would overflow 256 bits, which needs balances worth
/// more than 10⁴⁰ USD.
extension PositionIndexes {
    /// Relative margin by which lending keys are raised so that float rounding never drops a
    /// liquidatable position from the candidates.
    public static let lendingKeyMargin = 1e-6

    /// The depth (key over threshold) beyond which an Aave candidate with an exact key is
    /// liquidatable for certain: the key margin, and 10⁻⁹ for the float rounding of a key and
    /// a threshold (a few operations on doubles, each within 1.2 · 10⁻¹⁶).
    public static let aaveCertaintyDepth = (1 + lendingKeyMargin) * (1 + 1e-9)

    /// Where `owner`'s Aave position belongs (`nil` without debt); `prices` (Aave units) only
    /// choose which collateral keys a multi-collateral position.
    static func aavePlacement(_ pool: AavePool, owner: Address, prices: AssetPrices) -> LendingPositionIndex.Placement? {
        let position = pool.position(of: owner)
        let borrowed = position.borrowingMask
        guard borrowed != 0 else { return nil }
        guard borrowed & (borrowed &- 1) == 0 else { return .unbounded }
        let debtID = borrowed.trailingZeroBitCount
        var best: (id: Int, weight: Double)?
        var mask = position.collateralMask
        while mask != 0 {
            let id = mask.trailingZeroBitCount
            mask &= mask &- 1
            let reserve = pool.reserves[id]
            let threshold = reserve.configuration.liquidationThreshold
            let scaled = position.scaledATokenBalance(id)
            guard threshold > 0, !scaled.isZero else { continue }
            let price = prices[reserve.asset.address]?.doubleValue ?? 0
            let weight = scaled.doubleValue * reserve.liquidityIndex.doubleValue / reserve.assetUnit.doubleValue
                * price * Double(threshold)
            if best.map({ weight > $0.weight }) ?? true { best = (id, weight) }
        }
        guard let best else { return .unbounded }
        let collateral = pool.reserves[best.id], debt = pool.reserves[debtID]
        let debtTokens = position.scaledVariableDebt(debtID).doubleValue / debt.assetUnit.doubleValue
        let collateralTokens = position.scaledATokenBalance(best.id).doubleValue / collateral.assetUnit.doubleValue
        let key = debtTokens / (collateralTokens * Double(collateral.configuration.liquidationThreshold) / 10_000)
        let keyIsExact = position.collateralMask == UInt128(1) << best.id   // and one debt, `borrowed`
        return .pair(.init(collateral: collateral.asset.address, debt: debt.asset.address, keyIsExact: keyIsExact),
                     key: key * (1 + lendingKeyMargin))
    }

    /// Where `owner`'s Compound position belongs (`nil` without a borrow in an entered market);
    /// `prices` (`getUnderlyingPrice` units) only choose which collateral keys a multi-collateral
    /// position.
    static func compoundPlacement(_ comptroller: CompoundComptroller, owner: Address, prices: AssetPrices,
                                  ledger: TokenLedger) -> LendingPositionIndex.Placement? {
        let entered = comptroller.accountAssets[owner] ?? []
        let borrowed = entered.filter { !(comptroller.markets[$0].accountBorrows[owner]?.principal.isZero ?? true) }
        guard let debtID = borrowed.first else { return nil }
        guard borrowed.count == 1 else { return .unbounded }
        var best: (id: Int, weight: Double)?
        for id in entered {
            let market = comptroller.markets[id]
            let tokens = market.balance(of: owner)
            let factor = market.configuration.collateralFactorMantissa
            guard !tokens.isZero, !factor.isZero else { continue }
            let rate = (try? market.exchangeRateStored(cash: market.cash(in: ledger)))?.doubleValue ?? 0
            let price = prices[market.underlying.address]?.doubleValue ?? 0
            let weight = tokens.doubleValue * factor.doubleValue * rate * price
            if best.map({ weight > $0.weight }) ?? true { best = (id, weight) }
        }
        guard let best else { return .unbounded }
        let collateral = comptroller.markets[best.id], debt = comptroller.markets[debtID]
        let snapshot = debt.accountBorrows[owner]!
        let normalizedDebt = snapshot.principal.doubleValue / snapshot.interestIndex.doubleValue
        let weightedTokens = collateral.balance(of: owner).doubleValue * collateral.configuration.collateralFactorMantissa.doubleValue / 1e18
        return .pair(.init(collateral: collateral.cToken, debt: debt.cToken),
                     key: normalizedDebt / weightedTokens * (1 + lendingKeyMargin))
    }

    /// Aave borrowers that may be liquidatable at `timestamp` with the oracle's `prices` (USD, 8
    /// decimals, by underlying), deepest first. Candidates must still be checked exactly
    /// (health factor below 1), unless certain (``aaveCertaintyDepth``).
    /// - Complexity: O(pairs + k) for k candidates once the index is settled at this level.
    public func aaveCandidates(_ pool: AavePool, prices: AssetPrices, timestamp: UInt64) -> [LendingPositionIndex.Candidate] {
        aavePositions.candidates(threshold: Self.aaveThreshold(pool, prices: prices, timestamp: timestamp))
    }

    /// A stamp of the Aave borrowers liquidatable at `timestamp` with the oracle's `prices`, when
    /// every candidate is certain (``aaveCertaintyDepth``, a debt reserve the pool lists) and the
    /// index is settled at this level; `nil` otherwise. Two equal stamps mean the same
    /// liquidatable borrowers: a reader that kept the set of an equal stamp need not compute it.
    /// - Complexity: O(pairs · log n).
    public func aaveCertainStamp(_ pool: AavePool, prices: AssetPrices, timestamp: UInt64) -> LendingPositionIndex.CertainStamp? {
        aavePositions.certainStamp(threshold: Self.aaveThreshold(pool, prices: prices, timestamp: timestamp),
                                   certainty: Self.aaveCertaintyDepth,
                                   isCertain: { $0.keyIsExact && pool.reserveIDs[$0.debt] != nil })
    }

    /// The Aave candidates at `timestamp` read straight from the index when at most one pair has
    /// any (``LendingPositionIndex/soleCandidates(threshold:)``), with that pair's debt bit;
    /// `nil` otherwise. With a certain stamp (``aaveCertainStamp(_:prices:timestamp:)``) they are
    /// exactly the liquidatable borrowers.
    public func aaveSoleCandidates(_ pool: AavePool, prices: AssetPrices, timestamp: UInt64) -> (owners: [Address], debtMask: UInt128)? {
        guard let sole = aavePositions.soleCandidates(threshold: Self.aaveThreshold(pool, prices: prices, timestamp: timestamp))
        else { return nil }
        guard let pair = sole.pair else { return ([], 0) }
        guard let debt = pool.reserveIDs[pair.debt] else { return nil }
        return (sole.owners, UInt128(1) << debt)
    }

    /// Whether ``aaveCandidates(_:prices:timestamp:)`` lists each pair's candidates in the
    /// index's own order (``LendingPositionIndex/candidatesKeepIndexOrder(threshold:separated:)``;
    /// `separated`: they are candidates found well separated before).
    public func aaveCandidatesKeepIndexOrder(_ pool: AavePool, prices: AssetPrices, timestamp: UInt64, separated: Bool = false) -> Bool {
        aavePositions.candidatesKeepIndexOrder(threshold: Self.aaveThreshold(pool, prices: prices, timestamp: timestamp),
                                               separated: separated)
    }

    /// Whether the Aave candidates' keys at `timestamp` are well separated
    /// (``LendingPositionIndex/keysWellSeparated(threshold:)``).
    public func aaveKeysWellSeparated(_ pool: AavePool, prices: AssetPrices, timestamp: UInt64) -> Bool {
        aavePositions.keysWellSeparated(threshold: Self.aaveThreshold(pool, prices: prices, timestamp: timestamp))
    }

    /// Compound borrowers that may have a shortfall with the oracle's `prices` (by underlying) and
    /// the stored exchange rates and borrow indexes, deepest first. Candidates must still be
    /// checked exactly (`getAccountLiquidity` shortfall above 0).
    /// - Complexity: O(pairs + k) for k candidates once the index is settled at this level.
    public func compoundCandidates(_ comptroller: CompoundComptroller, prices: AssetPrices, ledger: TokenLedger) -> [Address] {
        compoundPositions.candidates(threshold: Self.compoundThreshold(comptroller, prices: prices, ledger: ledger)).map(\.owner)
    }

    /// Each Aave pair's query threshold at `timestamp` (see the table above; `nil`: every
    /// position of the pair).
    static func aaveThreshold(_ pool: AavePool, prices: AssetPrices, timestamp: UInt64) -> (LendingPositionIndex.Pair) -> Double? {
        { pair in
            // The reserves are read in place (copying one retains its token's symbol).
            guard let collateral = pool.reserveIDs[pair.collateral], let debt = pool.reserveIDs[pair.debt],
                  let collateralPrice = prices[pair.collateral], let debtPrice = prices[pair.debt], !debtPrice.isZero,
                  let income = try? pool.reserves[collateral].normalizedIncome(at: timestamp),
                  let debtIndex = try? pool.reserves[debt].normalizedVariableDebt(at: timestamp) else { return nil }
            return collateralPrice.doubleValue / debtPrice.doubleValue * (income.doubleValue / debtIndex.doubleValue)
        }
    }

    /// Each Compound pair's query threshold (see the table above; `nil`: every position of the pair).
    static func compoundThreshold(_ comptroller: CompoundComptroller, prices: AssetPrices,
                                  ledger: TokenLedger) -> (LendingPositionIndex.Pair) -> Double? {
        { pair in
            guard let collateral = comptroller.market(pair.collateral), let debt = comptroller.market(pair.debt),
                  let collateralPrice = prices[collateral.underlying.address],
                  let debtPrice = prices[debt.underlying.address], !debtPrice.isZero,
                  let rate = try? collateral.exchangeRateStored(cash: collateral.cash(in: ledger)) else { return nil }
            return collateralPrice.doubleValue / debtPrice.doubleValue * (rate.doubleValue / 1e18) / debt.borrowIndex.doubleValue
        }
    }
}
