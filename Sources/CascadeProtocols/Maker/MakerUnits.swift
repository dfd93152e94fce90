import CascadeMath

/// Whole numbers in Maker's fixed-point units, for parameters and tests:
/// `MakerUnits.rad(250)` is 250 DAI as a rad.
public enum MakerUnits {
    /// 10⁴⁵.
    public static let radOne: UInt256 = 1_000_000_000_000_000_000_000_000_000_000_000_000_000_000_000

    /// `whole` · 10¹⁸. Cannot overflow.
    public static func wad(_ whole: UInt64) -> UInt256 { UInt256(whole) &* DSSMath.wad }
    /// `whole` · 10²⁷. Cannot overflow.
    public static func ray(_ whole: UInt64) -> UInt256 { UInt256(whole) &* DSSMath.ray }
    /// `whole` · 10⁴⁵. Cannot overflow (2⁶⁴ · 10⁴⁵ < 2²¹⁴).
    public static func rad(_ whole: UInt64) -> UInt256 { UInt256(whole) &* radOne }
}
