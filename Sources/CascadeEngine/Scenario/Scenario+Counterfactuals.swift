import CascadeAgents
import CascadeChain
import CascadeMath
import CascadeProtocols

/// Counterfactual scenarios for loss attribution: each takes one factor of a cascade away from
/// a loaded scenario, whatever its protocols, keys and agent names (``Counterfactual``; the
/// definitions are in docs/outputs.md, `attribution.json`). The transformations act on the
/// validated values, after `--set` overrides; only the oracle delay steps outside the loader's
/// ranges (feed deviation 0, which the feed contract accepts: any change is a deviation).
extension Scenario {
    /// Gas price that wins every block's auction: 100,000 gwei (Black Thursday's clearing price
    /// peaked near 200 gwei).
    public static let priorityGasPrice = UInt256(100_000_000_000_000)
    /// The factor applied to keeper DAI budgets and liquidator capital for "unlimited" capital.
    public static let unlimitedCapitalFactor: UInt64 = 1_000_000
    /// The factor applied to Uniswap pool reserves (and arbitrageur capital) for "unlimited" AMM
    /// depth: a trade of 1 % of a pool's old depth then moves its price by about 0.0002 %.
    public static let ammDepthFactor: UInt64 = 10_000
    /// Market depth standing for "unlimited" (USD per 2 %): 10³⁰⁰, finite as the market model
    /// requires; a sale's log impact `ln(0.98)·usd/depth` is then below the model's negligible
    /// 10⁻¹² for any sale under 10²⁸⁸ USD.
    public static let unlimitedDepthUSD = 1e300

    /// This scenario without `factor`.
    public func removing(_ factor: Counterfactual) -> Scenario {
        var scenario = self
        switch factor {
        case .backgroundCongestion: scenario.chain = chain.replacingBackground(with: .none)
        case .oracleDelay: scenario.makeOraclesInstant()
        case .marketDepth: scenario.makeMarketsDeep()
        case .keeperCapacity: scenario.makeKeepersUnlimited()
        }
        return scenario
    }

    /// OSM hop 1 s (the least `step` accepts: the OSM then passes every block), relayers poking
    /// on any move and at least every block at ``priorityGasPrice``, push feeds reporting on any
    /// deviation and a heartbeat of one block.
    private mutating func makeOraclesInstant() {
        let block = chain.blockTimeSeconds
        if var deployment = maker {
            for index in deployment.oracles.indices { deployment.oracles[index].hop = 1 }
            maker = deployment
        }
        for index in lending.feeds.indices {
            lending.feeds[index].deviationBps = 0
            lending.feeds[index].heartbeatSeconds = block
        }
        agents = agents.map { spec in
            switch spec {
            case let .makerRelayer(name, ilk, configuration):
                return .makerRelayer(name: name, ilk: ilk, configuration: Self.instant(configuration, block: block))
            case let .feedRelayer(name, feed, configuration):
                return .feedRelayer(name: name, feed: feed, configuration: Self.instant(configuration, block: block))
            default:
                return spec
            }
        }
    }

    private static func instant(_ configuration: OracleRelayer.Configuration, block: UInt64) -> OracleRelayer.Configuration {
        var configuration = configuration
        configuration.spreadBps = 0
        configuration.heartbeat = block
        configuration.gas = .fixed(priorityGasPrice)
        return configuration
    }

    /// Market depth ``unlimitedDepthUSD`` for every asset (the market model's impact and the liquidators'
    /// sizing); Uniswap reserves, pair liquidity and arbitrageur capital ×``ammDepthFactor``
    /// (reserves kept under `uint112`, so a pool too large for the factor grows as far as fits).
    private mutating func makeMarketsDeep() {
        market = MarketConfiguration(
            assets: market.assets.map {
                AssetMarket(symbol: $0.symbol, source: $0.source, depthUSD2Percent: Self.unlimitedDepthUSD,
                            recoveryHalfLifeSeconds: $0.recoveryHalfLifeSeconds)
            },
            correlations: market.correlations)
        if var uniswap = lending.uniswap {
            let limit = (UInt256(1) << 112) &- UInt256(1)
            for index in uniswap.definition.pairs.indices {
                var pair = uniswap.definition.pairs[index]
                let largest = max(pair.reserveA, pair.reserveB)
                let fitting = largest.isZero ? UInt256(Self.ammDepthFactor) : (try? limit / largest) ?? UInt256(1)
                let factor = min(UInt256(Self.ammDepthFactor), max(fitting, UInt256(1)))
                pair.reserveA = (try? pair.reserveA * factor) ?? pair.reserveA
                pair.reserveB = (try? pair.reserveB * factor) ?? pair.reserveB
                uniswap.definition.pairs[index] = pair
            }
            lending.uniswap = uniswap
        }
        for index in lending.liquidity.indices {
            if case .uniswapPair = lending.liquidity[index].venue { lending.liquidity[index].usd *= Double(Self.ammDepthFactor) }
        }
        agents = agents.map { spec in
            switch spec {
            case .liquidators(let name, let count, let capital, var configuration):
                for token in configuration.assets.keys { configuration.assets[token]!.depthUSD2Percent = Self.unlimitedDepthUSD }
                return .liquidators(name: name, count: count, capital: capital, configuration: configuration)
            case let .arbitrageurs(name, count, capital, configuration):
                return .arbitrageurs(name: name, count: count, capital: Self.scaled(capital, by: Self.ammDepthFactor),
                                     configuration: configuration)
            default:
                return spec
            }
        }
    }

    /// Keeper DAI budgets and liquidator capital ×``unlimitedCapitalFactor``, the Maker debt
    /// ceilings (`Line`, the ilk's `line`) raised by the extra DAI the keepers' funding vaults
    /// draw; every keeper's and liquidator's gas strategy escalating (``escalating(_:)``).
    private mutating func makeKeepersUnlimited() {
        let factor = UInt256(Self.unlimitedCapitalFactor)
        let ray = UInt256(1_000_000_000_000_000_000) &* UInt256(1_000_000_000)
        func fund(_ ilk: Bytes32, count: Int, budget: UInt256) -> UInt256 {
            let raised = (try? budget * factor) ?? budget
            if var deployment = maker, let index = deployment.parameters.ilks.firstIndex(where: { $0.ilk == ilk }) {
                let extra = (try? (raised - budget) * ray * UInt256(UInt64(count))) ?? .zero
                deployment.parameters.Line = (try? deployment.parameters.Line + extra) ?? deployment.parameters.Line
                deployment.parameters.ilks[index].line = (try? deployment.parameters.ilks[index].line + extra)
                    ?? deployment.parameters.ilks[index].line
                maker = deployment
            }
            return raised
        }
        agents = agents.map { spec in
            switch spec {
            case .flipKeepers(let name, let count, var budget, var configuration):
                budget = fund(configuration.ilk, count: count, budget: budget)
                configuration.gas = Self.escalating(configuration.gas)
                return .flipKeepers(name: name, count: count, daiBudget: budget, configuration: configuration)
            case .clipKeepers(let name, let count, var budget, var configuration):
                budget = fund(configuration.ilk, count: count, budget: budget)
                configuration.gas = Self.escalating(configuration.gas)
                return .clipKeepers(name: name, count: count, daiBudget: budget, configuration: configuration)
            case .liquidators(let name, let count, var capital, var configuration):
                capital = Self.scaled(capital, by: Self.unlimitedCapitalFactor)
                configuration.gas = Self.escalating(configuration.gas)
                return .liquidators(name: name, count: count, capital: capital, configuration: configuration)
            default:
                return spec
            }
        }
    }

    /// `gas` as priority-gas-auction bidding capped at ``priorityGasPrice``: an `escalate`
    /// strategy keeps its window, bump and patience; `fixed(p)` and `followMarket` become
    /// `escalate` over the 60th percentile of 20 blocks (the window `followMarket` had), bump
    /// 12 % (geth's replacement bump is 10 %), patience 1 block, floor `p` or the old floor.
    public static func escalating(_ gas: GasStrategy) -> GasStrategy {
        switch gas {
        case .fixed(let price):
            .escalate(percentile: 60, blocks: 20, bumpPercent: 12, patienceBlocks: 1, floor: price, cap: priorityGasPrice)
        case let .followMarket(percentile, blocks, _, floor, _):
            .escalate(percentile: percentile, blocks: blocks, bumpPercent: 12, patienceBlocks: 1, floor: floor, cap: priorityGasPrice)
        case let .escalate(percentile, blocks, bump, patience, floor, _):
            .escalate(percentile: percentile, blocks: blocks, bumpPercent: bump, patienceBlocks: patience, floor: floor,
                      cap: priorityGasPrice)
        }
    }

    private static func scaled(_ capital: [TokenAmount], by factor: UInt64) -> [TokenAmount] {
        capital.map { TokenAmount(token: $0.token, amount: (try? $0.amount * UInt256(factor)) ?? $0.amount) }
    }
}
