import CascadeChain
import CascadeMath

/// Liquidation terms of a collateral type under the Dog and a Clipper (Liquidations 2.0).
public struct ClipParameters: Sendable, Hashable {
    /// The Clipper's address.
    public var clipper: Address
    /// Liquidation penalty (Dog `chop`). [wad, ≥ 1]
    public var chop: UInt256
    /// Most DAI on auction for this ilk (Dog `hole`). [rad]
    public var hole: UInt256
    /// Starting price over the feed price (Clipper `buf`). [ray, ≥ 1]
    public var buf: UInt256
    /// Seconds before an auction needs a reset (Clipper `tail`).
    public var tail: UInt64
    /// Price drop (fraction of `top`) before a reset (Clipper `cusp`). [ray, < 1]
    public var cusp: UInt256
    /// Keeper incentive, fraction of `tab` (Clipper `chip`). [wad, uint64]
    public var chip: UInt256
    /// Keeper incentive, flat (Clipper `tip`). [rad, uint192]
    public var tip: UInt256
    /// Price curve (Clipper `calc`).
    public var calc: Abacus

    public init(clipper: Address, chop: UInt256, hole: UInt256, buf: UInt256, tail: UInt64, cusp: UInt256, chip: UInt256, tip: UInt256, calc: Abacus) {
        self.clipper = clipper
        self.chop = chop
        self.hole = hole
        self.buf = buf
        self.tail = tail
        self.cusp = cusp
        self.chip = chip
        self.tip = tip
        self.calc = calc
    }

    /// ETH-A under Liquidations 2.0 today: `chop` 1.13, `hole` 40M DAI, `buf` 1.10, `tail`
    /// 7,200 s, `cusp` 0.45, `chip` 0.1 %, `tip` 250 DAI, stairstep `step` 90 s `cut` 0.99.
    /// Source: /work/shared/REFERENCE.md ("Maker ETH-A Liquidations 2.0 (now)"). The 2022
    /// deployment config (makerdao/dss-deploy-scripts `config/main.json` at 7ca0b4a) had
    /// other values (`hole` 22M, `buf` 1.30, `tail` 8,400, `cusp` 0.40, `tip` 300): governance
    /// has retuned them since. Clipper at 0xc67963a226eddd77B91aD8c421630A1b0AdFF270.
    public static let ethA = ClipParameters(
        clipper: Address("0xc67963a226eddd77b91ad8c421630a1b0adff270")!,
        chop: 1_130_000_000_000_000_000,
        hole: MakerUnits.rad(40_000_000),
        buf: 1_100_000_000_000_000_000_000_000_000,
        tail: 7_200,
        cusp: 450_000_000_000_000_000_000_000_000,
        chip: 1_000_000_000_000_000,
        tip: MakerUnits.rad(250),
        calc: .stairstepExponentialDecrease(step: 90, cut: 990_000_000_000_000_000_000_000_000))
}
