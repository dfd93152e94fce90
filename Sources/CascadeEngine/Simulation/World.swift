import CascadeAgents
import CascadeChain
import CascadeMath
import CascadeProtocols

/// The initial world of a run: the deployed chain with its positions opened, the agents, the
/// market and the chain's rules. Built from a scenario by ``WorldBuilder``; run by
/// ``Simulation``.
public struct World: Sendable {
    /// Scenario name.
    public var name: String
    /// The run's seed.
    public var seed: UInt64
    /// Number of blocks to simulate.
    public var blocks: Int
    /// EIP-155 chain id of every transaction.
    public var chainID: UInt64
    /// Block-space rules.
    public var chain: ChainConfiguration
    /// The market.
    public var market: MarketModel
    /// Contracts, balances and positions.
    public var state: ChainState
    /// The agents, in a fixed order (the order they act in each block).
    public var agents: [Agent]
    /// Liquidation indexes over the opened positions.
    public var positions: PositionIndexes
    /// Every Maker vault opened, by ilk, for end-of-run accounting.
    public var makerVaults: [Bytes32: [Address]]
    /// Market symbol of each Maker ilk's collateral.
    public var makerCollateral: [Bytes32: String]
    /// How tokens are priced.
    public var pricing: TokenPricing
    /// Market symbol of DAI, if the market quotes it (otherwise 1 DAI = 1 USD).
    public var daiSymbol: String?
    /// Whether agents sign their transactions (``WorldBuilder/build(_:seed:signing:)``).
    public var signsTransactions: Bool

    public init(name: String, seed: UInt64, blocks: Int, chainID: UInt64, chain: ChainConfiguration, market: MarketModel,
                state: ChainState, agents: [Agent], positions: PositionIndexes, makerVaults: [Bytes32: [Address]],
                makerCollateral: [Bytes32: String], pricing: TokenPricing, daiSymbol: String?,
                signsTransactions: Bool) {
        self.name = name
        self.seed = seed
        self.blocks = blocks
        self.chainID = chainID
        self.chain = chain
        self.market = market
        self.state = state
        self.agents = agents
        self.positions = positions
        self.makerVaults = makerVaults
        self.makerCollateral = makerCollateral
        self.pricing = pricing
        self.daiSymbol = daiSymbol
        self.signsTransactions = signsTransactions
    }
}
