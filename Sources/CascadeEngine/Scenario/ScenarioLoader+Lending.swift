import CascadeAgents
import CascadeChain
import CascadeMath
import CascadeProtocols
import Foundation

/// The Aave v3, Compound v2 and Uniswap v2 keys of a scenario (docs/scenarios-lending.md):
/// their `[protocols.NAME]` deployments, `[feeds.SYMBOL]`, `[liquidity.NAME]`, populations with
/// `protocol = "aave"` or `"compound"` and the agent kinds `liquidator`, `arbitrageur` and
/// `feed-relayer`. Every error is a located ``ConfigurationError``.
extension ScenarioLoader {
    /// `protocol` values of the populations read here.
    static let lendingPopulationProtocols = ["aave", "compound"]
    /// Agent kinds read here.
    static let lendingAgentKinds = ["liquidator", "arbitrageur", "feed-relayer"]

    // MARK: - Protocols

    /// Records the Aave, Compound or Uniswap deployment of `[protocols.NAME]` (at most one of
    /// each), then checks that every token agrees with the tokens deployed before it: one address
    /// per symbol, one number of decimals per address (Maker's DAI and collateral included).
    static func addLendingProtocol(_ definition: ProtocolDefinition, name: String, maker: MakerDeployment?,
                                   to lending: inout LendingSetup, reader: inout KeyReader) throws(ConfigurationError) {
        let key = "protocols.\(name).file"
        func second(_ first: String) -> ConfigurationError {
            reader.error(key, expected: "at most one deployment of kind \"\(definition.kind)\"",
                         found: "a second one (the first is [protocols.\(first)])")
        }
        switch definition {
        case .aaveV3(let aave):
            if let first = lending.aave { throw second(first.name) }
            lending.aave = .init(name: name, definition: aave)
        case .compoundV2(let compound):
            if let first = lending.compound { throw second(first.name) }
            lending.compound = .init(name: name, definition: compound)
        case .uniswapV2(let uniswap):
            if let first = lending.uniswap { throw second(first.name) }
            lending.uniswap = .init(name: name, definition: uniswap)
        case .maker:
            throw reader.error(key, expected: "an aave-v3, compound-v2 or uniswap-v2 file", found: "kind \"maker\"")
        }
        try checkTokens(lending, maker: maker, key: key, reader: reader)
    }

    private static func checkTokens(_ lending: LendingSetup, maker: MakerDeployment?, key: String,
                                    reader: KeyReader) throws(ConfigurationError) {
        let all: [Token] = (lending.aave?.definition.reserves.map(\.token) ?? [])
            + (lending.compound?.definition.markets.map(\.underlying) ?? [])
            + (lending.uniswap?.definition.pairs.flatMap { [$0.tokenA, $0.tokenB] } ?? [])
        var makerTokens: [Token] = []
        if let maker {
            makerTokens.append(Token(address: maker.parameters.addresses.dai, symbol: "DAI", decimals: 18))
            for (index, ilk) in maker.parameters.ilks.enumerated() {
                makerTokens.append(Token(address: ilk.gem, symbol: maker.oracles[index].symbol, decimals: 18))
            }
        }
        var bySymbol: [String: Token] = [:]
        var byAddress: [Address: Token] = [:]
        for token in makerTokens { byAddress[token.address] = token }
        for token in all {
            if let other = bySymbol[token.symbol], other.address != token.address {
                throw reader.error(key, expected: "one address per token symbol across the scenario's protocols",
                                   found: "\(token.symbol) at \(token.address) and at \(other.address)")
            }
            if let other = byAddress[token.address], other.decimals != token.decimals {
                throw reader.error(key, expected: "one number of decimals per token address across the scenario's protocols",
                                   found: "\(token.address) with \(token.decimals) decimals (\(token.symbol)) and \(other.decimals) (\(other.symbol))")
            }
            bySymbol[token.symbol] = token
            byAddress[token.address] = token
        }
    }

    // MARK: - Feeds and liquidity

    /// Reads `[feeds.SYMBOL]` and `[liquidity.NAME]` (after the protocols, before populations and
    /// agents, which refer to them).
    static func readLendingSections(_ reader: inout KeyReader, into lending: inout LendingSetup, market: MarketConfiguration,
                                    tokenPrices: [String: String], chain: ChainConfiguration) throws(ConfigurationError) {
        let tokens = lending.tokens
        for symbol in reader.children(of: "feeds") {
            let table = "feeds.\(symbol)"
            guard market.assets.contains(where: { $0.symbol == symbol }) else {
                throw reader.error(table, expected: "a feed named after a market asset (" + market.assets.map(\.symbol).joined(separator: ", ") + ")",
                                   found: "\"\(symbol)\"")
            }
            // A token is priced by the feed its [tokens] entry names: by one feed at most.
            let priced = try readFeedTokens(&reader, key: "\(table).tokens", symbol: symbol, tokens: tokens, tokenPrices: tokenPrices)
            let reporters = try reader.uint64("\(table).reporters", unit: "reporters, 1 … 255")
            guard reporters >= 1 && reporters <= 255 else {
                throw reader.error("\(table).reporters", expected: "1 … 255 reporters", found: "\(reporters)")
            }
            let quorum = try reader.uint64("\(table).quorum", unit: "signed observations per update")
            guard quorum >= 1 && quorum <= reporters else {
                throw reader.error("\(table).quorum", expected: "1 … reporters (\(reporters))", found: "\(quorum)")
            }
            let deviation = try reader.uint64("\(table).deviation_bps", unit: "basis points", default: 50)
            guard deviation >= 1 && deviation <= 10_000 else {
                throw reader.error("\(table).deviation_bps", expected: "1 … 10,000 basis points", found: "\(deviation)")
            }
            let heartbeat = try reader.uint64("\(table).heartbeat_seconds", unit: "seconds", default: 3_600)
            guard heartbeat >= 1 else { throw reader.error("\(table).heartbeat_seconds", expected: "at least 1 second", found: "0") }
            lending.feeds.append(LendingFeedSpec(symbol: symbol, tokens: priced, reporters: Int(reporters), quorum: Int(quorum),
                                                 deviationBps: deviation, heartbeatSeconds: heartbeat))
        }
        if !lending.feeds.isEmpty, chain.startTimestamp <= chain.blockTimeSeconds {
            throw reader.error("chain.start_timestamp",
                               expected: "a start after the first block time (the feeds' first round is signed one block before the start)",
                               found: "\(chain.startTimestamp)")
        }
        for name in reader.children(of: "liquidity") {
            for venue in reader.children(of: "liquidity.\(name)") {
                lending.liquidity.append(try readLiquidity(&reader, name: name, venue: venue, lending: lending,
                                                           market: market, tokenPrices: tokenPrices))
            }
        }
    }

    /// `tokens = ["WETH", …]`, or by default every lending token whose `[tokens]` entry is `symbol`.
    private static func readFeedTokens(_ reader: inout KeyReader, key: String, symbol: String, tokens: [Token],
                                       tokenPrices: [String: String]) throws(ConfigurationError) -> [Token] {
        let names: [String]
        switch reader.value(key) {
        case nil:
            names = tokens.map(\.symbol).filter { tokenPrices[$0] == symbol }
            guard !names.isEmpty else {
                throw reader.error(key, expected: "the tokens the feed prices (no lending token has [tokens] entry \"\(symbol)\")",
                                   found: "no value")
            }
        case .array(let values)?:
            var read: [String] = []
            for value in values {
                guard case .string(let text) = value else {
                    throw reader.error(key, expected: "an array of token symbols", found: "\(value.typeName) \(value)")
                }
                read.append(text)
            }
            guard !read.isEmpty else { throw reader.error(key, expected: "at least one token symbol", found: "[]") }
            names = read
        case let value?:
            throw reader.error(key, expected: "an array of token symbols, e.g. [\"WETH\"]", found: "\(value.typeName) \(value)")
        }
        var priced: [Token] = []
        for name in names {
            guard let token = tokens.first(where: { $0.symbol == name }) else {
                throw reader.error(key, expected: "tokens of the scenario's lending protocols (" + tokens.map(\.symbol).joined(separator: ", ") + ")",
                                   found: "\"\(name)\"")
            }
            guard tokenPrices[name] == symbol else {
                throw reader.error(key, expected: "tokens whose [tokens] entry is \"\(symbol)\"",
                                   found: "\(name) = " + (tokenPrices[name].map { "\"\($0)\"" } ?? "no entry"))
            }
            if !priced.contains(token) { priced.append(token) }
        }
        return priced
    }

    private static func readLiquidity(_ reader: inout KeyReader, name: String, venue: String, lending: LendingSetup,
                                      market: MarketConfiguration, tokenPrices: [String: String]) throws(ConfigurationError) -> LiquiditySpec {
        let key = "liquidity.\(name).\(venue)"
        let usd = try reader.double(key, unit: "USD at the start prices")
        guard usd > 0 else { throw reader.error(key, expected: "a positive USD amount", found: "\(usd)") }
        let spec: LiquiditySpec
        let priced: [Token]
        if let aave = lending.aave, aave.name == name {
            guard let reserve = aave.definition.reserves.first(where: { $0.token.symbol == venue }) else {
                throw reader.error(key, expected: "a reserve of [protocols.\(name)] (" + aave.definition.reserves.map(\.token.symbol).joined(separator: ", ") + ")",
                                   found: "\"\(venue)\"")
            }
            spec = LiquiditySpec(key: key, venue: .aaveReserve(reserve.token), usd: usd)
            priced = [reserve.token]
        } else if let compound = lending.compound, compound.name == name {
            guard let entry = compound.definition.markets.first(where: { $0.name == venue }) else {
                throw reader.error(key, expected: "a market of [protocols.\(name)] (" + compound.definition.markets.map(\.name).joined(separator: ", ") + ")",
                                   found: "\"\(venue)\"")
            }
            spec = LiquiditySpec(key: key, venue: .compoundMarket(name: venue, underlying: entry.underlying), usd: usd)
            priced = [entry.underlying]
        } else if let uniswap = lending.uniswap, uniswap.name == name {
            guard let pair = uniswap.definition.pairs.first(where: { $0.name == venue }) else {
                throw reader.error(key, expected: "a pair of [protocols.\(name)] (" + uniswap.definition.pairs.map(\.name).joined(separator: ", ") + ")",
                                   found: "\"\(venue)\"")
            }
            spec = LiquiditySpec(key: key, venue: .uniswapPair(name: venue), usd: usd)
            priced = [pair.tokenA, pair.tokenB]
        } else {
            let names = [lending.aave?.name, lending.compound?.name, lending.uniswap?.name].compactMap { $0 }
            throw reader.error(key, expected: "liquidity.NAME.MARKET with NAME an Aave, Compound or Uniswap table of [protocols] ("
                               + names.joined(separator: ", ") + ")", found: "\"\(name)\"")
        }
        for token in priced { _ = try marketSymbol(of: token, key: key, reader: reader, market: market, tokenPrices: tokenPrices) }
        return spec
    }

    /// The market symbol of `token` (its `[tokens]` entry, a market asset), or an error at `key`.
    private static func marketSymbol(of token: Token, key: String, reader: KeyReader, market: MarketConfiguration,
                                     tokenPrices: [String: String]) throws(ConfigurationError) -> String {
        guard let symbol = tokenPrices[token.symbol], market.assets.contains(where: { $0.symbol == symbol }) else {
            throw reader.error(key, expected: "a [tokens] entry \(token.symbol) = \"SYMBOL\" naming a market asset (" + market.assets.map(\.symbol).joined(separator: ", ") + ")",
                               found: tokenPrices[token.symbol].map { "\(token.symbol) = \"\($0)\"" } ?? "no entry for \(token.symbol)")
        }
        return symbol
    }

    // MARK: - Populations

    /// Reads an Aave or Compound population (`protocol` already read as `protocolName`).
    static func readLendingPopulation(_ reader: inout KeyReader, table: String, protocolName: String, lending: LendingSetup,
                                      dataDirectory: String) throws(ConfigurationError) -> LendingPopulationSpec {
        let market: LendingPopulationSpec.Market
        let lowestAllowed: Double
        let collateralKey = "\(table).collateral", debtKey = "\(table).debt"
        func priced(_ token: Token, key: String) throws(ConfigurationError) {
            guard lending.feedIndex(pricing: token.address) != nil else {
                throw reader.error(key, expected: "a token priced by a [feeds.SYMBOL] table", found: "\(token.symbol), priced by no feed")
            }
        }
        if protocolName == "aave" {
            guard let aave = lending.aave else {
                throw reader.error("\(table).protocol", expected: "a scenario with an Aave v3 deployment ([protocols.NAME] with a kind = \"aave-v3\" file)",
                                   found: "none")
            }
            let reserves = aave.definition.reserves
            func reserve(_ key: String) throws(ConfigurationError) -> AaveV3Definition.Reserve {
                let symbol = try reader.string(key)
                guard let found = reserves.first(where: { $0.token.symbol == symbol }) else {
                    throw reader.error(key, expected: "a reserve of [protocols.\(aave.name)] (" + reserves.map(\.token.symbol).joined(separator: ", ") + ")",
                                       found: "\"\(symbol)\"")
                }
                return found
            }
            let collateral = try reserve(collateralKey), debt = try reserve(debtKey)
            guard collateral.configuration.ltv > 0 else {
                throw reader.error(collateralKey, expected: "a reserve with a non-zero LTV (it can back a borrow)", found: "\(collateral.token.symbol), LTV 0")
            }
            guard debt.configuration.borrowingEnabled, debt.token.address != collateral.token.address else {
                throw reader.error(debtKey, expected: "a reserve other than the collateral with borrowing enabled", found: "\(debt.token.symbol)")
            }
            try priced(collateral.token, key: collateralKey)
            try priced(debt.token, key: debtKey)
            market = .aave(collateral: collateral, debt: debt)
            // `borrow` requires collateral ≥ debt / LTV.
            lowestAllowed = 10_000 / Double(collateral.configuration.ltv)
        } else {
            guard let compound = lending.compound else {
                throw reader.error("\(table).protocol", expected: "a scenario with a Compound v2 deployment ([protocols.NAME] with a kind = \"compound-v2\" file)",
                                   found: "none")
            }
            let markets = compound.definition.markets
            func entry(_ key: String) throws(ConfigurationError) -> CompoundV2Definition.Market {
                let name = try reader.string(key)
                guard let found = markets.first(where: { $0.name == name }) else {
                    throw reader.error(key, expected: "a market of [protocols.\(compound.name)] (" + markets.map(\.name).joined(separator: ", ") + ")",
                                       found: "\"\(name)\"")
                }
                return found
            }
            let collateral = try entry(collateralKey), debt = try entry(debtKey)
            guard !collateral.configuration.collateralFactorMantissa.isZero else {
                throw reader.error(collateralKey, expected: "a market with a non-zero collateral factor", found: "\(collateral.name), 0")
            }
            guard debt.name != collateral.name else {
                throw reader.error(debtKey, expected: "a market other than the collateral", found: "\(debt.name)")
            }
            try priced(collateral.underlying, key: collateralKey)
            try priced(debt.underlying, key: debtKey)
            market = .compound(collateral: collateral, debt: debt)
            // `borrow` requires collateral · collateral factor ≥ debt.
            lowestAllowed = 1e18 / collateral.configuration.collateralFactorMantissa.doubleValue
        }
        let configuration = try PopulationConfiguration.read(&reader, table: table, dataDirectory: dataDirectory)
        // Four decimals above the protocol's bound keep the amounts' rounding from refusing a borrow.
        let bound = (lowestAllowed * 10_000).rounded(.up) / 10_000
        let (lowest, key) = lowestRatio(configuration, table: table)
        guard lowest >= bound else {
            throw reader.error(key, expected: "collateral ratios of at least \(bound): the protocol refuses to open a position below "
                               + (protocolName == "aave" ? "1 / LTV" : "1 / collateral factor"),
                               found: "a lowest ratio of \(lowest)")
        }
        var owners: OwnerBehaviour?
        if !reader.children(of: "\(table).owners").isEmpty {
            guard protocolName == "aave" else {
                throw reader.error("\(table).owners", expected: "no defending owners (supported for maker and aave populations)",
                                   found: "an owners table")
            }
            owners = try readOwners(&reader, table: "\(table).owners")
        }
        return LendingPopulationSpec(name: table, market: market, configuration: configuration, owners: owners)
    }

    /// The lowest collateral ratio a population can draw and the key that sets it.
    private static func lowestRatio(_ configuration: PopulationConfiguration, table: String) -> (Double, String) {
        switch configuration.source {
        case .listed(let positions):
            return (positions.map(\.collateralRatio).min() ?? .infinity, "\(table).file")
        case .synthetic(let book):
            switch book.collateralRatio {
            case .quantiles(let points):
                return (points.first?.collateralRatio ?? .infinity, "\(table).collateral_ratio.quantiles")
            case .lognormal(_, _, let floor?):
                return (floor, "\(table).collateral_ratio.floor")
            case .lognormal(_, _, nil):
                // Validation requires a floor or a minimum.
                return (configuration.minimumCollateralRatio ?? 1, "\(table).minimum_collateral_ratio")
            }
        }
    }

    // MARK: - Agents

    /// Reads a `liquidator`, `arbitrageur` or `feed-relayer` agent table (`kind` already read).
    static func readLendingAgent(_ reader: inout KeyReader, table: String, kind: String, lending: LendingSetup,
                                 market: MarketConfiguration, tokenPrices: [String: String]) throws(ConfigurationError) -> AgentSpec {
        switch kind {
        case "liquidator":
            return try readLiquidator(&reader, table: table, lending: lending, market: market, tokenPrices: tokenPrices)
        case "arbitrageur":
            return try readArbitrageur(&reader, table: table, lending: lending, market: market, tokenPrices: tokenPrices)
        default:
            let key = "\(table).feed"
            let symbol = try reader.string(key)
            guard let index = lending.feeds.firstIndex(where: { $0.symbol == symbol }) else {
                throw reader.error(key, expected: "a [feeds.SYMBOL] table's symbol (" + lending.feeds.map(\.symbol).joined(separator: ", ") + ")",
                                   found: "\"\(symbol)\"")
            }
            let feed = lending.feeds[index]
            return .feedRelayer(name: table, feed: index, configuration: OracleRelayer.Configuration(
                target: .feed(index: index), symbol: symbol, spreadBps: feed.deviationBps, heartbeat: feed.heartbeatSeconds,
                gas: try readGasStrategy(&reader, table: "\(table).gas")))
        }
    }

    private static func readLiquidator(_ reader: inout KeyReader, table: String, lending: LendingSetup, market: MarketConfiguration,
                                       tokenPrices: [String: String]) throws(ConfigurationError) -> AgentSpec {
        let target: Liquidator.Target
        let protocolTokens: [Token]
        switch try reader.choice("\(table).protocol", among: lendingPopulationProtocols) {
        case "aave":
            guard let aave = lending.aave else {
                throw reader.error("\(table).protocol", expected: "a scenario with an Aave v3 deployment", found: "\"aave\"")
            }
            target = .aave
            protocolTokens = aave.definition.reserves.map(\.token)
        default:
            guard let compound = lending.compound else {
                throw reader.error("\(table).protocol", expected: "a scenario with a Compound v2 deployment", found: "\"compound\"")
            }
            target = .compound
            protocolTokens = compound.definition.markets.map(\.underlying)
        }
        let count = try readCount(&reader, "\(table).count")
        let capital = try readCapital(&reader, key: "\(table).capital", tokens: protocolTokens, market: market, tokenPrices: tokenPrices)
        // Every token of the protocol the market prices; depths from the market unless given.
        let depthKey = "\(table).depth_usd_2pct"
        for name in reader.children(of: depthKey) where !protocolTokens.contains(where: { $0.symbol == name }) {
            throw reader.error("\(depthKey).\(name)", expected: "a token of the protocol (" + protocolTokens.map(\.symbol).joined(separator: ", ") + ")",
                               found: "\"\(name)\"")
        }
        var assets: [Address: Liquidator.Asset] = [:]
        for token in protocolTokens {
            guard let symbol = tokenPrices[token.symbol], let asset = market.assets.first(where: { $0.symbol == symbol }) else {
                if reader.value("\(depthKey).\(token.symbol)") != nil {
                    _ = try marketSymbol(of: token, key: "\(depthKey).\(token.symbol)", reader: reader, market: market, tokenPrices: tokenPrices)
                }
                continue
            }
            var depth = asset.depthUSD2Percent
            if reader.value("\(depthKey).\(token.symbol)") != nil {
                depth = try reader.double("\(depthKey).\(token.symbol)", unit: "USD of sales that move the price 2 %")
                guard depth > 0 else { throw reader.error("\(depthKey).\(token.symbol)", expected: "a positive USD depth", found: "\(depth)") }
            }
            assets[token.address] = Liquidator.Asset(symbol: symbol, depthUSD2Percent: depth)
        }
        let minProfit = try readMinProfit(&reader, "\(table).min_profit_usd")
        let latency = try reader.uint64("\(table).latency_blocks", unit: "blocks between observing and sending")
        return .liquidators(name: table, count: count, capital: capital, configuration: Liquidator.Configuration(
            target: target, assets: assets, ethSymbol: try readMarketSymbol(&reader, "\(table).native", market: market, default: "ETH"),
            minProfitUSD: minProfit, latency: latency, gas: try readGasStrategy(&reader, table: "\(table).gas")))
    }

    private static func readArbitrageur(_ reader: inout KeyReader, table: String, lending: LendingSetup, market: MarketConfiguration,
                                        tokenPrices: [String: String]) throws(ConfigurationError) -> AgentSpec {
        let pairKey = "\(table).pair"
        let name = try reader.string(pairKey)
        guard let uniswap = lending.uniswap, let pair = uniswap.definition.pairs.first(where: { $0.name == name }) else {
            let names = lending.uniswap?.definition.pairs.map(\.name) ?? []
            throw reader.error(pairKey, expected: "a pair of the scenario's Uniswap v2 deployment (" + names.joined(separator: ", ") + ")",
                               found: "\"\(name)\"")
        }
        let count = try readCount(&reader, "\(table).count")
        let capital = try readCapital(&reader, key: "\(table).capital", tokens: [pair.tokenA, pair.tokenB], market: market,
                                      tokenPrices: tokenPrices)
        let (token0, token1) = pair.tokenA.address < pair.tokenB.address ? (pair.tokenA, pair.tokenB) : (pair.tokenB, pair.tokenA)
        let symbol0 = try marketSymbol(of: token0, key: pairKey, reader: reader, market: market, tokenPrices: tokenPrices)
        let symbol1 = try marketSymbol(of: token1, key: pairKey, reader: reader, market: market, tokenPrices: tokenPrices)
        let minProfit = try readMinProfit(&reader, "\(table).min_profit_usd")
        let deadline = try reader.uint64("\(table).deadline_seconds", unit: "seconds", default: 120)
        guard deadline >= 1 else { throw reader.error("\(table).deadline_seconds", expected: "at least 1 second", found: "0") }
        return .arbitrageurs(name: table, count: count, capital: capital, configuration: Arbitrageur.Configuration(
            pair: pair.address, symbol0: symbol0, symbol1: symbol1,
            nativeSymbol: try readMarketSymbol(&reader, "\(table).native", market: market, default: "ETH"),
            minProfitUSD: minProfit, deadlineSeconds: deadline, gas: try readGasStrategy(&reader, table: "\(table).gas")))
    }

    /// `capital = { SYMBOL = "amount", … }`: whole tokens (exact, at the token's decimals) of
    /// `tokens`, each priced by the market; at least one.
    private static func readCapital(_ reader: inout KeyReader, key: String, tokens: [Token], market: MarketConfiguration,
                                    tokenPrices: [String: String]) throws(ConfigurationError) -> [TokenAmount] {
        let names = reader.children(of: key)
        if let value = reader.value(key) {
            throw reader.error(key, expected: "a table of token amounts, e.g. { USDC = \"5_000_000\" }", found: "\(value.typeName) \(value)")
        }
        guard !names.isEmpty else {
            throw reader.missing(key, "a table of token amounts, e.g. { USDC = \"5_000_000\" }")
        }
        var capital: [TokenAmount] = []
        for name in names {
            let entry = "\(key).\(name)"
            guard let token = tokens.first(where: { $0.symbol == name }) else {
                throw reader.error(entry, expected: "a token of " + tokens.map(\.symbol).joined(separator: ", "), found: "\"\(name)\"")
            }
            _ = try marketSymbol(of: token, key: entry, reader: reader, market: market, tokenPrices: tokenPrices)
            if case .integer(let raw)? = reader.value(entry) {
                throw reader.error(entry, expected: "whole tokens as a string, e.g. \"5_000_000\" (an integer would be raw units)",
                                   found: "integer \(raw)")
            }
            let amount = try reader.amount(entry, decimals: Int(token.decimals), unit: "whole \(name) per agent")
            capital.append(TokenAmount(token: token, amount: amount))
        }
        return capital
    }

    private static func readMinProfit(_ reader: inout KeyReader, _ key: String) throws(ConfigurationError) -> Double {
        let value = try reader.double(key, unit: "USD")
        guard value >= 0 else { throw reader.error(key, expected: "a profit ≥ 0 USD", found: "\(value)") }
        return value
    }
}
