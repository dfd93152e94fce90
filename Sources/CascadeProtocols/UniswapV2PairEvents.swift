import CascadeChain
import CascadeMath

/// A pair's trace vocabulary: the events `UniswapV2Pair.sol` emits (`Sync`, `Swap`, `Mint`,
/// `Burn`, the LP token's `Transfer`), with amounts in the units of the pair's tokens.
///
/// Immutable and shared: a call's deferred events (``CallOutcome/init(gasUsed:deferredEvents:)``)
/// capture one reference to it (one retain, where the four strings inside would cost four)
/// together with the call's numbers, and build the events only when they are read.
final class UniswapV2PairEvents: Sendable, Hashable {
    /// ``UniswapV2Pair/source``.
    let source: String
    let token0: Token
    let token1: Token
    /// The LP token (`UNI-V2`).
    let liquidityToken: Token

    init(source: String, token0: Token, token1: Token, liquidityToken: Token) {
        self.source = source
        self.token0 = token0
        self.token1 = token1
        self.liquidityToken = liquidityToken
    }

    static func == (lhs: UniswapV2PairEvents, rhs: UniswapV2PairEvents) -> Bool {
        lhs.source == rhs.source && lhs.token0 == rhs.token0 && lhs.token1 == rhs.token1 && lhs.liquidityToken == rhs.liquidityToken
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(source)
    }

    /// `Sync(reserve0, reserve1)`.
    func sync(_ reserve0: UInt256, _ reserve1: UInt256) -> ProtocolEvent {
        event("Sync", [EventField("reserve0", .amount(reserve0, of: token0)), EventField("reserve1", .amount(reserve1, of: token1))])
    }

    /// `Swap(sender, amount0In, amount1In, amount0Out, amount1Out, to)`.
    func swap(sender: Address, amount0In: UInt256, amount1In: UInt256, amount0Out: UInt256, amount1Out: UInt256,
              to: Address) -> ProtocolEvent {
        event("Swap", [
            EventField("sender", .address(sender)),
            EventField("amount0In", .amount(amount0In, of: token0)),
            EventField("amount1In", .amount(amount1In, of: token1)),
            EventField("amount0Out", .amount(amount0Out, of: token0)),
            EventField("amount1Out", .amount(amount1Out, of: token1)),
            EventField("to", .address(to)),
        ])
    }

    /// `Mint(sender, amount0, amount1)`.
    func mint(sender: Address, amount0: UInt256, amount1: UInt256) -> ProtocolEvent {
        event("Mint", [
            EventField("sender", .address(sender)),
            EventField("amount0", .amount(amount0, of: token0)),
            EventField("amount1", .amount(amount1, of: token1)),
        ])
    }

    /// `Burn(sender, amount0, amount1, to)`.
    func burn(sender: Address, amount0: UInt256, amount1: UInt256, to: Address) -> ProtocolEvent {
        event("Burn", [
            EventField("sender", .address(sender)),
            EventField("amount0", .amount(amount0, of: token0)),
            EventField("amount1", .amount(amount1, of: token1)),
            EventField("to", .address(to)),
        ])
    }

    /// The LP token's `Transfer(from, to, value)` (a mint is from zero, a burn to zero).
    func lpTransfer(from: Address, to: Address, _ value: UInt256) -> ProtocolEvent {
        event("Transfer", [
            EventField("from", .address(from)),
            EventField("to", .address(to)),
            EventField("value", .amount(value, of: liquidityToken)),
        ])
    }

    private func event(_ name: String, _ fields: [EventField]) -> ProtocolEvent {
        ProtocolEvent(source: source, name: name, fields: fields)
    }
}
