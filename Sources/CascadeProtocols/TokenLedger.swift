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
    /// The tokens, indexed by their address.
    public private(set) var tokens: [Address: Token] = [:]
    private var balances: [Address: [Address: UInt256]] = [:]
    private var allowances: [Address: [Address: [Address: UInt256]]] = [:]
    private var supplies: [Address: UInt256] = [:]

    public init() {}

    /// Registers a token; registering the same address twice is a programmer error.
    public mutating func register(_ token: Token) {
        precondition(tokens[token.address] == nil, "token \(token.symbol) registered twice")
        tokens[token.address] = token
        balances[token.address] = [:]
        supplies[token.address] = .zero
    }

    /// The token at `address`; reverts when the ledger does not know it.
    public func token(_ address: Address) throws(Revert) -> Token {
        guard let token = tokens[address] else { throw .reason("unknown token \(address)") }
        return token
    }

    /// `holder`'s balance of `token` (zero for unknown tokens and holders).
    public func balance(of holder: Address, in token: Address) -> UInt256 {
        balances[token]?[holder] ?? .zero
    }

    /// The total supply of `token`.
    public func totalSupply(of token: Address) -> UInt256 {
        supplies[token] ?? .zero
    }

    /// What `spender` may still move from `owner`'s balance of `token`.
    public func allowance(of token: Address, owner: Address, spender: Address) -> UInt256 {
        allowances[token]?[owner]?[spender] ?? .zero
    }

    /// Moves `amount` from `from` to `to`. Reverts `ERC20: transfer amount exceeds balance`.
    public mutating func transfer(_ amount: UInt256, of token: Address, from: Address, to: Address) throws(Revert) {
        _ = try self.token(token)
        let fromBalance = balance(of: from, in: token)
        guard fromBalance >= amount else { throw .reason("ERC20: transfer amount exceeds balance") }
        setBalance(fromBalance &- amount, of: from, in: token)
        // Cannot overflow: the sum of all balances equals the supply, which fits 256 bits.
        let toBalance = balance(of: to, in: token)
        setBalance(toBalance &+ amount, of: to, in: token)
    }

    /// Sets `spender`'s allowance over `owner`'s `token` to `amount` (ERC-20 `approve`).
    public mutating func approve(_ amount: UInt256, of token: Address, owner: Address, spender: Address) throws(Revert) {
        _ = try self.token(token)
        allowances[token, default: [:]][owner, default: [:]][spender] = amount
    }

    /// Moves `amount` of `owner`'s `token` on behalf of `spender`, spending allowance (an
    /// allowance of 2²⁵⁶ − 1 is unlimited, as in OpenZeppelin). Reverts
    /// `ERC20: insufficient allowance` or `ERC20: transfer amount exceeds balance`.
    public mutating func transferFrom(_ amount: UInt256, of token: Address, owner: Address, spender: Address, to: Address) throws(Revert) {
        let allowed = allowance(of: token, owner: owner, spender: spender)
        guard allowed >= amount else { throw .reason("ERC20: insufficient allowance") }
        try transfer(amount, of: token, from: owner, to: to)
        if allowed != .max { allowances[token, default: [:]][owner, default: [:]][spender] = allowed &- amount }
    }

    /// Creates `amount` new units for `to`. Reverts on supply overflow.
    public mutating func mint(_ amount: UInt256, of token: Address, to: Address) throws(Revert) {
        _ = try self.token(token)
        let supply = try totalSupply(of: token) + amount
        let toBalance = balance(of: to, in: token)
        supplies[token] = supply
        setBalance(toBalance &+ amount, of: to, in: token)
    }

    /// Destroys `amount` of `from`'s units. Reverts `ERC20: burn amount exceeds balance`.
    public mutating func burn(_ amount: UInt256, of token: Address, from: Address) throws(Revert) {
        _ = try self.token(token)
        let fromBalance = balance(of: from, in: token)
        guard fromBalance >= amount else { throw .reason("ERC20: burn amount exceeds balance") }
        let supply = totalSupply(of: token)
        setBalance(fromBalance &- amount, of: from, in: token)
        supplies[token] = supply &- amount
    }

    /// Stores a balance, dropping zero entries so that equal ledgers compare equal (`==`) however
    /// their balances came about (a transfer undone by its reverse leaves no trace).
    private mutating func setBalance(_ value: UInt256, of holder: Address, in token: Address) {
        if value.isZero {
            balances[token]![holder] = nil
        } else {
            balances[token]![holder] = value
        }
    }

    /// Every token whose balances do not sum to its total supply, as readable messages (empty
    /// when the ledger is consistent). Sums with arbitrary precision; O(number of balances).
    public func invariantViolations() -> [String] {
        var violations: [String] = []
        for address in tokens.keys.sorted() {
            var sum = BigInteger.zero
            for balance in balances[address, default: [:]].values { sum += BigInteger(balance) }
            let supply = BigInteger(totalSupply(of: address))
            if sum != supply {
                violations.append("\(tokens[address]!.symbol): balances sum to \(sum), total supply is \(supply)")
            }
        }
        return violations
    }
}
