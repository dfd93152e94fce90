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
///
/// The contributions are also kept in order of their values, so that the largest shares are
/// read from one end (``largestShares(coveringAtLeast:_:)``) without sorting.
struct PriceImpact: Sendable, Hashable {
    /// One tag's part of the impact, divided by ``PriceImpact/scale``.
    struct Contribution: Sendable, Hashable {
        let tag: Int
        var scaledLogImpact: Double

        /// Whether `self` comes before `other` in ``PriceImpact/byValue``: lower value, then lower tag.
        func precedes(_ other: Contribution) -> Bool {
            scaledLogImpact != other.scaledLogImpact ? scaledLogImpact < other.scaledLogImpact : tag < other.tag
        }
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
    /// The same contributions by increasing value, then tag.
    private var byValue: [Contribution] = []

    /// The sum of the contributions: `ln(price / exogenous price)`.
    var logImpact: Double { scaledTotal * scale }

    /// Adds `amount` of log impact to `tag`'s contribution.
    /// - Complexity: O(n) (moves of the contributions after its places in the two orders);
    ///   n contributions.
    mutating func add(_ amount: Double, tag: Int) {
        let low = contributions.lowerBound { $0.tag < tag }
        let scaled = amount / scale
        let updated: Contribution
        if low < contributions.count, contributions[low].tag == tag {
            let old = contributions[low]
            byValue.remove(at: byValue.lowerBound { $0.precedes(old) })
            contributions[low].scaledLogImpact += scaled
            updated = contributions[low]
        } else {
            updated = Contribution(tag: tag, scaledLogImpact: scaled)
            contributions.insert(updated, at: low)
        }
        byValue.insert(updated, at: byValue.lowerBound { $0.precedes(updated) })
        scaledTotal += scaled
        largestScaled = max(largestScaled, abs(updated.scaledLogImpact))
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
            multiplyOut()
        }
    }

    /// The tags whose share of ``logImpact`` is at least `minimumShare`, by increasing tag;
    /// the shares of all tags sum to 1 (to rounding). Shares are negative for a tag that
    /// pushed against the total (a buy against sales). Empty when the total is zero.
    func contributors(minimumShare: Double) -> [(tag: Int, share: Double)] {
        guard scaledTotal != 0 else { return [] }
        return contributions.map { ($0.tag, $0.scaledLogImpact / scaledTotal) }.filter { $0.share >= minimumShare }
    }

    /// Calls `body` with the tags of the largest shares of ``logImpact`` — by decreasing share,
    /// equal shares by increasing tag, none below 0 — until their shares (summed in that order)
    /// reach `fraction`, or the tags run out. Nothing when the total is zero.
    /// - Complexity: O(k log k) for the k tags given (the shares are read in order, not sorted).
    func largestShares(coveringAtLeast fraction: Double, _ body: (Int) -> Void) {
        guard scaledTotal != 0 else { return }
        // The largest shares are the most negative values when the total is negative (sales),
        // the most positive when it is positive.
        let fromLowest = scaledTotal < 0
        var covered = 0.0, position = 0
        var tie: [Int] = []
        while covered < fraction, position < byValue.count {
            let share = byValue[fromLowest ? position : byValue.count - 1 - position].scaledLogImpact / scaledTotal
            guard share >= 0 else { return }
            // Every contribution of this share, by tag.
            tie.removeAll(keepingCapacity: true)
            while position < byValue.count {
                let next = byValue[fromLowest ? position : byValue.count - 1 - position]
                guard next.scaledLogImpact / scaledTotal == share else { break }
                tie.append(next.tag)
                position += 1
            }
            tie.sort()
            for tag in tie where covered < fraction {
                covered += share
                body(tag)
            }
        }
    }

    /// Multiplies the scale into every contribution and resets it to 1, in one pass: drops the
    /// negligible contributions, recomputes the total and the largest, and orders the rest by
    /// value again (rounding may have made neighbours equal: those are ordered by tag).
    private mutating func multiplyOut() {
        var total = 0.0, largest = 0.0, kept = 0
        for index in contributions.indices {
            let value = contributions[index].scaledLogImpact * scale
            if abs(value) < Self.negligible { continue }
            contributions[kept] = Contribution(tag: contributions[index].tag, scaledLogImpact: value)
            total += value
            largest = max(largest, abs(value))
            kept += 1
        }
        guard kept > 0 else { self = PriceImpact(); return }
        contributions.removeLast(contributions.count - kept)
        scale = 1
        scaledTotal = total
        largestScaled = largest
        byValue = contributions.sorted { $0.precedes($1) }
    }
}
