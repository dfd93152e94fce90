import CascadeChain
import CascadeMath

/// The state and token movements a ``CompoundComptroller`` call has changed so far, so that a
/// call which reverts leaves everything as it was. (A call that *fails with an error code* does
/// not revert: its writes, such as interest accrual, stay.)
struct CompoundJournal {
    private struct Totals {
        let id: Int
        let totalSupply: UInt256
        let totalBorrows: UInt256
        let totalReserves: UInt256
        let borrowIndex: UInt256
        let accrualBlockNumber: UInt64
    }

    private var totals: [Totals] = []
    private var tokens: [(id: Int, account: Address, value: UInt256?)] = []
    private var borrows: [(id: Int, account: Address, value: CompoundBorrowSnapshot?)] = []
    private var memberships: [(account: Address, markets: [Int]?)] = []
    var ledger = LedgerJournal()

    mutating func saveTotals(_ id: Int, of comptroller: CompoundComptroller) {
        if totals.contains(where: { $0.id == id }) { return }
        let m = comptroller.markets[id]
        totals.append(Totals(id: id, totalSupply: m.totalSupply, totalBorrows: m.totalBorrows, totalReserves: m.totalReserves,
                             borrowIndex: m.borrowIndex, accrualBlockNumber: m.accrualBlockNumber))
    }

    mutating func saveTokens(_ id: Int, _ account: Address, of comptroller: CompoundComptroller) {
        if tokens.contains(where: { $0.id == id && $0.account == account }) { return }
        tokens.append((id, account, comptroller.markets[id].accountTokens[account]))
    }

    mutating func saveBorrow(_ id: Int, _ account: Address, of comptroller: CompoundComptroller) {
        if borrows.contains(where: { $0.id == id && $0.account == account }) { return }
        borrows.append((id, account, comptroller.markets[id].accountBorrows[account]))
    }

    mutating func saveMembership(_ account: Address, of comptroller: CompoundComptroller) {
        if memberships.contains(where: { $0.account == account }) { return }
        memberships.append((account, comptroller.accountAssets[account]))
    }

    /// Puts every saved value back and undoes the token movements.
    func rollback(_ comptroller: inout CompoundComptroller, _ ledger: inout TokenLedger) {
        for t in totals {
            comptroller.markets[t.id].totalSupply = t.totalSupply
            comptroller.markets[t.id].totalBorrows = t.totalBorrows
            comptroller.markets[t.id].totalReserves = t.totalReserves
            comptroller.markets[t.id].borrowIndex = t.borrowIndex
            comptroller.markets[t.id].accrualBlockNumber = t.accrualBlockNumber
        }
        for t in tokens { comptroller.markets[t.id].accountTokens[t.account] = t.value }
        for b in borrows { comptroller.markets[b.id].accountBorrows[b.account] = b.value }
        for m in memberships { comptroller.accountAssets[m.account] = m.markets }
        self.ledger.rollback(&ledger)
    }
}
