import CascadeChain
import CascadeMath
import CascadeProtocols

/// An arbitrageur that keeps one Uniswap v2 pair in line with the market: when the pool's price
/// leaves the market price by more than the 0.3 % fee, it sells the token the pool overprices
/// for the one it underprices, in the size that maximises its profit at market prices — which
/// moves the pool's price to within one fee band of the market.
///
/// **Sizing.** Selling `x` raw units of token I for token O returns
/// `out(x) = γ·x·rO / (rI + γ·x)` (γ = 0.997, reserves rI, rO). With `m` the market value of one
/// raw unit of O in raw units of I, the profit `m·out(x) − x` is largest at
/// `x* = (√(m·γ·rI·rO) − rI) / γ`, positive only when `m·γ·rO > rI` (the pool sells O for less
/// than the market, fee included). After that trade the pool's marginal price of O, fee
/// included, is `m`: its spot price `rI/rO` lies between `m·γ` and `m`. The closed form (floating
/// point, a decision) gives the input; the output is then quoted exactly with the pair's
/// ``CascadeProtocols/UniswapV2Pair/getAmountOut(amountIn:tokenIn:)``.
///
/// **Limits.** The input is at most the arbitrageur's ledger balance of token I (its capital
/// in that token). It trades only when the profit at market prices, `out·pO − x·pI`, exceeds the
/// expected gas cost (valued in the native token) by `minProfitUSD`.
///
/// **Transaction.** One Router02 `swapExactTokensForTokens` (``CascadeProtocols/UniswapV2Router02``),
/// which moves the input and swaps in the same transaction, with `amountOutMin` the exact quote:
/// if anything moves the pool first the swap reverts (`UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT`)
/// rather than trade at a worse price, as arbitrage bots do. It competes on ``Contest/pair(_:)``;
/// one arbitrage per pair is pending at a time.
public struct Arbitrageur: Sendable {
    /// The arbitrageur's parameters.
    public struct Configuration: Sendable, Hashable {
        /// The pair's address.
        public var pair: Address
        /// Market symbols of the pair's `token0` and `token1` (e.g. `"ETH"`, `"DAI"`).
        public var symbol0: String
        public var symbol1: String
        /// Market symbol of the token gas is paid in (`"ETH"`).
        public var nativeSymbol: String
        /// Profit beyond the gas cost required to trade. [USD]
        public var minProfitUSD: Double
        /// Seconds after the next block's timestamp until the swap expires (its `deadline`).
        public var deadlineSeconds: UInt64
        /// Its gas pricing.
        public var gas: GasStrategy

        public init(pair: Address, symbol0: String, symbol1: String, nativeSymbol: String, minProfitUSD: Double,
                    deadlineSeconds: UInt64, gas: GasStrategy) {
            self.pair = pair
            self.symbol0 = symbol0
            self.symbol1 = symbol1
            self.nativeSymbol = nativeSymbol
            self.minProfitUSD = minProfitUSD
            self.deadlineSeconds = deadlineSeconds
            self.gas = gas
        }
    }

    /// A planned swap.
    struct Trade: Sendable, Hashable {
        var tokenIn: Token
        var amountIn: UInt256
        var amountOut: UInt256
        /// `amountOut · pO − amountIn · pI`. [USD]
        var profitUSD: Double
    }

    /// The arbitrageur's account; its ledger balances are its capital.
    public private(set) var account: AgentAccount
    /// Its parameters.
    public let configuration: Configuration
    private var inFlight = InFlight()

    public init(account: AgentAccount, configuration: Configuration) {
        self.account = account
        self.configuration = configuration
    }

    /// The transactions the arbitrageur sends after the last block.
    public mutating func act(_ view: AgentView) -> [AgentTransaction] {
        guard let pair = view.state.pairs.first(where: { $0.address == configuration.pair }) else { return [] }
        inFlight.refresh(&account, view: view)
        var sent = inFlight.rebid(configuration.gas, account: &account, view: view)
        let contest = Contest.pair(pair.address)
        guard !inFlight.contains(contest), let trade = plan(pair, view: view) else { return sent }
        let (fee, bid) = view.fee(configuration.gas, contest: contest, sender: account.address)
        let gas = GasEstimate(gasUsed: pair.gas.routerSwap)
        guard let gasUSD = view.gasCostUSD(bid: bid, gas: gas, nativeSymbol: configuration.nativeSymbol),
              trade.profitUSD - gasUSD > configuration.minProfitUSD else { return sent }
        let call = UniswapV2Router02.swapExactTokensForTokens(
            pair: pair, amountIn: trade.amountIn, tokenIn: trade.tokenIn.address, amountOutMin: trade.amountOut,
            to: account.address, deadline: view.nextTimestamp + configuration.deadlineSeconds)
        let transaction = account.send(call, to: UniswapV2Router02.address, fee: fee, gas: gas, contest: contest)
        inFlight.add(transaction)
        sent.append(transaction)
        return sent
    }

    /// The most profitable swap at market prices within the arbitrageur's balances, before gas,
    /// or `nil` when the pool is within the fee band of the market (or prices are missing).
    func plan(_ pair: UniswapV2Pair, view: AgentView) -> Trade? {
        guard let price0 = view.market.price(configuration.symbol0), let price1 = view.market.price(configuration.symbol1),
              price0 > 0, price1 > 0, !pair.reserve0.isZero, !pair.reserve1.isZero else { return nil }
        // USD per raw unit of each token.
        let unit0 = price0 / Self.unit(pair.token0)
        let unit1 = price1 / Self.unit(pair.token1)
        let candidates = [
            (tokenIn: pair.token0, unitIn: unit0, unitOut: unit1),
            (tokenIn: pair.token1, unitIn: unit1, unitOut: unit0),
        ]
        for side in candidates {
            guard let (reserveIn, reserveOut) = try? pair.reserves(tokenIn: side.tokenIn.address) else { continue }
            let ideal = Self.optimalInput(reserveIn: reserveIn.doubleValue, reserveOut: reserveOut.doubleValue,
                                          marketPrice: side.unitOut / side.unitIn)
            guard ideal >= 1 else { continue }
            let balance = view.state.ledger.balance(of: account.address, in: side.tokenIn.address)
            let amountIn = min(UInt256(truncating: ideal) ?? balance, balance)
            guard !amountIn.isZero, let amountOut = try? pair.getAmountOut(amountIn: amountIn, tokenIn: side.tokenIn.address),
                  !amountOut.isZero else { continue }
            let profit = amountOut.doubleValue * side.unitOut - amountIn.doubleValue * side.unitIn
            guard profit > 0 else { continue }
            return Trade(tokenIn: side.tokenIn, amountIn: amountIn, amountOut: amountOut, profitUSD: profit)
        }
        return nil
    }

    /// The input `x* = (√(m·γ·rI·rO) − rI) / γ` that maximises `m·out(x) − x` on a constant-product
    /// pool with the 0.3 % fee (γ = 997/1000), where `m` is the market value of one unit of the
    /// output in units of the input; 0 when no trade is profitable (`m·γ·rO ≤ rI`). Raw units.
    static func optimalInput(reserveIn: Double, reserveOut: Double, marketPrice: Double) -> Double {
        let gamma = 0.997
        let root = (marketPrice * gamma * reserveIn * reserveOut).squareRoot()
        return max((root - reserveIn) / gamma, 0)
    }

    /// Raw units per whole token, `10^decimals`.
    static func unit(_ token: Token) -> Double {
        UInt256(10).powerWrapping(UInt256(UInt64(token.decimals))).doubleValue
    }
}
