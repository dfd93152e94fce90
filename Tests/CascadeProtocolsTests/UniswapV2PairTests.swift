import CascadeChain
import CascadeMath
@testable import CascadeProtocols
import XCTest

/// The pair against Uniswap/v2-core `test/UniswapV2Pair.spec.ts` (commit ee547b1) and
/// v2-periphery's router vectors, run through `swap`/`mint`/`burn` with real token transfers.
final class UniswapV2PairTests: XCTestCase {
    // MARK: Liquidity

    /// v2-core `mint`: 1 and 4 tokens give √4 = 2 LP tokens, 1,000 units locked at address zero.
    func testMintIssuesSqrtOfProductMinusMinimumLiquidity() throws {
        var f = PairFixture()
        try f.addLiquidity(tokens(1), tokens(4))
        XCTAssertEqual(f.ledger.totalSupply(of: f.pairAddress), tokens(2))
        XCTAssertEqual(f.ledger.balance(of: f.wallet, in: f.pairAddress), tokens(2) &- 1_000)
        XCTAssertEqual(f.ledger.balance(of: .zero, in: f.pairAddress), 1_000)
        XCTAssertEqual(f.balance(f.pairAddress, f.token0), tokens(1))
        XCTAssertEqual(f.balance(f.pairAddress, f.token1), tokens(4))
        XCTAssertEqual(f.pair.reserve0, tokens(1))
        XCTAssertEqual(f.pair.reserve1, tokens(4))
        XCTAssertEqual(f.pair.token0, f.token0, "tokens are sorted by address")
    }

    func testMintRevertsWithoutEnoughLiquidity() throws {
        var f = PairFixture()
        try f.send(1_000, of: f.token0)
        try f.send(1_000, of: f.token1)
        XCTAssertReverts(.reason("UniswapV2: INSUFFICIENT_LIQUIDITY_MINTED"), try f.pair.mint(to: f.wallet, context: f.context(), ledger: &f.ledger))
        var g = PairFixture()
        try g.send(999, of: g.token0)
        try g.send(1_000, of: g.token1)
        XCTAssertReverts(.underflow, try g.pair.mint(to: g.wallet, context: g.context(), ledger: &g.ledger))
        XCTAssertEqual(g.ledger.totalSupply(of: g.pairAddress), 0, "a reverted mint issues nothing")
    }

    /// A later mint issues min(amount0·supply/reserve0, amount1·supply/reserve1).
    func testSecondMintIsProRata() throws {
        var f = PairFixture()
        try f.addLiquidity(tokens(1), tokens(4))
        try f.send(tokens(1), of: f.token0)
        try f.send(tokens(8), of: f.token1)
        _ = try f.pair.mint(to: f.other, context: f.context(), ledger: &f.ledger)
        XCTAssertEqual(f.ledger.balance(of: f.other, in: f.pairAddress), tokens(2))
        XCTAssertEqual(f.pair.reserve1, tokens(12))
    }

    /// v2-core `burn`: burning all but the locked liquidity of a 3/3 pool returns 3e18 − 1000 each.
    func testBurnReturnsProRataShare() throws {
        var f = PairFixture()
        try f.addLiquidity(tokens(3), tokens(3))
        let liquidity = tokens(3) &- 1_000
        try f.ledger.transfer(liquidity, of: f.pairAddress, from: f.wallet, to: f.pairAddress)
        let outcome = try f.pair.burn(to: f.wallet, context: f.context(), ledger: &f.ledger)
        XCTAssertEqual(f.ledger.balance(of: f.wallet, in: f.pairAddress), 0)
        XCTAssertEqual(f.ledger.totalSupply(of: f.pairAddress), 1_000)
        XCTAssertEqual(f.balance(f.pairAddress, f.token0), 1_000)
        XCTAssertEqual(f.balance(f.pairAddress, f.token1), 1_000)
        XCTAssertEqual(f.balance(f.wallet, f.token0), tokens(10_000) &- 1_000)
        XCTAssertEqual(f.balance(f.wallet, f.token1), tokens(10_000) &- 1_000)
        XCTAssertEqual(f.pair.reserves.reserve0, 1_000)
        XCTAssertEqual(outcome.events.map(\.name), ["Transfer", "Sync", "Burn"])
        XCTAssertReverts(.reason("UniswapV2: INSUFFICIENT_LIQUIDITY_BURNED"), try f.pair.burn(to: f.wallet, context: f.context(), ledger: &f.ledger))
    }

    /// v2-core `feeTo:off`: with the fee off, burning everything leaves only the locked liquidity.
    func testFeeOffLeavesOnlyMinimumLiquidity() throws {
        var f = PairFixture()
        try f.addLiquidity(tokens(1_000), tokens(1_000))
        try f.send(e18, of: f.token1)
        _ = try f.swap(996_006_981_039_903_216, 0)
        try f.ledger.transfer(tokens(1_000) &- 1_000, of: f.pairAddress, from: f.wallet, to: f.pairAddress)
        _ = try f.pair.burn(to: f.wallet, context: f.context(), ledger: &f.ledger)
        XCTAssertEqual(f.ledger.totalSupply(of: f.pairAddress), 1_000)
        XCTAssertEqual(f.pair.kLast, 0)
    }

    /// v2-core `feeTo:on`: the protocol gets 1/6 of the growth of √k, minted at the next burn.
    func testFeeOnMintsOneSixthOfRootKGrowth() throws {
        var f = PairFixture()
        f.pair.feeTo = f.other
        try f.addLiquidity(tokens(1_000), tokens(1_000))
        try f.send(e18, of: f.token1)
        _ = try f.swap(996_006_981_039_903_216, 0)
        try f.ledger.transfer(tokens(1_000) &- 1_000, of: f.pairAddress, from: f.wallet, to: f.pairAddress)
        _ = try f.pair.burn(to: f.wallet, context: f.context(), ledger: &f.ledger)
        // v2-core expects MINIMUM_LIQUIDITY + 249750499251388, and 1000 + … for the balances.
        XCTAssertEqual(f.ledger.totalSupply(of: f.pairAddress), 249_750_499_252_388)
        XCTAssertEqual(f.ledger.balance(of: f.other, in: f.pairAddress), 249_750_499_251_388)
        XCTAssertEqual(f.balance(f.pairAddress, f.token0), 249_501_683_698_445)
        XCTAssertEqual(f.balance(f.pairAddress, f.token1), 250_000_187_313_969)
    }

    // MARK: Swaps

    /// v2-core `swapTestCases` (`getInputPrice:i`): token0 in, token1 out; one unit more than the
    /// expected output fails the K check, the expected output succeeds.
    func testSwapTestCasesThroughThePair() throws {
        let cases: [(swap: UInt256, reserve0: UInt256, reserve1: UInt256, expected: UInt256)] = [
            (tokens(1), tokens(5), tokens(10), 1_662_497_915_624_478_906),
            (tokens(1), tokens(10), tokens(5), 453_305_446_940_074_565),
            (tokens(2), tokens(5), tokens(10), 2_851_015_155_847_869_602),
            (tokens(2), tokens(10), tokens(5), 831_248_957_812_239_453),
            (tokens(1), tokens(10), tokens(10), 906_610_893_880_149_131),
            (tokens(1), tokens(100), tokens(100), 987_158_034_397_061_298),
            (tokens(1), tokens(1_000), tokens(1_000), 996_006_981_039_903_216),
        ]
        for (i, c) in cases.enumerated() {
            var f = PairFixture()
            try f.addLiquidity(c.reserve0, c.reserve1)
            XCTAssertEqual(try f.pair.getAmountOut(amountIn: c.swap, tokenIn: f.token0.address), c.expected, "case \(i)")
            try f.send(c.swap, of: f.token0)
            XCTAssertReverts(.reason("UniswapV2: K"), try f.swap(0, c.expected &+ 1))
            _ = try f.swap(0, c.expected)
            XCTAssertEqual(f.pair.reserve0, c.reserve0 &+ c.swap, "case \(i)")
            XCTAssertEqual(f.pair.reserve1, c.reserve1 &- c.expected, "case \(i)")
            XCTAssertEqual(f.balance(f.wallet, f.token1), tokens(10_000) &- c.reserve1 &+ c.expected, "case \(i)")
        }
    }

    /// v2-core `optimisticTestCases`: output of the same token as the input (a flash-swap
    /// repayment, here paid up front): out = ⌊in · 0.997⌋, and in = ⌈out / 0.997⌉.
    func testOptimisticCases() throws {
        let cases: [(output: UInt256, reserve0: UInt256, reserve1: UInt256, input: UInt256)] = [
            (997_000_000_000_000_000, tokens(5), tokens(10), tokens(1)),
            (997_000_000_000_000_000, tokens(10), tokens(5), tokens(1)),
            (997_000_000_000_000_000, tokens(5), tokens(5), tokens(1)),
            (tokens(1), tokens(5), tokens(5), 1_003_009_027_081_243_732),
        ]
        for c in cases {
            var f = PairFixture()
            try f.addLiquidity(c.reserve0, c.reserve1)
            try f.send(c.input, of: f.token0)
            XCTAssertReverts(.reason("UniswapV2: K"), try f.swap(c.output &+ 1, 0))
            _ = try f.swap(c.output, 0)
        }
    }

    /// v2-core `swap:token0`: events, reserves and balances after token0 in.
    func testSwapToken0EmitsSyncAndSwap() throws {
        var f = PairFixture()
        try f.addLiquidity(tokens(5), tokens(10))
        let expected: UInt256 = 1_662_497_915_624_478_906
        try f.send(tokens(1), of: f.token0)
        let outcome = try f.swap(0, expected)
        XCTAssertEqual(outcome.gasUsed, 73_462)
        XCTAssertEqual(outcome.events.map(\.name), ["Sync", "Swap"])
        let swap = outcome.events[1].fields
        XCTAssertEqual(swap.map(\.name), ["sender", "amount0In", "amount1In", "amount0Out", "amount1Out", "to"])
        XCTAssertEqual(swap[1].value, .amount(tokens(1), symbol: "TKA", decimals: 18))
        XCTAssertEqual(swap[2].value, .amount(0, symbol: "TKB", decimals: 18))
        XCTAssertEqual(swap[4].value, .amount(expected, symbol: "TKB", decimals: 18))
        XCTAssertEqual(outcome.events[0].fields[0].value, .amount(tokens(6), symbol: "TKA", decimals: 18))
        XCTAssertEqual(f.balance(f.pairAddress, f.token0), tokens(6))
        XCTAssertEqual(f.balance(f.pairAddress, f.token1), tokens(10) &- expected)
        XCTAssertEqual(f.balance(f.wallet, f.token0), tokens(10_000) &- tokens(6))
    }

    /// Events are built when read, from the values of their own call: a later swap does not
    /// change an earlier outcome's events, and reading twice gives the same list.
    func testDeferredEventsKeepTheirCallsValues() throws {
        var f = PairFixture()
        try f.addLiquidity(tokens(5), tokens(10))
        try f.send(tokens(1), of: f.token0)
        let first = try f.swap(0, 1_662_497_915_624_478_906)
        try f.send(tokens(1), of: f.token0)
        _ = try f.swap(0, 1_000_000_000_000_000)
        XCTAssertEqual(first.events[0].fields[0].value, .amount(tokens(6), symbol: "TKA", decimals: 18), "reserve0 after the first swap")
        XCTAssertEqual(first.events, first.events)
        XCTAssertEqual(first, CallOutcome(gasUsed: first.gasUsed, events: first.events), "deferred and built outcomes compare by value")
        f.pair.source = "renamed"
        try f.send(tokens(1), of: f.token0)
        XCTAssertEqual(try f.swap(0, 1_000).events.map(\.source), ["renamed", "renamed"])
        XCTAssertEqual(first.events.map(\.source), ["uniswap-v2 TKA/TKB", "uniswap-v2 TKA/TKB"])
    }

    /// With events off a swap changes the same state and returns no events.
    func testSwapWithoutEventsChangesTheSameState() throws {
        var on = PairFixture()
        var off = PairFixture()
        off.pair.emitsEvents = false
        try on.addLiquidity(tokens(5), tokens(10))
        try off.addLiquidity(tokens(5), tokens(10))
        try on.send(tokens(1), of: on.token0)
        try off.send(tokens(1), of: off.token0)
        XCTAssertEqual(try on.swap(0, 1_662_497_915_624_478_906).events.count, 2)
        let quiet = try off.swap(0, 1_662_497_915_624_478_906)
        XCTAssertEqual(quiet.events, [])
        XCTAssertEqual(quiet.gasUsed, 73_462)
        off.pair.emitsEvents = true
        XCTAssertEqual(on.pair, off.pair)
        XCTAssertEqual(on.balance(on.wallet, on.token1), off.balance(off.wallet, off.token1))
    }

    /// v2-core `swap:token1`: token1 in, token0 out.
    func testSwapToken1() throws {
        var f = PairFixture()
        try f.addLiquidity(tokens(5), tokens(10))
        let expected: UInt256 = 453_305_446_940_074_565
        try f.send(tokens(1), of: f.token1)
        XCTAssertReverts(.reason("UniswapV2: K"), try f.swap(expected &+ 1, 0))
        _ = try f.swap(expected, 0)
        XCTAssertEqual(f.pair.reserve0, tokens(5) &- expected)
        XCTAssertEqual(f.pair.reserve1, tokens(11))
        XCTAssertEqual(f.balance(f.wallet, f.token0), tokens(10_000) &- tokens(5) &+ expected)
    }

    /// v2-periphery `UniswapV2Router01.spec.ts`: swapExactTokensForTokens (1e18 in at 5/10 gives
    /// 1662497915624478906) and swapTokensForExactTokens (1e18 out costs 557227237267357629).
    func testRouterVectorsThroughThePair() throws {
        var f = PairFixture()
        try f.addLiquidity(tokens(5), tokens(10))
        let outcome = try f.pair.swapExactInput(
            amountIn: e18, tokenIn: f.token0.address, amountOutMin: 1_662_497_915_624_478_906, to: f.wallet,
            context: f.context(), ledger: &f.ledger)
        XCTAssertEqual(outcome.gasUsed, 115_000)
        XCTAssertEqual(f.balance(f.wallet, f.token1), tokens(10_000) &- tokens(10) &+ 1_662_497_915_624_478_906)

        var g = PairFixture()
        try g.addLiquidity(tokens(5), tokens(10))
        let amountIn = try g.pair.getAmountIn(amountOut: e18, tokenIn: g.token0.address)
        XCTAssertEqual(amountIn, 557_227_237_267_357_629)
        try g.send(amountIn &- 1, of: g.token0)
        XCTAssertReverts(.reason("UniswapV2: K"), try g.swap(0, e18))
        try g.send(1, of: g.token0)
        _ = try g.swap(0, e18)
        XCTAssertEqual(g.pair.reserve1, tokens(9))
    }

    func testRouterSwapRevertsBelowMinimumAndWithoutFundsChangingNothing() throws {
        var f = PairFixture()
        try f.addLiquidity(tokens(5), tokens(10))
        let before = f.pair
        XCTAssertReverts(.reason("UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT"), try f.pair.swapExactInput(
            amountIn: e18, tokenIn: f.token0.address, amountOutMin: 1_662_497_915_624_478_907, to: f.wallet,
            context: f.context(), ledger: &f.ledger))
        XCTAssertReverts(.reason("TransferHelper: TRANSFER_FROM_FAILED"), try f.pair.swapExactInput(
            amountIn: e18, tokenIn: f.token0.address, amountOutMin: 0, to: f.wallet,
            context: f.context(f.other), ledger: &f.ledger))
        XCTAssertEqual(f.pair, before)
        XCTAssertEqual(f.balance(f.wallet, f.token0), tokens(10_000) &- tokens(5))
    }

    /// The router-less pattern: an `erc20Transfer` transaction to the token, then the `swap`
    /// transaction to the pair, both decoded from their calldata.
    func testExactInputCallsAsTwoDecodedTransactions() throws {
        var f = PairFixture()
        try f.addLiquidity(tokens(5), tokens(10))
        let plan = try f.pair.exactInputCalls(amountIn: tokens(1), tokenIn: f.token0.address, to: f.wallet)
        XCTAssertEqual(plan.amountOut, 1_662_497_915_624_478_906)
        let transfer = try ContractCall.decode(plan.transfer.encode())
        let swap = try ContractCall.decode(plan.swap.encode())
        XCTAssertEqual(swap, .uniswapV2Swap(amount0Out: 0, amount1Out: 1_662_497_915_624_478_906, to: f.wallet, data: []))
        let sent = try f.ledger.execute(transfer, token: f.token0.address, context: f.context())
        XCTAssertEqual(sent.gasUsed, TokenLedger.transferGas)
        _ = try f.pair.execute(swap, context: f.context(), ledger: &f.ledger)
        XCTAssertEqual(f.balance(f.wallet, f.token1), tokens(10_000) &- tokens(10) &+ plan.amountOut)
        XCTAssertReverts(.reason("UniswapV2Pair: no function transfer(address,uint256)"), try f.pair.execute(transfer, context: f.context(), ledger: &f.ledger))
    }

    /// Another swap landing between the transfer and the planned swap moves the price: the
    /// planned swap now fails the K check, and the stranded input can be skimmed.
    func testSwapPlannedBeforeAFrontRunFailsK() throws {
        var f = PairFixture()
        try f.addLiquidity(tokens(5), tokens(10))
        let plan = try f.pair.exactInputCalls(amountIn: tokens(1), tokenIn: f.token0.address, to: f.wallet)
        _ = try f.ledger.execute(plan.transfer, token: f.token0.address, context: f.context())
        _ = try f.pair.swapExactInput(amountIn: 500_000_000_000_000_000, tokenIn: f.token0.address, amountOutMin: 0, to: f.other,
                                      context: f.context(f.wallet), ledger: &f.ledger)
        // The front-runner's swap consumed the stranded input too: it is now part of the reserves.
        XCTAssertReverts(.reason("UniswapV2: INSUFFICIENT_INPUT_AMOUNT"), try f.pair.execute(plan.swap, context: f.context(), ledger: &f.ledger))

        var g = PairFixture()
        try g.addLiquidity(tokens(5), tokens(10))
        let late = try g.pair.exactInputCalls(amountIn: tokens(1), tokenIn: g.token0.address, to: g.wallet)
        _ = try g.pair.swapExactInput(amountIn: 500_000_000_000_000_000, tokenIn: g.token0.address, amountOutMin: 0, to: g.other,
                                      context: g.context(), ledger: &g.ledger)
        _ = try g.ledger.execute(late.transfer, token: g.token0.address, context: g.context())
        XCTAssertReverts(.reason("UniswapV2: K"), try g.pair.execute(late.swap, context: g.context(), ledger: &g.ledger))
        _ = try g.pair.skim(to: g.wallet, context: g.context(), ledger: &g.ledger)
        XCTAssertEqual(g.balance(g.pairAddress, g.token0), g.pair.reserve0)
    }

    func testSwapRequiresInputsOutputsAndAValidRecipient() throws {
        var f = PairFixture()
        try f.addLiquidity(tokens(5), tokens(10))
        XCTAssertReverts(.reason("UniswapV2: INSUFFICIENT_OUTPUT_AMOUNT"), try f.swap(0, 0))
        XCTAssertReverts(.reason("UniswapV2: INSUFFICIENT_LIQUIDITY"), try f.swap(0, tokens(10)))
        XCTAssertReverts(.reason("UniswapV2: INSUFFICIENT_LIQUIDITY"), try f.swap(tokens(5), 0))
        XCTAssertReverts(.reason("UniswapV2: INVALID_TO"), try f.swap(0, 1, to: f.token0.address))
        XCTAssertReverts(.reason("UniswapV2: INVALID_TO"), try f.swap(0, 1, to: f.token1.address))
        XCTAssertReverts(.reason("UniswapV2: INSUFFICIENT_INPUT_AMOUNT"), try f.swap(0, 1))
        try f.send(e18, of: f.token0)
        XCTAssertReverts(
            .reason("UniswapV2Pair: uniswapV2Call to an account without code"),
            try f.pair.swap(amount0Out: 0, amount1Out: 1, to: f.wallet, data: [1], context: f.context(), ledger: &f.ledger))
        // Sending the output to the pair itself moves nothing out: the input is all that is left.
        _ = try f.swap(0, 1, to: f.pairAddress)
        XCTAssertEqual(f.pair.reserve1, tokens(10))
        XCTAssertEqual(f.pair.reserve0, tokens(6))
    }

    /// Reserves are uint112: a balance of 2¹¹² reverts `UniswapV2: OVERFLOW` in mint, sync and
    /// swap (after the K check), and changes nothing.
    func testUInt112OverflowReverts() throws {
        let max112 = UQ112x112.maxUInt112
        var f = PairFixture()
        try f.ledger.mint(max112 &* 4, of: f.token0.address, to: f.wallet)
        try f.ledger.mint(max112 &* 4, of: f.token1.address, to: f.wallet)
        try f.send(max112 &+ 1, of: f.token0)
        try f.send(tokens(1), of: f.token1)
        XCTAssertReverts(.reason("UniswapV2: OVERFLOW"), try f.pair.mint(to: f.wallet, context: f.context(), ledger: &f.ledger))
        XCTAssertReverts(.reason("UniswapV2: OVERFLOW"), try f.pair.sync(context: f.context(), ledger: f.ledger))
        XCTAssertEqual(f.ledger.totalSupply(of: f.pairAddress), 0)
        XCTAssertEqual(f.pair.reserve0, 0)
        _ = try f.pair.skim(to: f.wallet, context: f.context(), ledger: &f.ledger)

        // A pool at the bound: reserve0 = 2¹¹² − 1 exactly is accepted …
        try f.send(max112, of: f.token0)
        try f.send(tokens(1), of: f.token1)
        _ = try f.pair.mint(to: f.wallet, context: f.context(), ledger: &f.ledger)
        XCTAssertEqual(f.pair.reserve0, max112)
        // … and a swap that would take it over the bound passes K, then fails `_update`.
        try f.send(10_000_000_000_000_000, of: f.token0)
        let before = f.pair
        XCTAssertReverts(.reason("UniswapV2: OVERFLOW"), try f.swap(0, 1))
        XCTAssertEqual(f.pair, before)
        XCTAssertEqual(f.balance(f.pairAddress, f.token1), tokens(1), "the optimistic transfer out was not made")
    }

    func testSyncAndSkim() throws {
        var f = PairFixture()
        try f.addLiquidity(tokens(5), tokens(10))
        try f.send(tokens(1), of: f.token0)
        _ = try f.pair.skim(to: f.other, context: f.context(), ledger: &f.ledger)
        XCTAssertEqual(f.balance(f.other, f.token0), tokens(1))
        try f.send(tokens(2), of: f.token1)
        let outcome = try f.pair.sync(context: f.context(), ledger: f.ledger)
        XCTAssertEqual(outcome.events.map(\.name), ["Sync"])
        XCTAssertEqual(f.pair.reserve1, tokens(12))
        // A balance below its reserve (a token that lost units) makes skim underflow.
        try f.ledger.burn(1, of: f.token0.address, from: f.pairAddress)
        XCTAssertReverts(.underflow, try f.pair.skim(to: f.other, context: f.context(), ledger: &f.ledger))
    }

    func testSqrtIsTheFloorSquareRoot() {
        for y: UInt256 in [0, 1, 2, 3, 4, 5, 8, 9, 10, 15, 16, 17, 999_999, 1_000_000, .max] {
            let z = UniswapV2Pair.sqrt(y)
            XCTAssertTrue(z.multipliedFullWidth(by: z).high.isZero, "\(y)")
            XCTAssertLessThanOrEqual(z &* z, y, "\(y)")
            let next = z &+ 1
            let square = next.multipliedFullWidth(by: next)
            XCTAssertTrue(!square.high.isZero || square.low > y, "\(y)")
        }
        XCTAssertEqual(UniswapV2Pair.sqrt(.max), UInt256(w0: .max, w1: .max, w2: 0, w3: 0))
    }

    // MARK: Price accumulators

    /// v2-core `price{0,1}CumulativeLast`: 3/3 synced one second later accumulates price 1 for
    /// one second; a swap nine seconds later adds nine more; then 6/2 for ten seconds.
    func testPriceCumulativeLastMatchesV2Core() throws {
        var f = PairFixture()
        try f.addLiquidity(tokens(3), tokens(3))
        let start = f.timestamp
        let initial = (UQ112x112.fraction(tokens(3), tokens(3)), UQ112x112.fraction(tokens(3), tokens(3)))
        f.mine(seconds: 1)
        _ = try f.pair.sync(context: f.context(), ledger: f.ledger)
        XCTAssertEqual(f.pair.price0CumulativeLast, initial.0)
        XCTAssertEqual(f.pair.price1CumulativeLast, initial.1)
        XCTAssertEqual(UInt64(f.pair.reserves.blockTimestampLast), (start + 1) % (1 << 32))

        try f.send(tokens(3), of: f.token0)
        f.timestamp = start + 10
        f.blockNumber += 1
        _ = try f.swap(0, tokens(1))
        XCTAssertEqual(f.pair.price0CumulativeLast, initial.0 &* 10)
        XCTAssertEqual(f.pair.lastUpdateBlock, f.blockNumber)

        f.timestamp = start + 20
        f.blockNumber += 1
        _ = try f.pair.sync(context: f.context(), ledger: f.ledger)
        let newPrice = (UQ112x112.fraction(tokens(2), tokens(6)), UQ112x112.fraction(tokens(6), tokens(2)))
        XCTAssertEqual(f.pair.price0CumulativeLast, initial.0 &* 10 &+ newPrice.0 &* 10)
        XCTAssertEqual(f.pair.price1CumulativeLast, initial.1 &* 10 &+ newPrice.1 &* 10)
    }

    /// Accumulators move once per block: a second swap in the same second adds nothing.
    func testAccumulatorsUpdateOncePerBlock() throws {
        var f = PairFixture()
        try f.addLiquidity(tokens(5), tokens(10))
        f.mine(seconds: 12)
        try f.send(e18, of: f.token0)
        _ = try f.swap(0, 1_662_497_915_624_478_906)
        let after = f.pair.price0CumulativeLast
        XCTAssertEqual(after, UQ112x112.fraction(tokens(10), tokens(5)) &* 12)
        try f.send(e18, of: f.token0)
        _ = try f.swap(0, 1)
        XCTAssertEqual(f.pair.price0CumulativeLast, after)
    }

    /// `blockTimestampLast` is `uint32`: across 2³² the elapsed time wraps correctly, and the
    /// uint256 accumulator wraps too (hand-computed: 2 · ⌊(2¹¹² − 1)·2¹¹²⌋ · (2³² − 1) mod 2²⁵⁶).
    func testAccumulatorsWrapAcrossUInt32TimestampAndUInt256() throws {
        var f = PairFixture()
        try f.addLiquidity(tokens(5), tokens(10))
        f.timestamp = (1 << 32) - 5
        _ = try f.pair.sync(context: f.context(), ledger: f.ledger)
        let base = f.pair.price0CumulativeLast
        XCTAssertEqual(f.pair.reserves.blockTimestampLast, UInt32.max - 4)
        f.timestamp = (1 << 32) + 7
        _ = try f.pair.sync(context: f.context(), ledger: f.ledger)
        XCTAssertEqual(f.pair.reserves.blockTimestampLast, 7)
        XCTAssertEqual(f.pair.price0CumulativeLast, base &+ UQ112x112.fraction(tokens(10), tokens(5)) &* 12)
        XCTAssertEqual(f.pair.price0CumulativeLast &- base, UInt256(24) << 112)

        var g = PairFixture()
        try g.ledger.mint(UQ112x112.maxUInt112, of: g.token1.address, to: g.pairAddress)
        try g.ledger.mint(1, of: g.token0.address, to: g.pairAddress)
        _ = try g.pair.sync(context: g.context(), ledger: g.ledger)
        for _ in 0..<2 {
            g.timestamp += (1 << 32) - 1
            _ = try g.pair.sync(context: g.context(), ledger: g.ledger)
        }
        XCTAssertEqual(g.pair.price0CumulativeLast, UInt256(testDecimal: "115792089183396302089269705419353833077740336641713709192595150809975555620864"))
        XCTAssertEqual(g.pair.price1CumulativeLast, 8_589_934_590)
    }

    func testSpotPeekAndStaleness() throws {
        var f = PairFixture()
        XCTAssertEqual(f.pair.peek().ok, false)
        try f.addLiquidity(tokens(5), tokens(10))
        XCTAssertEqual(f.pair.peek().value, UInt256(2) << 112)
        XCTAssertEqual(f.pair.lastUpdateBlock, f.blockNumber)
        let updated = f.timestamp
        f.mine(seconds: 36)
        f.mine(seconds: 12)
        XCTAssertEqual(f.pair.age(at: f.timestamp), f.timestamp - updated)
        XCTAssertEqual(f.pair.blocksSinceUpdate(at: f.blockNumber), 2)
    }

    // MARK: Properties

    /// Random swap sequences (seeded): successful swaps never decrease reserve0·reserve1; the
    /// reserves equal the pair's balances after every call (sync after donations); token
    /// supplies are conserved; reverted calls change nothing.
    func testRandomSwapSequencesKeepInvariants() throws {
        var random = SplitMix64(seed: 0xA11_5EED)
        for run in 0..<8 {
            var f = PairFixture()
            let traders = (1...4).map { Address(truncating: UInt256(UInt64(0x7000 + $0))) }
            for trader in traders {
                try f.ledger.mint(tokens(1_000_000), of: f.token0.address, to: trader)
                try f.ledger.mint(tokens(1_000_000), of: f.token1.address, to: trader)
            }
            try f.addLiquidity(tokens(1 + random.next() % 5_000), tokens(1 + random.next() % 5_000))
            let supply0 = f.ledger.totalSupply(of: f.token0.address)
            let supply1 = f.ledger.totalSupply(of: f.token1.address)
            let accounts = traders + [f.wallet, f.pairAddress, .zero]
            var k = BigInteger(f.pair.reserve0) * BigInteger(f.pair.reserve1)
            var reverts = 0

            for step in 0..<400 {
                if random.next() % 4 == 0 { f.mine(seconds: 1 + random.next() % 30) }
                let trader = traders[Int(random.next() % 4)]
                let zeroForOne = random.next() % 2 == 0
                let (tokenIn, tokenOut) = zeroForOne ? (f.token0, f.token1) : (f.token1, f.token0)
                let reserveIn = zeroForOne ? f.pair.reserve0 : f.pair.reserve1
                let amountIn = (try reserveIn / UInt256(2 + random.next() % 50)) &+ UInt256(random.next() % 1_000)
                let snapshot = (pair: f.pair, balances: balances(f, accounts))

                let action = random.next() % 10
                do {
                    switch action {
                    case 0:
                        // A donation, then sync.
                        try f.ledger.transfer(amountIn, of: tokenIn.address, from: trader, to: f.pairAddress)
                        _ = try f.pair.sync(context: f.context(trader), ledger: f.ledger)
                    case 1:
                        // A swap one unit too greedy: must fail K and change nothing but the transfer in.
                        try f.ledger.transfer(amountIn, of: tokenIn.address, from: trader, to: f.pairAddress)
                        let out = try f.pair.getAmountOut(amountIn: amountIn, tokenIn: tokenIn.address) &+ 1
                        let afterTransfer = (pair: f.pair, balances: balances(f, accounts))
                        XCTAssertReverts(.reason("UniswapV2: K"), try f.pair.swap(
                            amount0Out: zeroForOne ? 0 : out, amount1Out: zeroForOne ? out : 0, to: trader,
                            context: f.context(trader), ledger: &f.ledger))
                        XCTAssertEqual(f.pair, afterTransfer.pair)
                        XCTAssertEqual(balances(f, accounts), afterTransfer.balances)
                        _ = try f.pair.skim(to: trader, context: f.context(trader), ledger: &f.ledger)
                    default:
                        // A router swap with a random minimum that sometimes cannot be met.
                        let quote = try f.pair.getAmountOut(amountIn: amountIn, tokenIn: tokenIn.address)
                        let minimum = random.next() % 8 == 0 ? quote &+ 1 : quote
                        _ = try f.pair.swapExactInput(
                            amountIn: amountIn, tokenIn: tokenIn.address, amountOutMin: minimum, to: trader,
                            context: f.context(trader), ledger: &f.ledger)
                        _ = tokenOut
                    }
                } catch {
                    reverts += 1
                    XCTAssertEqual(f.pair, snapshot.pair, "run \(run) step \(step): a revert changed the pair")
                    XCTAssertEqual(balances(f, accounts), snapshot.balances, "run \(run) step \(step): a revert moved tokens")
                }

                let newK = BigInteger(f.pair.reserve0) * BigInteger(f.pair.reserve1)
                XCTAssertGreaterThanOrEqual(newK, k, "run \(run) step \(step): K decreased")
                k = newK
                XCTAssertEqual(f.pair.reserve0, f.balance(f.pairAddress, f.token0), "run \(run) step \(step)")
                XCTAssertEqual(f.pair.reserve1, f.balance(f.pairAddress, f.token1), "run \(run) step \(step)")
            }
            XCTAssertEqual(f.ledger.totalSupply(of: f.token0.address), supply0)
            XCTAssertEqual(f.ledger.totalSupply(of: f.token1.address), supply1)
            XCTAssertEqual(f.ledger.invariantViolations(), [])
            XCTAssertGreaterThan(reverts, 0, "the sequence exercised reverts")
        }
    }

    private func balances(_ f: PairFixture, _ accounts: [Address]) -> [UInt256] {
        accounts.flatMap { [f.balance($0, f.token0), f.balance($0, f.token1), f.ledger.balance(of: $0, in: f.pairAddress)] }
    }
}
