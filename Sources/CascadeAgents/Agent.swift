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

    /// Runs the strategy on `view`; adds the positions it checked exactly to `examined`.
    public mutating func act(_ view: AgentView, examined: inout Int) -> [AgentTransaction] {
        switch self {
        case .oracleRelayer(var agent):
            defer { self = .oracleRelayer(agent) }
            return agent.act(view)
        case .flipKeeper(var agent):
            defer { self = .flipKeeper(agent) }
            return agent.act(view, examined: &examined)
        case .liquidator(var agent):
            defer { self = .liquidator(agent) }
            return agent.act(view, examined: &examined)
        case .clipKeeper(var agent):
            defer { self = .clipKeeper(agent) }
            return agent.act(view, examined: &examined)
        case .arbitrageur(var agent):
            defer { self = .arbitrageur(agent) }
            return agent.act(view)
        case .borrowers(var agent):
            defer { self = .borrowers(agent) }
            return agent.act(view, examined: &examined)
        }
    }
}
