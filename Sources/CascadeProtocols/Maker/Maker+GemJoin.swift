import CascadeChain

extension Maker {
    /// A collateral adapter (makerdao/dss `src/join.sol`, `GemJoin`): the contract that holds
    /// deposited ERC-20 collateral and credits it as Vat `gem`.
    public struct GemJoin: Sendable, Hashable {
        /// The adapter's address (holds the deposited tokens).
        public var address: Address
        /// The collateral's ERC-20 token.
        public var gem: Address

        public init(address: Address, gem: Address) {
            self.address = address
            self.gem = gem
        }
    }
}
