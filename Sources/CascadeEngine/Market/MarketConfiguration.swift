import CascadeProtocols
import Foundation

/// The assets of a market and how their stochastic prices move together: the input of
/// ``MarketModel``. A scenario's `[market]` section reads into one (docs/market.md).
///
/// ```swift
/// let market = MarketConfiguration(
///     assets: [AssetMarket(symbol: "ETH", source: .gbm(initial: 195, driftPerYear: 0, volatilityPerYear: 0.8),
///                          depthUSD2Percent: 2_800_000, recoveryHalfLifeSeconds: 1_800),
///              AssetMarket(symbol: "WBTC", source: .gbm(initial: 7_900, driftPerYear: 0, volatilityPerYear: 0.7),
///                          depthUSD2Percent: 5_000_000, recoveryHalfLifeSeconds: 1_800)],
///     correlations: [[1, 0.8], [0.8, 1]])
/// market.validationErrors()  // []
/// ```
public struct MarketConfiguration: Sendable, Hashable {
    /// The assets; a model refers to them by index in this array.
    public let assets: [AssetMarket]
    /// Correlations of the normal increments of the stochastic assets (`gbm`, `merton`), a k×k
    /// matrix over ``stochasticAssets`` in that order: symmetric, unit diagonal, entries in
    /// [−1, 1], positive semi-definite. Empty means independent (the identity).
    public let correlations: [[Double]]

    public init(assets: [AssetMarket], correlations: [[Double]] = []) {
        self.assets = assets
        self.correlations = correlations
    }

    /// Indexes (into ``assets``) of the stochastic assets, in order: the rows of ``correlations``.
    public var stochasticAssets: [Int] { assets.indices.filter { assets[$0].source.isStochastic } }

    /// Every value a ``MarketModel`` cannot run with, keyed by the scenario file's dotted paths
    /// under `key` (`market.assets.ETH.depth_usd_2pct`, `market.correlations.ETH.WBTC`):
    /// duplicate or empty symbols; prices, depths and half-lives not positive and finite;
    /// volatilities and jump parameters negative or not finite; a jump size whose mean factor
    /// `e^(m + s²/2)` overflows; a correlation matrix of the wrong shape, with an entry outside
    /// [−1, 1], not symmetric, without a unit diagonal, or not positive semi-definite.
    public func validationErrors(key: String = "market") -> [ParameterError] {
        var errors: [ParameterError] = []
        var seen: Set<String> = []
        for asset in assets {
            let table = "\(key).assets.\(asset.symbol)"
            func check(_ ok: Bool, _ name: String, _ expected: String, _ found: Double) {
                if !ok { errors.append(ParameterError(key: "\(table).\(name)", expected: expected, found: "\(found)")) }
            }
            if asset.symbol.isEmpty || !seen.insert(asset.symbol).inserted {
                errors.append(ParameterError(key: table, expected: "a non-empty symbol used by one asset only", found: "\"\(asset.symbol)\""))
            }
            switch asset.source {
            case .constant(let price):
                check(price.isFinite && price > 0, "initial_price", "a positive, finite price (USD)", price)
            case .series:
                break  // PriceSeries checks its rows as it reads them.
            case .gbm(let initial, let drift, let volatility):
                check(initial.isFinite && initial > 0, "initial_price", "a positive, finite price (USD)", initial)
                check(drift.isFinite, "drift_per_year", "a finite rate per year", drift)
                check(volatility.isFinite && volatility >= 0, "volatility_per_year", "a finite volatility ≥ 0 per √year", volatility)
            case .merton(let initial, let drift, let volatility, let jumpsPerDay, let jumpMean, let jumpStdDev):
                check(initial.isFinite && initial > 0, "initial_price", "a positive, finite price (USD)", initial)
                check(drift.isFinite, "drift_per_year", "a finite rate per year", drift)
                check(volatility.isFinite && volatility >= 0, "volatility_per_year", "a finite volatility ≥ 0 per √year", volatility)
                check(jumpsPerDay.isFinite && jumpsPerDay >= 0, "jumps_per_day", "a finite rate ≥ 0 per day", jumpsPerDay)
                check(jumpStdDev.isFinite && jumpStdDev >= 0, "jump_std_dev", "a finite standard deviation ≥ 0 of the log jump", jumpStdDev)
                check(Foundation.exp(jumpMean + jumpStdDev * jumpStdDev / 2).isFinite, "jump_mean",
                      "a finite mean log jump m with e^(m + s²/2) finite", jumpMean)
            }
            check(asset.depthUSD2Percent.isFinite && asset.depthUSD2Percent > 0, "depth_usd_2pct",
                  "a positive, finite amount of USD", asset.depthUSD2Percent)
            check(asset.recoveryHalfLifeSeconds.isFinite && asset.recoveryHalfLifeSeconds > 0, "recovery_half_life_seconds",
                  "a positive, finite number of seconds", asset.recoveryHalfLifeSeconds)
        }
        return errors + correlationErrors(key: key)
    }

    /// The key of the correlation of stochastic assets `i` and `j` (rows of ``correlations``).
    func correlationKey(_ i: Int, _ j: Int, key: String = "market") -> String {
        let symbols = stochasticAssets.map { assets[$0].symbol }
        return "\(key).correlations.\(symbols[i]).\(symbols[j])"
    }

    private func correlationErrors(key: String) -> [ParameterError] {
        guard !correlations.isEmpty else { return [] }
        let stochastic = stochasticAssets
        let k = stochastic.count
        guard correlations.count == k, correlations.allSatisfy({ $0.count == k }) else {
            let names = stochastic.map { assets[$0].symbol }.joined(separator: ", ")
            return [ParameterError(key: "\(key).correlations",
                                   expected: "a \(k)×\(k) matrix over the stochastic assets (\(names)), or none",
                                   found: "rows of lengths \(correlations.map(\.count))")]
        }
        var errors: [ParameterError] = []
        for i in 0..<k {
            for j in 0...i {
                let value = correlations[i][j]
                if i == j {
                    if value != 1 {
                        errors.append(ParameterError(key: correlationKey(i, i, key: key), expected: "1 on the diagonal", found: "\(value)"))
                    }
                } else if !(value.isFinite && abs(value) <= 1) {
                    errors.append(ParameterError(key: correlationKey(j, i, key: key), expected: "a correlation in [-1, 1]", found: "\(value)"))
                } else if correlations[j][i] != value {
                    errors.append(ParameterError(key: correlationKey(j, i, key: key),
                                                 expected: "a symmetric matrix (\(value) as below the diagonal)", found: "\(correlations[j][i])"))
                }
            }
        }
        guard errors.isEmpty else { return errors }
        do {
            _ = try CholeskyFactor(correlations)
            return []
        } catch {
            let symbol = { (row: Int) in assets[stochastic[row]].symbol }
            let earlier = (0..<error.index).map(symbol).joined(separator: ", ")
            let found = if let other = error.other, let covariance = error.covariance {
                "\(symbol(error.index)) fully determined by \(earlier) but its residual covariance with \(symbol(other)) is \(covariance)"
            } else {
                "a residual variance of \(error.variance) for \(symbol(error.index)) given \(earlier)"
            }
            return [ParameterError(key: "\(key).correlations",
                                   expected: "a positive semi-definite matrix (correlations some joint distribution can have)",
                                   found: found)]
        }
    }
}
