import CascadeChain
import CascadeMath

/// Maker's Oracle Security Module: delays its source's price by one `hop` (an hour), so that a
/// bad price can be caught before the system uses it.
///
/// Restates `osm.sol` (makerdao/osm `src/`, commit e36c874), contract `OSM`:
///
/// - `pass()`: `block.timestamp ≥ zzz + hop`.
/// - `poke()`: reverts `OSM/is-stopped` while stopped and `OSM/not-passed` before `pass()`;
///   then reads the source's `peek()`. Only when the source answers `ok`: `cur = nxt`,
///   `nxt = (uint128(value), has)`, and `zzz = prev(block.timestamp)`, the timestamp rounded
///   **down to a multiple of `hop`** (`prev`). When the source is not `ok` the poke succeeds and
///   changes nothing.
/// - `peek()` answers `cur`, `peep()` answers `nxt`, `read()` reverts `OSM/no-current-value`
///   until `cur` has a value.
/// - `step(ts)` sets `hop` (`OSM/ts-is-zero`); `stop`, `start` and `void` (clear both values and
///   stop) are the emergency switches.
///
/// **The delay.** A value read into `nxt` by a poke at time t becomes `cur` at the next poke,
/// which can land no earlier than the next multiple of `hop` after t (`zzz + hop`) — one full
/// hour when pokes land on the hour, less when a poke lands late in its hour — and only when
/// someone's `poke` transaction actually gets into a block then. ``curObservedAt`` keeps the
/// source's update time of the value in `cur`, so the total staleness a consumer (Maker's
/// Spotter) sees is measurable: ``valueAge(at:)``.
///
/// Not modelled: `wards` (admin functions are plain methods) and `bud` (every reader is
/// whitelisted). The poke transaction is ``CascadeChain/ContractCall/osmPoke``.
public struct OSM: Sendable, Hashable {
    /// One delayed value: `val` (`uint128`, a wad for Maker's feeds) and whether it is set.
    public struct Feed: Sendable, Hashable {
        public var val: UInt256
        public var has: Bool

        public init(val: UInt256 = .zero, has: Bool = false) {
            self.val = val
            self.has = has
        }
    }

    /// `ONE_HOUR`, the default `hop`, in seconds.
    public static let oneHour: UInt16 = 3_600

    /// The contract's address.
    public let address: Address
    /// The name events carry as their source.
    public var source: String
    /// Gas of a `poke` transaction. Estimate, not a measurement: 21,000 intrinsic, a call to the
    /// median's `peek` (≈ 5,000 with cold access), three storage writes (≈ 20,000) and the event:
    /// 50,000.
    public var pokeGas: UInt64
    /// What a reverted poke (`OSM/not-passed`) burns: intrinsic gas and two storage reads.
    public var revertedPokeGas: UInt64

    /// `hop`: the delay step in seconds.
    public private(set) var hop: UInt16 = OSM.oneHour
    /// `zzz`: the start of the hop in which the last value-changing poke landed (a multiple of `hop`).
    public private(set) var zzz: UInt64 = 0
    /// `cur`: the value consumers read.
    public private(set) var cur = Feed()
    /// `nxt`: the value that becomes `cur` at the next poke.
    public private(set) var nxt = Feed()
    /// `stopped`.
    public private(set) var stopped = false
    /// The block timestamp of the last poke that moved the values.
    public private(set) var lastUpdateTimestamp: UInt64 = 0
    /// The block of the last poke that moved the values.
    public private(set) var lastUpdateBlock: UInt64 = 0
    /// When the source last updated the value now in `cur` (its `lastUpdateTimestamp` when that
    /// value was read into `nxt`); `nil` while `cur` is empty.
    public private(set) var curObservedAt: UInt64?
    /// When the source last updated the value now in `nxt`.
    public private(set) var nxtObservedAt: UInt64?

    /// Deploys an OSM at `address` with `hop` = one hour.
    public init(address: Address, pokeGas: UInt64 = 50_000, revertedPokeGas: UInt64 = 26_000, source: String = "osm") {
        self.address = address
        self.pokeGas = pokeGas
        self.revertedPokeGas = revertedPokeGas
        self.source = source
    }

    // MARK: Reading

    /// `peep()`: the next value and whether it is set.
    public func peep() -> (value: UInt256, ok: Bool) { (nxt.val, nxt.has) }

    /// `read()`: the current value; reverts `OSM/no-current-value` while it is unset.
    public func read() throws(Revert) -> UInt256 {
        guard cur.has else { throw .reason("OSM/no-current-value") }
        return cur.val
    }

    /// `pass()`: whether a poke may land at `timestamp`, i.e. `timestamp ≥ zzz + hop`.
    public func pass(at timestamp: UInt64) -> Bool {
        timestamp >= zzz + UInt64(hop)
    }

    /// The earliest block timestamp at which a poke passes (`zzz + hop`).
    public var nextPokeTimestamp: UInt64 { zzz + UInt64(hop) }

    /// Seconds between the source's update of the value in `cur` and `timestamp`: the
    /// staleness the OSM's consumers actually see (at least the delay); `nil` while `cur` is empty.
    public func valueAge(at timestamp: UInt64) -> UInt64? {
        curObservedAt.map { timestamp > $0 ? timestamp - $0 : 0 }
    }

    // MARK: Administration (auth)

    /// `step(ts)`: sets `hop`; reverts `OSM/ts-is-zero`.
    public mutating func step(_ newHop: UInt16) throws(Revert) {
        if newHop == 0 { throw .reason("OSM/ts-is-zero") }
        hop = newHop
    }

    /// `stop()`.
    public mutating func stop() { stopped = true }

    /// `start()`.
    public mutating func start() { stopped = false }

    /// `void()`: clears both values and stops.
    public mutating func void() {
        cur = Feed()
        nxt = Feed()
        curObservedAt = nil
        nxtObservedAt = nil
        stopped = true
    }

    // MARK: Calls

    /// Runs a decoded call addressed to the OSM: `poke()` reading `source`; anything else reverts.
    public mutating func execute(_ call: ContractCall, context: CallContext, source: some PriceOracle) throws(Revert) -> CallOutcome {
        guard case .osmPoke = call else { throw .reason("OSM: no function \(call.function.signature)") }
        return try poke(source: source, context: context)
    }

    /// `poke()`: shifts `nxt` into `cur` and reads the source into `nxt`, once per hop.
    /// See the type's documentation for the rules.
    public mutating func poke(source: some PriceOracle, context: CallContext) throws(Revert) -> CallOutcome {
        if stopped { throw .reason("OSM/is-stopped") }
        if !pass(at: context.timestamp) { throw .reason("OSM/not-passed") }
        let (value, ok) = source.peek()
        guard ok else { return CallOutcome(gasUsed: pokeGas) }
        cur = nxt
        curObservedAt = nxtObservedAt
        nxt = Feed(val: value & UInt256(w0: .max, w1: .max, w2: 0, w3: 0), has: true)  // uint128(uint(wut))
        nxtObservedAt = source.lastUpdateTimestamp
        zzz = context.timestamp - context.timestamp % UInt64(hop)  // prev(era())
        lastUpdateTimestamp = context.timestamp
        lastUpdateBlock = context.blockNumber
        return CallOutcome(gasUsed: pokeGas, events: [
            ProtocolEvent(source: self.source, name: "LogValue", fields: [
                EventField("val", .fixedPoint(cur.val, decimals: 18, unit: "USD")),
            ]),
        ])
    }
}

extension OSM: PriceOracle {
    /// `peek()`: the current (delayed) value and whether it is set.
    public func peek() -> (value: UInt256, ok: Bool) { (cur.val, cur.has) }
}
