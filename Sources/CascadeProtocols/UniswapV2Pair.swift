import CascadeChain
import CascadeMath

/// A Uniswap v2 constant-product pair: two reserves, a 0.30 % fee on input, price accumulators
/// for time-weighted averages, and its own LP token.
///
/// Restates `UniswapV2Pair.sol` (Uniswap/v2-core `contracts/`, commit ee547b1, Solidity 0.5.16):
/// `swap`, `mint`, `burn`, `skim`, `sync`, `_update` and `_mintFee`, with the contract's `require`
/// strings as ``CascadeMath/Revert/reason(_:)`` and its SafeMath (`ds-math-…`) failures as
/// ``CascadeMath/Revert/overflow``/``CascadeMath/Revert/underflow``. Nothing is copied; each
/// member names the function it restates.
///
/// **Units.** Reserves and amounts are raw token units (`10^decimals` per token) and fit a
/// `uint112`; prices in the accumulators are ``UQ112x112`` (a value times 2¹¹²); time is seconds.
///
/// **The ledger holds the tokens.** The pair's token balances live in the ``TokenLedger`` under
/// ``address``, exactly as the ERC-20 contracts hold them on chain, and so do the LP tokens
/// (the token at ``address`` itself, `UNI-V2`, 18 decimals). A swap follows the real flow: the
/// input is first transferred to the pair (an `erc20Transfer` transaction, or the
/// ``swapExactInput(amountIn:tokenIn:amountOutMin:to:context:ledger:)`` helper that does both
/// like a router), then `swap` sends the outputs, reads the balances, infers the inputs and
/// checks the invariant.
///
/// **Reverts change nothing.** Every check of a call runs, in the contract's order, before its
/// first write, so a reverted call leaves the pair and the ledger as they were.
///
/// ```swift
/// var pair = UniswapV2Pair(address: pairAddress, tokenA: weth, tokenB: usdc, ledger: &ledger)
/// try ledger.transfer(5 * e18, of: weth.address, from: lp, to: pairAddress)
/// try ledger.transfer(10 * e18, of: usdc.address, from: lp, to: pairAddress)
/// _ = try pair.mint(to: lp, context: context, ledger: &ledger)
/// let (transfer, swap, out) = try pair.exactInputCalls(amountIn: e18, tokenIn: weth.address, to: trader)
/// ```
public struct UniswapV2Pair: Sendable, Hashable {
    /// `MINIMUM_LIQUIDITY`: LP units locked at address zero when the pool is created.
    public static let minimumLiquidity: UInt256 = 1_000

    /// The pair contract's address; also the LP token's address.
    public let address: Address
    /// The token with the lower address (`token0`, as the factory sorts them).
    public let token0: Token
    /// The token with the higher address.
    public let token1: Token
    /// The name events carry as their source, e.g. `"uniswap-v2 WETH/USDC"`.
    public var source: String { didSet { events = Self.events(source, token0, token1, address) } }
    /// Gas per call (see ``UniswapV2GasSchedule`` for the defaults' sources).
    public var gas: UniswapV2GasSchedule
    /// The protocol-fee recipient (`factory.feeTo()`); `nil` means the fee is off, as it was on
    /// mainnet through the period this models.
    public var feeTo: Address?
    /// Whether calls return their events (`Sync`, `Swap`, `Mint`, `Burn`, LP `Transfer`). They are
    /// built only when read (``CallOutcome``); turning this off also saves handing their values
    /// over (one allocation per call), for runs that keep no trace. The state changes are the same.
    public var emitsEvents = true

    /// `reserve0`: token0 units the pair accounts for (`uint112`).
    public private(set) var reserve0: UInt256 = .zero
    /// `reserve1`: token1 units the pair accounts for (`uint112`).
    public private(set) var reserve1: UInt256 = .zero
    /// `blockTimestampLast`: `block.timestamp mod 2³²` of the last reserve update (`uint32`).
    public private(set) var blockTimestampLast: UInt32 = 0
    /// `price0CumulativeLast`: Σ (reserve1/reserve0 in UQ112x112) · seconds, wrapping mod 2²⁵⁶.
    public private(set) var price0CumulativeLast: UInt256 = .zero
    /// `price1CumulativeLast`: Σ (reserve0/reserve1 in UQ112x112) · seconds, wrapping mod 2²⁵⁶.
    public private(set) var price1CumulativeLast: UInt256 = .zero
    /// `kLast`: reserve0 · reserve1 after the last liquidity event while the fee is on, else 0.
    public private(set) var kLast: UInt256 = .zero
    /// The full block timestamp of the last reserve update (not reduced mod 2³²).
    public private(set) var lastUpdateTimestamp: UInt64 = 0
    /// The block of the last reserve update.
    public private(set) var lastUpdateBlock: UInt64 = 0
    /// The pair's event vocabulary (shared by its calls' deferred events), kept equal to
    /// ``source`` and the tokens.
    private var events: UniswapV2PairEvents

    /// Deploys the pair of `tokenA` and `tokenB` at `address` (the factory's `createPair`, which
    /// sorts the tokens) and registers its LP token in `ledger`.
    ///
    /// The tokens must differ and already be in the ledger; the LP token's address must not be.
    public init(
        address: Address, tokenA: Token, tokenB: Token, ledger: inout TokenLedger,
        gas: UniswapV2GasSchedule = UniswapV2GasSchedule(), source: String? = nil
    ) {
        precondition(tokenA.address != tokenB.address, "UniswapV2: IDENTICAL_ADDRESSES")
        let (token0, token1) = tokenA.address < tokenB.address ? (tokenA, tokenB) : (tokenB, tokenA)
        self.address = address
        self.token0 = token0
        self.token1 = token1
        self.gas = gas
        let source = source ?? "uniswap-v2 \(token0.symbol)/\(token1.symbol)"
        self.source = source
        events = Self.events(source, token0, token1, address)
        ledger.register(liquidityToken)
    }

    /// The LP token: `UNI-V2`, 18 decimals, at the pair's address (`UniswapV2ERC20`).
    public var liquidityToken: Token { Token(address: address, symbol: "UNI-V2", decimals: 18) }

    /// `getReserves()`: both reserves and `blockTimestampLast`.
    public var reserves: (reserve0: UInt256, reserve1: UInt256, blockTimestampLast: UInt32) {
        (reserve0, reserve1, blockTimestampLast)
    }

    /// The reserves ordered as (in, out) for a swap of `tokenIn`; reverts
    /// `UniswapV2Pair: UNKNOWN_TOKEN` for a token the pair does not hold.
    public func reserves(tokenIn: Address) throws(Revert) -> (reserveIn: UInt256, reserveOut: UInt256) {
        if tokenIn == token0.address { return (reserve0, reserve1) }
        if tokenIn == token1.address { return (reserve1, reserve0) }
        throw .reason("UniswapV2Pair: UNKNOWN_TOKEN")
    }

    // MARK: Quotes

    /// What `amountIn` of `tokenIn` buys at the current reserves, after the 0.30 % fee
    /// (`UniswapV2Library.getAmountOut`, rounding down).
    public func getAmountOut(amountIn: UInt256, tokenIn: Address) throws(Revert) -> UInt256 {
        let (reserveIn, reserveOut) = try reserves(tokenIn: tokenIn)
        return try UniswapV2Math.getAmountOut(amountIn: amountIn, reserveIn: reserveIn, reserveOut: reserveOut)
    }

    /// The input of `tokenIn` needed to receive `amountOut` of the other token
    /// (`UniswapV2Library.getAmountIn`, rounding up by one).
    public func getAmountIn(amountOut: UInt256, tokenIn: Address) throws(Revert) -> UInt256 {
        let (reserveIn, reserveOut) = try reserves(tokenIn: tokenIn)
        return try UniswapV2Math.getAmountIn(amountOut: amountOut, reserveIn: reserveIn, reserveOut: reserveOut)
    }

    // MARK: Calls

    /// Runs a decoded call addressed to the pair. Only `swap` has calldata in
    /// ``CascadeChain/ContractCall``; `mint`, `burn`, `sync` and `skim` are methods. Any other
    /// function reverts, as a contract without that selector and without a fallback does.
    public mutating func execute(_ call: ContractCall, context: CallContext, ledger: inout TokenLedger) throws(Revert) -> CallOutcome {
        switch call {
        case let .uniswapV2Swap(amount0Out, amount1Out, to, data):
            return try swap(amount0Out: amount0Out, amount1Out: amount1Out, to: to, data: data, context: context, ledger: &ledger)
        default:
            throw .reason("UniswapV2Pair: no function \(call.function.signature)")
        }
    }

    /// `swap(amount0Out, amount1Out, to, data)`: sends the outputs to `to` and checks that the
    /// inputs already transferred to the pair pay for them.
    ///
    /// In the contract's order: at least one output (`UniswapV2: INSUFFICIENT_OUTPUT_AMOUNT`),
    /// outputs below the reserves (`UniswapV2: INSUFFICIENT_LIQUIDITY`), `to` not a token of the
    /// pair (`UniswapV2: INVALID_TO`), the optimistic transfers out (`UniswapV2: TRANSFER_FAILED`),
    /// the flash-swap callback (reverts: agents are accounts without code, see below), the
    /// inputs inferred from the new balances, `amountIn = balance − (reserve − amountOut)`
    /// (`UniswapV2: INSUFFICIENT_INPUT_AMOUNT`), the fee-adjusted invariant
    /// `(b0·1000 − in0·3)·(b1·1000 − in1·3) ≥ r0·r1·1000²` (`UniswapV2: K`), then `_update`
    /// (`UniswapV2: OVERFLOW` above 2¹¹² − 1).
    ///
    /// A non-empty `data` makes the pair call `uniswapV2Call` on `to`; Solidity 0.5 reverts a call
    /// to an account without code, and every simulated agent is one, so this reverts
    /// `UniswapV2Pair: uniswapV2Call to an account without code` (empty revert data on chain).
    ///
    /// - Complexity: O(1): four balance reads, two 256-bit products, up to two transfers; the
    ///   first call of a block also divides twice for the accumulators.
    public mutating func swap(
        amount0Out: UInt256, amount1Out: UInt256, to: Address, data: [UInt8] = [],
        context: CallContext, ledger: inout TokenLedger
    ) throws(Revert) -> CallOutcome {
        if amount0Out.isZero && amount1Out.isZero { throw .reason("UniswapV2: INSUFFICIENT_OUTPUT_AMOUNT") }
        let (_reserve0, _reserve1) = (reserve0, reserve1)
        guard amount0Out < _reserve0 && amount1Out < _reserve1 else { throw .reason("UniswapV2: INSUFFICIENT_LIQUIDITY") }
        guard to != token0.address && to != token1.address else { throw .reason("UniswapV2: INVALID_TO") }

        // The optimistic transfers out: the token's `transfer` reverts on a short balance, which
        // `_safeTransfer` reports as TRANSFER_FAILED. A transfer to the pair itself moves nothing.
        let held0 = ledger.balance(of: address, in: token0.address)
        let held1 = ledger.balance(of: address, in: token1.address)
        guard held0 >= amount0Out && held1 >= amount1Out else { throw .reason("UniswapV2: TRANSFER_FAILED") }
        if !data.isEmpty { throw .reason("UniswapV2Pair: uniswapV2Call to an account without code") }
        let balance0 = to == address ? held0 : held0 &- amount0Out
        let balance1 = to == address ? held1 : held1 &- amount1Out

        // `_reserve - amountOut` cannot underflow: amountOut < reserve was checked.
        let kept0 = _reserve0 &- amount0Out
        let kept1 = _reserve1 &- amount1Out
        let amount0In = balance0 > kept0 ? balance0 &- kept0 : .zero
        let amount1In = balance1 > kept1 ? balance1 &- kept1 : .zero
        if amount0In.isZero && amount1In.isZero { throw .reason("UniswapV2: INSUFFICIENT_INPUT_AMOUNT") }
        let balance0Adjusted = try balance0 * 1_000 - amount0In * 3
        let balance1Adjusted = try balance1 * 1_000 - amount1In * 3
        guard try balance0Adjusted * balance1Adjusted >= _reserve0 * _reserve1 * 1_000_000 else {
            throw .reason("UniswapV2: K")
        }
        try Self.checkFitsReserve(balance0, balance1)

        // Every check passed: write.
        if !amount0Out.isZero { try ledger.transfer(amount0Out, of: token0.address, from: address, to: to) }
        if !amount1Out.isZero { try ledger.transfer(amount1Out, of: token1.address, from: address, to: to) }
        update(balance0: balance0, balance1: balance1, context: context)
        guard emitsEvents else { return CallOutcome(gasUsed: gas.swap) }
        let (events, sender) = (self.events, context.sender)
        return CallOutcome(gasUsed: gas.swap) {
            [events.sync(balance0, balance1),
             events.swap(sender: sender, amount0In: amount0In, amount1In: amount1In,
                         amount0Out: amount0Out, amount1Out: amount1Out, to: to)]
        }
    }

    /// `mint(to)`: issues LP tokens to `to` for the token amounts sent to the pair since the last
    /// update (`balance − reserve` of each).
    ///
    /// The first mint issues ⌊√(amount0·amount1)⌋ − ``minimumLiquidity`` and locks
    /// ``minimumLiquidity`` at address zero (underflow when the product is below 10⁶); later mints
    /// issue min(amount0·supply/reserve0, amount1·supply/reserve1). Reverts
    /// `UniswapV2: INSUFFICIENT_LIQUIDITY_MINTED` for zero and `UniswapV2: OVERFLOW` when a
    /// balance exceeds 2¹¹² − 1. With ``feeTo`` set, first mints the protocol's share of the
    /// growth of √k (`_mintFee`).
    public mutating func mint(to: Address, context: CallContext, ledger: inout TokenLedger) throws(Revert) -> CallOutcome {
        let (_reserve0, _reserve1) = (reserve0, reserve1)
        let balance0 = ledger.balance(of: address, in: token0.address)
        let balance1 = ledger.balance(of: address, in: token1.address)
        let amount0 = try balance0 - _reserve0
        let amount1 = try balance1 - _reserve1

        let fee = try protocolFee(reserve0: _reserve0, reserve1: _reserve1, ledger: ledger)
        let totalSupply = try ledger.totalSupply(of: address) + fee.liquidity
        let liquidity: UInt256
        if totalSupply.isZero {
            liquidity = try Self.sqrt(amount0 * amount1) - Self.minimumLiquidity
        } else {
            let by0 = try amount0 * totalSupply / _reserve0
            let by1 = try amount1 * totalSupply / _reserve1
            liquidity = by0 < by1 ? by0 : by1
        }
        if liquidity.isZero { throw .reason("UniswapV2: INSUFFICIENT_LIQUIDITY_MINTED") }
        try Self.checkFitsReserve(balance0, balance1)
        let newKLast = fee.on ? try balance0 * balance1 : UInt256.zero

        let feeRecipient = fee.liquidity.isZero ? nil : feeTo
        if let feeRecipient { try ledger.mint(fee.liquidity, of: address, to: feeRecipient) }
        if totalSupply.isZero { try ledger.mint(Self.minimumLiquidity, of: address, to: .zero) }
        try ledger.mint(liquidity, of: address, to: to)
        update(balance0: balance0, balance1: balance1, context: context)
        kLast = newKLast
        guard emitsEvents else { return CallOutcome(gasUsed: gas.mint) }
        let (events, sender, feeLiquidity, locksMinimum) = (self.events, context.sender, fee.liquidity, totalSupply.isZero)
        return CallOutcome(gasUsed: gas.mint) {
            var list: [ProtocolEvent] = []
            if let feeRecipient { list.append(events.lpTransfer(from: .zero, to: feeRecipient, feeLiquidity)) }
            if locksMinimum { list.append(events.lpTransfer(from: .zero, to: .zero, Self.minimumLiquidity)) }
            list.append(events.lpTransfer(from: .zero, to: to, liquidity))
            list.append(events.sync(balance0, balance1))
            list.append(events.mint(sender: sender, amount0: amount0, amount1: amount1))
            return list
        }
    }

    /// `burn(to)`: redeems the LP tokens held by the pair itself (sent there first) for a pro-rata
    /// share of both balances, ⌊liquidity·balance/supply⌋ each, sent to `to`.
    ///
    /// Reverts `UniswapV2: INSUFFICIENT_LIQUIDITY_BURNED` when either share is zero.
    public mutating func burn(to: Address, context: CallContext, ledger: inout TokenLedger) throws(Revert) -> CallOutcome {
        let (_reserve0, _reserve1) = (reserve0, reserve1)
        let balance0 = ledger.balance(of: address, in: token0.address)
        let balance1 = ledger.balance(of: address, in: token1.address)
        let liquidity = ledger.balance(of: address, in: address)

        let fee = try protocolFee(reserve0: _reserve0, reserve1: _reserve1, ledger: ledger)
        let totalSupply = try ledger.totalSupply(of: address) + fee.liquidity
        let amount0 = try liquidity * balance0 / totalSupply
        let amount1 = try liquidity * balance1 / totalSupply
        if amount0.isZero || amount1.isZero { throw .reason("UniswapV2: INSUFFICIENT_LIQUIDITY_BURNED") }
        let newBalance0 = to == address ? balance0 : balance0 &- amount0
        let newBalance1 = to == address ? balance1 : balance1 &- amount1
        try Self.checkFitsReserve(newBalance0, newBalance1)
        let newKLast = fee.on ? try newBalance0 * newBalance1 : UInt256.zero

        let feeRecipient = fee.liquidity.isZero ? nil : feeTo
        if let feeRecipient { try ledger.mint(fee.liquidity, of: address, to: feeRecipient) }
        try ledger.burn(liquidity, of: address, from: address)
        try ledger.transfer(amount0, of: token0.address, from: address, to: to)
        try ledger.transfer(amount1, of: token1.address, from: address, to: to)
        update(balance0: newBalance0, balance1: newBalance1, context: context)
        kLast = newKLast
        guard emitsEvents else { return CallOutcome(gasUsed: gas.burn) }
        let (events, sender, feeLiquidity, pair) = (self.events, context.sender, fee.liquidity, address)
        return CallOutcome(gasUsed: gas.burn) {
            var list: [ProtocolEvent] = []
            if let feeRecipient { list.append(events.lpTransfer(from: .zero, to: feeRecipient, feeLiquidity)) }
            list.append(events.lpTransfer(from: pair, to: .zero, liquidity))
            list.append(events.sync(newBalance0, newBalance1))
            list.append(events.burn(sender: sender, amount0: amount0, amount1: amount1, to: to))
            return list
        }
    }

    /// `skim(to)`: sends `to` whatever the pair holds above its reserves. Reverts
    /// ``CascadeMath/Revert/underflow`` (`ds-math-sub-underflow`) if a balance is below its reserve.
    public mutating func skim(to: Address, context: CallContext, ledger: inout TokenLedger) throws(Revert) -> CallOutcome {
        let excess0 = try ledger.balance(of: address, in: token0.address) - reserve0
        let excess1 = try ledger.balance(of: address, in: token1.address) - reserve1
        try ledger.transfer(excess0, of: token0.address, from: address, to: to)
        try ledger.transfer(excess1, of: token1.address, from: address, to: to)
        return CallOutcome(gasUsed: gas.skim)
    }

    /// `sync()`: sets the reserves to the balances (updating the accumulators first).
    /// Reverts `UniswapV2: OVERFLOW` when a balance exceeds 2¹¹² − 1.
    public mutating func sync(context: CallContext, ledger: TokenLedger) throws(Revert) -> CallOutcome {
        let balance0 = ledger.balance(of: address, in: token0.address)
        let balance1 = ledger.balance(of: address, in: token1.address)
        try Self.checkFitsReserve(balance0, balance1)
        update(balance0: balance0, balance1: balance1, context: context)
        guard emitsEvents else { return CallOutcome(gasUsed: gas.sync) }
        let events = self.events
        return CallOutcome(gasUsed: gas.sync) { [events.sync(balance0, balance1)] }
    }

    // MARK: Router-less swaps

    /// The two calls of an exact-input swap without a router: `tokenIn.transfer(pair, amountIn)`
    /// sent to the token's contract (`tokenIn`), then `pair.swap(…)` asking for the most the
    /// current reserves give (``getAmountOut(amountIn:tokenIn:)``).
    ///
    /// Two transactions, so another transaction may move the reserves between them: the swap
    /// then reverts `UniswapV2: K` and the transferred input stays in the pair until someone
    /// skims it. ``swapExactInput(amountIn:tokenIn:amountOutMin:to:context:ledger:)`` is the
    /// atomic alternative.
    public func exactInputCalls(
        amountIn: UInt256, tokenIn: Address, to: Address
    ) throws(Revert) -> (transfer: ContractCall, swap: ContractCall, amountOut: UInt256) {
        let amountOut = try getAmountOut(amountIn: amountIn, tokenIn: tokenIn)
        let outs = tokenIn == token0.address ? (UInt256.zero, amountOut) : (amountOut, UInt256.zero)
        return (
            .erc20Transfer(to: address, amount: amountIn),
            .uniswapV2Swap(amount0Out: outs.0, amount1Out: outs.1, to: to, data: []),
            amountOut
        )
    }

    /// An exact-input swap in one transaction, as `UniswapV2Router02.swapExactTokensForTokens`
    /// with a one-hop path does it: quotes the output, requires it to be at least `amountOutMin`
    /// (`UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT`), moves `amountIn` from `context.sender` to
    /// the pair (`TransferHelper: TRANSFER_FROM_FAILED` on a short balance; no allowance is
    /// modelled), then runs ``swap(amount0Out:amount1Out:to:data:context:ledger:)``.
    ///
    /// Gas is ``UniswapV2GasSchedule/routerSwap``; a revert changes nothing.
    public mutating func swapExactInput(
        amountIn: UInt256, tokenIn: Address, amountOutMin: UInt256, to: Address,
        context: CallContext, ledger: inout TokenLedger
    ) throws(Revert) -> CallOutcome {
        let amountOut = try getAmountOut(amountIn: amountIn, tokenIn: tokenIn)
        if amountOut < amountOutMin { throw .reason("UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT") }
        guard ledger.balance(of: context.sender, in: tokenIn) >= amountIn else {
            throw .reason("TransferHelper: TRANSFER_FROM_FAILED")
        }
        try ledger.transfer(amountIn, of: tokenIn, from: context.sender, to: address)
        let outs = tokenIn == token0.address ? (UInt256.zero, amountOut) : (amountOut, UInt256.zero)
        do {
            var outcome = try swap(amount0Out: outs.0, amount1Out: outs.1, to: to, context: context, ledger: &ledger)
            outcome.gasUsed = gas.routerSwap
            return outcome
        } catch {
            // Undo the transfer in: the exact inverse restores both balances.
            try ledger.transfer(amountIn, of: tokenIn, from: address, to: context.sender)
            throw error
        }
    }

    // MARK: Internals

    /// `_update`: on the first reserve change of a block (the `uint32` timestamp moved), adds
    /// each price times the seconds elapsed to its accumulator, wrapping as the contract does;
    /// then stores the balances as reserves. The caller has checked the `uint112` bound.
    private mutating func update(balance0: UInt256, balance1: UInt256, context: CallContext) {
        let blockTimestamp = UInt32(truncatingIfNeeded: context.timestamp)
        let timeElapsed = blockTimestamp &- blockTimestampLast  // wraps, as intended in the source
        if timeElapsed > 0 && !reserve0.isZero && !reserve1.isZero {
            let elapsed = UInt256(UInt64(timeElapsed))
            // A uint224 times a uint32 fits 256 bits; the sums wrap.
            price0CumulativeLast = price0CumulativeLast &+ UQ112x112.fraction(reserve1, reserve0) &* elapsed
            price1CumulativeLast = price1CumulativeLast &+ UQ112x112.fraction(reserve0, reserve1) &* elapsed
        }
        reserve0 = balance0
        reserve1 = balance1
        blockTimestampLast = blockTimestamp
        lastUpdateTimestamp = context.timestamp
        lastUpdateBlock = context.blockNumber
    }

    /// `_mintFee` without its writes: whether the protocol fee is on, and the LP units it mints
    /// to ``feeTo`` (1/6 of the growth of √k since ``kLast``:
    /// supply·(√k − √kLast) / (5·√k + √kLast)). With the fee off a stale `kLast` is cleared by
    /// the caller's write of `kLast = 0`.
    private func protocolFee(reserve0: UInt256, reserve1: UInt256, ledger: TokenLedger) throws(Revert) -> (on: Bool, liquidity: UInt256) {
        guard feeTo != nil else { return (false, .zero) }
        guard !kLast.isZero else { return (true, .zero) }
        let rootK = Self.sqrt(try reserve0 * reserve1)
        let rootKLast = Self.sqrt(kLast)
        guard rootK > rootKLast else { return (true, .zero) }
        let numerator = try ledger.totalSupply(of: address) * (rootK - rootKLast)
        let denominator = try rootK * 5 + rootKLast
        return (true, try numerator / denominator)
    }

    /// The `uint112` bound of `_update`: `UniswapV2: OVERFLOW`.
    private static func checkFitsReserve(_ balance0: UInt256, _ balance1: UInt256) throws(Revert) {
        guard balance0 <= UQ112x112.maxUInt112 && balance1 <= UQ112x112.maxUInt112 else {
            throw .reason("UniswapV2: OVERFLOW")
        }
    }

    /// `Math.sqrt` (v2-core `contracts/libraries/Math.sol`): the Babylonian method, ⌊√y⌋.
    static func sqrt(_ y: UInt256) -> UInt256 {
        guard y > 3 else { return y.isZero ? .zero : .one }
        var z = y
        // y/2 + 1 cannot overflow, and y/x with x ≥ 1 cannot fail.
        var x = (y >> 1) &+ .one
        while x < z {
            z = x
            x = (((try? y / x) ?? .zero) &+ x) >> 1
        }
        return z
    }

    private static func events(_ source: String, _ token0: Token, _ token1: Token, _ address: Address) -> UniswapV2PairEvents {
        UniswapV2PairEvents(source: source, token0: token0, token1: token1,
                            liquidityToken: Token(address: address, symbol: "UNI-V2", decimals: 18))
    }
}

extension UniswapV2Pair: PriceOracle {
    /// The spot price of token0 in token1 units, reserve1/reserve0 as ``UQ112x112``
    /// (raw units: scale by the decimals to compare tokens); `(0, false)` for an empty pool.
    public func peek() -> (value: UInt256, ok: Bool) {
        guard !reserve0.isZero && !reserve1.isZero else { return (.zero, false) }
        return (UQ112x112.fraction(reserve1, reserve0), true)
    }
}
