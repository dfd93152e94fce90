import CascadeChain
import CascadeMath

/// ERC-20 balances of every account in every token, with each token's total supply.
///
/// Amounts are raw token units (`10^decimals` per whole token), exact `UInt256`. Transfers,
/// mints and burns revert exactly where an OpenZeppelin-style ERC-20 does (insufficient balance
/// or allowance, supply overflow); ``invariantViolations()`` checks that the balances of each
/// token sum to its supply, with arbitrary precision.
///
/// Deterministic: balances live in dictionaries, but nothing here iterates one to decide an
/// order; the invariant sum does not depend on order.
public struct TokenLedger: Sendable, Equatable {
    /// One token's books: supply, balances and allowances. Keeping them together costs one hash
    /// of the token address per operation instead of one per table.
    private struct Book: Sendable, Equatable {
        var supply = UInt256.zero
        /// Non-zero balances only, so that equal ledgers compare equal (`==`) however their
        /// balances came about (a transfer undone by its reverse leaves no trace).
        var balances: [Address: UInt256] = [:]
        var allowances: [Address: [Address: UInt256]] = [:]
    }

    /// The tokens, indexed by their address.
    public private(set) var tokens: [Address: Token] = [:]
    private var books: [Address: Book] = [:]

    public init() {}

    /// Registers a token; registering the same address twice is a programmer error.
    public mutating func register(_ token: Token) {
        precondition(tokens[token.address] == nil, "token \(token.symbol) registered twice")
        tokens[token.address] = token
        books[token.address] = Book()
    }

    /// The token at `address`; reverts when the ledger does not know it.
    public func token(_ address: Address) throws(Revert) -> Token {
        guard let token = tokens[address] else { throw .reason("unknown token \(address)") }
        return token
    }

    /// `holder`'s balance of `token` (zero for unknown tokens and holders).
    public func balance(of holder: Address, in token: Address) -> UInt256 {
        books[token]?.balances[holder] ?? .zero
    }

    /// The total supply of `token`.
    public func totalSupply(of token: Address) -> UInt256 {
        books[token]?.supply ?? .zero
    }

    /// What `spender` may still move from `owner`'s balance of `token`.
    public func allowance(of token: Address, owner: Address, spender: Address) -> UInt256 {
        books[token]?.allowances[owner]?[spender] ?? .zero
    }

    /// The position of `token`'s book; reverts `unknown token …`.
    private func book(_ token: Address) throws(Revert) -> Dictionary<Address, Book>.Index {
        guard let index = books.index(forKey: token) else { throw .reason("unknown token \(token)") }
        return index
    }

    /// Moves `amount` from `from` to `to`. Reverts `ERC20: transfer amount exceeds balance`.
    public mutating func transfer(_ amount: UInt256, of token: Address, from: Address, to: Address) throws(Revert) {
        let index = try book(token)
        try Self.move(amount, from: from, to: to, in: &books.values[index].balances)
    }

    /// Sets `spender`'s allowance over `owner`'s `token` to `amount` (ERC-20 `approve`).
    public mutating func approve(_ amount: UInt256, of token: Address, owner: Address, spender: Address) throws(Revert) {
        let index = try book(token)
        books.values[index].allowances[owner, default: [:]][spender] = amount
    }

    /// Moves `amount` of `owner`'s `token` on behalf of `spender`, spending allowance (an
    /// allowance of 2²⁵⁶ − 1 is unlimited, as in OpenZeppelin). Reverts
    /// `ERC20: insufficient allowance` or `ERC20: transfer amount exceeds balance`.
    /// Returns the allowance before the call.
    @discardableResult
    public mutating func transferFrom(_ amount: UInt256, of token: Address, owner: Address, spender: Address,
                                      to: Address) throws(Revert) -> UInt256 {
        guard let index = books.index(forKey: token) else {
            if !amount.isZero { throw .reason("ERC20: insufficient allowance") }
            throw .reason("unknown token \(token)")
        }
        // Hash owner and spender once each: the positions stay valid while only values change.
        guard let ownerIndex = books.values[index].allowances.index(forKey: owner),
              let spenderIndex = books.values[index].allowances.values[ownerIndex].index(forKey: spender)
        else {
            if !amount.isZero { throw .reason("ERC20: insufficient allowance") }
            try Self.move(amount, from: owner, to: to, in: &books.values[index].balances)
            return .zero
        }
        let allowed = books.values[index].allowances.values[ownerIndex].values[spenderIndex]
        guard allowed >= amount else { throw .reason("ERC20: insufficient allowance") }
        try Self.move(amount, from: owner, to: to, in: &books.values[index].balances)
        if allowed != .max { books.values[index].allowances.values[ownerIndex].values[spenderIndex] = allowed &- amount }
        return allowed
    }

    /// Creates `amount` new units for `to`. Reverts on supply overflow.
    public mutating func mint(_ amount: UInt256, of token: Address, to: Address) throws(Revert) {
        let index = try book(token)
        books.values[index].supply = try books.values[index].supply + amount
        if !amount.isZero { Self.add(amount, to: &books.values[index].balances[to, default: .zero]) }
    }

    /// Destroys `amount` of `from`'s units. Reverts `ERC20: burn amount exceeds balance`.
    public mutating func burn(_ amount: UInt256, of token: Address, from: Address) throws(Revert) {
        let index = try book(token)
        try Self.take(amount, from: from, in: &books.values[index].balances, reason: "ERC20: burn amount exceeds balance")
        books.values[index].supply = books.values[index].supply &- amount
    }

    /// Moves `amount` between two holders of one token's balances.
    private static func move(_ amount: UInt256, from: Address, to: Address, in balances: inout [Address: UInt256]) throws(Revert) {
        try take(amount, from: from, in: &balances, reason: "ERC20: transfer amount exceeds balance")
        // Cannot overflow: the sum of all balances equals the supply, which fits 256 bits.
        if !amount.isZero { add(amount, to: &balances[to, default: .zero]) }
    }

    /// Subtracts `amount` from `holder`'s balance, dropping it at zero; reverts with `reason`
    /// when the balance is short. One hash of `holder`.
    private static func take(_ amount: UInt256, from holder: Address, in balances: inout [Address: UInt256],
                             reason: String) throws(Revert) {
        guard let index = balances.index(forKey: holder) else {
            if amount.isZero { return }
            throw .reason(reason)
        }
        let balance = balances.values[index]
        guard balance >= amount else { throw .reason(reason) }
        if balance == amount {
            balances.remove(at: index)
        } else {
            balances.values[index] = balance &- amount
        }
    }

    private static func add(_ amount: UInt256, to balance: inout UInt256) {
        balance = balance &+ amount
    }

    /// Every token whose balances do not sum to its total supply, as readable messages (empty
    /// when the ledger is consistent). Sums with arbitrary precision; O(number of balances).
    public func invariantViolations() -> [String] {
        var violations: [String] = []
        for address in tokens.keys.sorted() {
            var sum = BigInteger.zero
            for balance in books[address, default: Book()].balances.values { sum += BigInteger(balance) }
            let supply = BigInteger(totalSupply(of: address))
            if sum != supply {
                violations.append("\(tokens[address]!.symbol): balances sum to \(sum), total supply is \(supply)")
            }
        }
        return violations
    }
}
