import CascadeChain
import CascadeMath

/// Maker's liquidation module of Liquidations 2.0 (makerdao/dss `src/dog.sol`, restated).
///
/// `bark(ilk, urn, kpr)` on an unsafe urn confiscates debt up to the room left under both
/// limits on DAI on auction — `room = min(Hole − Dirt, hole − dirt)` — as
/// `dart = min(art, ⌊⌊room·WAD / rate⌋ / chop⌋)`; when the rest of the vault would be dusty
/// (`(art − dart)·rate < dust`) it takes the whole vault instead, and a partial liquidation
/// must itself be at least `dust` (`"Dog/dusty-auction-from-partial-liquidation"`). The
/// collateral taken is `dink = ⌊ink·dart / art⌋`; `due = dart·rate` is booked in the Vow and the
/// Clipper auctions it for `tab = ⌊due·chop / WAD⌋`, which is added to `Dirt` and `dirt` until
/// `take` (`digs`) removes it.
public struct Dog: Sendable, Hashable {
    /// The Dog's address.
    public let address: Address
    /// Collateral types by name.
    public internal(set) var ilks: [Bytes32: Ilk] = [:]
    /// Where confiscated debt is booked.
    public let vow: Address
    /// `false` after `cage`.
    public internal(set) var live: Bool = true
    /// Most DAI (debt + penalty) on auction across all ilks. [rad]
    public internal(set) var Hole: UInt256 = .zero
    /// DAI (debt + penalty) on auction across all ilks. [rad]
    public internal(set) var Dirt: UInt256 = .zero

    public init(address: Address, vow: Address) {
        self.address = address
        self.vow = vow
    }

    /// The terms of `ilk` (all zero when not configured).
    public func ilk(_ ilk: Bytes32) -> Ilk { ilks[ilk] ?? Ilk(clip: .zero, chop: .zero, hole: .zero) }

    /// `chop(ilk)`. [wad]
    public func chop(_ ilk: Bytes32) -> UInt256 { self.ilk(ilk).chop }

    /// `file("Hole", data)`. [rad]
    public mutating func file(Hole data: UInt256) {
        Hole = data
    }

    /// `file(ilk, "chop", data)`. [wad] Reverts `"Dog/file-chop-lt-WAD"` below 1.
    public mutating func file(_ ilk: Bytes32, chop data: UInt256) throws(Revert) {
        guard data >= DSSMath.wad else { throw .reason("Dog/file-chop-lt-WAD") }
        var entry = self.ilk(ilk)
        entry.chop = data
        ilks[ilk] = entry
    }

    /// `file(ilk, "hole", data)`. [rad]
    public mutating func file(_ ilk: Bytes32, hole data: UInt256) {
        var entry = self.ilk(ilk)
        entry.hole = data
        ilks[ilk] = entry
    }

    /// `file(ilk, "clip", clip)`.
    public mutating func file(_ ilk: Bytes32, clip: Address) {
        var entry = self.ilk(ilk)
        entry.clip = clip
        ilks[ilk] = entry
    }

    /// `cage()`.
    public mutating func cage() {
        live = false
    }

    /// What `bark` confiscates from `urn` and the auction's `tab`, with every check of the
    /// contract before `vat.grab`: `"Dog/not-live"`, `"Dog/not-unsafe"`,
    /// `"Dog/liquidation-limit-hit"`, `"Dog/dusty-auction-from-partial-liquidation"`,
    /// `"Dog/null-auction"`, `"Dog/overflow"`. Returns `dink` [wad], `dart` [wad], `due` [rad]
    /// and `tab` [rad].
    public func liquidation(_ ilk: Bytes32, urn: Vat.Urn, vatIlk: Vat.Ilk) throws(Revert) -> (dink: UInt256, dart: UInt256, due: UInt256, tab: UInt256) {
        guard live else { throw .reason("Dog/not-live") }
        let milk = self.ilk(ilk)
        let rate = vatIlk.rate, dust = vatIlk.dust
        guard !vatIlk.spot.isZero, try urn.ink * vatIlk.spot < urn.art * rate else { throw .reason("Dog/not-unsafe") }
        guard Hole > Dirt, milk.hole > milk.dirt else { throw .reason("Dog/liquidation-limit-hit") }
        let room = Swift.min(Hole &- Dirt, milk.hole &- milk.dirt)
        var dart = Swift.min(urn.art, try (try (try room * DSSMath.wad) / rate) / milk.chop)
        if urn.art > dart {
            if try (urn.art &- dart) * rate < dust {
                // The rest would be dusty: liquidate the whole vault (overshooting the limits by
                // at most dust·chop).
                dart = urn.art
            } else {
                guard try dart * rate >= dust else { throw .reason("Dog/dusty-auction-from-partial-liquidation") }
            }
        }
        let dink = try (try urn.ink * dart) / urn.art
        guard !dink.isZero else { throw .reason("Dog/null-auction") }
        let limit = UInt256(w0: 0, w1: 0, w2: 0, w3: 1 << 63)
        guard dart <= limit, dink <= limit else { throw .reason("Dog/overflow") }
        let due = try dart * rate
        let tab = try (try due * milk.chop) / DSSMath.wad
        return (dink, dart, due, tab)
    }

    /// `Dirt + tab` and the ilk's terms with `dirt + tab` after a `bark`; reverts on overflow.
    func dirtied(_ ilk: Bytes32, by tab: UInt256) throws(Revert) -> DirtUpdate {
        let index = ilks.index(forKey: ilk)
        var entry = index.map { ilks.values[$0] } ?? Ilk(clip: .zero, chop: .zero, hole: .zero)
        entry.dirt = try entry.dirt + tab
        return (try Dirt + tab, entry, index)
    }

    /// `digs(ilk, rad)` (`auth`, the Clipper): removes `rad` from `Dirt` and the ilk's `dirt`.
    public mutating func digs(_ ilk: Bytes32, _ rad: UInt256) throws(Revert) {
        setDirt(ilk, try dug(ilk, rad))
    }

    /// The new `Dirt` and ilk terms after a `bark` or `digs`, and where the ilk is stored.
    typealias DirtUpdate = (Dirt: UInt256, ilk: Ilk, index: Dictionary<Bytes32, Ilk>.Index?)

    /// `Dirt − rad` and the ilk's terms with `dirt − rad`; reverts on underflow.
    func dug(_ ilk: Bytes32, _ rad: UInt256) throws(Revert) -> DirtUpdate {
        let index = ilks.index(forKey: ilk)
        var entry = index.map { ilks.values[$0] } ?? Ilk(clip: .zero, chop: .zero, hole: .zero)
        entry.dirt = try entry.dirt - rad
        return (try Dirt - rad, entry, index)
    }

    /// Writes a ``dug(_:_:)`` or ``dirtied(_:by:)`` result; the Dog must not have changed since.
    mutating func setDirt(_ ilk: Bytes32, _ update: DirtUpdate) {
        Dirt = update.Dirt
        if let index = update.index { ilks.values[index] = update.ilk } else { ilks[ilk] = update.ilk }
    }
}
