import CascadeChain
import CascadeMath

extension TokenLedger {
    /// Gas of an ERC-20 `transfer` transaction to an account that held none of the token:
    /// 21,000 intrinsic + ≈ 30,600 execution (two cold balance slots, one written from zero at
    /// 20,000 under EIP-2200/EIP-2929, the `Transfer` log). Estimate from EVM prices; a transfer
    /// to an existing holder costs ≈ 17,000 less.
    public static let transferGas: UInt64 = 51_600

    /// Gas of an ERC-20 `approve` transaction setting a fresh allowance (estimate as above).
    public static let approveGas: UInt64 = 46_000

    /// Runs an ERC-20 call on `token`'s contract for `context.sender`: `transfer(to, amount)` and
    /// `approve(spender, amount)`; anything else reverts. This is the first transaction of a
    /// router-less swap (``UniswapV2Pair/exactInputCalls(amountIn:tokenIn:to:)``).
    ///
    /// A revert changes nothing; reasons are the ledger's (OpenZeppelin's strings).
    public mutating func execute(_ call: ContractCall, token: Address, context: CallContext) throws(Revert) -> CallOutcome {
        let metadata = try self.token(token)
        switch call {
        case let .erc20Transfer(to, amount):
            try transfer(amount, of: token, from: context.sender, to: to)
            return CallOutcome(gasUsed: Self.transferGas, events: [
                ProtocolEvent(source: metadata.symbol, name: "Transfer", fields: [
                    EventField("from", .address(context.sender)),
                    EventField("to", .address(to)),
                    EventField("value", .amount(amount, symbol: metadata.symbol, decimals: metadata.decimals)),
                ]),
            ])
        case let .erc20Approve(spender, amount):
            try approve(amount, of: token, owner: context.sender, spender: spender)
            return CallOutcome(gasUsed: Self.approveGas, events: [
                ProtocolEvent(source: metadata.symbol, name: "Approval", fields: [
                    EventField("owner", .address(context.sender)),
                    EventField("spender", .address(spender)),
                    EventField("value", .amount(amount, symbol: metadata.symbol, decimals: metadata.decimals)),
                ]),
            ])
        default:
            throw .reason("\(metadata.symbol): no function \(call.function.signature)")
        }
    }
}
