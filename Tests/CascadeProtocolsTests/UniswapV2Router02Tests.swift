import CascadeChain
import CascadeMath
@testable import CascadeProtocols
import XCTest

/// The router's one-hop `swapExactTokensForTokens`, decoded from its calldata and run against
/// a list of pairs.
final class UniswapV2Router02Tests: XCTestCase {
    /// v2-periphery's router vector (1 token into a 5/10 pool gives 1662497915624478906), sent
    /// as calldata to the router.
    func testDecodedSwapRunsThePairsExactInputSwap() throws {
        var f = PairFixture()
        try f.addLiquidity(tokens(5), tokens(10))
        var pairs = [f.pair]
        let call = UniswapV2Router02.swapExactTokensForTokens(
            pair: f.pair, amountIn: e18, tokenIn: f.token0.address, amountOutMin: 1_662_497_915_624_478_906, to: f.wallet,
            deadline: f.timestamp)
        XCTAssertEqual(call.selector.hex, "0x38ed1739")
        let decoded = try ContractCall.decode(call.encode())
        XCTAssertEqual(decoded, .uniswapV2SwapExactTokensForTokens(
            amountIn: e18, amountOutMin: 1_662_497_915_624_478_906, path: [f.token0.address, f.token1.address], to: f.wallet,
            deadline: UInt256(f.timestamp)))
        let outcome = try UniswapV2Router02.execute(decoded, pairs: &pairs, context: f.context(), ledger: &f.ledger)
        XCTAssertEqual(outcome.gasUsed, 115_000)
        XCTAssertEqual(f.balance(f.wallet, f.token1), tokens(10_000) &- tokens(10) &+ 1_662_497_915_624_478_906)
        XCTAssertEqual(pairs[0].reserve0, tokens(6))
    }

    func testRevertsInTheRoutersOrderChangingNothing() throws {
        var f = PairFixture()
        try f.addLiquidity(tokens(5), tokens(10))
        var pairs = [f.pair]
        let (a, b) = (f.token0.address, f.token1.address)
        func swap(path: [Address], deadline: UInt64, minimum: UInt256 = 0) -> ContractCall {
            .uniswapV2SwapExactTokensForTokens(amountIn: e18, amountOutMin: minimum, path: path, to: f.wallet, deadline: UInt256(deadline))
        }
        let cases: [(ContractCall, String)] = [
            (swap(path: [a, b], deadline: f.timestamp - 1), "UniswapV2Router: EXPIRED"),
            (swap(path: [a], deadline: f.timestamp), "UniswapV2Library: INVALID_PATH"),
            (swap(path: [a, b, a], deadline: f.timestamp), "UniswapV2Router02: paths of more than two tokens are not modelled"),
            (swap(path: [a, a], deadline: f.timestamp), "UniswapV2Library: IDENTICAL_ADDRESSES"),
            (swap(path: [.zero, a], deadline: f.timestamp), "UniswapV2Library: ZERO_ADDRESS"),
            (swap(path: [a, f.other], deadline: f.timestamp), "UniswapV2Router02: no pair for the path"),
            (swap(path: [a, b], deadline: f.timestamp, minimum: 1_662_497_915_624_478_907), "UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT"),
            (.uniswapV2Swap(amount0Out: 0, amount1Out: 1, to: f.wallet, data: []), "UniswapV2Router02: no function swap(uint256,uint256,address,bytes)"),
        ]
        let (pairsBefore, ledgerBefore) = (pairs, f.ledger)
        for (call, reason) in cases {
            XCTAssertReverts(.reason(reason), try UniswapV2Router02.execute(call, pairs: &pairs, context: f.context(), ledger: &f.ledger))
            XCTAssertEqual(pairs, pairsBefore, reason)
            XCTAssertEqual(f.ledger, ledgerBefore, reason)
        }
    }
}
