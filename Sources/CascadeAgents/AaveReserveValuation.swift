import CascadeChain
import CascadeProtocols

/// What a liquidator reads of one Aave reserve to screen liquidations
/// (``Liquidator/aaveGrossProfitBound(account:rules:collateral:debt:available:)``), resolved once
/// per observation rather than once per borrower: the token, its USD price, its oracle price,
/// its unit and its liquidation bonus.
struct AaveReserveValuation {
    /// The reserve's underlying token.
    let asset: Address
    /// USD per whole token as the liquidator values it (``Liquidator/usdPrice(_:oracleUSD:_:)``),
    /// `nil` when it does not trade the token.
    let usd: Double?
    /// The pool oracle's price (base currency units per whole token), `nil` when missing or zero:
    /// a quote would revert.
    let oraclePrice: Double?
    /// `10^decimals`.
    let unit: Double
    /// `liquidationBonus` in basis points (10,500: 5 %).
    let bonus: Double

    /// `reserve` valued at `usd` with the oracle's `prices`.
    init(_ reserve: AaveReserve, usd: Double?, prices: AssetPrices) {
        asset = reserve.asset.address
        self.usd = usd
        oraclePrice = prices[reserve.asset.address].flatMap { $0.isZero ? nil : $0.doubleValue }
        unit = reserve.assetUnit.doubleValue
        bonus = Double(reserve.configuration.liquidationBonus)
    }
}
