import CascadeChain
import CascadeMath

/// Liquidation terms of a collateral type under the Cat and a Flipper (March 2020).
public struct FlipParameters: Sendable, Hashable {
    /// The Flipper's address.
    public var flipper: Address
    /// Liquidation penalty (Cat `chop`). [ray, ≥ 1]
    public var chop: UInt256
    /// Most collateral per `bite` (Cat `lump`). [wad, > 0]
    public var lump: UInt256
    /// Minimum bid increase / lot decrease (Flipper `beg`). [wad, > 1]
    public var beg: UInt256
    /// Bid lifetime (Flipper `ttl`). [seconds, 0 < ttl ≤ tau]
    public var ttl: UInt64
    /// Auction duration (Flipper `tau`). [seconds]
    public var tau: UInt64

    public init(flipper: Address, chop: UInt256, lump: UInt256, beg: UInt256, ttl: UInt64, tau: UInt64) {
        self.flipper = flipper
        self.chop = chop
        self.lump = lump
        self.beg = beg
        self.ttl = ttl
        self.tau = tau
    }

    /// ETH-A on 12 March 2020: `chop` 1.13, `lump` 50 ETH, `beg` 1.03, `ttl` 600 s (10 min),
    /// `tau` 259,200 s (3 days). Sources: /work/shared/REFERENCE.md ("Maker ETH-A on 12 March
    /// 2020"), matching makerdao/dss-deploy-scripts `config/main.json` at 48bf939 (2020-01-13):
    /// ETH-A `chop` 13, `lump` 50, `beg` 3, `ttl` 600, `tau` 259200. Flipper at
    /// 0xd8a04F5412223F513DC55F839574430f5EC15531 (MCD_FLIP_ETH_A of 2019).
    public static let ethA2020 = FlipParameters(
        flipper: Address("0xd8a04f5412223f513dc55f839574430f5ec15531")!,
        chop: 1_130_000_000_000_000_000_000_000_000,
        lump: 50_000_000_000_000_000_000,
        beg: 1_030_000_000_000_000_000,
        ttl: 600,
        tau: 259_200)
}
