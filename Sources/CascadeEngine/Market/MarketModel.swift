import CascadeMath
import Foundation

/// The market the simulation's agents trade against: each asset's exogenous price path
/// (``PriceSource``) times the impact of the sales pushed into it, recovering with a half-life.
///
/// ```swift
/// var market = MarketModel(configuration: configuration, random: SplitMix64(seed: 7), startTimestamp: start)
/// market.advance(to: start + 13)                        // one block later
/// market.trade(eth, usd: 2_800_000, tag: 41)            // liquidation 41 sells $2.8 M of ETH
/// market.price(eth) / market.exogenousPrice(eth)        // 0.98
/// market.impactContributors(eth, minimumShare: 0.01)    // [(tag: 41, share: 1.0)]
/// ```
///
/// **Price.** `price = exogenousPrice · e^I`, where the log impact `I` of an asset changes by
/// - a trade of `usd` dollars (`> 0` sells, `< 0` buys): `I += ln(0.98) · usd / depthUSD2Percent`,
///   so a sale of exactly the depth moves the price by −2 % from wherever it is, and impacts add
///   in log space (two such sales: 0.98²);
/// - time `Δt`: `I ← I · 2^(−Δt / recoveryHalfLifeSeconds)`.
///
/// **Randomness and determinism.** The correlated normal increments of all stochastic assets
/// come from one stream, `random.derived(stream: 0)`, `k` standard normals per
/// ``advance(to:)`` (k = number of stochastic assets, asset order); the jumps of the stochastic
/// asset in row `r` of the correlations come from `random.derived(stream: r + 1)`. The same
/// configuration, generator and sequence of calls give bit-identical prices. The draws depend on
/// the times the model is advanced to, not only on the final time: paths advanced block by
/// block and paths advanced in one step have the same distribution, not the same values.
///
/// Floating point (`Double`) throughout: a market model, never a balance.
public struct MarketModel: Sendable, Hashable {
    /// Seconds in a year for the per-year parameters: 365 days (markets trade every day; Aave's
    /// `SECONDS_PER_YEAR` is the same).
    public static let secondsPerYear = 31_536_000.0
    /// Seconds in a day, for `jumpsPerDay`.
    public static let secondsPerDay = 86_400.0
    /// The price factor of a sale of exactly ``AssetMarket/depthUSD2Percent`` dollars.
    public static let depthPriceFactor = 0.98

    /// The markets modelled.
    public let configuration: MarketConfiguration
    /// The time of the prices (Unix seconds).
    public private(set) var timestamp: UInt64

    /// `ln` of each stochastic asset's exogenous price, by asset index (0 for the others).
    private var logPrices: [Double]
    /// Each asset's exogenous price (USD).
    private var exogenous: [Double]
    /// Each asset's trade impact.
    private var impacts: [PriceImpact]
    /// ``MarketConfiguration/stochasticAssets``.
    private let stochastic: [Int]
    /// Factor of the correlations, identity when none are given.
    private let factor: CholeskyFactor
    /// The stream of the diffusion normals.
    private var diffusion: SplitMix64
    /// The jump stream of each stochastic asset, by row.
    private var jumps: [SplitMix64]

    /// A market at `startTimestamp` (Unix seconds), every price at its source's start value and
    /// no impact. `configuration` must be valid (``MarketConfiguration/validationErrors(key:)``
    /// empty; the scenario reader guarantees it): an invalid one is a programming error and stops
    /// the program.
    public init(configuration: MarketConfiguration, random: SplitMix64, startTimestamp: UInt64) {
        let problems = configuration.validationErrors()
        precondition(problems.isEmpty, "invalid market configuration: \(problems)")
        self.configuration = configuration
        timestamp = startTimestamp
        let stochastic = configuration.stochasticAssets
        self.stochastic = stochastic
        let k = stochastic.count
        let correlations = configuration.correlations.isEmpty
            ? (0..<k).map { i in (0..<k).map { i == $0 ? 1.0 : 0.0 } } : configuration.correlations
        do { factor = try CholeskyFactor(correlations) } catch {
            preconditionFailure("validated correlations failed to factor: \(error)")
        }
        diffusion = random.derived(stream: 0)
        jumps = (0..<k).map { random.derived(stream: UInt64($0) + 1) }
        let exogenous = configuration.assets.map { asset in
            switch asset.source {
            case .constant(let price): price
            case .series(let series): series.price(at: startTimestamp)
            case .gbm(let initial, _, _), .merton(let initial, _, _, _, _, _): initial
            }
        }
        self.exogenous = exogenous
        logPrices = exogenous.indices.map { stochastic.contains($0) ? Foundation.log(exogenous[$0]) : 0 }
        impacts = Array(repeating: PriceImpact(), count: configuration.assets.count)
    }

    /// Moves the market to `timestamp` (Unix seconds, not before ``timestamp``): steps every
    /// stochastic path exactly over `Δt` with correlated normal increments (and Poisson jumps for
    /// `merton`), reads every series at the new time, and decays every impact by
    /// `2^(−Δt / half-life)`. Advancing to the current time changes nothing and draws nothing.
    /// - Complexity: O(k² + jumps drawn), k stochastic assets (the impacts decay in O(1),
    ///   amortised: ``PriceImpact``).
    public mutating func advance(to timestamp: UInt64) {
        precondition(timestamp >= self.timestamp, "the market cannot go back in time (\(timestamp) < \(self.timestamp))")
        guard timestamp > self.timestamp else { return }
        let seconds = Double(timestamp - self.timestamp)
        self.timestamp = timestamp
        let years = seconds / Self.secondsPerYear
        let normals = factor.apply(stochastic.map { _ in Distributions.standardNormal(using: &diffusion) })
        for (row, asset) in stochastic.enumerated() {
            switch configuration.assets[asset].source {
            case .gbm(_, let drift, let volatility):
                logPrices[asset] += (drift - volatility * volatility / 2) * years + volatility * years.squareRoot() * normals[row]
            case .merton(_, let drift, let volatility, let jumpsPerDay, let jumpMean, let jumpStdDev):
                let rate = jumpsPerDay / Self.secondsPerDay
                let compensation = rate * (Foundation.exp(jumpMean + jumpStdDev * jumpStdDev / 2) - 1)
                let count = Distributions.poisson(mean: rate * seconds, using: &jumps[row])
                var jump = Double(count) * jumpMean
                if count > 0, jumpStdDev > 0 {
                    jump += jumpStdDev * Double(count).squareRoot() * Distributions.standardNormal(using: &jumps[row])
                }
                logPrices[asset] += (drift - volatility * volatility / 2) * years - compensation * seconds
                    + volatility * years.squareRoot() * normals[row] + jump
            case .constant, .series:
                preconditionFailure("only gbm and merton assets are stochastic")
            }
            exogenous[asset] = Foundation.exp(logPrices[asset])
        }
        for (index, asset) in configuration.assets.enumerated() {
            if case .series(let series) = asset.source { exogenous[index] = series.price(at: timestamp) }
            impacts[index].decay(by: Foundation.exp2(-seconds / asset.recoveryHalfLifeSeconds))
        }
    }

    /// The exogenous price (USD) of `asset` now: its source's path, without trade impact.
    public func exogenousPrice(_ asset: Int) -> Double { exogenous[asset] }

    /// The market price (USD) of `asset` now: ``exogenousPrice(_:)`` · e^``impact(_:)``.
    public func price(_ asset: Int) -> Double { exogenous[asset] * Foundation.exp(impacts[asset].logImpact) }

    /// Pushes a trade of `usd` dollars into `asset`'s market: `usd > 0` sells (the price falls),
    /// `usd < 0` buys. Adds `ln(0.98) · usd / depthUSD2Percent` to the log impact, booked to
    /// `tag` (a liquidation's id, or −1 for flow that is not a liquidation).
    /// - Complexity: O(number of impact contributions of the asset).
    public mutating func trade(_ asset: Int, usd: Double, tag: Int) {
        precondition(usd.isFinite, "a trade must be a finite amount of USD")
        impacts[asset].add(Foundation.log(Self.depthPriceFactor) * usd / configuration.assets[asset].depthUSD2Percent, tag: tag)
    }

    /// The accumulated log impact of `asset` now, `ln(price / exogenous price)`: ≤ 0 after sales.
    public func impact(_ asset: Int) -> Double { impacts[asset].logImpact }

    /// The tags whose trades make up `asset`'s current impact, with their shares of it (summing
    /// to 1 over all tags), by increasing tag; only shares ≥ `minimumShare` are listed. Shares are
    /// constant while the impact decays and change only when a trade is added; a tag that pushed
    /// against the total (a buy among sales) has a negative share. Empty when there is no impact.
    public func impactContributors(_ asset: Int, minimumShare: Double) -> [(tag: Int, share: Double)] {
        impacts[asset].contributors(minimumShare: minimumShare)
    }

    /// Calls `body` with the tags of the largest shares of `asset`'s current impact, by
    /// decreasing share (equal shares by increasing tag, none negative), until their shares
    /// reach `fraction` (as ``impactContributors(_:minimumShare:)`` gives them, summed in that
    /// order) or the tags run out.
    /// - Complexity: O(k log k) for the k tags given.
    public func largestImpactShares(_ asset: Int, coveringAtLeast fraction: Double, _ body: (Int) -> Void) {
        impacts[asset].largestShares(coveringAtLeast: fraction, body)
    }

    /// The index of the asset with `symbol`, if any.
    public func index(of symbol: String) -> Int? { configuration.assets.firstIndex { $0.symbol == symbol } }
}
