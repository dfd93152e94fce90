import CascadeMath

// The signed/unsigned helpers of Maker's Vat (makerdao/dss `src/vat.sol`, `_add(uint,int)`,
// `_sub(uint,int)`, `_mul(uint,int)`), which apply a signed change (`dink`, `dart`, a rate
// delta) to an unsigned balance.
//
// Each returns the exact mathematical result and reverts exactly when that result does not fit
// the target type. On chain these are bare `require`s (empty revert data); here a result below
// zero is ``Revert/underflow`` and one above the range is ``Revert/overflow``.

extension DSSMath {
    /// 10⁹ (`BLN` of `src/clip.sol`): wad × 10⁹ = ray.
    @inlinable public static var billion: UInt256 { UInt256(w0: 1_000_000_000, w1: 0, w2: 0, w3: 0) }

    /// `x + y` for unsigned `x` and signed `y` (vat `_add(uint x, int y)`): reverts when the
    /// result is below 0 (``Revert/underflow``) or above 2²⁵⁶ − 1 (``Revert/overflow``).
    @inlinable
    public static func add(_ x: UInt256, _ y: Int256) throws(Revert) -> UInt256 {
        if y.isNegative {
            let magnitude = y.magnitude
            guard magnitude <= x else { throw .underflow }
            return x &- magnitude
        }
        return try x + y.bitPattern
    }

    /// `x − y` for unsigned `x` and signed `y` (vat `_sub(uint x, int y)`): reverts when the
    /// result is below 0 (``Revert/underflow``) or above 2²⁵⁶ − 1 (``Revert/overflow``).
    @inlinable
    public static func sub(_ x: UInt256, _ y: Int256) throws(Revert) -> UInt256 {
        if y.isNegative { return try x + y.magnitude }
        guard y.bitPattern <= x else { throw .underflow }
        return x &- y.bitPattern
    }

    /// `x · y` as a signed value for unsigned `x` and signed `y` (vat `_mul(uint x, int y)`):
    /// reverts (``Revert/overflow``) when `x ≥ 2²⁵⁵` (`require(int(x) >= 0)`) or when the product
    /// is outside [−2²⁵⁵, 2²⁵⁵ − 1] (`require(y == 0 || z / y == int(x))`).
    @inlinable
    public static func mul(_ x: UInt256, _ y: Int256) throws(Revert) -> Int256 {
        guard let signedX = Int256(exactly: x) else { throw .overflow }
        return try signedX * y
    }
}
