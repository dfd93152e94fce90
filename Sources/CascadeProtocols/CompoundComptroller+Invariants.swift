import CascadeChain
import CascadeMath

extension CompoundComptroller {
    /// Every broken accounting invariant, as readable messages (empty when consistent):
    ///
    /// - per market, Σ cToken balances = `totalSupply` (exact, arbitrary precision);
    /// - per market, `cash + totalBorrows ≥ totalReserves` (the exchange rate is defined);
    /// - every account with a non-zero borrow has entered that market (borrowing enters it).
    ///
    /// Σ borrow balances is *not* required to equal `totalBorrows`: each balance truncates
    /// separately, so on chain too they drift apart by a few units.
    /// - Complexity: O(accounts × markets).
    public func invariantViolations(ledger: TokenLedger) -> [String] {
        var violations: [String] = []
        for (id, market) in markets.enumerated() {
            let symbol = "c" + market.underlying.symbol
            var sum = BigInteger.zero
            for account in market.accountTokens.keys.sorted() { sum += BigInteger(market.accountTokens[account]!) }
            if sum != BigInteger(market.totalSupply) {
                violations.append("\(symbol): balances sum to \(sum), totalSupply is \(market.totalSupply)")
            }
            if BigInteger(market.cash(in: ledger)) + BigInteger(market.totalBorrows) < BigInteger(market.totalReserves) {
                violations.append("\(symbol): reserves \(market.totalReserves) exceed cash plus borrows")
            }
            for account in market.accountBorrows.keys.sorted() where !market.accountBorrows[account]!.principal.isZero {
                if !(accountAssets[account]?.contains(id) ?? false) {
                    violations.append("\(symbol): \(account) borrows without having entered the market")
                }
            }
        }
        return violations
    }
}
