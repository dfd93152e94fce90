import CascadeAgents
import CascadeChain
import CascadeMath
import CascadeProtocols

/// The Aave v3, Compound v2 and Uniswap v2 parts of a scenario (docs/scenarios-lending.md): the
/// deployments read from protocol files, the push price feeds the lending pools read, the
/// liquidity seeded at the start and the lending populations. Read by ``ScenarioLoader``, built
/// by ``WorldBuilder``.
public struct LendingSetup: Sendable {
    /// The Aave v3 pool (`[protocols.NAME]` with a `kind = "aave-v3"` file), if any.
    public var aave: Deployment<AaveV3Definition>?
    /// The Compound v2 markets (`kind = "compound-v2"`), if any.
    public var compound: Deployment<CompoundV2Definition>?
    /// The Uniswap v2 pairs (`kind = "uniswap-v2"`), if any.
    public var uniswap: Deployment<UniswapV2Definition>?
    /// The push feeds (`[feeds.SYMBOL]`), in file order: ``CascadeAgents/ChainState/feeds`` order.
    public var feeds: [LendingFeedSpec] = []
    /// Liquidity seeded at the start (`[liquidity.NAME]`), in file order.
    public var liquidity: [LiquiditySpec] = []
    /// Aave and Compound populations, in file order.
    public var populations: [LendingPopulationSpec] = []

    public init() {}

    /// A deployment: the scenario's table name (`aave` of `[protocols.aave]`) and the file's definition.
    public struct Deployment<Definition: Sendable>: Sendable {
        public var name: String
        public var definition: Definition
    }

    /// Every token of the lending deployments and pairs, each once, in deployment order (Aave
    /// reserves, Compound underlyings, pair tokens).
    public var tokens: [Token] {
        var seen: [Token] = []
        let all = (aave?.definition.reserves.map(\.token) ?? [])
            + (compound?.definition.markets.map(\.underlying) ?? [])
            + (uniswap?.definition.pairs.flatMap { [$0.tokenA, $0.tokenB] } ?? [])
        for token in all where !seen.contains(where: { $0.address == token.address }) { seen.append(token) }
        return seen
    }

    /// The index in ``feeds`` of the feed pricing `token`, if any.
    public func feedIndex(pricing token: Address) -> Int? {
        feeds.firstIndex { $0.tokens.contains { $0.address == token } }
    }
}

/// A lending push feed (`[feeds.SYMBOL]`): a ``CascadeProtocols/PushPriceFeed`` reporting the
/// market price of `symbol` in USD with 8 decimals, read by Aave (and by Compound for the
/// markets whose underlying it prices).
public struct LendingFeedSpec: Sendable, Hashable {
    /// The market symbol it reports (the table's name).
    public var symbol: String
    /// The tokens it prices.
    public var tokens: [Token]
    /// Registered reporters.
    public var reporters: Int
    /// Signed observations an update needs (1 … reporters).
    public var quorum: Int
    /// Reporters push when the market moves more than this from the answer (basis points).
    public var deviationBps: UInt64
    /// Reporters push when the answer is older than this (seconds).
    public var heartbeatSeconds: UInt64
}

/// Tokens of a ledger token, exact (`10^decimals` raw units per whole token).
public struct TokenAmount: Sendable, Hashable {
    public var token: Token
    public var amount: UInt256

    public init(token: Token, amount: UInt256) {
        self.token = token
        self.amount = amount
    }
}

/// Liquidity seeded at the start (`liquidity.NAME.MARKET = USD`).
public struct LiquiditySpec: Sendable, Hashable {
    /// Where it goes.
    public enum Venue: Sendable, Hashable {
        /// Supplied to an Aave reserve by a passive supplier.
        case aaveReserve(Token)
        /// Supplied (`mint`) to a Compound market by a passive supplier.
        case compoundMarket(name: String, underlying: Token)
        /// Both reserves of a Uniswap v2 pair, each worth `usd` (replacing the file's reserves).
        case uniswapPair(name: String)
    }

    /// The scenario key (`liquidity.aave.USDC`), for build errors.
    public var key: String
    public var venue: Venue
    /// USD at the start prices (per side for a pair).
    public var usd: Double
}

/// An Aave or Compound population (`[population.NAME]` with `protocol = "aave"` or `"compound"`):
/// positions of one collateral and one debt asset, opened with the protocol's own supply and
/// borrow at the start prices.
public struct LendingPopulationSpec: Sendable {
    /// The positions' market.
    public enum Market: Sendable {
        /// Aave positions supplying `collateral` and borrowing `debt`.
        case aave(collateral: AaveV3Definition.Reserve, debt: AaveV3Definition.Reserve)
        /// Compound accounts minting in `collateral` (entered as collateral) and borrowing from `debt`.
        case compound(collateral: CompoundV2Definition.Market, debt: CompoundV2Definition.Market)
    }

    /// The table's name (`population.aave-eth`).
    public var name: String
    public var market: Market
    /// How the positions are drawn (collateral ratio = collateral value / debt value at start prices).
    public var configuration: PopulationConfiguration
    /// How the owners behave, if any defend (Aave only; threshold and target are health factors).
    public var owners: OwnerBehaviour?
}
