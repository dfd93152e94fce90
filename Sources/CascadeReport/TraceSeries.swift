import CascadeEngine
import Foundation

/// The per-block series of a `trace.jsonl` (docs/outputs.md) that the report charts: fees, gas,
/// market and oracle prices, realized bad debt, and the liquidations with their delays and
/// generations. `tx` and `event` lines are skipped unread.
public struct TraceSeries: Sendable {
    /// A priced series per block (`NaN` where a block has no value).
    public struct Prices: Sendable, Equatable {
        public var name: String
        /// Market symbol of the asset priced.
        public var asset: String
        public var values: [Double]
    }

    /// One `liquidation` line.
    public struct Liquidation: Sendable, Equatable {
        public var block: UInt64
        public var protocolName: String
        public var debtUSD: Double
        public var delayBlocks: Int
        public var generation: Int
        public var endogenous: Bool
    }

    public private(set) var blocks: [Double] = []
    public private(set) var timestamps: [UInt64] = []
    /// Base fee per block, wei (0 in a first-price market).
    public private(set) var baseFeeWei: [Double] = []
    /// Clearing price per block, wei (`NaN` for an empty block).
    public private(set) var clearingPriceWei: [Double] = []
    /// Gas used / gas limit per block.
    public private(set) var utilisation: [Double] = []
    /// Market price per asset, then exogenous price per asset, in trace order.
    public private(set) var marketPrices: [Prices] = []
    public private(set) var exogenousPrices: [Prices] = []
    /// On-chain oracle prices (`maker ETH-A`, `feed ETH`, …); empty for traces written before
    /// block lines carried them.
    public private(set) var oraclePrices: [Prices] = []
    /// Realized bad debt so far per block, USD; `nil` when the trace predates the field.
    public private(set) var badDebtRealizedUSD: [Double]?
    public private(set) var liquidations: [Liquidation] = []

    /// Whether a block had a non-zero base fee, i.e. the chain ran EIP-1559.
    public var isEIP1559: Bool { baseFeeWei.contains { $0 > 0 } }

    /// Reads `path`.
    /// - Throws: ``ConfigurationError`` naming the file, line and what is missing.
    public static func read(path: String) throws(ConfigurationError) -> TraceSeries {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(file: path, key: "", line: nil, expected: "a readable trace.jsonl", found: "no such file")
        }
        var series = TraceSeries()
        var lineNumber = 0
        var start = data.startIndex
        let blockPrefix = Array("{\"type\":\"block\"".utf8), liquidationPrefix = Array("{\"type\":\"liquidation\"".utf8)
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: UInt8(ascii: "\n")) ?? data.endIndex
            lineNumber += 1
            let line = data[start..<end]
            start = end < data.endIndex ? data.index(after: end) : end
            let isBlock = line.starts(with: blockPrefix)
            guard isBlock || line.starts(with: liquidationPrefix) else { continue }
            let value = try JSONReader.parse(String(decoding: line, as: UTF8.self), file: path, firstLine: lineNumber)
            if isBlock {
                try series.appendBlock(value, file: path, line: lineNumber)
            } else {
                try series.appendLiquidation(value, file: path, line: lineNumber)
            }
        }
        return series
    }

    private static func required(_ value: JSONValue, _ key: String, file: String, line: Int) throws(ConfigurationError) -> JSONValue {
        guard let member = value[key] else {
            throw ConfigurationError(file: file, key: key, line: line, expected: "a value (docs/outputs.md, trace.jsonl)", found: "nothing")
        }
        return member
    }

    private static func number(_ value: JSONValue, _ key: String, file: String, line: Int) throws(ConfigurationError) -> Double {
        let member = try required(value, key, file: file, line: line)
        guard let number = member.double else {
            throw ConfigurationError(file: file, key: key, line: line, expected: "a number", found: member.serialized(indent: nil))
        }
        return number
    }

    private mutating func appendBlock(_ value: JSONValue, file: String, line: Int) throws(ConfigurationError) {
        let index = blocks.count
        blocks.append(try Self.number(value, "number", file: file, line: line))
        timestamps.append(UInt64(max(0, try Self.number(value, "timestamp", file: file, line: line))))
        baseFeeWei.append(try Self.number(value, "base_fee", file: file, line: line))
        clearingPriceWei.append(try Self.required(value, "clearing_price", file: file, line: line).double ?? .nan)
        let limit = try Self.number(value, "gas_limit", file: file, line: line)
        utilisation.append(limit > 0 ? try Self.number(value, "gas_used", file: file, line: line) / limit : 0)
        for (symbol, prices) in try Self.required(value, "market", file: file, line: line).members {
            Self.append(prices["price"]?.double, name: symbol, asset: symbol, at: index, to: &marketPrices)
            Self.append(prices["exogenous"]?.double, name: symbol, asset: symbol, at: index, to: &exogenousPrices)
        }
        for (name, oracle) in value["oracles"]?.members ?? [] {
            Self.append(oracle["price"]?.double, name: name, asset: oracle["asset"]?.text ?? "", at: index, to: &oraclePrices)
        }
        if let realized = value["bad_debt_realized_usd"]?.double {
            if badDebtRealizedUSD == nil { badDebtRealizedUSD = [Double](repeating: .nan, count: index) }
            badDebtRealizedUSD?.append(realized)
        } else {
            badDebtRealizedUSD?.append(.nan)
        }
    }

    /// Sets the value of series `name` at block `index`, creating the series (`NaN` before) when new.
    private static func append(_ value: Double?, name: String, asset: String, at index: Int, to list: inout [Prices]) {
        let position = list.firstIndex { $0.name == name } ?? {
            list.append(Prices(name: name, asset: asset, values: []))
            return list.count - 1
        }()
        let missing = index - list[position].values.count
        if missing > 0 { list[position].values += [Double](repeating: .nan, count: missing) }
        list[position].values.append(value ?? .nan)
    }

    private mutating func appendLiquidation(_ value: JSONValue, file: String, line: Int) throws(ConfigurationError) {
        liquidations.append(Liquidation(
            block: UInt64(max(0, try Self.number(value, "block", file: file, line: line))),
            protocolName: value["protocol"]?.text ?? "",
            debtUSD: try Self.number(value, "debt_usd", file: file, line: line),
            delayBlocks: Int(try Self.number(value, "delay_blocks", file: file, line: line)),
            generation: Int(try Self.number(value, "generation", file: file, line: line)),
            endogenous: value["endogenous"] == .bool(true)))
    }
}
