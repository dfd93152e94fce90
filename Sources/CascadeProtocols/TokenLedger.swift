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
///
/// Balances are one flat dictionary keyed by (token, holder), so a balance read costs one hash
/// and a transfer two (the sender's slot found once and updated in place, the receiver's slot
/// updated through the dictionary's `default:` accessor).
public struct TokenLedger: Sendable, Equatable {
    /// The tokens, indexed by their address.
    public private(set) var tokens: [Address: Token] = [:]
    private var balances: [Holding: UInt256] = [:]
    private var allowances: [Address: [Address: [Address: UInt256]]] = [:]
    private var supplies: [Address: UInt256] = [:]

    public init() {}

    /// Registers a token; registering the same address twice is a programmer error.
    public mutating func register(_ token: Token) {
        precondition(tokens[token.address] == nil, "token \(token.symbol) registered twice")
        tokens[token.address] = token
        supplies[token.address] = .zero
    }

    /// The token at `address`; reverts when the ledger does not know it.
    public func token(_ address: Address) throws(Revert) -> Token {
        guard let token = tokens[address] else { throw .reason("unknown token \(address)") }
        return token
    }

    /// `holder`'s balance of `token` (zero for unknown tokens and holders).
    public func balance(of holder: Address, in token: Address) -> UInt256 {
        balances[Holding(token: token, holder: holder)] ?? .zero
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
        // A balance slot exists only for a registered token, so the registry is consulted only
        // when the sender has none.
        if let index = balances.index(forKey: Holding(token: token, holder: from)) {
            let fromBalance = balances.values[index]
            guard fromBalance >= amount else { throw .reason("ERC20: transfer amount exceeds balance") }
            balances.values[index] = fromBalance &- amount
        } else {
            guard tokens[token] != nil else { throw .reason("unknown token \(token)") }
            guard amount.isZero else { throw .reason("ERC20: transfer amount exceeds balance") }
        }
        // Cannot overflow: the sum of all balances equals the supply, which fits 256 bits.
        Self.add(amount, to: &balances[Holding(token: token, holder: to), default: .zero])
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
        supplies[token] = supply
        Self.add(amount, to: &balances[Holding(token: token, holder: to), default: .zero])
    }

    /// Destroys `amount` of `from`'s units. Reverts `ERC20: burn amount exceeds balance`.
    public mutating func burn(_ amount: UInt256, of token: Address, from: Address) throws(Revert) {
        _ = try self.token(token)
        let fromBalance = balance(of: from, in: token)
        guard fromBalance >= amount else { throw .reason("ERC20: burn amount exceeds balance") }
        let supply = totalSupply(of: token)
        balances[Holding(token: token, holder: from)] = fromBalance &- amount
        supplies[token] = supply &- amount
    }

    /// Every token whose balances do not sum to its total supply, as readable messages (empty
    /// when the ledger is consistent). Sums with arbitrary precision; O(number of balances).
    public func invariantViolations() -> [String] {
        var sums: [Address: BigInteger] = [:]
        for (holding, balance) in balances { sums[holding.token, default: .zero] += BigInteger(balance) }
        var violations: [String] = []
        for address in tokens.keys.sorted() {
            let sum = sums[address] ?? .zero
            let supply = BigInteger(totalSupply(of: address))
            if sum != supply {
                violations.append("\(tokens[address]!.symbol): balances sum to \(sum), total supply is \(supply)")
            }
        }
        return violations
    }

    /// A balance slot: `token`'s balance of `holder`.
    ///
    /// Hashes one 64-bit word folded from both addresses (equality still compares all 40
    /// bytes). `Dictionary` asks for `_rawHashValue(seed:)`; answering it with a multiply–xorshift
    /// finalizer of that word and the per-process seed, instead of a seeded SipHash, takes the
    /// hashing off the hottest path of every protocol (a balance read or write). Hash flooding is
    /// not a concern for simulated accounts, and nothing iterates the dictionary to decide an order.
    private struct Holding: Hashable, Sendable {
        let token: Address
        let holder: Address

        /// Both addresses folded into one word.
        private var word: UInt64 {
            let holderWord = holder.high ^ (holder.middle &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(holder.low)
            let tokenWord = token.high ^ (token.middle &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(token.low)
            return holderWord ^ (tokenWord << 29 | tokenWord >> 35)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(word)
        }

        func _rawHashValue(seed: Int) -> Int {
            // The SplitMix64 finalizer (Steele, Lea, Flood 2014) of the word and the seed.
            var z = word &+ UInt64(bitPattern: Int64(seed)) &* 0x9E37_79B9_7F4A_7C15
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int(bitPattern: UInt(truncatingIfNeeded: z ^ (z >> 31)))
        }
    }

    /// Adds in place; the caller knows the sum fits (balances sum to a 256-bit supply).
    private static func add(_ amount: UInt256, to balance: inout UInt256) {
        balance = balance &+ amount
    }
}

extension TokenLedger {
    /// Ledgers are equal when they know the same tokens with the same supplies, allowances and
    /// non-zero balances: a slot emptied to zero equals a slot never written (so a ledger
    /// compares equal to itself after a reverted call is undone). O(number of balances).
    public static func == (lhs: TokenLedger, rhs: TokenLedger) -> Bool {
        lhs.tokens == rhs.tokens && lhs.supplies == rhs.supplies && lhs.allowances == rhs.allowances
            && lhs.balances.filter { !$0.value.isZero } == rhs.balances.filter { !$0.value.isZero }
    }
}
