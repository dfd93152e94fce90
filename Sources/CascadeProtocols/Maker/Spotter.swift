import CascadeChain
import CascadeMath

/// Maker's price-to-Vat bridge (makerdao/dss `src/spot.sol`, restated).
///
/// `poke(ilk)` reads the feed and sets the Vat's `spot` to the price with safety margin:
/// `spot = rdiv(rdiv(val · 10⁹, par), mat)` [ray] (truncating; `0` when the feed has no
/// value). A zero `par` or `mat` divides by zero (``Revert/divisionByZero``; on chain an
/// `invalid` opcode).
public struct Spotter: Sendable, Hashable {
    /// Collateral types by name.
    public internal(set) var ilks: [Bytes32: Ilk] = [:]
    /// Reference price of one DAI. [ray, default 1]
    public internal(set) var par: UInt256 = DSSMath.ray
    /// `false` after `cage`.
    public internal(set) var live: Bool = true

    public init() {}

    /// `file(ilk, "mat", data)`. [ray] Reverts `"Spotter/not-live"`.
    public mutating func file(_ ilk: Bytes32, mat data: UInt256) throws(Revert) {
        guard live else { throw .reason("Spotter/not-live") }
        ilks[ilk, default: Ilk()].mat = data
    }

    /// `file("par", data)`. [ray] Reverts `"Spotter/not-live"`.
    public mutating func file(par data: UInt256) throws(Revert) {
        guard live else { throw .reason("Spotter/not-live") }
        par = data
    }

    /// Sets what the ilk's feed returns from `peek()`: `val` [wad] and `has`.
    public mutating func feed(_ ilk: Bytes32, val: UInt256, has: Bool = true) {
        ilks[ilk, default: Ilk()].val = val
        ilks[ilk, default: Ilk()].has = has
    }

    /// The `spot` that `poke` would set now. [ray]
    public func spot(_ ilk: Bytes32) throws(Revert) -> UInt256 {
        let entry = ilks[ilk] ?? Ilk()
        guard entry.has else { return .zero }
        return try DSSMath.rdiv(try DSSMath.rdiv(try entry.val * DSSMath.billion, par), entry.mat)
    }

    /// `poke(ilk)`: `vat.file(ilk, "spot", spot)`; returns `(val, spot)`. Atomic.
    @discardableResult
    public func poke(_ ilk: Bytes32, vat: inout Vat) throws(Revert) -> (val: UInt256, spot: UInt256) {
        let spot = try self.spot(ilk)
        try vat.file(ilk, spot: spot)
        return ((ilks[ilk] ?? Ilk()).val, spot)
    }

    /// `cage()`.
    public mutating func cage() {
        live = false
    }
}
