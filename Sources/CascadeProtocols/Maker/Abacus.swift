import CascadeMath

/// A Clipper's price curve: the price of collateral `dur` seconds after an auction's start,
/// from its starting price `top` (makerdao/dss `src/abaci.sol`, restated). Prices are in ray.
///
/// | curve | `price(top, dur)` | reverts |
/// | --- | --- | --- |
/// | ``linearDecrease(tau:)`` | `0` if `dur ≥ tau`, else `rmul(top, ⌊(tau − dur)·RAY / tau⌋)` | when `top·…` overflows |
/// | ``stairstepExponentialDecrease(step:cut:)`` | `rmul(top, rpow(cut, ⌊dur / step⌋, RAY))` | `step = 0` divides by zero |
/// | ``exponentialDecrease(cut:)`` | `rmul(top, rpow(cut, dur, RAY))` | overflow |
///
/// `rmul` truncates; `rpow` rounds half up at every step (``DSSMath/rpow(_:_:base:)``). The
/// contracts' `file("cut", …)` rejects `cut > RAY` (`"…/cut-gt-RAY"`): see
/// ``MakerParameters/validationErrors()``.
public enum Abacus: Sendable, Hashable {
    /// `LinearDecrease`: the price falls linearly to zero over `tau` seconds.
    case linearDecrease(tau: UInt256)
    /// `StairstepExponentialDecrease`: the price is multiplied by `cut` [ray] every `step`
    /// seconds (ETH-A: `step` 90 s, `cut` 0.99).
    case stairstepExponentialDecrease(step: UInt256, cut: UInt256)
    /// `ExponentialDecrease`: the price is multiplied by `cut` [ray] every second.
    case exponentialDecrease(cut: UInt256)

    /// The price at `dur` seconds after the start at `top`: `rmul(top, decay(after: dur))`. [ray]
    @inlinable
    public func price(top: UInt256, dur: UInt256) throws(Revert) -> UInt256 {
        try DSSMath.rmul(top, try decay(after: dur))
    }

    /// The factor by which the curve has cut any starting price `dur` seconds after the start:
    /// `0` or `⌊(tau − dur)·RAY / tau⌋`, `rpow(cut, ⌊dur / step⌋, RAY)` or `rpow(cut, dur, RAY)`
    /// (see the table), with the same reverts. It depends on `dur` alone, and holds from `dur` up
    /// to ``priceChange(after:)``, so one computation serves every auction in that stage. [ray]
    @inlinable
    public func decay(after dur: UInt256) throws(Revert) -> UInt256 {
        switch self {
        case .linearDecrease(let tau):
            if dur >= tau { return .zero }
            return try (try (tau &- dur) * DSSMath.ray) / tau
        case let .stairstepExponentialDecrease(step, cut):
            return try DSSMath.rpow(cut, try dur / step, base: DSSMath.ray)
        case .exponentialDecrease(let cut):
            return try DSSMath.rpow(cut, dur, base: DSSMath.ray)
        }
    }

    /// The least duration after `dur` at which the price may differ from the price at `dur`:
    /// the next multiple of `step` for the stairstep curve (its price holds for a whole step),
    /// `dur + 1` for the others; `nil` when `step` is zero (``price(top:dur:)`` reverts). Every
    /// duration from `dur` up to it has the same price for any `top`. Saturates at `UInt256.max`.
    public func priceChange(after dur: UInt256) -> UInt256? {
        switch self {
        case .linearDecrease, .exponentialDecrease:
            return (try? dur + .one) ?? .max
        case let .stairstepExponentialDecrease(step, _):
            guard let steps = try? dur / step else { return nil }
            return (try? (steps + .one) * step) ?? .max
        }
    }

    /// The contract's name, e.g. `"StairstepExponentialDecrease"`.
    public var name: String {
        switch self {
        case .linearDecrease: "LinearDecrease"
        case .stairstepExponentialDecrease: "StairstepExponentialDecrease"
        case .exponentialDecrease: "ExponentialDecrease"
        }
    }
}
