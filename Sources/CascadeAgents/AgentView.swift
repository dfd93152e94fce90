import CascadeChain
import CascadeMath
import CascadeProtocols

/// What every agent observes when it decides, after block ``blockNumber`` was built: the chain
/// state, the fee market, the public mempool and the market's prices.
public struct AgentView: Sendable {
    /// The last block built.
    public let blockNumber: UInt64
    /// Its timestamp (Unix seconds).
    public let timestamp: UInt64
    /// The next block's timestamp: what `block.timestamp` will be if a transaction lands next.
    public let nextTimestamp: UInt64
    /// The fee market.
    public let feeMarket: FeeMarket
    /// The next block's base fee (0 in a first-price market).
    public let baseFee: UInt256
    /// Recent clearing prices.
    public let gasPrices: GasPriceWindow
    /// The chain's state.
    public let state: ChainState
    /// The mempool's agent transactions.
    public let mempool: MempoolView
    /// Market prices.
    public let market: MarketQuotes
    /// Liquidation indexes of every market with positions.
    public let positions: PositionIndexes

    public init(blockNumber: UInt64, timestamp: UInt64, nextTimestamp: UInt64, feeMarket: FeeMarket, baseFee: UInt256,
                gasPrices: GasPriceWindow, state: ChainState, mempool: MempoolView, market: MarketQuotes, positions: PositionIndexes) {
        self.blockNumber = blockNumber
        self.timestamp = timestamp
        self.nextTimestamp = nextTimestamp
        self.feeMarket = feeMarket
        self.baseFee = baseFee
        self.gasPrices = gasPrices
        self.state = state
        self.mempool = mempool
        self.market = market
        self.positions = positions
    }

    /// The fee for a transaction priced by `strategy` against the best rival on `contest`.
    public func fee(_ strategy: GasStrategy, contest: Contest?, sender: Address) -> (fee: TransactionFee, price: UInt256) {
        let rival = contest.flatMap { mempool.bestRivalPrice(on: $0, excluding: sender) }
        let price = strategy.price(window: gasPrices, rivalBest: rival)
        return (GasStrategy.fee(price: price, market: feeMarket, baseFee: baseFee), price)
    }
}
