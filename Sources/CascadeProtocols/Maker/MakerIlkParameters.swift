import CascadeChain
import CascadeMath

/// One collateral type: its name, token, risk parameters and liquidation terms.
public struct MakerIlkParameters: Sendable, Hashable {
    /// The ilk's name, e.g. `"ETH-A"` (at most 32 ASCII characters: a `bytes32`).
    public var name: String
    /// The collateral's ERC-20 token (WETH for ETH-A).
    public var gem: Address
    /// The collateral adapter (`GemJoin`) that holds deposited tokens.
    public var gemJoin: Address
    /// Liquidation ratio (Spotter `mat`), e.g. 1.5 for 150 %. [ray, ≥ 1]
    public var mat: UInt256
    /// Debt ceiling (Vat `line`). [rad]
    public var line: UInt256
    /// Debt floor per vault (Vat `dust`). [rad, ≤ line]
    public var dust: UInt256
    /// Per-second stability fee (Jug `duty`); 1 ray is 0 %. [ray, > 0]
    public var duty: UInt256
    /// Liquidation module and auction terms.
    public var liquidation: MakerLiquidation

    public init(name: String, gem: Address, gemJoin: Address, mat: UInt256, line: UInt256, dust: UInt256, duty: UInt256, liquidation: MakerLiquidation) {
        self.name = name
        self.gem = gem
        self.gemJoin = gemJoin
        self.mat = mat
        self.line = line
        self.dust = dust
        self.duty = duty
        self.liquidation = liquidation
    }

    /// The ilk's `bytes32` name, or `nil` when ``name`` is not 1…32 ASCII characters.
    public var ilk: Bytes32? {
        guard !name.isEmpty, let value = Bytes32(ascii: name) else { return nil }
        return value
    }

    /// WETH on mainnet.
    static let weth = Address("0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2")!
    /// `MCD_JOIN_ETH_A`.
    static let ethAJoin = Address("0x2f0b23f53734252bda2277357e97e1517d6b042a")!

    /// ETH-A on 12 March 2020: `mat` 150 %, `line` 150M DAI, `dust` 20 DAI, liquidated by the
    /// Cat and Flipper (``FlipParameters/ethA2020``), stability fee 8 % a year. Source:
    /// /work/shared/REFERENCE.md; `mat` and `dust` also in makerdao/dss-deploy-scripts
    /// `config/main.json` at 48bf939; `duty` 1000000002440418608258400030 (8 %) set by
    /// makerdao/spells-mainnet `archive/2020-02-07-DssSpell` and required unchanged by
    /// `archive/2020-03-06-DssSpell` ("Unexpected ETH-A Stability Fee"); the spell of 12 March
    /// 2020 (`archive/2020-03-12-DssSpell`: "Existing Rate: 8 %", line "Existing Line: 150m")
    /// lowered it to 4 % only after the crash.
    public static let ethA2020 = MakerIlkParameters(
        name: "ETH-A", gem: weth, gemJoin: ethAJoin,
        mat: 1_500_000_000_000_000_000_000_000_000,
        line: MakerUnits.rad(150_000_000),
        dust: MakerUnits.rad(20),
        duty: 1_000_000_002_440_418_608_258_400_030,
        liquidation: .flip(.ethA2020))

    /// ETH-A under Liquidations 2.0 today: `mat` 145 %, `dust` 7,500 DAI, liquidated by the
    /// Dog and Clipper (``ClipParameters/ethA``). Source: /work/shared/REFERENCE.md. ETH-A's
    /// ceiling is managed by the auto-line; `line` here is its 1.5B DAI maximum from
    /// makerdao/dss-deploy-scripts `config/main.json` at 7ca0b4a (`autoLine`). `duty` is 1 (0 %);
    /// set it per scenario.
    public static let ethA = MakerIlkParameters(
        name: "ETH-A", gem: weth, gemJoin: ethAJoin,
        mat: 1_450_000_000_000_000_000_000_000_000,
        line: MakerUnits.rad(1_500_000_000),
        dust: MakerUnits.rad(7_500),
        duty: DSSMath.ray,
        liquidation: .clip(.ethA))
}
