import CascadeChain
import CascadeMath

/// The pool state and token movements an ``AavePool`` call has changed so far, so that a call
/// which reverts leaves the pool and the ledger exactly as they were (the EVM's revert semantics).
///
/// Before its first write to a reserve or a position, a call saves the old value here; on a revert
/// the saved values are put back and the token movements undone, last first.
struct AaveJournal {
    private var reserves = JournalList<AaveReserveSnapshot>()
    /// Bit `id` set: reserve `id` is saved (a pool lists at most 128 reserves).
    private var savedReserves: UInt128 = 0
    private var positions: [(user: Address, position: AaveUserPosition?)] = []
    var ledger = LedgerJournal()

    /// Saves reserve `id` unless already saved by this call.
    mutating func save(reserve id: Int, of pool: AavePool) {
        if savedReserves >> id & 1 == 1 { return }
        savedReserves |= 1 << id
        reserves.append(pool.readReserve(id) { AaveReserveSnapshot($0.pointee) })
    }

    /// Saves `user`'s position (possibly absent) unless already saved by this call.
    mutating func save(position user: Address, of pool: AavePool) {
        if positions.contains(where: { $0.user == user }) { return }
        positions.append((user, pool.book[user]))
    }

    /// Puts every saved value back and undoes the token movements.
    func rollback(_ pool: inout AavePool, _ ledger: inout TokenLedger) {
        reserves.forEachLastFirst { $0.restore(&pool.reserves[$0.id]) }
        for (user, position) in positions.reversed() { pool.book.set(position, for: user) }
        self.ledger.rollback(&ledger)
    }
}
