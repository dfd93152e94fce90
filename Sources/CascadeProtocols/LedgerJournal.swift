import CascadeChain
import CascadeMath

/// The token movements of one contract call, recorded so that a call which reverts after moving
/// tokens can put the ledger back exactly as it was.
///
/// The EVM journals every storage write of a call and discards the journal's writes when the call
/// reverts; the protocol models do the same with their own state, and this type does it for the
/// ``TokenLedger``. Movements run in the order the Solidity code makes them, so a transfer that
/// fails halfway through a call fails for the same reason it would on chain.
struct LedgerJournal {
    private enum Entry {
        case transfer(amount: UInt256, token: Address, from: Address, to: Address)
        case allowance(token: Address, owner: Address, spender: Address, previous: UInt256)
    }

    private var entries = JournalList<Entry>()

    /// `IERC20(token).safeTransfer(to, amount)` from `from` (a pool or cToken paying out).
    /// A zero amount moves nothing and is not recorded.
    mutating func transfer(_ amount: UInt256, of token: Address, from: Address, to: Address,
                           ledger: inout TokenLedger) throws(Revert) {
        if amount.isZero { return }
        try ledger.transfer(amount, of: token, from: from, to: to)
        entries.append(.transfer(amount: amount, token: token, from: from, to: to))
    }

    /// `IERC20(token).safeTransferFrom(owner, to, amount)` called by `spender`: spends `spender`'s
    /// allowance (unless unlimited) and reverts as the token does. A zero amount moves nothing.
    mutating func transferFrom(_ amount: UInt256, of token: Address, owner: Address, spender: Address, to: Address,
                               ledger: inout TokenLedger) throws(Revert) {
        if amount.isZero { return }
        let previous = try ledger.transferFrom(amount, of: token, owner: owner, spender: spender, to: to)
        entries.append(.transfer(amount: amount, token: token, from: owner, to: to))
        if previous != .max {
            entries.append(.allowance(token: token, owner: owner, spender: spender, previous: previous))
        }
    }

    /// Undoes every recorded movement, last first. Each undo reverses a movement that has just
    /// been made, so it cannot fail.
    func rollback(_ ledger: inout TokenLedger) {
        entries.forEachLastFirst { entry in
            switch entry {
            case let .transfer(amount, token, from, to):
                do { try ledger.transfer(amount, of: token, from: to, to: from) } catch {
                    preconditionFailure("ledger rollback failed: \(error)")
                }
            case let .allowance(token, owner, spender, previous):
                do { try ledger.approve(previous, of: token, owner: owner, spender: spender) } catch {
                    preconditionFailure("ledger rollback failed: \(error)")
                }
            }
        }
    }
}
