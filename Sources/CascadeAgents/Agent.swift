import CascadeChain
import CascadeMath
import CascadeProtocols

/// Every agent strategy, dispatched by `switch` (no existential boxes in the block loop).
///
/// Each agent has its own account and acts once per block on an ``AgentView`` of the last
/// block, returning the signed transactions it submits.
public enum Agent: Sendable {
    /// Oracle reporters and their relayer.
    case oracleRelayer(OracleRelayer)
    /// A Liquidations 1.0 (flip) keeper.
    case flipKeeper(FlipKeeper)
    /// An Aave or Compound liquidator.
    case liquidator(Liquidator)
    /// A Liquidations 2.0 (clip) keeper.
    case clipKeeper(ClipKeeper)
    /// A Uniswap v2 arbitrageur.
    case arbitrageur(Arbitrageur)
    /// The owners of one market's positions who defend them.
    case borrowers(Borrower)

    /// The agent's address.
    public var address: Address {
        switch self {
        case .oracleRelayer(let agent): agent.account.address
        case .flipKeeper(let agent): agent.account.address
        case .liquidator(let agent): agent.account.address
        case .clipKeeper(let agent): agent.account.address
        case .arbitrageur(let agent): agent.account.address
        case .borrowers(let agent): agent.address
        }
    }

    /// A short name of the strategy, for traces and reports (`"flip-keeper"`).
    public var role: String {
        switch self {
        case .oracleRelayer: "oracle-relayer"
        case .flipKeeper: "flip-keeper"
        case .liquidator: "liquidator"
        case .clipKeeper: "clip-keeper"
        case .arbitrageur: "arbitrageur"
        case .borrowers: "borrowers"
        }
    }

    /// How the agent prices its transactions.
    public var gas: GasStrategy {
        switch self {
        case .oracleRelayer(let agent): agent.configuration.gas
        case .flipKeeper(let agent): agent.configuration.gas
        case .liquidator(let agent): agent.configuration.gas
        case .clipKeeper(let agent): agent.configuration.gas
        case .arbitrageur(let agent): agent.configuration.gas
        case .borrowers(let agent): agent.gas
        }
    }

    /// Runs the strategy on `view`; adds the positions it checked exactly to `examined`.
    public mutating func act(_ view: AgentView, examined: inout Int) -> [AgentTransaction] {
        // `consume` hands the payload over without a second reference, so the strategy mutates
        // its arrays in place instead of copying them (copy-on-write) every block.
        switch consume self {
        case .oracleRelayer(var agent):
            let sent = agent.act(view)
            self = .oracleRelayer(agent)
            return sent
        case .flipKeeper(var agent):
            let sent = agent.act(view)
            self = .flipKeeper(agent)
            return sent
        case .liquidator(var agent):
            let sent = agent.act(view)
            self = .liquidator(agent)
            return sent
        case .clipKeeper(var agent):
            let sent = agent.act(view)
            self = .clipKeeper(agent)
            return sent
        case .arbitrageur(var agent):
            let sent = agent.act(view)
            self = .arbitrageur(agent)
            return sent
        case .borrowers(var agent):
            let sent = agent.act(view, examined: &examined)
            self = .borrowers(agent)
            return sent
        }
    }
}
