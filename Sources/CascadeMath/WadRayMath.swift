/// Aave's wad (10¹⁸) and ray (10²⁷) fixed-point arithmetic.
///
/// Reproduces `WadRayMath.sol` of Aave v3 (aave/aave-v3-core
/// `contracts/protocol/libraries/math/WadRayMath.sol`, and the same file in
/// aave-dao/aave-v3-origin `src/contracts/protocol/libraries/math/WadRayMath.sol`, which adds
/// the explicit `…Floor`/`…Ceil` variants of v3.3).
///
/// The default operations round **half up**; each reverts exactly where the Solidity assembly
/// does: when the intermediate `a·b + half` (or `a·WAD + ⌊b/2⌋`) exceeds 2²⁵⁶ − 1, or on a zero
/// divisor. On chain those are bare `revert(0, 0)`s; here they are ``Revert/overflow`` and
/// ``Revert/divisionByZero``.
public enum WadRayMath {
    /// 10¹⁸.
    @inlinable public static var wad: UInt256 { UInt256(w0: 0xDE0B6B3A7640000, w1: 0x0, w2: 0x0, w3: 0x0) }
    /// 0.5 · 10¹⁸.
    @inlinable public static var halfWad: UInt256 { UInt256(w0: 0x6F05B59D3B20000, w1: 0x0, w2: 0x0, w3: 0x0) }
    /// 10²⁷.
    @inlinable public static var ray: UInt256 { UInt256(w0: 0x9FD0803CE8000000, w1: 0x33B2E3C, w2: 0x0, w3: 0x0) }
    /// 0.5 · 10²⁷.
    @inlinable public static var halfRay: UInt256 { UInt256(w0: 0x4FE8401E74000000, w1: 0x19D971E, w2: 0x0, w3: 0x0) }
    /// 10⁹, the ray/wad ratio.
    @inlinable public static var wadRayRatio: UInt256 { UInt256(w0: 0x3B9ACA00, w1: 0x0, w2: 0x0, w3: 0x0) }

    /// `a·b / WAD`, half up: ⌊(a·b + WAD/2) / WAD⌋. Reverts when `a·b + WAD/2` overflows.
    @inlinable
    public static func wadMul(_ a: UInt256, _ b: UInt256) throws(Revert) -> UInt256 {
        let numerator = try a * b + halfWad
        return numerator.quotientAndRemainder(dividingBy: LimbDivisor.e18).quotient
    }

    /// `a·WAD / b`, half up: ⌊(a·WAD + ⌊b/2⌋) / b⌋. Reverts when `b == 0` or the numerator overflows.
    @inlinable
    public static func wadDiv(_ a: UInt256, _ b: UInt256) throws(Revert) -> UInt256 {
        if b.isZero { throw .divisionByZero }
        return try (a * wad).divided(by: b, rounding: .halfUp)
    }

    /// `a·b / RAY`, half up: ⌊(a·b + RAY/2) / RAY⌋. Reverts when `a·b + RAY/2` overflows.
    @inlinable
    public static func rayMul(_ a: UInt256, _ b: UInt256) throws(Revert) -> UInt256 {
        try rayMul(a, b, rounding: .halfUp)
    }

    /// `a·RAY / b`, half up: ⌊(a·RAY + ⌊b/2⌋) / b⌋. Reverts when `b == 0` or the numerator overflows.
    @inlinable
    public static func rayDiv(_ a: UInt256, _ b: UInt256) throws(Revert) -> UInt256 {
        try rayDiv(a, b, rounding: .halfUp)
    }

    /// `a·b / RAY` rounded down (v3.3 `rayMulFloor`). Reverts when `a·b` overflows.
    @inlinable
    public static func rayMulFloor(_ a: UInt256, _ b: UInt256) throws(Revert) -> UInt256 {
        try rayMul(a, b, rounding: .down)
    }

    /// `a·b / RAY` rounded up (v3.3 `rayMulCeil`). Reverts when `a·b` overflows.
    @inlinable
    public static func rayMulCeil(_ a: UInt256, _ b: UInt256) throws(Revert) -> UInt256 {
        try rayMul(a, b, rounding: .up)
    }

    /// `a·RAY / b` rounded down (v3.3 `rayDivFloor`). Reverts when `b == 0` or `a·RAY` overflows.
    @inlinable
    public static func rayDivFloor(_ a: UInt256, _ b: UInt256) throws(Revert) -> UInt256 {
        try rayDiv(a, b, rounding: .down)
    }

    /// `a·RAY / b` rounded up (v3.3 `rayDivCeil`). Reverts when `b == 0` or `a·RAY` overflows.
    @inlinable
    public static func rayDivCeil(_ a: UInt256, _ b: UInt256) throws(Revert) -> UInt256 {
        try rayDiv(a, b, rounding: .up)
    }

    /// `a·b / RAY` with the given rounding; the product (plus half for `.halfUp`) must fit 256 bits.
    @inlinable
    public static func rayMul(_ a: UInt256, _ b: UInt256, rounding: Rounding) throws(Revert) -> UInt256 {
        var numerator = try a * b
        if rounding == .halfUp { numerator = try numerator + halfRay }
        // ⌊x / 10²⁷⌋ = ⌊⌊x / 2²⁷⌋ / 5²⁷⌋, and 5²⁷ is normalised by a shift of 1, so the
        // normalised dividend is x >> 26 with its lowest bit cleared: one shift, then the
        // reciprocal steps (the remainder stays doubled, which keeps its zeroness).
        let x = numerator
        let (q, r) = LimbDivisor.fivePow27.divideNormalized(
            0, x.w3 &>> 26, x.w2 &>> 26 | x.w3 &<< 38, x.w1 &>> 26 | x.w2 &<< 38, (x.w0 &>> 26 | x.w1 &<< 38) & ~1)
        if rounding == .up, r != 0 || x.w0 & (1 << 27 - 1) != 0 { return q &+ .one }
        return q
    }

    /// `a·RAY / b` with the given rounding; `a·RAY` (plus ⌊b/2⌋ for `.halfUp`) must fit 256 bits.
    @inlinable
    public static func rayDiv(_ a: UInt256, _ b: UInt256, rounding: Rounding) throws(Revert) -> UInt256 {
        if b.isZero { throw .divisionByZero }
        return try (a * ray).divided(by: b, rounding: rounding)
    }

    /// Ray → wad, half up: ⌊a / 10⁹⌋, plus one when the remainder is ≥ 5·10⁸. Never reverts.
    @inlinable
    public static func rayToWad(_ a: UInt256) -> UInt256 {
        let (q, r) = a.quotientAndRemainder(dividingBy: LimbDivisor.e9)
        return r >= 500_000_000 ? q &+ .one : q
    }

    /// Wad → ray: `a · 10⁹`. Reverts when the product overflows.
    @inlinable
    public static func wadToRay(_ a: UInt256) throws(Revert) -> UInt256 {
        try a * wadRayRatio
    }
}
