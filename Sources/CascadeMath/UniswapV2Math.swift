/// Uniswap v2's constant-product pricing with its 0.30 % fee, exact and rounding down.
///
/// Reproduces `UniswapV2Library.sol` (Uniswap/v2-periphery `contracts/libraries/`): the
/// `require` strings are the library's own; SafeMath overflows are ``Revert/overflow``
/// (`ds-math-…-overflow` on chain) and a zero denominator ``Revert/divisionByZero``.
public enum UniswapV2Math {
    /// Output for an exact input: ⌊in·997·reserveOut / (reserveIn·1000 + in·997)⌋.
    /// Reverts `INSUFFICIENT_INPUT_AMOUNT` when `amountIn == 0` and `INSUFFICIENT_LIQUIDITY`
    /// when either reserve is zero.
    @inlinable
    public static func getAmountOut(amountIn: UInt256, reserveIn: UInt256, reserveOut: UInt256) throws(Revert) -> UInt256 {
        if amountIn.isZero { throw .reason("UniswapV2Library: INSUFFICIENT_INPUT_AMOUNT") }
        if reserveIn.isZero || reserveOut.isZero { throw .reason("UniswapV2Library: INSUFFICIENT_LIQUIDITY") }
        let amountInWithFee = try amountIn * 997
        let numerator = try amountInWithFee * reserveOut
        let denominator = try reserveIn * 1000 + amountInWithFee
        return try numerator / denominator
    }

    /// Input needed for an exact output: ⌊reserveIn·out·1000 / ((reserveOut − out)·997)⌋ + 1.
    /// Reverts `INSUFFICIENT_OUTPUT_AMOUNT` when `amountOut == 0`, `INSUFFICIENT_LIQUIDITY` when
    /// either reserve is zero, ``Revert/underflow`` when `amountOut > reserveOut` and
    /// ``Revert/divisionByZero`` when `amountOut == reserveOut`.
    @inlinable
    public static func getAmountIn(amountOut: UInt256, reserveIn: UInt256, reserveOut: UInt256) throws(Revert) -> UInt256 {
        if amountOut.isZero { throw .reason("UniswapV2Library: INSUFFICIENT_OUTPUT_AMOUNT") }
        if reserveIn.isZero || reserveOut.isZero { throw .reason("UniswapV2Library: INSUFFICIENT_LIQUIDITY") }
        let numerator = try reserveIn * amountOut * 1000
        let denominator = try (reserveOut - amountOut) * 997
        return try numerator / denominator + 1
    }

    /// The amount of B worth `amountA` at the reserves' ratio, no fee: ⌊amountA·reserveB / reserveA⌋.
    /// Reverts `INSUFFICIENT_AMOUNT` when `amountA == 0` and `INSUFFICIENT_LIQUIDITY` when a reserve is zero.
    @inlinable
    public static func quote(amountA: UInt256, reserveA: UInt256, reserveB: UInt256) throws(Revert) -> UInt256 {
        if amountA.isZero { throw .reason("UniswapV2Library: INSUFFICIENT_AMOUNT") }
        if reserveA.isZero || reserveB.isZero { throw .reason("UniswapV2Library: INSUFFICIENT_LIQUIDITY") }
        return try amountA * reserveB / reserveA
    }
}
