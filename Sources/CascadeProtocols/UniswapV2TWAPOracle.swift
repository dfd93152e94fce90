import CascadeChain
import CascadeMath

/// A time-weighted average price read from a ``UniswapV2Pair``'s accumulators over a sliding
/// window.
///
/// Restates the Uniswap v2 oracle pattern (Uniswap/v2-periphery `contracts/`, commit 0335e8f):
/// `UniswapV2OracleLibrary.currentCumulativePrices` (the pair's accumulators plus the
/// counterfactual `price · (now − blockTimestampLast)` when the reserves have not moved in the
/// current second, all mod 2²⁵⁶ with `uint32` time) and the average of
/// `ExampleOracleSimple.update` / `ExampleSlidingWindowOracle.computeAmountOut`:
/// `uint224((cumulativeEnd − cumulativeStart) / timeElapsed)` with wrapping subtraction, read
/// out as `FixedPoint.mul(average, amountIn).decode144()`.
///
/// **Observations are free here.** The engine calls ``observe(_:context:)`` after a block
/// (at most one observation per timestamp is kept); on chain each observation is an `update()`
/// transaction, which has no ``CascadeChain/ContractCall`` case and is not modelled as block
/// space. The average uses the newest observation at least ``window`` seconds old, so it
/// covers between `window` and `window` plus the observation spacing.
///
/// **Units.** Averages are ``UQ112x112`` prices in raw token units: `price0Average` is token1
/// per token0 times 2¹¹².
public struct UniswapV2TWAPOracle: Sendable, Hashable {
    /// The pair's cumulative prices at one moment.
    public struct Observation: Sendable, Hashable {
        /// Block timestamp, seconds since the Unix epoch.
        public var timestamp: UInt64
        /// The block.
        public var blockNumber: UInt64
        /// `price0Cumulative` (mod 2²⁵⁶).
        public var price0Cumulative: UInt256
        /// `price1Cumulative` (mod 2²⁵⁶).
        public var price1Cumulative: UInt256
    }

    /// The pair read.
    public let pair: Address
    /// The pair's token0.
    public let token0: Address
    /// The pair's token1.
    public let token1: Address
    /// The averaging window in seconds (1 ≤ window < 2³², the accumulators' time range).
    public let window: UInt64

    /// Observations, oldest first. Those older than the current window's start are dropped in
    /// batches of ``pruneBatch``, so this holds at most that many more than the window needs.
    public private(set) var observations: [Observation] = []
    /// How many stale observations accumulate before they are dropped (one array shift each time).
    public static let pruneBatch = 64
    /// The last average of token0's price in token1 (UQ112x112); valid when ``hasAverage``.
    public private(set) var price0Average: UInt256 = .zero
    /// The last average of token1's price in token0 (UQ112x112).
    public private(set) var price1Average: UInt256 = .zero
    /// Whether an average has been computed (a full window of observations existed).
    public private(set) var hasAverage = false
    /// When the averages were last computed.
    public private(set) var lastUpdateTimestamp: UInt64 = 0
    /// The block in which the averages were last computed.
    public private(set) var lastUpdateBlock: UInt64 = 0

    /// An oracle over `pair` averaging `window` seconds.
    public init(pair: UniswapV2Pair, window: UInt64) {
        precondition(window >= 1 && window < 1 << 32, "TWAP window \(window) outside 1…2³²−1 seconds")
        self.pair = pair.address
        self.token0 = pair.token0.address
        self.token1 = pair.token1.address
        self.window = window
    }

    /// `currentCumulativePrices(pair)` at `timestamp`: the accumulators as they would read if the
    /// pair were synced now.
    public static func currentCumulativePrices(
        _ pair: UniswapV2Pair, timestamp: UInt64
    ) -> (price0Cumulative: UInt256, price1Cumulative: UInt256, blockTimestamp: UInt32) {
        let blockTimestamp = UInt32(truncatingIfNeeded: timestamp)
        var price0 = pair.price0CumulativeLast
        var price1 = pair.price1CumulativeLast
        let (reserve0, reserve1, last) = pair.reserves
        if last != blockTimestamp && !reserve0.isZero && !reserve1.isZero {
            let elapsed = UInt256(UInt64(blockTimestamp &- last))
            price0 = price0 &+ UQ112x112.fraction(reserve1, reserve0) &* elapsed
            price1 = price1 &+ UQ112x112.fraction(reserve0, reserve1) &* elapsed
        }
        return (price0, price1, blockTimestamp)
    }

    /// Records the pair's cumulative prices at the end of a block and recomputes the averages
    /// when an observation at least ``window`` old exists. A second observation at the same
    /// timestamp is ignored.
    public mutating func observe(_ pair: UniswapV2Pair, context: CallContext) {
        precondition(pair.address == self.pair, "TWAP oracle of \(self.pair) observing \(pair.address)")
        if let last = observations.last, last.timestamp >= context.timestamp { return }
        let now = Self.currentCumulativePrices(pair, timestamp: context.timestamp)
        observations.append(Observation(
            timestamp: context.timestamp, blockNumber: context.blockNumber,
            price0Cumulative: now.price0Cumulative, price1Cumulative: now.price1Cumulative))
        guard var start = startIndex(at: context.timestamp) else { return }
        if start >= Self.pruneBatch {
            observations.removeFirst(start)
            start = 0
        }
        (price0Average, price1Average) = Self.averages(from: observations[start], to: now)
        hasAverage = true
        lastUpdateTimestamp = context.timestamp
        lastUpdateBlock = context.blockNumber
    }

    /// The averages over the window ending at `timestamp`, from the stored observations and the
    /// pair's current accumulators; reverts
    /// `UniswapV2TWAPOracle: MISSING_HISTORICAL_OBSERVATION` when no observation is old enough.
    public func averagePrices(_ pair: UniswapV2Pair, at timestamp: UInt64) throws(Revert) -> (price0: UInt256, price1: UInt256) {
        guard let start = startIndex(at: timestamp) else { throw .reason("UniswapV2TWAPOracle: MISSING_HISTORICAL_OBSERVATION") }
        return Self.averages(from: observations[start], to: Self.currentCumulativePrices(pair, timestamp: timestamp))
    }

    /// `consult(tokenIn, amountIn)`: the amount of the other token `amountIn` is worth at the
    /// average price over the window ending at `timestamp`, ⌊average · amountIn / 2¹¹²⌋.
    /// Reverts `UniswapV2TWAPOracle: INVALID_TOKEN`, the missing-observation reason, or
    /// `FixedPoint: MULTIPLICATION_OVERFLOW`.
    public func consult(tokenIn: Address, amountIn: UInt256, pair: UniswapV2Pair, at timestamp: UInt64) throws(Revert) -> UInt256 {
        guard tokenIn == token0 || tokenIn == token1 else { throw .reason("UniswapV2TWAPOracle: INVALID_TOKEN") }
        let (price0, price1) = try averagePrices(pair, at: timestamp)
        return try UQ112x112.mulDecode(tokenIn == token0 ? price0 : price1, amountIn)
    }

    /// The spot quote at the current reserves, without fee: ⌊fraction(reserveOut, reserveIn) ·
    /// amountIn / 2¹¹²⌋. Reverts `FixedPoint: DIV_BY_ZERO` for an empty pool.
    public static func spotQuote(tokenIn: Address, amountIn: UInt256, pair: UniswapV2Pair) throws(Revert) -> UInt256 {
        let (reserveIn, reserveOut) = try pair.reserves(tokenIn: tokenIn)
        if reserveIn.isZero { throw .reason("FixedPoint: DIV_BY_ZERO") }
        return try UQ112x112.mulDecode(UQ112x112.fraction(reserveOut, reserveIn), amountIn)
    }

    /// The index of the newest observation at least ``window`` seconds before `timestamp`.
    /// Observations are in time order, so the scan stops at the first one that is too recent.
    private func startIndex(at timestamp: UInt64) -> Int? {
        var found: Int?
        for index in observations.indices {
            let t = observations[index].timestamp
            guard t <= timestamp && timestamp - t >= window else { break }
            found = index
        }
        return found
    }

    /// `uint224((end − start) / elapsed)` for both prices; `elapsed` is `uint32` time, wrapping.
    private static func averages(
        from start: Observation, to end: (price0Cumulative: UInt256, price1Cumulative: UInt256, blockTimestamp: UInt32)
    ) -> (UInt256, UInt256) {
        let elapsed = UInt256(UInt64(end.blockTimestamp &- UInt32(truncatingIfNeeded: start.timestamp)))
        let mask224 = (UInt256.one << 224) &- .one
        // elapsed ≥ window ≥ 1 (window < 2³²), so the divisions cannot fail.
        let price0 = ((try? (end.price0Cumulative &- start.price0Cumulative) / elapsed) ?? .zero) & mask224
        let price1 = ((try? (end.price1Cumulative &- start.price1Cumulative) / elapsed) ?? .zero) & mask224
        return (price0, price1)
    }
}

extension UniswapV2TWAPOracle: PriceOracle {
    /// The last computed average of token0 in token1 (``UQ112x112``), valid once a window is full.
    public func peek() -> (value: UInt256, ok: Bool) { (price0Average, hasAverage) }
}
