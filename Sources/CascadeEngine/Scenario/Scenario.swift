import CascadeAgents
import CascadeChain
import CascadeMath
import CascadeProtocols

/// A validated scenario: everything a run needs, read from a scenario file, the protocol files
/// it references and their data files (``ScenarioLoader``; format: docs/scenarios.md).
public struct Scenario: Sendable {
    /// Short name (`black-thursday-2020`).
    public var name: String
    /// One-paragraph description.
    public var description: String
    /// The run's seed; every random stream derives from it.
    public var seed: UInt64
    /// Blocks to simulate.
    public var blocks: Int
    /// EIP-155 chain id of agent transactions.
    public var chainID: UInt64
    /// Block space.
    public var chain: ChainConfiguration
    /// The market.
    public var market: MarketConfiguration
    /// The Maker deployment, with the oracle of each ilk.
    public var maker: MakerDeployment?
    /// Market symbol of each token symbol (`WETH` → `ETH`).
    public var tokenPrices: [String: String]
    /// Market symbol of DAI, when the market quotes it.
    public var daiSymbol: String?
    /// Initial positions.
    public var populations: [PopulationSpec]
    /// Agents, in the order they act.
    public var agents: [AgentSpec]
    /// Every file read, in reading order (paths as given, relative to the working directory).
    public var files: [String]
    /// The Aave, Compound and Uniswap deployments, their feeds, liquidity and populations
    /// (Scenario+Lending.swift).
    public var lending = LendingSetup()
    /// Whether agents sign their transactions: a run option set by
    /// ``WorldBuilder/build(_:seed:signing:)``, not read from the file.
    var signsTransactions = true
}

/// A Maker deployment in a scenario: its parameters and the oracle of each ilk.
public struct MakerDeployment: Sendable {
    /// The protocol file's parameters (after overrides).
    public var parameters: MakerParameters
    /// One oracle per ilk, in the parameters' ilk order.
    public var oracles: [MakerOracleSpec]
}

/// The Median and OSM of one Maker ilk.
public struct MakerOracleSpec: Sendable {
    /// The ilk's name (`ETH-A`).
    public var ilk: String
    /// Market symbol of the collateral.
    public var symbol: String
    /// Number of reporters lifted in the Median.
    public var reporters: Int
    /// Signatures a `poke` needs (`bar`, odd, ≤ reporters).
    public var bar: Int
    /// OSM delay (`hop`, seconds).
    public var hop: UInt16
}

/// Positions opened at the start of a run.
public struct PopulationSpec: Sendable {
    /// The table's name (`population.eth-a`).
    public var name: String
    /// The Maker ilk the vaults are opened in.
    public var ilk: String
    /// How the positions are drawn.
    public var configuration: PopulationConfiguration
    /// How the owners behave, if any defend.
    public var owners: OwnerBehaviour?
}

/// The owners of a population who defend their vaults (`[population.NAME.owners]`).
public struct OwnerBehaviour: Sendable {
    /// Share of positions whose owners defend (0 … 1); the others never act.
    public var defendShare: Double
    /// Share of the defenders who repay debt; the others add collateral.
    public var repayShare: Double
    /// Collateral ratio under which an owner acts (e.g. 1.75).
    public var threshold: Double
    /// Collateral ratio the owner restores.
    public var target: Double
    /// What an owner can spend over the run: this share of its debt (repayers, in DAI they hold
    /// in the Vat) or of its collateral (top-ups, in extra collateral they hold in the Vat).
    public var budgetShare: Double
    /// Blocks between noticing and the first block the owner may act.
    public var latencyBlocks: UInt64
    /// Probability of acting in each block after the latency.
    public var probabilityPerBlock: Double
    /// Gas pricing of the owners' transactions.
    public var gas: GasStrategy
}

/// One agent group of a scenario.
public enum AgentSpec: Sendable {
    /// Reporters and a relayer for a Maker ilk's Median/OSM/Spotter.
    case makerRelayer(name: String, ilk: String, configuration: OracleRelayer.Configuration)
    /// `count` flip keepers with `daiBudget` DAI each in the Vat (wad).
    case flipKeepers(name: String, count: Int, daiBudget: UInt256, configuration: FlipKeeper.Configuration)
    /// `count` clip keepers with `daiBudget` DAI each in the Vat (wad).
    case clipKeepers(name: String, count: Int, daiBudget: UInt256, configuration: ClipKeeper.Configuration)
    /// `count` Aave or Compound liquidators, each funded with `capital` (ledger tokens).
    case liquidators(name: String, count: Int, capital: [TokenAmount], configuration: Liquidator.Configuration)
    /// `count` arbitrageurs of one Uniswap v2 pair, each funded with `capital`.
    case arbitrageurs(name: String, count: Int, capital: [TokenAmount], configuration: Arbitrageur.Configuration)
    /// Reporters and a relayer for the lending push feed `LendingSetup.feeds[feed]`.
    case feedRelayer(name: String, feed: Int, configuration: OracleRelayer.Configuration)
}
