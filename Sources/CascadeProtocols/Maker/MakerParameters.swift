import CascadeChain
import CascadeMath

/// Everything needed to deploy a ``Maker`` system: addresses, global parameters and the
/// collateral types, in a fixed order (the order of ``ilks`` is the order of setup).
///
/// Check ``validationErrors()`` before use; ``Maker/init(parameters:now:)`` refuses parameters
/// with errors.
public struct MakerParameters: Sendable, Hashable {
    /// Core contract addresses.
    public var addresses: MakerAddresses
    /// Global debt ceiling (Vat `Line`). [rad]
    public var Line: UInt256
    /// Most DAI on auction across ilks (Dog `Hole`). [rad] Used by ilks liquidated by the Dog.
    public var Hole: UInt256
    /// Debt-queue delay (Vow `wait`). [seconds]
    public var wait: UInt64
    /// Reference price of DAI (Spotter `par`). [ray, > 0]
    public var par: UInt256
    /// Global per-second fee added to every `duty` (Jug `base`). [ray]
    public var base: UInt256
    /// Collateral types.
    public var ilks: [MakerIlkParameters]
    /// Gas charged per call (``MakerGasSchedule/standard`` unless the deployment overrides it).
    public var gasSchedule: MakerGasSchedule

    public init(addresses: MakerAddresses = .mainnet, Line: UInt256, Hole: UInt256, wait: UInt64, par: UInt256 = DSSMath.ray,
                base: UInt256 = .zero, ilks: [MakerIlkParameters], gasSchedule: MakerGasSchedule = .standard) {
        self.addresses = addresses
        self.Line = Line
        self.Hole = Hole
        self.wait = wait
        self.par = par
        self.base = base
        self.ilks = ilks
        self.gasSchedule = gasSchedule
    }

    /// Maker on 12 March 2020 with ETH-A only (``MakerIlkParameters/ethA2020``): `Line` equal to
    /// ETH-A's `line`, Vow `wait` 172,800 s (makerdao/dss-deploy-scripts `config/main.json` at
    /// 48bf939, `vow_wait`), no Dog.
    public static let blackThursday2020 = MakerParameters(
        Line: MakerUnits.rad(150_000_000), Hole: .zero, wait: 172_800, ilks: [.ethA2020])

    /// Maker with Liquidations 2.0 and ETH-A only (``MakerIlkParameters/ethA``): `Hole` 150M DAI
    /// (/work/shared/REFERENCE.md), `Line` equal to ETH-A's `line`, Vow `wait` 561,600 s
    /// (makerdao/dss-deploy-scripts `config/main.json` at 7ca0b4a, `vow_wait`).
    public static let liquidations2 = MakerParameters(
        Line: MakerUnits.rad(1_500_000_000), Hole: MakerUnits.rad(150_000_000), wait: 561_600, ilks: [.ethA])
}
