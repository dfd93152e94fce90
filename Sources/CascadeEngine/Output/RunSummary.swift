import CascadeChain
import CascadeMath
import Foundation

/// The summary of a run: the metrics of docs/outputs.md as ordered JSON (`summary.json`) and
/// a short human-readable text.
public struct RunSummary: Sendable {
    /// The JSON document.
    public let json: JSONValue
    /// A few lines for a terminal.
    public let text: String

    /// Summarises `metrics` of a run of `world` (scenario `name`, `seed`).
    public init(world: World, metrics: RunMetrics, engineVersion: String) {
        let liquidations = metrics.liquidations
        let delays = liquidations.map(\.delayBlocks).sorted()
        let badDebt = metrics.badDebt.reduce(0) { $0 + $1.usd }
        let liquidated = liquidations.reduce(0) { $0 + $1.debtUSD }
        let depth = liquidations.map(\.generation).max() ?? 0
        let endogenous = liquidations.filter(\.endogenous).count
        let endogenousShare = liquidations.isEmpty ? 0 : Double(endogenous) / Double(liquidations.count)
        let zeroBid = metrics.auctions.filter(\.zeroBid).count
        let stability = Self.blocksToStability(liquidations)
        let protocols = Set(liquidations.map(\.protocolName)).union(metrics.badDebt.map(\.protocolName)).sorted()

        json = .object([
            ("scenario", .string(world.name)),
            ("seed", .string(String(world.seed))),
            ("engine_version", .string(engineVersion)),
            ("blocks", .integer(Int64(metrics.blocks))),
            ("bad_debt_usd", .number(Self.cents(badDebt))),
            ("liquidations", .integer(Int64(liquidations.count))),
            ("liquidated_debt_usd", .number(Self.cents(liquidated))),
            ("auctions", .object([
                ("kicked", .integer(Int64(metrics.auctions.count))),
                ("settled", .integer(Int64(metrics.auctions.filter { $0.settledBlock != nil }.count))),
                ("zero_bid", .integer(Int64(zeroBid))),
            ])),
            ("liquidation_delay_blocks", .object([
                ("p50", Self.percentile(delays, 50).map { .integer(Int64($0)) } ?? .null),
                ("p90", Self.percentile(delays, 90).map { .integer(Int64($0)) } ?? .null),
                ("max", delays.last.map { .integer(Int64($0)) } ?? .null),
            ])),
            ("cascade", .object([
                ("depth", .integer(Int64(depth))),
                ("endogenous_share", .number(Self.rounded(endogenousShare, 6))),
                ("endogenous_liquidations", .integer(Int64(endogenous))),
                ("blocks_to_stability", stability.map { .integer(Int64($0)) } ?? .null),
            ])),
            ("missed_liquidation_usd", .number(Self.cents(metrics.missedLiquidationUSD))),
            ("reverted_liquidations", .object([
                ("count", .integer(Int64(metrics.revertedLiquidations))),
                ("gas_burned", .integer(Int64(metrics.revertedLiquidationGas))),
            ])),
            ("reverted_bids", .integer(Int64(metrics.revertedBids))),
            ("oracle", .object([
                ("max_deviation", .number(Self.rounded(metrics.oracleMaxDeviation, 6))),
                ("max_age_seconds", .integer(Int64(metrics.oracleMaxAgeSeconds))),
                ("feeds", .object(metrics.lending.feeds.map { feed in
                    (feed.symbol, .object([
                        ("max_deviation", .number(Self.rounded(feed.maxDeviation, 6))),
                        ("max_age_seconds", .integer(Int64(feed.maxAgeSeconds))),
                    ]))
                })),
            ])),
            ("swaps", .object(metrics.lending.swaps.map { tally in
                (tally.pair, .object([
                    ("count", .integer(Int64(tally.count))),
                    ("volume_usd", .number(Self.cents(tally.volumeUSD))),
                ]))
            })),
            ("gas", .object([
                ("max_base_fee_wei", .string(metrics.maxBaseFee.description)),
                ("max_clearing_price_wei", .string(metrics.maxClearingPrice.description)),
                ("mean_utilisation", .number(Self.rounded(metrics.meanUtilisation, 6))),
            ])),
            ("transactions", .object([
                ("submitted", .integer(Int64(metrics.submitted))),
                ("rejected", .integer(Int64(metrics.rejected))),
                ("rejected_by_reason", .object(metrics.rejectedByReason.keys.sorted().map {
                    ($0, .integer(Int64(metrics.rejectedByReason[$0]!)))
                })),
                ("included", .integer(Int64(metrics.includedTransactions))),
                ("reverted", .integer(Int64(metrics.revertedTransactions))),
            ])),
            ("positions_examined", .object([
                ("total", .integer(Int64(metrics.examinedTotal))),
                ("max_per_block", .integer(Int64(metrics.examinedMax))),
            ])),
            ("protocols", .object(protocols.map { name in
                let own = liquidations.filter { $0.protocolName == name }
                let bad = metrics.badDebt.first { $0.protocolName == name }
                return (name, .object([
                    ("liquidations", .integer(Int64(own.count))),
                    ("liquidated_debt_usd", .number(Self.cents(own.reduce(0) { $0 + $1.debtUSD }))),
                    ("bad_debt_usd", .number(Self.cents(bad?.usd ?? 0))),
                    ("bad_debt_detail", .object((bad?.detail ?? []).map { ($0.0, .number(Self.cents($0.1))) })),
                ]))
            })),
        ])

        text = """
        \(world.name) (seed \(world.seed)): \(metrics.blocks) blocks
          liquidations        \(liquidations.count) (\(Self.dollars(liquidated)) of debt), cascade depth \(depth), endogenous \(Self.percent(endogenousShare))
          auctions            \(metrics.auctions.count) kicked, \(zeroBid) won with a bid of at most 1 DAI
          liquidation delay   p50 \(Self.percentile(delays, 50).map(String.init) ?? "–") blocks, p90 \(Self.percentile(delays, 90).map(String.init) ?? "–"), max \(delays.last.map(String.init) ?? "–")
          bad debt            \(Self.dollars(badDebt))
          swaps               \(metrics.lending.swaps.isEmpty ? "none" : metrics.lending.swaps.map { "\($0.pair) \($0.count) (\(Self.dollars($0.volumeUSD)))" }.joined(separator: ", "))
          oracle              max deviation \(Self.percent(metrics.oracleMaxDeviation)) from market, max age \(metrics.oracleMaxAgeSeconds / 60) min
          gas                 max clearing price \(Self.gwei(metrics.maxClearingPrice)), mean utilisation \(Self.percent(metrics.meanUtilisation))
        """
    }

    /// Nearest-rank percentile of sorted `values`.
    static func percentile(_ sorted: [UInt64], _ percent: Int) -> UInt64? {
        guard !sorted.isEmpty else { return nil }
        let rank = max(1, (percent * sorted.count + 99) / 100)
        return sorted[rank - 1]
    }

    /// Blocks from the first liquidation to the last, inclusive; `nil` without liquidations.
    static func blocksToStability(_ liquidations: [LiquidationRecord]) -> UInt64? {
        guard let first = liquidations.map(\.block).min(), let last = liquidations.map(\.block).max() else { return nil }
        return last - first + 1
    }

    static func cents(_ value: Double) -> Double { rounded(value, 2) }

    static func rounded(_ value: Double, _ places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (value * scale).rounded() / scale
    }

    static func dollars(_ value: Double) -> String {
        if value >= 1e6 { return "$" + String(format: "%.2f", value / 1e6) + " M" }
        return "$" + String(format: "%.0f", value)
    }

    static func percent(_ value: Double) -> String { String(format: "%.1f %%", value * 100) }

    static func gwei(_ wei: UInt256) -> String { String(format: "%.1f gwei", wei.doubleValue / 1e9) }
}
