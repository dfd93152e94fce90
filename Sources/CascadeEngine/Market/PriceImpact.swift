import CascadeChain

/// The accumulated log-price impact of trades on one asset, kept per tag (per liquidation) so
/// that a fall can be traced to the sales that caused it.
///
/// Every contribution decays by the same factor, so the decay is kept once for all of them
/// (``decay(by:)`` is O(1)): a contribution's log impact is its stored value times the common
/// ``scale``, and the shares of the tags in the total change only when a trade adds to it. The
/// total is kept as trades add to it. Contributions are dropped when they are negligible
/// (magnitude below ``negligible``, a relative price effect below 10⁻¹²): all of them at once
/// when the largest is, the others when the scale is multiplied out.
struct PriceImpact: Sendable, Hashable {
    /// One tag's part of the impact, divided by ``PriceImpact/scale``.
    struct Contribution: Sendable, Hashable {
        let tag: Int
        var scaledLogImpact: Double
    }

    /// Contributions smaller than this in magnitude are dropped.
    static let negligible = 1e-12
    /// Below this scale the contributions are multiplied out and the scale reset to 1, far from
    /// the smallest normal `Double` (2⁻¹⁰²²).
    static let smallestScale = 0x1p-500

    /// The decay every contribution has undergone since it was stored (or last multiplied out).
    private var scale = 1.0
    /// The sum of the stored contributions, in the order they were added.
    private var scaledTotal = 0.0
    /// At least the largest magnitude among the stored contributions.
    private var largestScaled = 0.0
    /// Contributions by increasing tag.
    private var contributions: [Contribution] = []

    /// The sum of the contributions: `ln(price / exogenous price)`.
    var logImpact: Double { scaledTotal * scale }

    /// Adds `amount` of log impact to `tag`'s contribution.
    /// - Complexity: O(log n) to add to an existing tag's contribution, O(n) (a move of the
    ///   contributions after it) for a new tag; n contributions.
    mutating func add(_ amount: Double, tag: Int) {
        let low = contributions.lowerBound { $0.tag < tag }
        let scaled = amount / scale
        let value: Double
        if low < contributions.count, contributions[low].tag == tag {
            contributions[low].scaledLogImpact += scaled
            value = contributions[low].scaledLogImpact
        } else {
            contributions.insert(Contribution(tag: tag, scaledLogImpact: scaled), at: low)
            value = scaled
        }
        scaledTotal += scaled
        largestScaled = max(largestScaled, abs(value))
    }

    /// Multiplies every contribution by `factor` (recovery: `2^(−Δt / half-life)`, in (0, 1]).
    /// - Complexity: O(1), except when everything becomes negligible or the scale is
    ///   multiplied out (once per 500 halvings): O(number of contributions).
    mutating func decay(by factor: Double) {
        guard !contributions.isEmpty else { return }
        scale *= factor
        if largestScaled * scale < Self.negligible {
            self = PriceImpact()
        } else if scale < Self.smallestScale {
            for index in contributions.indices { contributions[index].scaledLogImpact *= scale }
            scale = 1
            settle()
        }
    }

    /// The tags whose share of ``logImpact`` is at least `minimumShare`, by increasing tag;
    /// the shares of all tags sum to 1 (to rounding). Shares are negative for a tag that
    /// pushed against the total (a buy against sales). Empty when the total is zero.
    func contributors(minimumShare: Double) -> [(tag: Int, share: Double)] {
        guard scaledTotal != 0 else { return [] }
        return contributions.map { ($0.tag, $0.scaledLogImpact / scaledTotal) }.filter { $0.share >= minimumShare }
    }

    /// Drops the negligible contributions and recomputes the total and the largest, in one pass.
    private mutating func settle() {
        var total = 0.0, largest = 0.0, kept = 0
        for index in contributions.indices {
            let value = contributions[index].scaledLogImpact
            if abs(value * scale) < Self.negligible { continue }
            contributions[kept] = contributions[index]
            total += value
            largest = max(largest, abs(value))
            kept += 1
        }
        guard kept > 0 else { self = PriceImpact(); return }
        contributions.removeLast(contributions.count - kept)
        scaledTotal = total
        largestScaled = largest
    }
}
