import CascadeProtocols

extension ChainState {
    /// Every broken accounting identity of the chain, as messages (empty when consistent):
    /// token supplies equal the sums of balances (``CascadeProtocols/TokenLedger``), and each
    /// deployed protocol's own identities (Maker's Vat, Vow, Dog and auction houses; Aave's and
    /// Compound's pool accounting).
    ///
    /// - Complexity: O(size of the state); meant for tests and audits, not for every block of
    ///   production runs.
    public func invariantViolations() -> [String] {
        var violations = ledger.invariantViolations()
        if let maker { violations += maker.invariantViolations().map { "maker: " + $0 } }
        if let aave { violations += aave.invariantViolations(ledger: ledger).map { "aave: " + $0 } }
        if let compound { violations += compound.invariantViolations(ledger: ledger).map { "compound: " + $0 } }
        return violations
    }
}
