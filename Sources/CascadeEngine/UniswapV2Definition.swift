import CascadeChain
import CascadeMath
import CascadeProtocols

/// Uniswap v2 pairs from a protocol file, in file order, with the gas schedule they share.
///
/// The swap fee is not a parameter: v2 fixes it at 0.30 % (`997/1000` in `UniswapV2Pair.sol`).
public struct UniswapV2Definition: Sendable, Hashable {
    /// One pair: its address, its two tokens and the reserves to seed it with.
    public struct Pair: Sendable, Hashable {
        public var name: String
        public var address: Address
        public var tokenA: Token
        public var tokenB: Token
        /// Initial reserve of `tokenA`, raw units (< 2¹¹²).
        public var reserveA: UInt256
        /// Initial reserve of `tokenB`, raw units (< 2¹¹²).
        public var reserveB: UInt256
    }

    public var gasSchedule: UniswapV2GasSchedule
    public var pairs: [Pair]
}
