/// A Maker auction from kick to settlement.
public struct AuctionRecord: Sendable, Hashable {
    /// The liquidation that started it.
    public let liquidation: Int
    /// Debt to raise, DAI (rad / 10⁴⁵, penalty included).
    public let tab: Double
    /// Block of the kick.
    public let kickBlock: UInt64
    /// The winning bid (flip) or DAI raised (clip), DAI; `nil` while open.
    public var raised: Double?
    /// Block of settlement (`deal`, or the last `take`), `nil` while open.
    public var settledBlock: UInt64?
    /// Whether it settled for at most 1 DAI.
    public var zeroBid: Bool { (raised ?? .infinity) <= 1 }
}
