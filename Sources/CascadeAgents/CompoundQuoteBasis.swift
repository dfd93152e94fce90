import CascadeChain
import CascadeMath
import CascadeProtocols

/// Everything a Compound `liquidateBorrow` of one borrower's (borrowed, collateral) pair depends
/// on except the repayment, read from the stored state (as `eth_call` on the last block would):
/// ``quote(_:)`` then sizes any repayment with two multiplications.
///
/// The values change only when Compound's prices, market aggregates or the borrower's balances
/// do, which is when ``CompoundShortfalls`` recomputes (its ``CompoundShortfalls/generation``):
/// a ``Liquidator`` keeps the bases of the borrowers it evaluates for that long.
struct CompoundQuoteBasis: Sendable {
    let borrower: Address
    let borrowed: CompoundMarket.ID
    let collateral: CompoundMarket.ID
    /// The markets' indexes in the Comptroller's list.
    let borrowedIndex: Int, collateralIndex: Int
    /// `⌊closeFactor · borrowBalanceStored⌋`: the close factor's cap (the borrow only grows until
    /// execution, so the cap holds then).
    let maxRepay: UInt256
    /// `⌊((cTokens + 1) · 10¹⁸ − 1) / seizeRatio⌋`: the largest repayment whose seizure fits the
    /// borrower's cTokens (`LIQUIDATE_SEIZE_TOO_MUCH` otherwise).
    let fitting: UInt256
    /// `liquidateCalculateSeizeTokens(10¹⁸)`: cTokens seized per whole repaid unit, mantissa —
    /// `liquidateCalculateSeizeTokens(r) = ⌊seizeRatio · r / 10¹⁸⌋` exactly (`mul_ScalarTruncate`).
    let seizeRatio: UInt256
    /// The collateral market's `protocolSeizeShareMantissa`.
    let protocolSeizeShare: UInt256
    /// The collateral market's stored exchange rate, mantissa.
    let exchangeRate: UInt256
    let gas: GasEstimate

    /// The basis, or `nil` when no liquidation of the pair can succeed (seizing paused, a price
    /// missing, a seize ratio of zero) or the arithmetic overflows.
    init?(_ comptroller: CompoundComptroller, borrower: Address, collateralID: Int, borrowedID: Int,
          prices: AssetPrices, ledger: TokenLedger) {
        let collateralMarket = comptroller.markets[collateralID]
        do throws(Revert) {
            guard !comptroller.configuration.seizePaused,
                  let ratio = try comptroller.liquidateCalculateSeizeTokens(
                    borrowed: borrowedID, collateral: collateralID, actualRepayAmount: CompoundMath.expScale,
                    prices: prices, ledger: ledger), !ratio.isZero else { return nil }
            maxRepay = try CompoundMath.mulScalarTruncate(comptroller.configuration.closeFactorMantissa,
                                                          comptroller.markets[borrowedID].borrowBalanceStored(borrower))
            fitting = try ((collateralMarket.balance(of: borrower) + .one) * CompoundMath.expScale - .one) / ratio
            seizeRatio = ratio
            exchangeRate = try collateralMarket.exchangeRateStored(cash: collateralMarket.cash(in: ledger))
        } catch {
            return nil
        }
        self.borrower = borrower
        borrowedIndex = borrowedID
        collateralIndex = collateralID
        borrowed = CompoundMarket.ID(comptroller.markets[borrowedID])
        collateral = CompoundMarket.ID(collateralMarket)
        protocolSeizeShare = collateralMarket.configuration.protocolSeizeShareMantissa
        gas = GasEstimate(gasUsed: comptroller.configuration.gasSchedule.liquidateBorrow)
    }

    /// The liquidation repaying at most `repayAmount` (raw units of the borrowed underlying),
    /// capped by ``maxRepay`` and ``fitting``, or `nil` when it would move nothing. The collateral
    /// received is the seized cTokens less the protocol's seize share, at the stored exchange rate.
    func quote(_ repayAmount: UInt256) -> LiquidationQuote? {
        let repay = min(repayAmount, maxRepay, fitting)
        guard !repay.isZero else { return nil }
        do throws(Revert) {
            let seizeTokens = try CompoundMath.mulScalarTruncate(seizeRatio, repay)
            let protocolTokens = try CompoundMath.mulScalarTruncate(seizeTokens, protocolSeizeShare)
            let received = try CompoundMath.mulScalarTruncate(exchangeRate, seizeTokens - protocolTokens)
            guard !received.isZero else { return nil }
            return LiquidationQuote(
                borrower: borrower,
                call: .compoundLiquidateBorrow(borrower: borrower, repayAmount: repay, cTokenCollateral: collateral.cToken),
                to: borrowed.cToken, debtAsset: borrowed.underlying, debtToCover: repay, debtRepaid: repay, maxRepay: maxRepay,
                collateralAsset: collateral.underlying, collateralReceived: received, gas: gas)
        } catch {
            return nil
        }
    }
}

extension CompoundQuoteBasis {
    /// An upper bound (USD) on `seized value − repaid value` over every repayment the basis
    /// allows up to `available` (raw units of the borrowed underlying), at `collateralUSD` and
    /// `debtUSD` per whole token; a liquidation's gross profit
    /// (which also pays the sale's impact) never exceeds it, so a liquidator can pass over a
    /// borrower whose bound is below its minimum without sizing anything.
    ///
    /// The seizure is at most linear in the repayment `r`: each floor of ``quote(_:)`` rounds
    /// down, except the protocol's share, whose floor adds back less than one cToken; so the
    /// collateral received is at most `r · seizeRatio · (1 − share) · exchangeRate` (each a
    /// mantissa over 10¹⁸) plus one cToken's worth, and `r` is at most
    /// `min(maxRepay, fitting, available)`.
    /// A relative 10⁻⁹ and an absolute 10⁻⁹ USD cover the floating-point rounding of the bound
    /// and of the profit it bounds.
    func grossProfitBound(collateralUSD: Double, debtUSD: Double, available: UInt256) -> Double {
        Self.grossProfitBound(seizeRatio: seizeRatio, protocolSeizeShare: protocolSeizeShare, exchangeRate: exchangeRate,
                              collateralDecimals: Int(collateral.underlying.decimals), borrowedDecimals: Int(borrowed.underlying.decimals),
                              collateralUSD: collateralUSD, debtUSD: debtUSD, repayCap: min(maxRepay, fitting, available))
    }

    /// The same bound from its parts, for repayments of at most `repayCap` raw units: with the
    /// borrower's caps for one basis, or with the capital alone for every borrower of a market
    /// pair (`seizeRatio`, the share and the exchange rate do not depend on the borrower).
    static func grossProfitBound(seizeRatio: UInt256, protocolSeizeShare: UInt256, exchangeRate: UInt256,
                                 collateralDecimals: Int, borrowedDecimals: Int, collateralUSD: Double, debtUSD: Double,
                                 repayCap: UInt256) -> Double {
        let mantissa = 1e18
        let collateralUnitUSD = collateralUSD / Double.powerOfTen(collateralDecimals)
        let debtUnitUSD = debtUSD / Double.powerOfTen(borrowedDecimals)
        let received = seizeRatio.doubleValue / mantissa * (1 - protocolSeizeShare.doubleValue / mantissa)
            * exchangeRate.doubleValue / mantissa
        let margin = received * collateralUnitUSD * (1 + 1e-9) - debtUnitUSD * (1 - 1e-9)
        let oneCToken = exchangeRate.doubleValue / mantissa * collateralUnitUSD
        return repayCap.doubleValue * max(0, margin) + oneCToken * (1 + 1e-9) + 1e-9
    }
}

extension CompoundMarket {
    /// A market's addresses, without its balances.
    struct ID: Sendable, Hashable {
        let cToken: Address
        let underlying: Token

        init(_ market: CompoundMarket) {
            cToken = market.cToken
            underlying = market.underlying
        }
    }
}
