/// Maker's fixed-point arithmetic as written in the Multi-Collateral Dai contracts (makerdao/dss).
///
/// `wmul`, `rmul`, `wdiv` and `rdiv` **truncate** (`src/clip.sol`, `src/dog.sol`, `src/abaci.sol`,
/// `src/spot.sol`: `x * y / WAD` with the multiplication checked by
/// `require(y == 0 || (z = x * y) / y == x)`). ``rpow(_:_:base:)`` rounds **half up** at every
/// step (`src/jug.sol`, `src/abaci.sol`). Overflow reverts (``Revert/overflow``), a zero divisor
/// reverts (``Revert/divisionByZero``). The older `ds-math` helpers round half up instead; they
/// are not what `dss` uses.
public enum DSSMath {
    /// 10¹⁸.
    @inlinable public static var wad: UInt256 { UInt256(w0: 0xDE0B6B3A7640000, w1: 0x0, w2: 0x0, w3: 0x0) }
    /// 10²⁷.
    @inlinable public static var ray: UInt256 { UInt256(w0: 0x9FD0803CE8000000, w1: 0x33B2E3C, w2: 0x0, w3: 0x0) }

    /// ⌊x·y / 10¹⁸⌋. Reverts when `x·y` overflows.
    @inlinable
    public static func wmul(_ x: UInt256, _ y: UInt256) throws(Revert) -> UInt256 {
        try (x * y).quotientAndRemainder(dividingBy: LimbDivisor.e18).quotient
    }

    /// ⌊x·y / 10²⁷⌋. Reverts when `x·y` overflows.
    @inlinable
    public static func rmul(_ x: UInt256, _ y: UInt256) throws(Revert) -> UInt256 {
        try WadRayMath.rayMul(x, y, rounding: .down)
    }

    /// ⌊x·10¹⁸ / y⌋. Reverts when `x·10¹⁸` overflows or `y == 0`.
    @inlinable
    public static func wdiv(_ x: UInt256, _ y: UInt256) throws(Revert) -> UInt256 {
        try (x * wad) / y
    }

    /// ⌊x·10²⁷ / y⌋. Reverts when `x·10²⁷` overflows or `y == 0`.
    @inlinable
    public static func rdiv(_ x: UInt256, _ y: UInt256) throws(Revert) -> UInt256 {
        try (x * ray) / y
    }

    /// `x^n` in fixed point with unit `base` (10²⁷ for rates), by squaring, rounding half up
    /// after every multiplication — the assembly `rpow` of `src/jug.sol` and `src/abaci.sol`:
    /// `0^0 = base`, `0^n = 0`; each step computes `⌊(a·b + ⌊base/2⌋) / base⌋` and reverts when
    /// `a·b` or `a·b + ⌊base/2⌋` overflows. Throws ``Revert/divisionByZero`` for `base == 0`.
    @inlinable
    public static func rpow(_ x: UInt256, _ n: UInt256, base: UInt256) throws(Revert) -> UInt256 {
        if x.isZero { return n.isZero ? base : .zero }
        if base.isZero { throw .divisionByZero }
        let half = base >> 1
        // With base = RAY (every dss caller) a step is exactly a half-up `rayMul`, same reverts.
        let isRay = base == ray
        func step(_ a: UInt256, _ b: UInt256) throws(Revert) -> UInt256 {
            if isRay { return try WadRayMath.rayMul(a, b) }
            return try (a * b + half) / base
        }
        var z = n.w0 & 1 == 0 ? base : x
        var x = x
        var n = n >> 1
        while !n.isZero {
            x = try step(x, x)
            if n.w0 & 1 == 1 {
                z = try step(z, x)
            }
            n = n >> 1
        }
        return z
    }
}
