import CascadeChain

/// Every account's ``AaveUserPosition`` in an ``AavePool``: stored contiguously in the order the
/// accounts first touched the pool, with an index by address.
///
/// The end-of-block health scan reads each position where it lies (a dictionary would hand out
/// copies), and accounts scanned in the order they arrived read memory in order.
struct AavePositionBook: Sendable, Equatable {
    /// Accounts in the order they first touched the pool.
    private(set) var accounts: [Address] = []
    /// `positions[i]` is `accounts[i]`'s.
    private var positions: [AaveUserPosition] = []
    private var index: [Address: Int] = [:]

    /// `user`'s position, if the account has touched the pool.
    subscript(user: Address) -> AaveUserPosition? {
        index[user].map { positions[$0] }
    }

    /// Edits `user`'s position in place, creating an empty one first for a new account.
    mutating func modify<Result, Failure: Error>(
        _ user: Address, _ body: (inout AaveUserPosition) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        if let slot = index[user] { return try body(&positions[slot]) }
        index[user] = positions.count
        accounts.append(user)
        positions.append(AaveUserPosition())
        return try body(&positions[positions.count - 1])
    }

    /// Sets `user`'s position, or (`nil`) removes the account. Only the account that touched the
    /// pool last can be removed: a revert undoes its call's new accounts, last first.
    mutating func set(_ position: AaveUserPosition?, for user: Address) {
        guard let position else {
            guard let slot = index[user] else { return }
            precondition(slot == positions.count - 1, "AavePositionBook: only the newest account can be removed")
            index[user] = nil
            accounts.removeLast()
            positions.removeLast()
            return
        }
        modify(user) { $0 = position }
    }

    /// The slot of `user`'s position, if any.
    func slot(of user: Address) -> Int? { index[user] }

    /// Calls `body` with the positions in place; `accounts[i]` owns `positions[i]`.
    func withPositions<Result, Failure: Error>(
        _ body: (_ positions: UnsafeBufferPointer<AaveUserPosition>, _ accounts: UnsafeBufferPointer<Address>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try positions.withUnsafeBufferPointer { (positions) throws(Failure) -> Result in
            try accounts.withUnsafeBufferPointer { (accounts) throws(Failure) -> Result in try body(positions, accounts) }
        }
    }

    /// The positions by account (built on each call).
    var dictionary: [Address: AaveUserPosition] {
        Dictionary(uniqueKeysWithValues: zip(accounts, positions))
    }
}
