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
        settle(scaledBy: factor)
    }

    /// The tags whose share of ``logImpact`` is at least `minimumShare`, by increasing tag;
    /// the shares of all tags sum to 1 (to rounding). Shares are negative for a tag that
    /// pushed against the total (a buy against sales). Empty when the total is zero.
    func contributors(minimumShare: Double) -> [(tag: Int, share: Double)] {
        guard logImpact != 0 else { return [] }
        return contributions.map { ($0.tag, $0.logImpact / logImpact) }.filter { $0.share >= minimumShare }
    }

    /// Multiplies every contribution by `factor` (1: leaves them, exactly), drops the
    /// negligible ones and recomputes the total, in one pass.
    private mutating func settle(scaledBy factor: Double = 1) {
        var total = 0.0, kept = 0
        for index in contributions.indices {
            let value = contributions[index].logImpact * factor
            if abs(value) < Self.negligible { continue }
            contributions[kept] = Contribution(tag: contributions[index].tag, logImpact: value)
            total += value
            kept += 1
        }
        contributions.removeLast(contributions.count - kept)
        logImpact = total
    }
}
