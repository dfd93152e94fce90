import CascadeChain
import CascadeMath
import CascadeProtocols

/// Account data of the Aave borrowers an agent reads after one block, at the next block's
/// timestamp: every reserve's price and indexes are resolved once, at the first account read
/// (``CascadeProtocols/AaveAccountTerms``), instead of accruing interest again for each account.
/// When resolving them reverts (an interest overflow in some reserve), each account is read
/// alone, so an account reverts exactly when `getUserAccountData` would.
struct AaveAccounts {
    let pool: AavePool
    let prices: AssetPrices
    let timestamp: UInt64
    /// `nil` until the first read; then the terms, or `nil` when resolving them reverted.
    private var terms: AaveAccountTerms??

    /// `pool` (the view's) at `view`'s oracle prices and next block's timestamp.
    init(_ pool: AavePool, view: AgentView) {
        self.pool = pool
        prices = view.state.aavePrices
        timestamp = view.nextTimestamp
    }

    /// `owner`'s ``CascadeProtocols/AavePool/accountData(of:prices:timestamp:)``, `nil` when it reverts.
    mutating func accountData(of owner: Address) -> AaveAccountData? {
        if terms == nil { terms = .some(try? pool.accountTerms(prices: prices, timestamp: timestamp)) }
        if let terms = terms!, let data = try? pool.accountData(of: owner, terms: terms) { return data }
        return try? pool.accountData(of: owner, prices: prices, timestamp: timestamp)
    }
}
