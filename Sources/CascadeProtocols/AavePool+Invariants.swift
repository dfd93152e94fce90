import CascadeChain
import CascadeMath

extension AavePool {
    /// Every broken accounting invariant, as readable messages (empty when the pool is
    /// consistent):
    ///
    /// - per reserve, Σ scaled aToken balances = the aToken's scaled total supply, and
    ///   Σ scaled variable debts = the debt token's scaled total supply (exact, arbitrary precision);
    /// - per reserve, the pool's ledger balance of the underlying ≥ the virtual balance (equal
    ///   unless someone sent tokens to the pool outside an action);
    /// - per position, the borrowing flag is set exactly when the scaled debt is non-zero, and the
    ///   collateral flag only with a non-zero aToken balance.
    ///
    /// - Complexity: O(accounts × reserves).
    public func invariantViolations(ledger: TokenLedger) -> [String] {
        var violations: [String] = []
        var aTokenSums = [BigInteger](repeating: .zero, count: reserves.count)
        var debtSums = [BigInteger](repeating: .zero, count: reserves.count)
        for user in accounts.sorted() {
            let position = position(of: user)
            for id in reserves.indices {
                let scaledA = position.scaledATokenBalance(id)
                let scaledD = position.scaledVariableDebt(id)
                aTokenSums[id] += BigInteger(scaledA)
                debtSums[id] += BigInteger(scaledD)
                let symbol = reserves[id].asset.symbol
                if position.isBorrowing(id) != !scaledD.isZero {
                    violations.append("\(user): \(symbol) borrowing flag \(position.isBorrowing(id)) with scaled debt \(scaledD)")
                }
                if position.isUsingAsCollateral(id), scaledA.isZero {
                    violations.append("\(user): \(symbol) used as collateral with a zero aToken balance")
                }
            }
        }
        for reserve in reserves {
            let symbol = reserve.asset.symbol
            if aTokenSums[reserve.id] != BigInteger(reserve.scaledATokenTotalSupply) {
                violations.append("\(symbol): scaled aToken balances sum to \(aTokenSums[reserve.id]), "
                    + "scaled total supply is \(reserve.scaledATokenTotalSupply)")
            }
            if debtSums[reserve.id] != BigInteger(reserve.scaledVariableDebtTotalSupply) {
                violations.append("\(symbol): scaled debts sum to \(debtSums[reserve.id]), "
                    + "scaled total debt is \(reserve.scaledVariableDebtTotalSupply)")
            }
            let held = ledger.balance(of: configuration.address, in: reserve.asset.address)
            if held < reserve.virtualUnderlyingBalance {
                violations.append("\(symbol): the pool holds \(held), its virtual balance is \(reserve.virtualUnderlyingBalance)")
            }
        }
        return violations
    }
}
