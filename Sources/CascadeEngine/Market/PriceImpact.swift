/// The accumulated log-price impact of trades on one asset, kept per tag (per liquidation) so
/// that a fall can be traced to the sales that caused it.
///
/// Every contribution decays by the same factor, so the shares of the tags in the total change
/// only when a trade adds to it. A contribution whose magnitude has decayed below
/// ``negligible`` is dropped (a relative price effect below 10⁻¹²).
struct PriceImpact: Sendable, Hashable {
    /// One tag's part of the impact.
    struct Contribution: Sendable, Hashable {
        let tag: Int
        var logImpact: Double
    }

    /// Contributions smaller than this in magnitude are dropped.
    static let negligible = 1e-12

    /// The sum of the contributions, in tag order: `ln(price / exogenous price)`.
    private(set) var logImpact: Double = 0
    /// Contributions by increasing tag.
    private var contributions: [Contribution] = []

    /// Adds `amount` of log impact to `tag`'s contribution.
    /// - Complexity: O(number of contributions).
    mutating func add(_ amount: Double, tag: Int) {
        var low = 0, high = contributions.count
        while low < high {
            let middle = (low + high) / 2
            if contributions[middle].tag < tag { low = middle + 1 } else { high = middle }
        }
        if low < contributions.count, contributions[low].tag == tag {
            contributions[low].logImpact += amount
        } else {
            contributions.insert(Contribution(tag: tag, logImpact: amount), at: low)
        }
        settle()
    }

    /// Multiplies every contribution by `factor` (recovery: `2^(−Δt / half-life)`).
    /// - Complexity: O(number of contributions).
    mutating func decay(by factor: Double) {
        guard !contributions.isEmpty else { return }
        for index in contributions.indices { contributions[index].logImpact *= factor }
        settle()
    }

    /// The tags whose share of ``logImpact`` is at least `minimumShare`, by increasing tag;
    /// the shares of all tags sum to 1 (to rounding). Shares are negative for a tag that
    /// pushed against the total (a buy against sales). Empty when the total is zero.
    func contributors(minimumShare: Double) -> [(tag: Int, share: Double)] {
        guard logImpact != 0 else { return [] }
        return contributions.map { ($0.tag, $0.logImpact / logImpact) }.filter { $0.share >= minimumShare }
    }

    /// Drops negligible contributions and recomputes the total.
    private mutating func settle() {
        contributions.removeAll { abs($0.logImpact) < Self.negligible }
        logImpact = contributions.reduce(0) { $0 + $1.logImpact }
    }
}
