import CascadeChain

/// The borrowers of one lending protocol, grouped by the (collateral, debt) pair that decides
/// when they become liquidatable, each group a ``LiquidationIndex``; positions that no single
/// pair bounds are kept apart as *unbounded* and are candidates at every price.
///
/// A key is a ratio of oracle prices, `P_collateral / P_debt`, at or above which the position is
/// safe, with the rate indexes that grow every position of a reserve alike divided out (see
/// ``PositionIndexes`` for the exact definitions). A query gives each pair its threshold — the
/// current price ratio times the current indexes — and gets back the owners whose key reaches it.
/// Keys are floating point and serve only to *find* candidates; whether a candidate can be
/// liquidated is decided by the protocol's exact arithmetic.
public struct LendingPositionIndex: Sendable {
    /// The collateral and the debt whose prices decide a position: underlying token addresses
    /// for Aave, cToken addresses for Compound.
    public struct Pair: Sendable, Hashable {
        public let collateral: Address
        public let debt: Address
        /// Whether the positions indexed here use no other reserve, so that a key is the
        /// position's own liquidation price ratio rather than a bound on it (see
        /// ``PositionIndexes``, "Certain candidates"). Such positions have an index of their own.
        public let keyIsExact: Bool

        public init(collateral: Address, debt: Address, keyIsExact: Bool = false) {
            self.collateral = collateral
            self.debt = debt
            self.keyIsExact = keyIsExact
        }
    }

    /// A position that may be liquidatable, from ``candidates(threshold:)``.
    public struct Candidate: Sendable, Hashable {
        public let owner: Address
        /// Its key over its pair's threshold (how far past its liquidation price the market is,
        /// 1 at the price); `+∞` when unbounded or when the pair has no usable threshold.
        public let depth: Double
        /// The pair it is indexed under, `nil` when unbounded.
        public let pair: Pair?
    }

    /// Where a position is indexed.
    public enum Placement: Sendable, Hashable {
        /// Under `pair`, with `key` (a price ratio, see the type's documentation).
        case pair(Pair, key: Double)
        /// A candidate at any price (several debt assets, or debt without collateral).
        case unbounded
    }

    /// The pair indexes.
    public private(set) var pairs: [Pair: LiquidationIndex] = [:]
    /// Positions that are candidates at any price (all keyed +∞).
    public private(set) var unbounded = LiquidationIndex()
    private var placements: [Address: Placement] = [:]
    /// Bumped by every ``update(_:placement:)`` that moves a position.
    private var revision: UInt64 = 0

    /// Equal for two queries of an index exactly when both found every candidate certain and
    /// the same number of candidates in each pair of an unchanged index: then the two candidate
    /// sets are the same owners (``certainStamp(threshold:certainty:isCertain:)``).
    public struct CertainStamp: Sendable, Hashable {
        let revision: UInt64
        let counts: [Int]

        /// Whether at most one pair has candidates.
        public var isOnePair: Bool { counts.lazy.filter { $0 > 0 }.count <= 1 }
    }

    public init() {}

    /// Number of positions indexed.
    public var count: Int { placements.count }

    /// Where `owner`'s position is indexed, if it is.
    public func placement(of owner: Address) -> Placement? { placements[owner] }

    /// Moves `owner` to `placement` (`nil` removes it: no debt).
    public mutating func update(_ owner: Address, placement: Placement?) {
        guard placements[owner] != placement else { return }
        revision &+= 1
        switch placements[owner] {
        case .pair(let pair, _)?:
            if case .pair(pair, _)? = placement {} else { pairs[pair]?.update(owner, key: nil) }
        case .unbounded?:
            if placement != .unbounded { unbounded.update(owner, key: nil) }
        case nil:
            break
        }
        placements[owner] = placement
        switch placement {
        case .pair(let pair, let key)?: pairs[pair, default: LiquidationIndex()].update(owner, key: key)
        case .unbounded?: unbounded.update(owner, key: .infinity)
        case nil: break
        }
    }

    /// A stamp of the pair candidates ``candidates(threshold:)`` returns when every one of them
    /// is certain — in each pair with candidates `isCertain(pair)` holds and the shallowest depth
    /// exceeds `certainty` (depths only grow with the key) — and every pair is settled at its
    /// threshold; `nil` otherwise. Two equal stamps mean the same pair candidates; their order
    /// may differ (it depends on the thresholds). Unbounded positions are not part of it: they
    /// are candidates at every query, never certain, and come first (``unboundedOwners``). With
    /// any, a stamp also needs every pair candidate at a finite depth, so that none of them sorts
    /// among the unbounded ones.
    /// - Complexity: O(pairs · log n).
    public func certainStamp(threshold: (Pair) -> Double?, certainty: Double, isCertain: (Pair) -> Bool) -> CertainStamp? {
        var counts: [Int] = []
        counts.reserveCapacity(pairs.count)
        for (pair, index) in pairs {
            let limit = Self.limit(threshold(pair))
            guard let settled = index.settledEntries(atOrAbove: limit ?? 0) else { return nil }
            if let lowest = settled.lowestKey {
                guard isCertain(pair), (limit.map { lowest / $0 } ?? .infinity) > certainty else { return nil }
                if unbounded.count > 0 {
                    guard let limit, let largest = index.largestKey, (largest / limit).isFinite else { return nil }
                }
            }
            counts.append(settled.count)
        }
        return CertainStamp(revision: revision, counts: counts)
    }

    /// The unbounded positions (candidates at every query, all at depth `+∞`), by address bytes:
    /// the order in which ``candidates(threshold:)`` lists them, before any pair's.
    public var unboundedOwners: [Address] {
        unbounded.count == 0 ? [] : unbounded.candidates(atOrAbove: 0)
    }

    /// When at most one pair has candidates at `threshold`: that pair (`nil` when none has) and
    /// its candidates, read straight from its index in the index's order (key, then address
    /// bytes); `nil` otherwise. The same owners as ``candidates(threshold:)`` less the
    /// unbounded ones (``unboundedOwners``), without building them one by one.
    /// - Complexity: O(pairs + k) for k candidates once settled.
    public func soleCandidates(threshold: (Pair) -> Double?) -> (pair: Pair?, owners: [Address])? {
        var found: (pair: Pair?, owners: [Address]) = (nil, [])
        for (pair, index) in pairs {
            let owners = index.candidates(atOrAbove: Self.limit(threshold(pair)) ?? 0)
            guard !owners.isEmpty else { continue }
            guard found.pair == nil else { return nil }
            found = (pair, owners)
        }
        return found
    }

    /// Whether ``candidates(threshold:)`` lists each pair's candidates in the pair index's own
    /// order (key, then address bytes): no two different keys of one pair round to the same
    /// `key / threshold`. When it holds for two thresholds with equal one-pair stamps
    /// (``certainStamp(threshold:certainty:isCertain:)``), both lists are the same.
    ///
    /// `separated` tells that the candidates are those of an earlier query whose keys were found
    /// well separated (``keysWellSeparated(threshold:)``; an equal ``CertainStamp`` shows they are
    /// the same): then no key need be looked at, only that every depth stays finite.
    /// - Complexity: O(k) for k candidates once settled; O(pairs) when `separated`.
    public func candidatesKeepIndexOrder(threshold: (Pair) -> Double?, separated: Bool = false) -> Bool {
        pairs.allSatisfy { pair, index in
            guard let limit = Self.limit(threshold(pair)) else { return index.count <= 1 }   // every depth +∞: address order
            guard separated else { return index.keepsOrder(atOrAbove: limit) { $0 / limit } }
            return index.settledEntries(atOrAbove: limit) != nil && (index.largestKey.map { ($0 / limit).isFinite } ?? true)
        }
    }

    /// Whether, in every pair, the candidates' different keys at `threshold` are far enough apart
    /// that no threshold can give two of them the same depth
    /// (``LiquidationIndex/keysWellSeparated(atOrAbove:)``); a pair queried at every position
    /// (no usable threshold) passes only with at most one.
    /// - Complexity: O(k) for k candidates once settled.
    public func keysWellSeparated(threshold: (Pair) -> Double?) -> Bool {
        pairs.allSatisfy { pair, index in
            guard let limit = Self.limit(threshold(pair)) else { return index.count <= 1 }
            return index.keysWellSeparated(atOrAbove: limit)
        }
    }

    /// The owners that may be liquidatable: those whose key reaches their pair's `threshold`
    /// (`nil`, zero or not finite: every position of the pair) and every unbounded one. Ordered
    /// deepest first — by `key / threshold`, unbounded positions first — then by address bytes.
    /// - Complexity: O(pairs + k) for k candidates when the pairs are settled at these
    ///   thresholds (``settle(threshold:)``) and one pair has candidates; O(k log k) at worst.
    public func candidates(threshold: (Pair) -> Double?) -> [Candidate] {
        let limits = Dictionary(uniqueKeysWithValues: pairs.keys.map { ($0, Self.limit(threshold($0))) })
        var found: [Candidate] = []
        found.reserveCapacity(pairs.reduce(unbounded.count) { $0 + $1.value.headCount(atOrAbove: limits[$1.key]! ?? 0) })
        unbounded.forEachEntry(atOrAbove: 0) { owner, _ in found.append(Candidate(owner: owner, depth: .infinity, pair: nil)) }
        for (pair, index) in pairs {
            let limit = limits[pair]!
            index.forEachEntry(atOrAbove: limit ?? 0) { owner, key in
                found.append(Candidate(owner: owner, depth: limit.map { key / $0 } ?? .infinity, pair: pair))
            }
        }
        // A total order: each owner appears once, so dictionary order cannot show. Each index
        // hands its candidates over in this order already, so this merges runs.
        found.sort { $0.depth != $1.depth ? $0.depth > $1.depth : $0.owner < $1.owner }
        return found
    }

    /// Settles every pair's index at its `threshold` (``LiquidationIndex/settle(atOrAbove:)``) so
    /// that ``candidates(threshold:)`` there sorts nothing but ties.
    public mutating func settle(threshold: (Pair) -> Double?) {
        // Over a copy of the keys: iterating the dictionary's own would share its storage, and
        // each settle would copy every index it touches.
        for pair in Array(pairs.keys) { pairs[pair]!.settle(atOrAbove: Self.limit(threshold(pair)) ?? 0) }
        unbounded.settle(atOrAbove: 0)
    }

    /// A usable threshold: positive and finite.
    private static func limit(_ threshold: Double?) -> Double? {
        threshold.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
    }
}
