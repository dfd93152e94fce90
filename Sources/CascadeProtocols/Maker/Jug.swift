import CascadeChain
import CascadeMath

/// Maker's stability-fee accumulator (makerdao/dss `src/jug.sol`, restated).
///
/// `drip(ilk)` compounds the ilk's `rate` per second since `rho`:
/// `rate' = rmul(rpow(base + duty, now − rho, RAY), rate)` and credits the new debt
/// `Art · (rate' − rate)` to the Vow as surplus (`vat.fold`). `rpow` rounds half up at every
/// step, `rmul` truncates (``DSSMath``).
public struct Jug: Sendable, Hashable {
    /// Collateral types by name.
    public internal(set) var ilks: [Bytes32: Ilk] = [:]
    /// Global per-second fee contribution added to every `duty`. [ray]
    public internal(set) var base: UInt256 = .zero
    /// Where `drip` credits the fees (the Vow).
    public internal(set) var vow: Address

    public init(vow: Address) {
        self.vow = vow
    }

    /// `init(ilk)` at time `now`: `duty = 1 ray` (no fee), `rho = now`. Reverts
    /// `"Jug/ilk-already-init"`.
    public mutating func initialize(_ ilk: Bytes32, now: UInt64) throws(Revert) {
        guard (ilks[ilk]?.duty ?? .zero).isZero else { throw .reason("Jug/ilk-already-init") }
        ilks[ilk] = Ilk(duty: DSSMath.ray, rho: now)
    }

    /// `file(ilk, "duty", data)` at time `now`. [ray] Reverts `"Jug/rho-not-updated"` unless the
    /// ilk was dripped at `now`.
    public mutating func file(_ ilk: Bytes32, duty data: UInt256, now: UInt64) throws(Revert) {
        var entry = ilks[ilk] ?? Ilk()
        guard now == entry.rho else { throw .reason("Jug/rho-not-updated") }
        entry.duty = data
        ilks[ilk] = entry
    }

    /// `file("base", data)`. [ray]
    public mutating func file(base data: UInt256) {
        base = data
    }

    /// The rate `drip` would set at `now`: `rmul(rpow(base + duty, now − rho, RAY), rate)`.
    /// Reverts `"Jug/invalid-now"` when `now < rho`, and on the arithmetic reverts of `rpow`
    /// and `rmul`.
    public func rate(_ ilk: Bytes32, now: UInt64, vat: Vat) throws(Revert) -> UInt256 {
        let entry = ilks[ilk] ?? Ilk()
        guard now >= entry.rho else { throw .reason("Jug/invalid-now") }
        let prev = vat.ilk(ilk).rate
        let factor = try DSSMath.rpow(try base + entry.duty, UInt256(now - entry.rho), base: DSSMath.ray)
        return try DSSMath.rmul(factor, prev)
    }

    /// `drip(ilk)` at time `now`: accrues the fee, `vat.fold(ilk, vow, rate − prev)`, sets
    /// `rho = now`, and returns the new rate. [ray] Atomic.
    ///
    /// `_diff(rate, prev)` reverts when either value is ≥ 2²⁵⁵.
    @discardableResult
    public mutating func drip(_ ilk: Bytes32, now: UInt64, vat: inout Vat) throws(Revert) -> UInt256 {
        let rate = try self.rate(ilk, now: now, vat: vat)
        let prev = vat.ilk(ilk).rate
        guard let signedRate = Int256(exactly: rate), let signedPrev = Int256(exactly: prev) else { throw .overflow }
        try vat.fold(ilk, vow, try signedRate - signedPrev)
        ilks[ilk, default: Ilk()].rho = now
        return rate
    }
}
