import CascadeMath

/// An on-chain price source whose staleness can be measured: its current value, when it was last
/// updated (block timestamp, seconds since the Unix epoch) and in which block.
///
/// Conformers: ``PushPriceFeed`` (Chainlink-style), ``Median`` and ``OSM`` (Maker),
/// ``UniswapV2Pair`` (AMM spot) and ``UniswapV2TWAPOracle`` (AMM time-weighted average). Each
/// states the unit of its value.
///
/// ```swift
/// let (price, ok) = osm.peek()
/// let staleness = osm.age(at: context.timestamp)   // seconds since the last update
/// ```
public protocol PriceOracle {
    /// The value a consumer reads now and whether it is valid, in the shape of Maker's
    /// `peek() returns (bytes32, bool)`; an oracle that has never been updated gives `(0, false)`.
    func peek() -> (value: UInt256, ok: Bool)

    /// The block timestamp of the last update (0 before the first).
    var lastUpdateTimestamp: UInt64 { get }

    /// The block number of the last update (0 before the first).
    var lastUpdateBlock: UInt64 { get }
}

extension PriceOracle {
    /// Seconds since the last update as seen at `timestamp`; 0 when `timestamp` is not later.
    public func age(at timestamp: UInt64) -> UInt64 {
        timestamp > lastUpdateTimestamp ? timestamp - lastUpdateTimestamp : 0
    }

    /// Blocks since the last update as seen in block `blockNumber`; 0 when it is not later.
    public func blocksSinceUpdate(at blockNumber: UInt64) -> UInt64 {
        blockNumber > lastUpdateBlock ? blockNumber - lastUpdateBlock : 0
    }
}
