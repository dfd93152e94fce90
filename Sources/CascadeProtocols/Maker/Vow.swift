import CascadeChain
import CascadeMath

/// Maker's debt engine (makerdao/dss `src/vow.sol`, restated in part).
///
/// The Vow holds the system's balance sheet in the Vat: its `dai` is surplus (stability fees,
/// auction proceeds) and its `sin` is system debt (the debt of liquidated vaults, keeper
/// incentives). Liquidations `fess` the confiscated debt into a queue by time (`sin[era]`,
/// total `Sin`); after `wait` seconds anyone can `flog` it out of the queue, and `heal`
/// cancels debt against surplus.
///
/// Modelled: `fess`, `flog`, `heal`, `kiss` with their checks and revert strings, and the
/// balance-sheet reads ``surplus(in:)``, ``deficit(in:)`` and ``woe(in:)``. Not modelled: the
/// surplus and debt auctions (`flap`, `flop`: MKR is outside the model), so `Ash` (debt on
/// auction) only changes through `kiss`, and debt that is never covered stays as `sin`.
public struct Vow: Sendable, Hashable {
    /// The Vow's own address: its balances live in the Vat under this key.
    public let address: Address
    /// Debt queue: debt `fess`ed at each timestamp. [rad]
    public internal(set) var sin: [UInt64: UInt256] = [:]
    /// Total queued debt, Σ `sin[era]`. [rad]
    public internal(set) var Sin: UInt256 = .zero
    /// Debt on flop auction. [rad]
    public internal(set) var Ash: UInt256 = .zero
    /// Seconds before queued debt can be `flog`ged.
    public internal(set) var wait: UInt64 = 0

    public init(address: Address, wait: UInt64 = 0) {
        self.address = address
        self.wait = wait
    }

    /// `file("wait", data)`. [seconds]
    public mutating func file(wait data: UInt64) {
        wait = data
    }

    /// What `fess(tab)` at `now` would write: `(era, sin[era] + tab, Sin + tab)`.
    func fessed(_ tab: UInt256, now: UInt64) throws(Revert) -> (era: UInt64, queued: UInt256, total: UInt256) {
        (now, try (sin[now] ?? .zero) + tab, try Sin + tab)
    }

    /// Writes a ``fessed(_:now:)`` result.
    mutating func apply(_ fess: (era: UInt64, queued: UInt256, total: UInt256)) {
        sin[fess.era] = fess.queued.isZero ? nil : fess.queued
        Sin = fess.total
    }

    /// `fess(tab)` (`auth`, the Cat and the Dog): queues `tab` of debt at `now`. [rad]
    public mutating func fess(_ tab: UInt256, now: UInt64) throws(Revert) {
        apply(try fessed(tab, now: now))
    }

    /// `flog(era)` at `now`: releases the debt queued at `era`. Reverts
    /// `"Vow/wait-not-finished"` unless `era + wait ≤ now`.
    public mutating func flog(_ era: UInt64, now: UInt64) throws(Revert) {
        let ready = try UInt256(era) + UInt256(wait)
        guard ready <= UInt256(now) else { throw .reason("Vow/wait-not-finished") }
        let total = try Sin - (sin[era] ?? .zero)
        Sin = total
        sin[era] = nil
    }

    /// `heal(rad)`: cancels `rad` of the Vow's surplus against its unqueued debt. Reverts
    /// `"Vow/insufficient-surplus"` (`rad > dai`) or `"Vow/insufficient-debt"`
    /// (`rad > sin − Sin − Ash`).
    public func heal(_ rad: UInt256, vat: inout Vat) throws(Revert) {
        guard rad <= vat.dai(address) else { throw .reason("Vow/insufficient-surplus") }
        let woe = try vat.sin(address) - Sin - Ash
        guard rad <= woe else { throw .reason("Vow/insufficient-debt") }
        try vat.heal(rad, sender: address)
    }

    /// `kiss(rad)`: cancels `rad` of surplus against debt on auction. Reverts
    /// `"Vow/not-enough-ash"` or `"Vow/insufficient-surplus"`.
    public mutating func kiss(_ rad: UInt256, vat: inout Vat) throws(Revert) {
        guard rad <= Ash else { throw .reason("Vow/not-enough-ash") }
        guard rad <= vat.dai(address) else { throw .reason("Vow/insufficient-surplus") }
        try vat.heal(rad, sender: address)
        Ash = Ash &- rad
    }

    // MARK: - Balance sheet

    /// Surplus not needed to cover debt: `dai − sin` of the Vow when positive, else 0. [rad]
    public func surplus(in vat: Vat) -> UInt256 {
        let dai = vat.dai(address), sin = vat.sin(address)
        return dai > sin ? dai &- sin : .zero
    }

    /// System debt not covered by surplus: `sin − dai` of the Vow when positive, else 0. [rad]
    ///
    /// While liquidation auctions run, part of this is still expected to be raised; once they
    /// have ended it is bad debt (on chain, covered by minting MKR in flop auctions).
    public func deficit(in vat: Vat) -> UInt256 {
        let dai = vat.dai(address), sin = vat.sin(address)
        return sin > dai ? sin &- dai : .zero
    }

    /// `Woe`: debt out of the queue and not on auction, `sin − Sin − Ash` (0 if negative). [rad]
    public func woe(in vat: Vat) -> UInt256 {
        let sin = vat.sin(address)
        let queued = Sin.addingReportingOverflow(Ash)
        guard !queued.overflow, sin > queued.partialValue else { return .zero }
        return sin &- queued.partialValue
    }
}
