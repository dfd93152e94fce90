import CascadeChain
import CascadeMath

/// Uniswap v2's `UniswapV2Router02`, as far as a one-transaction swap needs it:
/// `swapExactTokensForTokens` over a one-hop path, which quotes, checks the minimum output,
/// moves the input from the sender to the pair and calls the pair's `swap` — all in one
/// transaction, so nothing can land between the transfer and the swap.
///
/// Restates Uniswap/v2-periphery `contracts/UniswapV2Router02.sol` (`swapExactTokensForTokens`,
/// the `ensure` modifier) and `libraries/UniswapV2Library.sol` (`sortTokens`, `getAmountsOut`)
/// at commit 0335e8f; the swap itself is ``UniswapV2Pair/swapExactInput(amountIn:tokenIn:amountOutMin:to:context:ledger:)``.
///
/// Not modelled: paths of more than two tokens (they revert here, naming the limit), the
/// factory (the pair is found among the deployed pairs; on chain `pairFor` derives its CREATE2
/// address and a call to a pair never created reverts without data), allowances (the router's
/// `transferFrom` is a transfer from the sender), and the ETH variants.
public enum UniswapV2Router02 {
    /// The router's mainnet address (0x7a250d5630B4cF539739dF2C5dAcb4c659F2488D, Etherscan
    /// "Uniswap V2: Router 2").
    public static let address = Address("0x7a250d5630b4cf539739df2c5dacb4c659f2488d")!

    /// The call that sells exactly `amountIn` of `tokenIn` on `pair` for at least `amountOutMin`
    /// of the other token, sent to `to`, valid until `deadline` (Unix seconds, inclusive).
    public static func swapExactTokensForTokens(
        pair: UniswapV2Pair, amountIn: UInt256, tokenIn: Address, amountOutMin: UInt256, to: Address, deadline: UInt64
    ) -> ContractCall {
        let tokenOut = tokenIn == pair.token0.address ? pair.token1.address : pair.token0.address
        return .uniswapV2SwapExactTokensForTokens(
            amountIn: amountIn, amountOutMin: amountOutMin, path: [tokenIn, tokenOut], to: to, deadline: UInt256(deadline))
    }

    /// Runs a decoded call sent to the router against `pairs`: only `swapExactTokensForTokens`
    /// with a two-token path. Reverts, in order: `UniswapV2Router: EXPIRED` (`deadline` before
    /// the block's timestamp), `UniswapV2Library: INVALID_PATH` (fewer than two tokens),
    /// `UniswapV2Router02: paths of more than two tokens are not modelled`,
    /// `UniswapV2Library: IDENTICAL_ADDRESSES`, `UniswapV2Library: ZERO_ADDRESS`,
    /// `UniswapV2Router02: no pair for the path`, then as
    /// ``UniswapV2Pair/swapExactInput(amountIn:tokenIn:amountOutMin:to:context:ledger:)``.
    /// Gas is the pair's ``UniswapV2GasSchedule/routerSwap``. A revert changes nothing.
    public static func execute(_ call: ContractCall, pairs: inout [UniswapV2Pair], context: CallContext,
                               ledger: inout TokenLedger) throws(Revert) -> CallOutcome {
        guard case let .uniswapV2SwapExactTokensForTokens(amountIn, amountOutMin, path, to, deadline) = call else {
            throw .reason("UniswapV2Router02: no function \(call.function.signature)")
        }
        guard deadline >= UInt256(context.timestamp) else { throw .reason("UniswapV2Router: EXPIRED") }
        let index = try pairIndex(path: path, in: pairs)
        return try pairs[index].swapExactInput(amountIn: amountIn, tokenIn: path[0], amountOutMin: amountOutMin, to: to,
                                               context: context, ledger: &ledger)
    }

    /// The index in `pairs` of the pair that trades `path[0]` for `path[1]`.
    static func pairIndex(path: [Address], in pairs: [UniswapV2Pair]) throws(Revert) -> Int {
        guard path.count >= 2 else { throw .reason("UniswapV2Library: INVALID_PATH") }
        guard path.count == 2 else { throw .reason("UniswapV2Router02: paths of more than two tokens are not modelled") }
        guard path[0] != path[1] else { throw .reason("UniswapV2Library: IDENTICAL_ADDRESSES") }
        let (token0, token1) = path[0] < path[1] ? (path[0], path[1]) : (path[1], path[0])
        guard token0 != .zero else { throw .reason("UniswapV2Library: ZERO_ADDRESS") }
        guard let index = pairs.firstIndex(where: { $0.token0.address == token0 && $0.token1.address == token1 }) else {
            throw .reason("UniswapV2Router02: no pair for the path")
        }
        return index
    }
}
