import CascadeChain
import CascadeMath
import CascadeProtocols

/// The owners of the positions of one market — Maker vaults of an ilk, or Aave positions of one
/// collateral and one debt asset — who defend them: when a position's collateral ratio (Maker:
/// `ink · price / (art · rate)` at the Vat's price `spot · mat`; Aave: the health factor) falls
/// under the owner's own threshold, the owner adds collateral or repays debt to bring it back to
/// its target, within a budget. Each owner signs with its own account.
///
/// **Behaviour** (``Profile``): an owner notices its position under the threshold in some block;
/// it can act `latencyBlocks` later, and from then on acts in each block with probability
/// `probabilityPerBlock` while the position stays under the threshold (a recovery above it ends
/// the episode; the next one starts with the latency again). Owners with no ``Defence`` never
/// act. Draws come from one ``CascadeMath/SplitMix64`` stream, in the deterministic order of the
/// candidates.
///
/// **Scale.** One agent serves the whole population. Owners who never act cost nothing after
/// construction. The others are kept in a ``LiquidationIndex`` keyed by their *trigger price*: the
/// collateral price at which their ratio reaches their threshold (Maker: the vault's
/// ``PositionIndexes`` key `art · mat / ink` times `threshold / mat`, at `rate` = 1, queried at
/// `price / rate`; Aave: `price · threshold / healthFactor`). Each block only the owners whose
/// trigger the price has reached are checked exactly (and counted in `examined`); a candidate
/// found above its threshold gets its key recomputed, so the keys of owners who acted, or whose
/// vault was liquidated, are corrected when they next come up. A Maker trigger does not move with
/// interest or partial liquidation (a `bark` keeps `art/ink`); an Aave trigger ignores the interest
/// accrued since it was computed and assumes the debt asset's price is unchanged, which can
/// only delay, by that drift, when an owner is checked.
///
/// **Transactions.** Maker: `vatFrob` on the owner's own vault, `dink > 0` from the Vat `gem` the
/// owner holds, or `dart < 0` paid with its Vat DAI (a repayment never leaves a dusty vault: it
/// repays everything or stops at `dust`). Aave: `supply` of the collateral asset or `repay` of the
/// debt asset on the owner's behalf, from its token balance within its allowance to the pool.
/// Each owner has at most one transaction pending; an escalating ``GasStrategy`` re-bids it.
public struct Borrower: Sendable {
    /// The positions the owners hold.
    public enum Market: Sendable, Hashable {
        /// Maker vaults of `ilk`.
        case maker(ilk: Bytes32)
        /// Aave positions with `collateral` supplied and `debt` borrowed (token addresses).
        case aave(collateral: Address, debt: Address)
    }

    /// How an owner defends its position.
    public enum Defence: Sendable, Hashable {
        /// Add collateral.
        case topUp
        /// Repay debt.
        case repay
    }

    /// One owner's behaviour.
    public struct Profile: Sendable, Hashable {
        /// How it defends; `nil`: it never acts.
        public var defence: Defence?
        /// The ratio under which it acts (Maker collateral ratio, e.g. 1.75; Aave health factor, e.g. 1.1).
        public var threshold: Double
        /// The ratio it restores (≥ `threshold`).
        public var target: Double
        /// The most it spends over the run, in the units the action spends: Maker: collateral (wad)
        /// for top-ups, DAI (wad) for repayments; Aave: the asset's raw units. Counted when sent.
        public var budget: UInt256
        /// Blocks between noticing the position under the threshold and the first block it may act.
        public var latencyBlocks: UInt64
        /// Probability of acting in each block once the latency has passed (0 … 1).
        public var probabilityPerBlock: Double

        public init(defence: Defence?, threshold: Double, target: Double, budget: UInt256, latencyBlocks: UInt64,
                    probabilityPerBlock: Double) {
            self.defence = defence
            self.threshold = threshold
            self.target = target
            self.budget = budget
            self.latencyBlocks = latencyBlocks
            self.probabilityPerBlock = probabilityPerBlock
        }
    }

    /// An owner: its account (the position is held at its address) and its behaviour.
    public struct Owner: Sendable {
        public var account: AgentAccount
        public let profile: Profile

        public init(account: AgentAccount, profile: Profile) {
            self.account = account
            self.profile = profile
        }
    }

    /// What the agent tracks of an owner who defends.
    struct Episode: Sendable {
        /// Spent so far, in the budget's units.
        var spent: UInt256 = .zero
        /// The block the position was first seen under the threshold in the current episode.
        var noticedBlock: UInt64?
        /// The owner's transaction still pending, if any.
        var pending: AgentTransaction?
    }

    /// The market.
    public let market: Market
    /// Gas pricing of every owner.
    public let gas: GasStrategy
    /// The owners, in the order given.
    public private(set) var owners: [Owner]
    private var episodes: [Episode]
    private var random: SplitMix64
    private var triggers = LiquidationIndex()
    private var ownerIndex: [Address: Int] = [:]
    private var registered = false

    /// The owners of `market`'s positions; `random` drives their reactions. Requires at least one owner.
    public init(market: Market, gas: GasStrategy, owners: [Owner], random: SplitMix64) {
        precondition(!owners.isEmpty, "a borrower group needs an owner")
        self.market = market
        self.gas = gas
        self.owners = owners
        self.episodes = Array(repeating: Episode(), count: owners.count)
        self.random = random
    }

    /// The group's address for traces: its first owner's (each transaction is signed by its own owner).
    public var address: Address { owners[0].account.address }

    /// The transactions the owners send after the last block; adds the positions checked exactly
    /// to `examined`.
    public mutating func act(_ view: AgentView, examined: inout Int) -> [AgentTransaction] {
        guard let level = triggerLevel(view) else { return [] }
        if !registered { register(view) }
        var sent: [AgentTransaction] = []
        var accounts = view.state.aave.map { AaveAccounts($0, view: view) }
        triggers.settle(atOrAbove: level)
        for owner in triggers.candidates(atOrAbove: level) {
            guard let index = ownerIndex[owner] else { continue }
            examined += 1
            defend(index, view: view, accounts: &accounts, into: &sent)
        }
        return sent
    }

    /// Indexes every owner who defends by its trigger price (once, at the first block with a price).
    private mutating func register(_ view: AgentView) {
        registered = true
        var accounts = view.state.aave.map { AaveAccounts($0, view: view) }
        for index in owners.indices where owners[index].profile.defence != nil {
            let owner = owners[index].account.address
            ownerIndex[owner] = index
            triggers.update(owner, key: assess(owners[index], view: view, accounts: &accounts)?.trigger)
        }
    }

    private mutating func defend(_ index: Int, view: AgentView, accounts: inout AaveAccounts?, into sent: inout [AgentTransaction]) {
        let owner = owners[index]
        if let pending = episodes[index].pending {
            if view.mempool.isPending(pending.hash) {
                rebid(index, pending, view: view, into: &sent)
                return
            }
            episodes[index].pending = nil
        }
        let address = owner.account.address
        guard let assessment = assess(owner, view: view, accounts: &accounts) else {
            triggers.update(address, key: nil)  // the position is gone (closed or liquidated)
            return
        }
        guard assessment.ratio < owner.profile.threshold else {
            triggers.update(address, key: assessment.trigger)
            episodes[index].noticedBlock = nil
            return
        }
        let noticed = episodes[index].noticedBlock ?? view.blockNumber
        episodes[index].noticedBlock = noticed
        guard view.blockNumber >= noticed + owner.profile.latencyBlocks,
              Distributions.unitInterval(using: &random) < owner.profile.probabilityPerBlock else { return }
        let budgetLeft = owner.profile.budget > episodes[index].spent ? owner.profile.budget &- episodes[index].spent : .zero
        guard !budgetLeft.isZero else {
            triggers.update(address, key: nil)  // spent: it gives up
            return
        }
        guard let action = self.action(owner, budgetLeft: budgetLeft, view: view, accounts: &accounts) else { return }
        owners[index].account.resynchronize(chainNonce: view.state.nonce(of: address),
                                            pendingNonces: view.mempool.pendingNonces(of: address))
        let (fee, _) = view.fee(gas, contest: nil, sender: address)
        let transaction = owners[index].account.send(action.call, to: action.to, fee: fee, gas: action.gas)
        episodes[index].spent = episodes[index].spent &+ action.spends
        episodes[index].noticedBlock = nil
        episodes[index].pending = transaction
        sent.append(transaction)
    }

    private mutating func rebid(_ index: Int, _ pending: AgentTransaction, view: AgentView, into sent: inout [AgentTransaction]) {
        let age = view.blockNumber + 1 - (view.mempool.submittedBlock(pending.hash) ?? view.blockNumber + 1)
        guard let raised = gas.replacementPrice(current: pending.fee.maxPriorityFeePerGas, pendingBlocks: age, rivalBest: nil)
        else { return }
        let replacement = owners[index].account.replace(pending, fee: GasStrategy.fee(price: raised, market: view.feeMarket,
                                                                                      baseFee: view.baseFee))
        episodes[index].pending = replacement
        sent.append(replacement)
    }

    // MARK: Markets

    /// A position's ratio and its trigger price, or `nil` when it has no debt (nothing to defend).
    struct Assessment {
        var ratio: Double
        var trigger: Double?
    }

    /// A transaction that defends a position, and what it spends in the budget's units.
    struct Action {
        var call: ContractCall
        var to: Address
        var gas: GasEstimate
        var spends: UInt256
    }

    /// The price level the triggers are compared with this block, or `nil` without a price.
    private func triggerLevel(_ view: AgentView) -> Double? {
        switch market {
        case .maker(let ilk): makerTriggerLevel(ilk, view: view)
        case .aave(let collateral, _): aaveTriggerLevel(collateral, view: view)
        }
    }

    /// `accounts`: the Aave accounts read this block (`nil` without a pool).
    private func assess(_ owner: Owner, view: AgentView, accounts: inout AaveAccounts?) -> Assessment? {
        switch market {
        case .maker(let ilk): assessMaker(owner, ilk: ilk, view: view)
        case .aave(let collateral, _): assessAave(owner, collateral: collateral, view: view, accounts: &accounts)
        }
    }

    private func action(_ owner: Owner, budgetLeft: UInt256, view: AgentView, accounts: inout AaveAccounts?) -> Action? {
        switch market {
        case .maker(let ilk): makerAction(owner, ilk: ilk, budgetLeft: budgetLeft, view: view)
        case let .aave(collateral, debt):
            aaveAction(owner, collateral: collateral, debt: debt, budgetLeft: budgetLeft, view: view, accounts: &accounts)
        }
    }
}
