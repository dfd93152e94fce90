import CascadeAgents
import CascadeChain
import CascadeMath
import CascadeProtocols
import Foundation

/// The block loop. Each ``step()`` simulates one block:
///
/// 1. **Market**: the market model moves to the block's timestamp (exogenous path, decaying
///    impact of earlier liquidation sales); background demand is drawn for the block, coupled to
///    the size of the move.
/// 2. **Agents** observe the chain after the previous block (``AgentView``) and build
///    transactions; they enter the mempool (replacements by fee bump, rejections dropped). The
///    block's transactions go to the ``SigningPipeline``, which signs them, decodes the raw bytes
///    again and recovers each sender on ``signingThreads`` threads *while* the block is built.
/// 3. **Block**: the builder runs the fee auction between the mempool's executable heads and
///    background demand and fills the block under its gas limit, **executing** each agent
///    transaction as it includes it: its call runs against ``ChainState`` as its sender; gas used
///    (less when it reverts) fills the block and sets the next base fee. The signed transactions
///    are then collected (every block when tracing, every ``signingWindow`` blocks otherwise):
///    each one's raw bytes decode to the fields the agent built — so to that call's calldata —
///    and recover to that sender (anything else stops the run as an engine defect), so the trace
///    records exactly what was executed.
/// 4. **End of block**: liquidation indexes, the unsafe vaults and the Compound shortfalls are
///    refreshed for the owners touched (the sets are recomputed when their inputs — `spot`,
///    `rate`, prices, market aggregates — moved), liquidation
///    sales are fed into the market's price impact, metrics and the cascade bookkeeping are
///    updated, and the trace gets the block, its transactions, their events and oracle updates.
///
/// Deterministic: every order is fixed (agents in scenario order, transactions as built, owners
/// sorted), randomness comes from seeded streams, and nothing iterates a hash map to decide.
public struct Simulation: Sendable {
    /// The world as it is now.
    public private(set) var world: World
    /// Metrics so far.
    public private(set) var metrics: RunMetrics
    private var builder: BlockBuilder
    private var mempool: Mempool
    private var background: BackgroundDemand
    private var gasPrices = GasPriceWindow(capacity: Self.gasPriceBlocks)
    /// Blocks of clearing prices agents can sample.
    static let gasPriceBlocks = 200
    private var pending: [Keccak256.Digest: AgentTransaction] = [:]
    private var mempoolView = MempoolView()
    private var lastBlock: (number: UInt64, timestamp: UInt64)
    private var previousPrices: [Double]
    /// Transactions executed in the block being built.
    private var executed: [ExecutedTransaction] = []
    /// Trace lines, when tracing.
    private var trace: TraceWriter?

    /// Blocks simulated so far.
    public private(set) var blocksDone = 0
    /// Threads that sign and verify each block's transactions (default: one per core), the block
    /// loop's own included. Results are identical for any number.
    public var signingThreads = ProcessInfo.processInfo.activeProcessorCount {
        didSet { signing = Self.pipeline(for: world, threads: signingThreads) }
    }
    /// Signs while the block is built; `nil` in a run that does not sign. Shared by copies of the
    /// simulation: step one copy at a time.
    private var signing: SigningPipeline?

    /// Prepares a run of `world`; `trace` receives the event trace (`nil`: no trace). A trace
    /// needs the raw signed transactions: a world built without signing cannot be traced.
    public init(world: World, trace: TraceWriter?) {
        precondition(trace == nil || world.signsTransactions, "a trace needs signed transactions")
        self.world = world
        builder = BlockBuilder(configuration: world.chain)
        mempool = Mempool(policy: world.chain.mempool)
        background = BackgroundDemand(configuration: world.chain, random: SplitMix64(seed: world.seed).derived(stream: 1))
        lastBlock = (0, world.chain.startTimestamp &- world.chain.blockTimeSeconds)
        previousPrices = world.market.symbols.indices.map { world.market.price($0) }
        metrics = RunMetrics()
        // Positions liquidatable before the first block count as liquidatable from block 0.
        metrics.noteLiquidatable(self.world.positions.refreshLiquidatable(in: world.state, touched: [],
                                                                          timestamp: builder.nextTimestamp), block: 0)
        self.trace = trace
        signing = Self.pipeline(for: world, threads: signingThreads)
        gasPrices = Self.warmUp(world.chain, seed: world.seed, blocks: 20,
                                sortedSpans: world.agents.compactMap(\.gas.sampledBlocks))
    }

    /// The clearing prices of the `blocks` blocks before the run, built from background demand
    /// alone (its own random stream), so that agents pricing gas from recent blocks start from
    /// the market of the moment rather than from nothing — the chain did not begin with the run.
    /// The window keeps `sortedSpans` (the agents' sampled spans) sorted.
    static func warmUp(_ chain: ChainConfiguration, seed: UInt64, blocks: Int, sortedSpans: [Int]) -> GasPriceWindow {
        var window = GasPriceWindow(capacity: Self.gasPriceBlocks, sortedSpans: sortedSpans)
        let span = UInt64(blocks) * chain.blockTimeSeconds
        guard chain.startTimestamp >= span else { return window }
        var builder = BlockBuilder(feeMarket: chain.feeMarket, gasLimit: chain.gasLimit, blockTimeSeconds: chain.blockTimeSeconds,
                                   firstTimestamp: chain.startTimestamp - span, initialBaseFee: chain.initialBaseFee)
        var background = BackgroundDemand(configuration: chain, random: SplitMix64(seed: seed).derived(stream: 9))
        var mempool = Mempool(policy: chain.mempool)
        for _ in 0..<blocks {
            let block = builder.build(from: &mempool, background: background.demand(at: builder.nextTimestamp),
                                      accountNonce: { _ in 0 })
            window.record(block.clearingPrice)
        }
        return window
    }

    /// Blocks between collections of the signed transactions in a run without trace.
    static let signingWindow = 64

    private static func pipeline(for world: World, threads: Int) -> SigningPipeline? {
        world.signsTransactions ? SigningPipeline(threads: threads) : nil
    }

    /// Whether every block has been simulated.
    public var isFinished: Bool { blocksDone >= world.blocks }

    /// Simulates the next block.
    public mutating func step() {
        let timestamp = builder.nextTimestamp
        let number = builder.nextBlockNumber

        // 1. Market and background demand.
        world.market.advance(to: timestamp)
        let prices = world.market.symbols.indices.map { world.market.price($0) }
        let move = zip(prices, previousPrices).map { abs(log($0 / $1)) }.max() ?? 0
        previousPrices = prices
        let demand = background.demand(at: timestamp, absoluteLogReturn: move.isFinite ? move : 0)

        // 2. Agents observe the last block and submit. The view shares the state's storage; it
        // is gone before execution mutates the state, so nothing is copied.
        var examined = 0
        do {
            mempoolView.room = world.chain.mempool.maxSize - mempool.count
            let view = AgentView(blockNumber: lastBlock.number, timestamp: lastBlock.timestamp, nextTimestamp: timestamp,
                                 feeMarket: world.chain.feeMarket, baseFee: builder.baseFee, gasPrices: gasPrices,
                                 state: world.state, mempool: mempoolView, market: quotes(prices), positions: world.positions)
            var submitted: [AgentTransaction] = []
            for index in world.agents.indices {
                submitted += world.agents[index].act(view, examined: &examined)
            }
            signing?.start(submitted)
            for transaction in submitted { submit(transaction, block: number) }
        }

        // 3. Build the block, executing as it includes. The builder reads every sender's nonce
        // before the first execution, from a copy of the (small) nonce table. The mempool is
        // moved out (an empty one stands in) so that building edits it in place, not a copy.
        var builder = self.builder
        var mempool = Mempool(policy: self.mempool.policy)
        swap(&mempool, &self.mempool)
        let nonces = world.state.nonces
        executed.removeAll(keepingCapacity: true)
        let block = builder.build(from: &mempool, background: demand, accountNonce: { nonces[$0] ?? 0 },
                                  execute: { self.execute($0, block: number, timestamp: timestamp) })
        self.builder = builder
        self.mempool = mempool
        if let signing {
            // Without a trace nobody reads the signed bytes: collect only to check them, every
            // `signingWindow` blocks and at the end, so that signing overlaps several blocks.
            if trace != nil {
                collectSignatures(signing.finish())
            } else if (blocksDone + 1) % Self.signingWindow == 0 || blocksDone + 1 >= world.blocks {
                _ = signing.finish()
            }
        }

        // 4. End of block.
        for outcome in block.outcomes {
            if case .included = outcome.fate { continue }
            forget(outcome.hash)
        }
        metrics.record(block: block, executed: executed, world: &world)
        var touched: [Address] = []
        for transaction in executed { touched += Self.touchedOwners(transaction) }
        touched = Set(touched).sorted { $0 < $1 }
        for owner in touched { world.positions.refresh(owner, in: world.state) }
        let liquidatable = world.positions.refreshLiquidatable(in: world.state, touched: touched, timestamp: builder.nextTimestamp)
        metrics.track(block: block, liquidatable: liquidatable, examined: examined, world: world)
        gasPrices.record(block.clearingPrice)
        trace?.write(block: block, executed: executed, world: world, metrics: metrics)
        lastBlock = (number, timestamp)
        blocksDone += 1
    }

    /// Runs every remaining block, calling `progress` with the blocks done after each one.
    public mutating func run(progress: (Int, Int) -> Void = { _, _ in }) {
        while !isFinished {
            step()
            progress(blocksDone, world.blocks)
        }
        metrics.finish(world: world)
    }

    // MARK: - Transactions

    private mutating func submit(_ transaction: AgentTransaction, block: UInt64) {
        do throws(MempoolRejection) {
            let admission = try mempool.insert(transaction.pending, block: block)
            for outcome in admission.displaced { forget(outcome.hash) }
            pending[transaction.hash] = transaction
            mempoolView.add(transaction, submittedBlock: admission.transaction.submittedBlock,
                            price: transaction.fee.maxPriorityFeePerGas)
            metrics.submitted += 1
        } catch {
            metrics.recordRejection(error)
        }
    }

    /// Executes an included transaction from its raw bytes; returns the gas it used.
    private mutating func execute(_ transaction: PendingTransaction, block: UInt64, timestamp: UInt64) -> UInt64 {
        let agentTransaction = pending.removeValue(forKey: transaction.hash)!
        mempoolView.remove(agentTransaction)
        let sender = agentTransaction.sender, call = agentTransaction.call
        let context = CallContext(sender: sender, blockNumber: block, timestamp: timestamp,
                                  vouchesForSignatures: !world.signsTransactions)
        let result = world.state.apply(call, to: agentTransaction.to, sender: sender, context: context)
        let callGas: UInt64, events: [ProtocolEvent], revert: Revert?
        switch result {
        case .success(let outcome): (callGas, events, revert) = (outcome.gasUsed, outcome.events, nil)
        case .reverted(let reason, let gas): (callGas, events, revert) = (gas, [], reason)
        }
        let gasUsed = min(max(PendingTransaction.intrinsicGas, callGas), transaction.gasLimit)
        let price = transaction.fee.effectiveGasPrice(baseFee: builder.baseFee) ?? .zero
        executed.append(ExecutedTransaction(block: block, sender: sender,
                                            hash: agentTransaction.hash, signed: agentTransaction.signed, call: call, gasUsed: gasUsed, gasPrice: price,
                                            events: events, revert: revert))
        return gasUsed
    }

    /// Attaches the block's signed transactions to those still waiting in the mempool and to
    /// those the block executed (transactions from earlier blocks were signed already).
    private mutating func collectSignatures(_ signedBatch: [AgentTransaction]) {
        var executedThisBlock: [Keccak256.Digest: Int] = [:]
        for index in executed.indices where executed[index].signed == nil { executedThisBlock[executed[index].hash] = index }
        for transaction in signedBatch {
            if pending[transaction.hash] != nil { pending[transaction.hash] = transaction }
            if let index = executedThisBlock[transaction.hash] { executed[index].signed = transaction.signed }
        }
    }

    /// Drops a transaction that left the mempool without being executed.
    private mutating func forget(_ hash: Keccak256.Digest) {
        guard let transaction = pending.removeValue(forKey: hash) else { return }
        mempoolView.remove(transaction)
    }

    private func quotes(_ prices: [Double]) -> MarketQuotes {
        MarketQuotes(symbols: world.market.symbols, prices: prices)
    }

    /// The position owners a call may have changed.
    static func touchedOwners(_ transaction: ExecutedTransaction) -> [Address] {
        guard transaction.succeeded else { return [] }
        switch transaction.call {
        case let .vatFrob(_, u, _, _, _, _): return [u]
        case let .catBite(_, urn), let .dogBark(_, urn, _): return [urn]
        case let .aaveLiquidationCall(_, _, user, _, _): return [user]
        case let .aaveSupply(_, _, onBehalfOf, _), let .aaveBorrow(_, _, _, _, onBehalfOf), let .aaveRepay(_, _, _, onBehalfOf):
            return [onBehalfOf]
        case .aaveWithdraw: return [transaction.sender]
        case let .compoundLiquidateBorrow(borrower, _, _): return [borrower]
        case .compoundMint, .compoundBorrow, .compoundRepayBorrow: return [transaction.sender]
        default: return []
        }
    }
}

extension Simulation {
    /// Flushes and closes the trace file, if any.
    public mutating func closeTrace() {
        trace?.close()
        trace = nil
    }
}
