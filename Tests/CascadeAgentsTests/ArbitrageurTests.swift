import CascadeChain
import CascadeMath
import Testing
@testable import CascadeAgents
@testable import CascadeProtocols

@Suite struct ArbitrageurTests {
    typealias F = AgentFixture
    static let weth = Token(address: Address(truncating: 0x1001), symbol: "WETH", decimals: 18)
    static let usdc = Token(address: Address(truncating: 0x1002), symbol: "USDC", decimals: 6)
    static let pairAddress = Address(truncating: 0x9A1E)
    static let lp = Address(truncating: 0x1)
    static let arbitrageurAccount = F.account("arbitrageur", 0)
    static var arbitrageurAddress: Address { arbitrageurAccount.address }

    /// A WETH/USDC pair holding 1,000 WETH and 2,000,000 USDC ($2,000), and an arbitrageur
    /// holding `weth` WETH and `usdc` USDC (whole tokens).
    static func chain(weth wethHeld: UInt64 = 500, usdc usdcHeld: UInt64 = 1_000_000) throws -> ChainState {
        var ledger = TokenLedger()
        ledger.register(weth)
        ledger.register(usdc)
        var pair = UniswapV2Pair(address: pairAddress, tokenA: weth, tokenB: usdc, ledger: &ledger)
        try ledger.mint(amount(1_000, weth), of: weth.address, to: pairAddress)
        try ledger.mint(amount(2_000_000, usdc), of: usdc.address, to: pairAddress)
        _ = try pair.mint(to: lp, context: CallContext(sender: lp, blockNumber: F.block0, timestamp: F.t0), ledger: &ledger)
        try ledger.mint(amount(wethHeld, weth), of: weth.address, to: arbitrageurAddress)
        try ledger.mint(amount(usdcHeld, usdc), of: usdc.address, to: arbitrageurAddress)
        return ChainState(ledger: ledger, maker: nil, makerOracles: [], aave: nil, aaveAddress: nil, compound: nil,
                          pairs: [pair], feeds: [])
    }

    static func amount(_ whole: UInt64, _ token: Token) -> UInt256 {
        UInt256(whole) &* UInt256(10).powerWrapping(UInt256(UInt64(token.decimals)))
    }

    static func arbitrageur(gasPrice: UInt256 = F.gwei(50), minProfitUSD: Double = 0) -> Arbitrageur {
        Arbitrageur(account: arbitrageurAccount, configuration: .init(
            pair: pairAddress, symbol0: "WETH", symbol1: "USDC", nativeSymbol: "ETH", minProfitUSD: minProfitUSD,
            deadlineSeconds: 120, gas: .fixed(gasPrice)))
    }

    static func view(_ state: ChainState, eth: Double) -> AgentView {
        F.view(state, prices: ["WETH": eth, "ETH": eth, "USDC": 1])
    }

    /// The pool's price of WETH in USDC (whole tokens).
    static func poolPrice(_ state: ChainState) -> Double {
        let pair = state.pairs[0]
        return pair.reserve1.doubleValue / 1e6 / (pair.reserve0.doubleValue / 1e18)
    }

    /// The arbitrageur's holdings at market prices. [USD]
    static func worth(_ state: ChainState, eth: Double) -> Double {
        state.ledger.balance(of: arbitrageurAddress, in: weth.address).doubleValue / 1e18 * eth
            + state.ledger.balance(of: arbitrageurAddress, in: usdc.address).doubleValue / 1e6
    }

    /// Market $2,100 or $1,900 against the pool's $2,000: one router swap that leaves the pool
    /// within one fee band (0.3 %) of the market, and a profit at market prices above the gas.
    @Test(arguments: [2_100.0, 1_900.0, 2_500.0, 1_200.0])
    func swapMovesThePoolToWithinOneFeeBandOfTheMarket(eth: Double) throws {
        var state = try Self.chain()
        var arbitrageur = Self.arbitrageur()
        let sent = arbitrageur.act(Self.view(state, eth: eth))
        try #require(sent.count == 1)
        let pair = state.pairs[0]
        guard case let .uniswapV2SwapExactTokensForTokens(amountIn, amountOutMin, path, to, deadline) = sent[0].call else {
            Issue.record("not a router swap: \(sent[0].call)")
            return
        }
        let tokenIn = eth > 2_000 ? Self.usdc.address : Self.weth.address
        #expect(path == [tokenIn, tokenIn == Self.weth.address ? Self.usdc.address : Self.weth.address])
        #expect(amountOutMin == (try pair.getAmountOut(amountIn: amountIn, tokenIn: tokenIn)))
        #expect(to == Self.arbitrageurAddress)
        #expect(deadline == UInt256(F.t0 + 12 + 120))
        #expect(sent[0].contest == .pair(Self.pairAddress))
        try F.expectSigned(sent[0], sent[0].call, to: UniswapV2Router02.address, sender: Self.arbitrageurAddress)

        let before = Self.worth(state, eth: eth)
        let outcome = try #require(F.apply(sent[0], to: &state))
        let after = Self.worth(state, eth: eth)
        let gasUSD = Double(sent[0].gas.expected) * 50e9 / 1e18 * eth
        #expect(after - before > gasUSD, "profitable at market prices after gas")
        #expect(outcome.gasUsed == pair.gas.routerSwap)
        let gap = Self.poolPrice(state) / eth
        #expect(gap >= 0.997 - 1e-9 && gap <= 1 / 0.997 + 1e-9)
        // The optimum: the pool ends between m·γ and m on the side it was pushed from.
        #expect(eth > 2_000 ? gap <= 1 + 1e-9 : gap >= 1 - 1e-9)
    }

    /// 10,000 USDC of capital against an ideal input of ≈ 48,000: it sells exactly its balance.
    @Test func tradesWithinItsCapital() throws {
        var state = try Self.chain(weth: 0, usdc: 10_000)
        var arbitrageur = Self.arbitrageur()
        let sent = arbitrageur.act(Self.view(state, eth: 2_100))
        try #require(sent.count == 1)
        guard case let .uniswapV2SwapExactTokensForTokens(amountIn, _, _, _, _) = sent[0].call else { return }
        #expect(amountIn == Self.amount(10_000, Self.usdc))
        F.apply(sent[0], to: &state)
        #expect(state.ledger.balance(of: Self.arbitrageurAddress, in: Self.usdc.address).isZero)
        #expect(Self.poolPrice(state) < 2_100 * 0.997, "capital-limited: the pool stays outside the band")
    }

    /// Inside the fee band nothing is profitable; just outside it the profit (≈ $0.12) is below
    /// the gas, and only a free transaction would take it.
    @Test func noTradeWhenTheGapDoesNotPayTheGas() throws {
        let state = try Self.chain()
        var inside = Self.arbitrageur(gasPrice: .zero)
        #expect(inside.act(Self.view(state, eth: 2_005)).isEmpty)
        let barelyOutside = 2_000 / 0.997 * 1.0005
        var paying = Self.arbitrageur()
        #expect(paying.act(Self.view(state, eth: barelyOutside)).isEmpty)
        var free = Self.arbitrageur(gasPrice: .zero)
        #expect(free.act(Self.view(state, eth: barelyOutside)).count == 1)
        var demanding = Self.arbitrageur(gasPrice: .zero, minProfitUSD: 1)
        #expect(demanding.act(Self.view(state, eth: barelyOutside)).isEmpty)
    }

    /// One arbitrage per pair at a time: while the first is pending nothing new is sent.
    @Test func oneSwapPendingAtATime() throws {
        let state = try Self.chain()
        var arbitrageur = Self.arbitrageur()
        let sent = arbitrageur.act(Self.view(state, eth: 2_100))
        var mempool = MempoolView()
        mempool.add(sent[0], submittedBlock: F.block0 + 1, price: F.gwei(50))
        let view = F.view(state, block: F.block0 + 1, timestamp: F.t0 + 12, prices: ["WETH": 2_100, "ETH": 2_100, "USDC": 1],
                          mempool: mempool)
        #expect(arbitrageur.act(view).isEmpty)
    }

    /// The closed form against a brute-force search of the exact profit on a grid.
    @Test func optimalInputMaximisesTheExactProfit() throws {
        let state = try Self.chain()
        let pair = state.pairs[0]
        let m = 2_300.0 / 1e12  // raw USDC per raw WETH
        let ideal = Arbitrageur.optimalInput(reserveIn: pair.reserve1.doubleValue, reserveOut: pair.reserve0.doubleValue,
                                             marketPrice: m)
        func profit(_ input: Double) throws -> Double {
            let out = try pair.getAmountOut(amountIn: UInt256(truncating: input)!, tokenIn: Self.usdc.address)
            return out.doubleValue * m - input
        }
        let best = try profit(ideal)
        for factor in [0.9, 0.99, 0.999, 1.001, 1.01, 1.1] {
            #expect(try profit(ideal * factor) <= best)
        }
        #expect(Arbitrageur.optimalInput(reserveIn: 1_000, reserveOut: 1_000, marketPrice: 1.002) == 0)
    }
}
