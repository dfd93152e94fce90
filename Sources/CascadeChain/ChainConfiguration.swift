import CascadeMath

/// The validated block-space parameters of a scenario: fee market, block gas limit and time,
/// per-transaction gas cap, mempool rules and background demand.
///
/// Built from a flat dictionary of dotted keys (a TOML `[chain]` table flattened by the scenario
/// loader) by a throwing initializer whose ``ChainConfigurationError`` names the key, what was
/// expected and what was found. Keys outside `chain.` are ignored (they belong to other layers);
/// an unknown `chain.` key, or one that does not apply to the chosen fee market or background
/// mode, is an error (a typo never silently falls back to a default). Amounts of wei are integers
/// or strings read by ``AmountParser`` (`"150 gwei"`, `"0.5 ether"`, `"7 wei"`; a bare number is
/// wei); floats are refused for amounts, which are exact.
///
/// | key | type | default | source of the default |
/// | --- | --- | --- | --- |
/// | `chain.fee_market` | `"first-price"` or `"eip1559"` | required | — |
/// | `chain.gas_limit` | integer ≥ 21,000 (gas) | 10,000,000 first-price; 30,000,000 eip1559 | mainnet on 12 March 2020; from London (Aug 2021) to Feb 2025 |
/// | `chain.block_time_seconds` | integer ≥ 1 | 13 first-price; 12 eip1559 | ≈ 13 s in 2020; 12 s slots since Sep 2022 |
/// | `chain.tx_gas_cap` | integer, 21,000 … gas limit | the gas limit | a transaction cannot exceed its block (EIP-7825 later caps at 2²⁴) |
/// | `chain.start_timestamp` | Unix seconds or ISO-8601 UTC string | the series start (replay), else 0 | — |
/// | `chain.initial_base_fee` | amount (eip1559 only) | 1 gwei | EIP-1559 `INITIAL_BASE_FEE` |
/// | `chain.elasticity` | integer ≥ 1 (eip1559 only) | 2 | EIP-1559 `ELASTICITY_MULTIPLIER` |
/// | `chain.base_fee_change_denominator` | integer ≥ 1 (eip1559 only) | 8 | EIP-1559 `BASE_FEE_MAX_CHANGE_DENOMINATOR` |
/// | `chain.mempool.lifetime_blocks` | integer ≥ 1 | ⌊10,800 s / block time⌋ | geth `txpool.lifetime` 3 h |
/// | `chain.mempool.max_size` | integer ≥ 1 | 6,144 | geth `GlobalSlots` + `GlobalQueue` |
/// | `chain.mempool.price_bump_percent` | integer 0 … 1,000 | 10 | geth `txpool.pricebump` |
/// | `chain.background.mode` | `none`, `constant`, `replay`, `volatility` | `none` | — |
/// | `chain.background.demand_share` | number ≥ 0 (not `none`) | 1.5 | blocks stay full despite the noise; the clearing price sits at the bid distribution's 33rd percentile (``BackgroundModel``) |
/// | `chain.background.median_bid`, `chain.background.p90_bid` | amounts (constant, volatility) | 10 gwei, 35 gwei | 12 March 2020, 00–06 h UTC (``VolatilityCoupling``) |
/// | `chain.background.series` | name of a text in `texts` (replay) | required | — |
/// | `chain.background.half_life_hours` | number > 0 (volatility) | 3 | fitted, ``VolatilityCoupling`` |
/// | `chain.background.calm_hourly_volatility` | number > 0 (volatility) | 0.0152 | 12 March 2020, 00–06 h |
/// | `chain.background.bid_elasticity` | number ≥ 0 (volatility) | 1.5 | 12 March 2020 |
/// | `chain.background.demand_elasticity` | number ≥ 0 (volatility) | 0.42 | 12 March 2020 (uncertain) |
/// | `chain.background.slices` | integer 1 … 10,000 (not `none`) | 100 | resolution: one slice per percentile |
/// | `chain.background.demand_noise` | number ≥ 0 (not `none`) | 0.1 | Poisson spread of ≈ 108 transactions per 13 s block (30,000 an hour, 12 March 2020): 1/√108 |
/// | `chain.background.priority_fee` | amount (not `none`, eip1559 only) | 2 gwei | assumption: routine mainnet tips of 1–3 gwei |
public struct ChainConfiguration: Sendable, Hashable {
    /// The fee market.
    public let feeMarket: FeeMarket
    /// Block gas limit (gas).
    public let gasLimit: UInt64
    /// Seconds between blocks.
    public let blockTimeSeconds: UInt64
    /// Largest gas limit a transaction may carry (gas).
    public let txGasCap: UInt64
    /// Base fee of the first block (wei per gas); 0 in a first-price market.
    public let initialBaseFee: UInt256
    /// Timestamp of the first block (Unix seconds).
    public let startTimestamp: UInt64
    /// The mempool's rules (its gas cap is ``txGasCap``).
    public let mempool: MempoolPolicy
    /// The background demand model.
    public let background: BackgroundModel
    /// Background slices per block.
    public let backgroundSlices: Int
    /// Background demand noise (σ of the log demand factor).
    public let backgroundDemandNoise: Double
    /// Tip cap per gas of background slices under EIP-1559 (wei).
    public let backgroundPriorityFee: UInt256

    /// Default background slices per block: 100, one per percentile of the bid distribution.
    public static let defaultBackgroundSlices = 100
    /// Default background demand noise: 0.1 = 1/√108, the Poisson spread of ≈ 108 transactions
    /// per 13-second block at ≈ 30,000 transactions an hour (12 March 2020).
    public static let defaultBackgroundDemandNoise = 0.1
    /// Default background tip cap under EIP-1559: 2 gwei (an assumption: routine tips of 1–3 gwei).
    public static let defaultBackgroundPriorityFee: UInt256 = 2_000_000_000

    /// Reads and validates the `chain.` keys of `values`. `texts` holds data texts by the name a
    /// key gives them: for `chain.background.series = "data/gas.csv"` the loader passes
    /// `texts["data/gas.csv"]` with the file's contents (this layer reads no files).
    ///
    /// Keys are checked in the order of the table above, so the first error reported is the same
    /// on every run.
    public init(_ values: [String: ConfigScalar], texts: [String: String] = [:]) throws(ChainConfigurationError) {
        var reader = Reader(values: values)

        let market = try reader.choice("chain.fee_market", among: ["first-price", "eip1559"], default: nil)
        let firstPrice = market == "first-price"
        gasLimit = try reader.integer("chain.gas_limit", in: PendingTransaction.intrinsicGas...UInt64(Int64.max),
                                      unit: "gas", default: firstPrice ? 10_000_000 : 30_000_000)
        blockTimeSeconds = try reader.integer("chain.block_time_seconds", in: 1...86_400, unit: "seconds", default: firstPrice ? 13 : 12)
        txGasCap = try reader.integer("chain.tx_gas_cap", in: PendingTransaction.intrinsicGas...gasLimit,
                                      unit: "gas, at most chain.gas_limit", default: gasLimit)
        let explicitStart = try reader.timestamp("chain.start_timestamp")

        let eip1559Keys = ["chain.initial_base_fee", "chain.elasticity", "chain.base_fee_change_denominator"]
        if firstPrice {
            try reader.refuse(eip1559Keys, because: "chain.fee_market = \"eip1559\"")
            feeMarket = .firstPrice
            initialBaseFee = .zero
        } else {
            initialBaseFee = try reader.amount("chain.initial_base_fee", default: BaseFee.initialBaseFee)
            let elasticity = try reader.integer("chain.elasticity", in: 1...gasLimit, unit: "at most chain.gas_limit", default: 2)
            let denominator = try reader.integer("chain.base_fee_change_denominator", in: 1...UInt64(Int64.max), unit: nil, default: 8)
            feeMarket = .eip1559(BaseFee(elasticity: elasticity, maxChangeDenominator: denominator))
        }

        let gethDefaults = MempoolPolicy.geth(blockTimeSeconds: blockTimeSeconds, txGasCap: txGasCap)
        mempool = MempoolPolicy(
            lifetimeBlocks: try reader.integer("chain.mempool.lifetime_blocks", in: 1...UInt64(Int64.max), unit: "blocks",
                                               default: gethDefaults.lifetimeBlocks),
            maxSize: Int(try reader.integer("chain.mempool.max_size", in: 1...UInt64(Int32.max), unit: "transactions",
                                            default: UInt64(gethDefaults.maxSize))),
            priceBumpPercent: try reader.integer("chain.mempool.price_bump_percent", in: 0...1_000, unit: "percent",
                                                 default: gethDefaults.priceBumpPercent),
            txGasCap: txGasCap)

        let mode = try reader.choice("chain.background.mode", among: ["none", "constant", "replay", "volatility"], default: "none")
        let common = ["chain.background.demand_share", "chain.background.slices", "chain.background.demand_noise",
                      "chain.background.priority_fee"]
        let bidKeys = ["chain.background.median_bid", "chain.background.p90_bid"]
        let volatilityKeys = ["chain.background.half_life_hours", "chain.background.calm_hourly_volatility",
                              "chain.background.bid_elasticity", "chain.background.demand_elasticity"]
        let modeRequirement = "chain.background.mode = \"constant\", \"replay\" or \"volatility\""
        if mode == "none" {
            try reader.refuse(common, because: modeRequirement)
        } else if firstPrice {
            try reader.refuse(["chain.background.priority_fee"], because: "chain.fee_market = \"eip1559\"")
        }
        if mode != "constant" && mode != "volatility" {
            try reader.refuse(bidKeys, because: "chain.background.mode = \"constant\" or \"volatility\"")
        }
        if mode != "replay" { try reader.refuse(["chain.background.series"], because: "chain.background.mode = \"replay\"") }
        if mode != "volatility" { try reader.refuse(volatilityKeys, because: "chain.background.mode = \"volatility\"") }

        var share = BackgroundModel.defaultDemandShare
        if mode != "none" {
            share = try reader.number("chain.background.demand_share", atLeast: 0, orAbove: nil, default: BackgroundModel.defaultDemandShare)
        }
        var seriesStart: UInt64?
        switch mode {
        case "constant":
            background = .constant(demandShare: share, bids: try reader.bids())
        case "replay":
            let series = try reader.series(texts: texts)
            seriesStart = series.start
            background = .replay(series, demandShare: share)
        case "volatility":
            let defaults = VolatilityCoupling.blackThursday
            let bids = try reader.bids()
            let halfLife = try reader.number("chain.background.half_life_hours", atLeast: nil, orAbove: 0, default: defaults.halfLifeHours)
            let calm = try reader.number("chain.background.calm_hourly_volatility", atLeast: nil, orAbove: 0,
                                         default: defaults.calmHourlyVolatility)
            let bidElasticity = try reader.number("chain.background.bid_elasticity", atLeast: 0, orAbove: nil, default: defaults.bidElasticity)
            let demandElasticity = try reader.number("chain.background.demand_elasticity", atLeast: 0, orAbove: nil,
                                                     default: defaults.demandElasticity)
            background = .volatilityCoupled(VolatilityCoupling(demandShare: share, calmBids: bids, halfLifeHours: halfLife,
                                                               calmHourlyVolatility: calm, bidElasticity: bidElasticity,
                                                               demandElasticity: demandElasticity))
        default:
            background = .none
        }
        if mode == "none" {
            backgroundSlices = Self.defaultBackgroundSlices
            backgroundDemandNoise = Self.defaultBackgroundDemandNoise
        } else {
            backgroundSlices = Int(try reader.integer("chain.background.slices", in: 1...10_000, unit: "slices per block",
                                                      default: UInt64(Self.defaultBackgroundSlices)))
            backgroundDemandNoise = try reader.number("chain.background.demand_noise", atLeast: 0, orAbove: nil,
                                                      default: Self.defaultBackgroundDemandNoise)
        }
        if mode == "none" || firstPrice {
            backgroundPriorityFee = Self.defaultBackgroundPriorityFee
        } else {
            backgroundPriorityFee = try reader.amount("chain.background.priority_fee", default: Self.defaultBackgroundPriorityFee)
        }
        startTimestamp = explicitStart ?? seriesStart ?? 0

        try reader.refuseUnknownKeys()
    }
}

extension ChainConfiguration {
    /// Reads typed values out of the flat dictionary and remembers which keys it understood.
    private struct Reader {
        let values: [String: ConfigScalar]
        var known: Set<String> = []

        init(values: [String: ConfigScalar]) {
            self.values = values
        }

        private mutating func value(_ key: String) -> ConfigScalar? {
            known.insert(key)
            return values[key]
        }

        func error(_ key: String, _ expected: String, _ found: ConfigScalar?) -> ChainConfigurationError {
            ChainConfigurationError(keyPath: key, expected: expected, found: found.map(\.description) ?? "nothing")
        }

        mutating func choice(_ key: String, among options: [String], default fallback: String?) throws(ChainConfigurationError) -> String {
            let expected = "one of " + options.map { "\"\($0)\"" }.joined(separator: ", ")
            guard let value = value(key) else {
                guard let fallback else { throw error(key, expected, nil) }
                return fallback
            }
            guard case .string(let text) = value, options.contains(text) else { throw error(key, expected, value) }
            return text
        }

        mutating func integer(_ key: String, in range: ClosedRange<UInt64>, unit: String?, default fallback: UInt64) throws(ChainConfigurationError) -> UInt64 {
            guard let value = value(key) else { return fallback }
            let expected = "an integer from \(range.lowerBound) to \(range.upperBound)" + (unit.map { " (\($0))" } ?? "")
            guard case .integer(let number) = value, number >= 0, range.contains(UInt64(number)) else { throw error(key, expected, value) }
            return UInt64(number)
        }

        mutating func number(_ key: String, atLeast minimum: Double?, orAbove bound: Double?, default fallback: Double) throws(ChainConfigurationError) -> Double {
            guard let value = value(key) else { return fallback }
            let expected = minimum.map { "a number ≥ \($0)" } ?? "a number > \(bound ?? 0)"
            let number: Double
            switch value {
            case .integer(let integer): number = Double(integer)
            case .float(let float): number = float
            default: throw error(key, expected, value)
            }
            guard number.isFinite, number >= (minimum ?? -.infinity), number > (bound ?? -.infinity) else { throw error(key, expected, value) }
            return number
        }

        mutating func amount(_ key: String, default fallback: UInt256?) throws(ChainConfigurationError) -> UInt256 {
            let expected = "an amount of wei: an integer, or a string such as \"150 gwei\""
            guard let value = value(key) else {
                guard let fallback else { throw error(key, expected, nil) }
                return fallback
            }
            switch value {
            case .integer(let number) where number >= 0:
                return UInt256(UInt64(number))
            case .string(let text):
                do {
                    return try AmountParser.parse(text, decimals: 0)
                } catch {
                    throw ChainConfigurationError(keyPath: key, expected: expected,
                                                  found: "\(value) (at column \(error.offset + 1): expected \(error.expected), found \(error.found))")
                }
            case .float:
                throw ChainConfigurationError(keyPath: key, expected: expected + " (amounts are exact: write \"1.5 gwei\", not 1.5)",
                                              found: value.description)
            default:
                throw error(key, expected, value)
            }
        }

        mutating func timestamp(_ key: String) throws(ChainConfigurationError) -> UInt64? {
            guard let value = value(key) else { return nil }
            switch value {
            case .integer(let number) where number >= 0: return UInt64(number)
            case .string(let text): if let time = UnixTime.parse(Substring(text)) { return time }
            default: break
            }
            throw error(key, "Unix seconds (an integer ≥ 0) or an ISO-8601 UTC time such as \"2020-03-12T00:00:00Z\"", value)
        }

        /// The constant or calm bid distribution from `median_bid` and `p90_bid` (gwei).
        mutating func bids() throws(ChainConfigurationError) -> LogNormal {
            let gwei = 1e9
            let median = try amount("chain.background.median_bid", default: 10_000_000_000)
            let p90 = try amount("chain.background.p90_bid", default: 35_000_000_000)
            guard !median.isZero else {
                throw error("chain.background.median_bid", "an amount above 0 wei", values["chain.background.median_bid"])
            }
            guard p90 >= median, let bids = LogNormal(quantile: 0.5, is: median.doubleValue / gwei, quantile: 0.9, is: p90.doubleValue / gwei) else {
                throw ChainConfigurationError(keyPath: "chain.background.p90_bid",
                                              expected: "an amount at least chain.background.median_bid (\(median) wei)", found: "\(p90) wei")
            }
            return bids
        }

        mutating func series(texts: [String: String]) throws(ChainConfigurationError) -> GasPriceSeries {
            let key = "chain.background.series"
            let value = value(key)
            guard case .string(let name) = value else {
                throw error(key, "the name of a gas-price series (a CSV file the scenario loader reads)", value)
            }
            guard let text = texts[name] else {
                throw error(key, "a gas-price series text supplied for \"\(name)\"", .string("no text for that name"))
            }
            do {
                return try GasPriceSeries(text: text, source: name)
            } catch {
                throw ChainConfigurationError(keyPath: key, expected: (error.column.map { "column \($0): " } ?? "") + error.expected,
                                              found: error.found, source: error.source, line: error.line)
            }
        }

        /// Throws for the first of `keys` (in order) that is present: it does not apply.
        mutating func refuse(_ keys: [String], because condition: String) throws(ChainConfigurationError) {
            for key in keys {
                known.insert(key)
                if let value = values[key] {
                    throw error(key, "no value: the key applies only when \(condition)", value)
                }
            }
        }

        /// Throws for the alphabetically first `chain.` key that no reader asked for.
        func refuseUnknownKeys() throws(ChainConfigurationError) {
            let unknown = values.keys.filter { $0.hasPrefix("chain.") && !known.contains($0) }.sorted()
            if let key = unknown.first {
                throw error(key, "a known chain key (see docs/blockspace.md)", values[key])
            }
        }
    }
}
