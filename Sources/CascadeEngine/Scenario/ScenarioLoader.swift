import CascadeAgents
import CascadeChain
import CascadeMath
import CascadeProtocols
import Foundation

/// Reads a scenario file, the protocol files it references and their data files, applies
/// `--set key=value` overrides and validates everything into a ``Scenario``.
///
/// Every error is a ``ConfigurationError`` naming the file (or `--set`), the key or line, what
/// was expected and what was found. Nothing is written. Paths inside a scenario are relative
/// to the scenario file's folder. Format: docs/scenarios.md.
public enum ScenarioLoader {
    /// Loads the scenario at `path` with `overrides` (`(key, value text)` pairs from `--set`;
    /// `protocols.NAME.KEY` keys go to that protocol's file).
    public static func load(path: String, overrides: [(key: String, value: String)] = []) throws(ConfigurationError) -> Scenario {
        let text = try readText(path, key: "", from: path)
        var document: TOMLDocument
        do {
            document = try TOMLDocument(parsing: text)
        } catch {
            throw ConfigurationError(file: path, key: "", line: error.line,
                                     expected: "\(error.expected) at column \(error.column)", found: error.found)
        }
        let directory = (path as NSString).deletingLastPathComponent
        var protocolOverrides: [String: [(key: String, value: String)]] = [:]
        for (key, value) in overrides {
            if let (name, inner) = protocolKey(key, document: document) {
                protocolOverrides[name, default: []].append((inner, value))
                continue
            }
            document.override(key, with: value)
        }
        var reader = KeyReader(file: path, document: document)
        reader.noteFile(path)

        let name = try reader.string("name")
        let description = try reader.string("description")
        let seed = try reader.uint64("seed", unit: "a 64-bit seed")
        let chainID = try reader.uint64("chain_id", unit: "EIP-155 chain id", default: 1)
        let chain = try readChain(&reader, directory: directory)
        let blocks = try readBlocks(&reader, blockTime: chain.blockTimeSeconds)
        let market = try MarketConfiguration.read(&reader, dataDirectory: directory)
        var tokenPrices: [String: String] = [:]
        for token in reader.children(of: "tokens") {
            tokenPrices[token] = try reader.string("tokens.\(token)")
        }
        let daiSymbol = reader.value("dai_symbol").flatMap { if case .string(let text) = $0 { text } else { nil } }

        var maker: MakerDeployment?
        var lending = LendingSetup()
        for protocolName in reader.children(of: "protocols") {
            let table = "protocols.\(protocolName)"
            let file = try reader.string("\(table).file")
            let protocolPath = (directory as NSString).appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: protocolPath) else {
                throw reader.error("\(table).file", expected: "a protocol file (path relative to the scenario)",
                                   found: "\"\(file)\": no such file (\(protocolPath))")
            }
            reader.noteFile(protocolPath)
            // `[protocols.NAME.set]` keys override the file's; `--set protocols.NAME.KEY` overrides both.
            var fileOverrides: [(key: String, value: String)] = []
            for key in reader.document.orderedKeys where key.hasPrefix("\(table).set.") {
                fileOverrides.append((String(key.dropFirst("\(table).set.".count)), reader.value(key)!.description))
            }
            let definition = try ProtocolDefinitionLoader.load(path: protocolPath,
                                                               overrides: fileOverrides + (protocolOverrides[protocolName] ?? []))
            switch definition {
            case .maker(let parameters):
                guard maker == nil else { throw reader.error(table, expected: "at most one Maker deployment", found: "a second one") }
                maker = MakerDeployment(parameters: parameters,
                                        oracles: try readMakerOracles(&reader, table: table, parameters: parameters))
            default:
                try addLendingProtocol(definition, name: protocolName, maker: maker, to: &lending, reader: &reader)
            }
        }
        for key in protocolOverrides.keys.sorted() where !reader.children(of: "protocols").contains(key) {
            throw ConfigurationError(file: "--set", key: "protocols.\(key)", line: nil,
                                     expected: "one of the scenario's protocols", found: "\"\(key)\"")
        }
        try readLendingSections(&reader, into: &lending, market: market, tokenPrices: tokenPrices, chain: chain)

        var populations: [PopulationSpec] = []
        for populationName in reader.children(of: "population") {
            let table = "population.\(populationName)"
            let protocolName = try reader.choice("\(table).protocol", among: ["maker"] + lendingPopulationProtocols)
            if protocolName != "maker" {
                lending.populations.append(try readLendingPopulation(&reader, table: table, protocolName: protocolName,
                                                                     lending: lending, dataDirectory: directory))
                continue
            }
            let ilk = try reader.string("\(table).ilk")
            guard maker?.parameters.ilks.contains(where: { $0.name == ilk }) == true else {
                throw reader.error("\(table).ilk", expected: "an ilk of the scenario's Maker deployment", found: "\"\(ilk)\"")
            }
            let configuration = try PopulationConfiguration.read(&reader, table: table, dataDirectory: directory)
            let owners = reader.children(of: "\(table).owners").isEmpty ? nil : try readOwners(&reader, table: "\(table).owners")
            populations.append(PopulationSpec(name: table, ilk: ilk, configuration: configuration, owners: owners))
        }

        var agents: [AgentSpec] = []
        for agentName in reader.children(of: "agents") {
            agents.append(try readAgent(&reader, table: "agents.\(agentName)", maker: maker, lending: lending, market: market,
                                        tokenPrices: tokenPrices))
        }

        let unknown = reader.unknownKeys()
        if !unknown.isEmpty { throw ConfigurationError(problems: unknown) }
        var scenario = Scenario(name: name, description: description, seed: seed, blocks: blocks, chainID: chainID, chain: chain,
                                market: market, maker: maker, tokenPrices: tokenPrices, daiSymbol: daiSymbol,
                                populations: populations, agents: agents, files: reader.files)
        scenario.lending = lending
        return scenario
    }

    // MARK: - Sections

    private static func readChain(_ reader: inout KeyReader, directory: String) throws(ConfigurationError) -> ChainConfiguration {
        var scalars: [String: ConfigScalar] = [:]
        for key in reader.document.orderedKeys where key.hasPrefix("chain.") {
            switch reader.value(key)! {
            case .string(let text): scalars[key] = .string(text)
            case .integer(let value): scalars[key] = .integer(value)
            case .float(let value): scalars[key] = .float(value)
            case .boolean(let value): scalars[key] = .boolean(value)
            case .array(let values): throw reader.error(key, expected: "a single value", found: "array \(ConfigValue.array(values))")
            }
        }
        var texts: [String: String] = [:]
        if case .string(let series)? = scalars["chain.background.series"] {
            let file = try reader.dataFile("chain.background.series", dataDirectory: directory)
            texts[series] = file.text
        }
        do {
            return try ChainConfiguration(scalars, texts: texts)
        } catch {
            let file = error.source ?? reader.file
            let line = error.source == nil ? reader.line(error.keyPath) : error.line
            throw ConfigurationError(file: file, key: error.keyPath, line: line, expected: error.expected, found: error.found)
        }
    }

    /// `blocks`, or `duration_hours` converted at the block time (rounded down).
    private static func readBlocks(_ reader: inout KeyReader, blockTime: UInt64) throws(ConfigurationError) -> Int {
        let blocks = reader.value("blocks")
        let hours = reader.value("duration_hours")
        switch (blocks, hours) {
        case (.integer(let count)?, nil) where count >= 1 && count <= 100_000_000:
            return Int(count)
        case (nil, .integer(let count)?) where count >= 1 && count <= 100_000:
            return max(1, Int(UInt64(count) * 3_600 / blockTime))
        case (nil, .float(let count)?) where count > 0 && count <= 100_000:
            return max(1, Int(count * 3_600 / Double(blockTime)))
        case (nil, nil):
            throw reader.error("blocks", expected: "blocks (an integer ≥ 1) or duration_hours (a number > 0)", found: "neither")
        case (.some, .some):
            throw reader.error("duration_hours", expected: "either blocks or duration_hours", found: "both")
        case (.some(let value), nil):
            throw reader.error("blocks", expected: "an integer 1 … 100,000,000", found: "\(value.typeName) \(value)")
        case (nil, .some(let value)):
            throw reader.error("duration_hours", expected: "a number > 0 and ≤ 100,000", found: "\(value.typeName) \(value)")
        }
    }

    private static func readMakerOracles(_ reader: inout KeyReader, table: String,
                                         parameters: MakerParameters) throws(ConfigurationError) -> [MakerOracleSpec] {
        var oracles: [MakerOracleSpec] = []
        for ilk in parameters.ilks {
            let key = "\(table).oracles.\(ilk.name)"
            let symbol = try reader.string("\(key).symbol")
            let reporters = try reader.uint64("\(key).reporters", unit: "reporters, 1 … 255", default: 15)
            let bar = try reader.uint64("\(key).bar", unit: "signatures per poke", default: 13)
            let hop = try reader.uint64("\(key).hop_seconds", unit: "seconds", default: UInt64(OSM.oneHour))
            guard reporters >= 1 && reporters <= 255 else {
                throw reader.error("\(key).reporters", expected: "1 … 255 reporters", found: "\(reporters)")
            }
            guard bar >= 1, bar <= reporters, bar % 2 == 1 else {
                throw reader.error("\(key).bar", expected: "an odd number 1 … reporters (\(reporters))", found: "\(bar)")
            }
            guard hop >= 1 && hop <= UInt64(UInt16.max) else {
                throw reader.error("\(key).hop_seconds", expected: "1 … 65,535 seconds", found: "\(hop)")
            }
            oracles.append(MakerOracleSpec(ilk: ilk.name, symbol: symbol, reporters: Int(reporters), bar: Int(bar), hop: UInt16(hop)))
        }
        return oracles
    }

    private static func readAgent(_ reader: inout KeyReader, table: String, maker: MakerDeployment?, lending: LendingSetup,
                                  market: MarketConfiguration, tokenPrices: [String: String]) throws(ConfigurationError) -> AgentSpec {
        let kind = try reader.choice("\(table).kind", among: ["maker-oracle-relayer", "flip-keeper", "clip-keeper"] + lendingAgentKinds)
        if lendingAgentKinds.contains(kind) {
            return try readLendingAgent(&reader, table: table, kind: kind, lending: lending, market: market, tokenPrices: tokenPrices)
        }
        let ilkName = try reader.string("\(table).ilk")
        guard let maker, let ilkIndex = maker.parameters.ilks.firstIndex(where: { $0.name == ilkName }) else {
            throw reader.error("\(table).ilk", expected: "an ilk of the scenario's Maker deployment", found: "\"\(ilkName)\"")
        }
        let ilk = maker.parameters.ilks[ilkIndex].ilk!
        let gas = try readGasStrategy(&reader, table: "\(table).gas")
        switch kind {
        case "maker-oracle-relayer":
            let symbol = maker.oracles[ilkIndex].symbol
            let spread = try reader.uint64("\(table).spread_bps", unit: "basis points", default: 100)
            let heartbeat = try reader.uint64("\(table).heartbeat_seconds", unit: "seconds", default: 3_600)
            return .makerRelayer(name: table, ilk: ilkName, configuration: OracleRelayer.Configuration(
                target: .maker(index: ilkIndex), symbol: symbol, spreadBps: spread, heartbeat: heartbeat, gas: gas))
        case "clip-keeper":
            let count = try readCount(&reader, "\(table).count")
            let budget = try reader.amount("\(table).dai_budget", decimals: 18, unit: "DAI per keeper")
            let collateral = try readMarketSymbol(&reader, "\(table).collateral", market: market)
            let discount = try readFraction(&reader, "\(table).discount")
            let maxPrice = try reader.amount("\(table).max_price", decimals: 27, unit: "DAI per unit (ray)",
                                             default: UInt256.max)
            let dai = reader.value("dai_symbol").flatMap { if case .string(let text) = $0 { text } else { nil } }
            return .clipKeepers(name: table, count: count, daiBudget: budget, configuration: ClipKeeper.Configuration(
                ilk: ilk, collateralSymbol: collateral, daiSymbol: dai,
                nativeSymbol: try readMarketSymbol(&reader, "\(table).native", market: market, default: "ETH"),
                barks: try reader.bool("\(table).barks", default: true), takes: try reader.bool("\(table).takes", default: true),
                discount: discount, maxPrice: maxPrice, redoes: try reader.bool("\(table).redoes", default: true), gas: gas))
        default:
            let count = try readCount(&reader, "\(table).count")
            let budget = try reader.amount("\(table).dai_budget", decimals: 18, unit: "DAI per keeper")
            let collateral = try readMarketSymbol(&reader, "\(table).collateral", market: market)
            let bites = try reader.bool("\(table).bites", default: true)
            let bidding: FlipKeeper.Bidding
            switch try reader.choice("\(table).bidding", among: ["valuation", "minimum"]) {
            case "minimum": bidding = .minimum
            default:
                let discount = try readFraction(&reader, "\(table).discount")
                bidding = .valuation(discount: discount)
            }
            let dai = reader.value("dai_symbol").flatMap { if case .string(let text) = $0 { text } else { nil } }
            return .flipKeepers(name: table, count: count, daiBudget: budget, configuration: FlipKeeper.Configuration(
                ilk: ilk, collateralSymbol: collateral, daiSymbol: dai, bites: bites, bidding: bidding, gas: gas))
        }
    }

    static func readOwners(_ reader: inout KeyReader, table: String) throws(ConfigurationError) -> OwnerBehaviour {
        let threshold = try readRatio(&reader, "\(table).threshold")
        let target = try readRatio(&reader, "\(table).target")
        guard target >= threshold else {
            throw reader.error("\(table).target", expected: "a ratio at least the threshold (\(threshold))", found: "\(target)")
        }
        return OwnerBehaviour(
            defendShare: try readShare(&reader, "\(table).defend_share"), repayShare: try readShare(&reader, "\(table).repay_share"),
            threshold: threshold, target: target, budgetShare: try readShare(&reader, "\(table).budget_share"),
            latencyBlocks: try reader.uint64("\(table).latency_blocks", unit: "blocks", default: 0),
            probabilityPerBlock: try readShare(&reader, "\(table).probability_per_block"),
            gas: try readGasStrategy(&reader, table: "\(table).gas"))
    }

    /// A number 0 … 1 (inclusive).
    private static func readShare(_ reader: inout KeyReader, _ key: String) throws(ConfigurationError) -> Double {
        let value = try reader.double(key, unit: "a share 0 … 1")
        guard value >= 0 && value <= 1 else { throw reader.error(key, expected: "a share 0 … 1", found: "\(value)") }
        return value
    }

    /// A collateral ratio > 1.
    private static func readRatio(_ reader: inout KeyReader, _ key: String) throws(ConfigurationError) -> Double {
        let value = try reader.double(key, unit: "collateral value over debt, 1.75 = 175 %")
        guard value > 1 && value < 1_000 else { throw reader.error(key, expected: "a ratio above 1, e.g. 1.75", found: "\(value)") }
        return value
    }

    static func readCount(_ reader: inout KeyReader, _ key: String) throws(ConfigurationError) -> Int {
        let count = try reader.uint64(key, unit: "agents", default: 1)
        guard count >= 1 && count <= 10_000 else { throw reader.error(key, expected: "1 … 10,000", found: "\(count)") }
        return Int(count)
    }

    /// A market asset's symbol.
    static func readMarketSymbol(_ reader: inout KeyReader, _ key: String, market: MarketConfiguration,
                                 default fallback: String? = nil) throws(ConfigurationError) -> String {
        let symbol: String
        if fallback != nil, reader.value(key) == nil { symbol = fallback! } else { symbol = try reader.string(key) }
        guard market.assets.contains(where: { $0.symbol == symbol }) else {
            throw reader.error(key, expected: "a market asset (" + market.assets.map(\.symbol).joined(separator: ", ") + ")",
                               found: "\"\(symbol)\"")
        }
        return symbol
    }

    /// A `gas = { strategy = …, … }` table (docs/scenarios.md, "Gas strategies").
    static func readGasStrategy(_ reader: inout KeyReader, table: String) throws(ConfigurationError) -> GasStrategy {
        let gwei = 9
        switch try reader.choice("\(table).strategy", among: ["fixed", "follow-market", "escalate"]) {
        case "fixed":
            return .fixed(try reader.amount("\(table).price", decimals: gwei, unit: "gwei; e.g. \"20 gwei\""))
        case "follow-market":
            return .followMarket(
                percentile: Int(try percentile(&reader, "\(table).percentile")),
                blocks: Int(try reader.uint64("\(table).blocks", unit: "blocks", default: 20)),
                premiumPercent: try reader.uint64("\(table).premium_percent", unit: "percent", default: 0),
                floor: try reader.amount("\(table).floor", decimals: gwei, unit: "gwei", default: UInt256(1_000_000_000)),
                cap: try reader.amount("\(table).cap", decimals: gwei, unit: "gwei"))
        default:
            return .escalate(
                percentile: Int(try percentile(&reader, "\(table).percentile")),
                blocks: Int(try reader.uint64("\(table).blocks", unit: "blocks", default: 20)),
                bumpPercent: try reader.uint64("\(table).bump_percent", unit: "percent", default: 12),
                patienceBlocks: try reader.uint64("\(table).patience_blocks", unit: "blocks", default: 1),
                floor: try reader.amount("\(table).floor", decimals: gwei, unit: "gwei", default: UInt256(1_000_000_000)),
                cap: try reader.amount("\(table).cap", decimals: gwei, unit: "gwei"))
        }
    }

    private static func percentile(_ reader: inout KeyReader, _ key: String) throws(ConfigurationError) -> UInt64 {
        let value = try reader.uint64(key, unit: "percentile 1 … 100", default: 50)
        guard value >= 1 && value <= 100 else { throw reader.error(key, expected: "a percentile 1 … 100", found: "\(value)") }
        return value
    }

    /// A number 0 ≤ x < 1 (a discount).
    private static func readFraction(_ reader: inout KeyReader, _ key: String) throws(ConfigurationError) -> Double {
        let number = try reader.double(key, unit: "a fraction 0 ≤ x < 1")
        guard number >= 0 && number < 1 else { throw reader.error(key, expected: "a fraction 0 ≤ x < 1", found: "\(number)") }
        return number
    }

    // MARK: - Helpers

    /// `protocols.NAME.KEY` with NAME a protocol of the scenario and KEY not a scenario-level
    /// key of that table (`file`, `oracles.…`, `set.…`): the protocol's name and KEY.
    private static func protocolKey(_ key: String, document: TOMLDocument) -> (String, String)? {
        let parts = key.split(separator: ".", maxSplits: 2).map(String.init)
        guard parts.count == 3, parts[0] == "protocols" else { return nil }
        guard parts[2] != "file", !parts[2].hasPrefix("oracles."), !parts[2].hasPrefix("set.") else { return nil }
        return (parts[1], parts[2])
    }

    /// The contents of `path`, or a located error naming `key` of `file`.
    static func readText(_ path: String, key: String, from file: String) throws(ConfigurationError) -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError(file: file, key: key, line: nil, expected: "a readable UTF-8 file",
                                     found: "\(path): \(error.localizedDescription)")
        }
    }
}
