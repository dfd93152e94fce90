import CascadeChain
import CascadeMath

/// Maker's CDP database: collateral types, vaults, internal collateral and DAI balances, and
/// system debt (makerdao/dss `src/vat.sol`, restated; units: wad 10¹⁸, ray 10²⁷, rad 10⁴⁵).
///
/// Every mutating method is atomic: it computes the new values in locals, runs every check of
/// the Solidity function in the same order, and only then writes; a revert leaves the Vat
/// unchanged. Arithmetic reverts of the contract's bare `require`s are ``Revert/overflow`` or
/// ``Revert/underflow``; reverts with a reason carry the contract's string
/// (`"Vat/not-safe"`, …).
///
/// Authorisation: `auth` functions (`slip`, `grab`, `suck`, `fold`, `file`) are called by the
/// modelled Maker modules or by scenario setup, and are not checked. `wish` (the `can`
/// permissions set with `hope`) is checked where a user calls the Vat directly (`frob`, `move`,
/// `flux`, `heal`); the auction houses move a bidder's DAI as if the bidder had `hope`d them,
/// which every keeper does once at setup.
///
/// Storage is read through the accessors (``dai(_:)``, ``urn(_:_:)``, …), which read an absent
/// slot as zero, as Solidity mappings do. A slot written with zero stays in the dictionary, so
/// two Vats with the same balances but different histories can differ as values; a reverted
/// call restores the exact previous value (see ``rollbackJournal(_:)``).
public struct Vat: Sendable, Hashable {
    /// Collateral types by name. [see ``Ilk``]
    public internal(set) var ilks: [Bytes32: Ilk] = [:]
    /// Vaults, by (ilk, owner).
    public internal(set) var urns: [UrnKey: Urn] = [:]
    /// Unlocked collateral by (ilk, holder). [wad]
    public internal(set) var gem: [UrnKey: UInt256] = [:]
    /// Internal DAI balances. [rad]
    public internal(set) var dai: [Address: UInt256] = [:]
    /// Unbacked debt (system debt) balances. [rad]
    public internal(set) var sin: [Address: UInt256] = [:]
    /// Total DAI issued: Σ `dai`. [rad]
    public internal(set) var debt: UInt256 = .zero
    /// Total unbacked debt: Σ `sin`. [rad]
    public internal(set) var vice: UInt256 = .zero
    /// Global debt ceiling. [rad]
    public internal(set) var Line: UInt256 = .zero
    /// `false` after `cage` (global settlement).
    public internal(set) var live: Bool = true
    /// `can[owner]` holds the addresses `owner` has `hope`d.
    public internal(set) var can: [Address: Set<Address>] = [:]

    /// Old values of the writes made since ``beginJournal()``.
    var journal: [JournalEntry] = []
    var journalDepth = 0

    public init() {}

    // MARK: - Reads (zero for unset slots, as Solidity mappings)

    /// The collateral type `ilk` (all zero when not initialised).
    @inlinable
    public func ilk(_ ilk: Bytes32) -> Ilk { ilks[ilk] ?? Ilk() }

    /// The vault of `usr` in `ilk`.
    @inlinable
    public func urn(_ ilk: Bytes32, _ usr: Address) -> Urn { urns[UrnKey(ilk, usr)] ?? Urn() }

    /// `usr`'s unlocked collateral of type `ilk`. [wad]
    @inlinable
    public func gem(_ ilk: Bytes32, _ usr: Address) -> UInt256 { gem[UrnKey(ilk, usr)] ?? .zero }

    /// `usr`'s internal DAI. [rad]
    @inlinable
    public func dai(_ usr: Address) -> UInt256 { dai[usr] ?? .zero }

    /// `usr`'s unbacked debt. [rad]
    @inlinable
    public func sin(_ usr: Address) -> UInt256 { sin[usr] ?? .zero }

    /// `wish(bit, usr)`: `usr` may act for `bit` (it is `bit`, or `bit` has `hope`d it).
    public func wish(_ bit: Address, _ usr: Address) -> Bool {
        bit == usr || can[bit]?.contains(usr) == true
    }

    // MARK: - Administration (`auth`)

    /// `init(ilk)`: starts a collateral type with `rate = 1 ray`. Reverts `"Vat/ilk-already-init"`.
    public mutating func initialize(_ ilk: Bytes32) throws(Revert) {
        var entry = self.ilk(ilk)
        guard entry.rate.isZero else { throw .reason("Vat/ilk-already-init") }
        entry.rate = DSSMath.ray
        writeIlk(ilk, entry)
    }

    /// `file("Line", data)`: the global debt ceiling. [rad] Reverts `"Vat/not-live"`.
    public mutating func file(Line data: UInt256) throws(Revert) {
        guard live else { throw .reason("Vat/not-live") }
        Line = data
    }

    /// `file(ilk, "spot", data)`. [ray] Reverts `"Vat/not-live"`.
    public mutating func file(_ ilk: Bytes32, spot data: UInt256) throws(Revert) {
        guard live else { throw .reason("Vat/not-live") }
        var entry = self.ilk(ilk)
        entry.spot = data
        writeIlk(ilk, entry)
    }

    /// `file(ilk, "line", data)`. [rad] Reverts `"Vat/not-live"`.
    public mutating func file(_ ilk: Bytes32, line data: UInt256) throws(Revert) {
        guard live else { throw .reason("Vat/not-live") }
        var entry = self.ilk(ilk)
        entry.line = data
        writeIlk(ilk, entry)
    }

    /// `file(ilk, "dust", data)`. [rad] Reverts `"Vat/not-live"`.
    public mutating func file(_ ilk: Bytes32, dust data: UInt256) throws(Revert) {
        guard live else { throw .reason("Vat/not-live") }
        var entry = self.ilk(ilk)
        entry.dust = data
        writeIlk(ilk, entry)
    }

    /// `cage()`: stops `frob`, `fold` and `file`.
    public mutating func cage() {
        live = false
    }

    // MARK: - Permissions

    /// `hope(usr)` sent by `sender`: lets `usr` move `sender`'s DAI and collateral.
    public mutating func hope(_ usr: Address, sender: Address) {
        can[sender, default: []].insert(usr)
    }

    /// `nope(usr)` sent by `sender`: withdraws `hope`.
    public mutating func nope(_ usr: Address, sender: Address) {
        can[sender]?.remove(usr)
        if can[sender]?.isEmpty == true { can[sender] = nil }
    }

    // MARK: - Fungibility

    /// `slip(ilk, usr, wad)` (`auth`, the collateral adapter): adds signed `wad` to `usr`'s
    /// unlocked collateral. Reverts when the balance would leave [0, 2²⁵⁶).
    public mutating func slip(_ ilk: Bytes32, _ usr: Address, _ wad: Int256) throws(Revert) {
        let key = UrnKey(ilk, usr)
        writeGem(key, try DSSMath.add(gem[key] ?? .zero, wad))
    }

    /// `flux(ilk, src, dst, wad)` sent by `sender`: moves unlocked collateral. Reverts
    /// `"Vat/not-allowed"` unless `wish(src, sender)`, then on an insufficient balance.
    public mutating func flux(_ ilk: Bytes32, from src: Address, to dst: Address, _ wad: UInt256, sender: Address) throws(Revert) {
        guard wish(src, sender) else { throw .reason("Vat/not-allowed") }
        try flux(ilk, from: src, to: dst, wad)
    }

    /// `flux` as called by a trusted module (consent assumed).
    mutating func flux(_ ilk: Bytes32, from src: Address, to dst: Address, _ wad: UInt256) throws(Revert) {
        let journaling = isJournaling
        try Self.transfer(&gem, UrnKey(ilk, src), UrnKey(ilk, dst), wad, &journal, journaling, JournalEntry.gem)
    }

    /// `move(src, dst, rad)` sent by `sender`: moves internal DAI. Reverts `"Vat/not-allowed"`
    /// unless `wish(src, sender)`, then on an insufficient balance.
    public mutating func move(from src: Address, to dst: Address, _ rad: UInt256, sender: Address) throws(Revert) {
        guard wish(src, sender) else { throw .reason("Vat/not-allowed") }
        try move(from: src, to: dst, rad)
    }

    /// `move` as called by a trusted module (consent assumed).
    mutating func move(from src: Address, to dst: Address, _ rad: UInt256) throws(Revert) {
        let journaling = isJournaling
        try Self.transfer(&dai, src, dst, rad, &journal, journaling, JournalEntry.dai)
    }

    /// `balances[src] = _sub(balances[src], amount); balances[dst] = _add(balances[dst], amount)`,
    /// atomic, with one hash per key. When `src == dst` the second step reads the first's
    /// result: the balance must cover `amount`, and nothing changes.
    @inline(__always)
    private static func transfer<Key: Hashable>(
        _ balances: inout [Key: UInt256], _ src: Key, _ dst: Key, _ amount: UInt256,
        _ journal: inout [JournalEntry], _ journaling: Bool, _ entry: (Key, UInt256?) -> JournalEntry
    ) throws(Revert) {
        let srcIndex = balances.index(forKey: src)
        let srcBefore = srcIndex.map { balances.values[$0] } ?? .zero
        guard amount <= srcBefore else { throw .underflow }
        // Moving to oneself writes the same value back; moving nothing changes nothing.
        if src == dst || amount.isZero { return }
        let dstIndex = balances.index(forKey: dst)
        let dstBefore = dstIndex.map { balances.values[$0] } ?? .zero
        let dstAfter = try dstBefore + amount
        // src exists (it held amount > 0): update it in place, then dst in place or inserted.
        if journaling {
            journal.append(entry(src, srcBefore))
            journal.append(entry(dst, dstIndex == nil ? nil : dstBefore))
        }
        balances.values[srcIndex!] = srcBefore &- amount
        if let dstIndex { balances.values[dstIndex] = dstAfter } else { balances[dst] = dstAfter }
    }

    // MARK: - CDP manipulation

    /// `frob(i, u, v, w, dink, dart)` sent by `sender`: locks `dink` collateral from `v`'s gem
    /// into `u`'s urn and draws `dart` normalised debt as DAI to `w` (negative values free
    /// collateral and repay).
    ///
    /// Checks, in the contract's order: `"Vat/not-live"`, `"Vat/ilk-not-init"`, the arithmetic of
    /// the new ink, art, Art, `dtab = rate·dart`, `tab = rate·art`, debt, `Art·rate` and
    /// `ink·spot` (all evaluated eagerly, as Solidity evaluates function arguments), then
    /// `"Vat/ceiling-exceeded"` (unless `dart ≤ 0`: `Art·rate ≤ line` and `debt ≤ Line`),
    /// `"Vat/not-safe"` (unless `dart ≤ 0` and `dink ≥ 0`: `tab ≤ ink·spot`), `"Vat/not-allowed-u"`,
    /// `"Vat/not-allowed-v"`, `"Vat/not-allowed-w"`, `"Vat/dust"` (`art = 0` or `tab ≥ dust`), and
    /// last the gem and DAI balance arithmetic.
    public mutating func frob(
        _ i: Bytes32, u: Address, v: Address, w: Address, dink: Int256, dart: Int256, sender: Address
    ) throws(Revert) {
        guard live else { throw .reason("Vat/not-live") }
        let urnKey = UrnKey(i, u)
        var urn = urns[urnKey] ?? Urn()
        var ilk = self.ilk(i)
        guard !ilk.rate.isZero else { throw .reason("Vat/ilk-not-init") }

        urn.ink = try DSSMath.add(urn.ink, dink)
        urn.art = try DSSMath.add(urn.art, dart)
        ilk.Art = try DSSMath.add(ilk.Art, dart)

        let dtab = try DSSMath.mul(ilk.rate, dart)
        let tab = try ilk.rate * urn.art
        let newDebt = try DSSMath.add(debt, dtab)

        let dartNonPositive = !(dart > .zero)
        let lessRisky = dartNonPositive && !dink.isNegative
        let ilkDebt = try ilk.Art * ilk.rate
        guard dartNonPositive || (ilkDebt <= ilk.line && newDebt <= Line) else { throw .reason("Vat/ceiling-exceeded") }
        let collateralValue = try urn.ink * ilk.spot
        guard lessRisky || tab <= collateralValue else { throw .reason("Vat/not-safe") }
        guard lessRisky || wish(u, sender) else { throw .reason("Vat/not-allowed-u") }
        guard !(dink > .zero) || wish(v, sender) else { throw .reason("Vat/not-allowed-v") }
        guard !dart.isNegative || wish(w, sender) else { throw .reason("Vat/not-allowed-w") }
        guard urn.art.isZero || tab >= ilk.dust else { throw .reason("Vat/dust") }

        let gemKey = UrnKey(i, v)
        let newGem = try DSSMath.sub(gem[gemKey] ?? .zero, dink)
        let newDai = try DSSMath.add(dai[w] ?? .zero, dtab)

        writeGem(gemKey, newGem)
        writeDai(w, newDai)
        writeUrn(urnKey, urn)
        writeIlk(i, ilk)
        writeDebt(newDebt)
    }

    // MARK: - Confiscation and settlement

    /// `grab(i, u, v, w, dink, dart)` (`auth`, the liquidation modules): moves `dink` collateral
    /// between `u`'s urn and `v`'s gem and `dart` normalised debt between `u`'s urn and `w`'s
    /// `sin` (negative values confiscate). No safety or dust check.
    public mutating func grab(_ i: Bytes32, u: Address, v: Address, w: Address, dink: Int256, dart: Int256) throws(Revert) {
        let urnKey = UrnKey(i, u)
        var urn = urns[urnKey] ?? Urn()
        var ilk = self.ilk(i)
        urn.ink = try DSSMath.add(urn.ink, dink)
        urn.art = try DSSMath.add(urn.art, dart)
        ilk.Art = try DSSMath.add(ilk.Art, dart)
        let dtab = try DSSMath.mul(ilk.rate, dart)
        let gemKey = UrnKey(i, v)
        let newGem = try DSSMath.sub(gem[gemKey] ?? .zero, dink)
        let newSin = try DSSMath.sub(sin[w] ?? .zero, dtab)
        let newVice = try DSSMath.sub(vice, dtab)
        writeUrn(urnKey, urn)
        writeIlk(i, ilk)
        writeGem(gemKey, newGem)
        writeSin(w, newSin)
        writeVice(newVice)
    }

    /// `heal(rad)` sent by `sender`: cancels `rad` of `sender`'s DAI against its `sin`.
    public mutating func heal(_ rad: UInt256, sender u: Address) throws(Revert) {
        let newSin = try (sin[u] ?? .zero) - rad
        let newDai = try (dai[u] ?? .zero) - rad
        let newVice = try vice - rad
        let newDebt = try debt - rad
        writeSin(u, newSin)
        writeDai(u, newDai)
        writeVice(newVice)
        writeDebt(newDebt)
    }

    /// `suck(u, v, rad)` (`auth`): creates `rad` of DAI for `v` backed by `rad` of `sin` for `u`.
    public mutating func suck(_ u: Address, _ v: Address, _ rad: UInt256) throws(Revert) {
        let newSin = try (sin[u] ?? .zero) + rad
        let newDai = try (dai[v] ?? .zero) + rad
        let newVice = try vice + rad
        let newDebt = try debt + rad
        writeSin(u, newSin)
        writeDai(v, newDai)
        writeVice(newVice)
        writeDebt(newDebt)
    }

    // MARK: - Rates

    /// `fold(i, u, rate)` (`auth`, the Jug): adds signed `rate` to the ilk's rate and credits
    /// the resulting `Art · rate` of new DAI to `u`. Reverts `"Vat/not-live"`.
    public mutating func fold(_ i: Bytes32, _ u: Address, _ rate: Int256) throws(Revert) {
        guard live else { throw .reason("Vat/not-live") }
        var ilk = self.ilk(i)
        ilk.rate = try DSSMath.add(ilk.rate, rate)
        let rad = try DSSMath.mul(ilk.Art, rate)
        let newDai = try DSSMath.add(dai[u] ?? .zero, rad)
        let newDebt = try DSSMath.add(debt, rad)
        writeIlk(i, ilk)
        writeDai(u, newDai)
        writeDebt(newDebt)
    }

    // MARK: - Journal (atomic composite calls)

    /// Starts recording overwritten values, so that ``rollbackJournal(to:)`` can undo every
    /// write made by several Vat calls in one composite call (a `bite` is `grab` then `flux`).
    /// Journals nest: the returned mark is where this level starts.
    mutating func beginJournal() -> Int {
        journalDepth += 1
        return journal.count
    }

    /// Keeps the writes of the level started at `mark` (an enclosing level can still undo them).
    mutating func commitJournal(_ mark: Int) {
        journalDepth -= 1
        if journalDepth == 0 { journal.removeAll(keepingCapacity: true) }
    }

    /// Restores every value written since the level started at `mark` and closes that level.
    mutating func rollbackJournal(_ mark: Int) {
        while journal.count > mark, let entry = journal.popLast() {
            switch entry {
            case let .ilk(key, value): ilks[key] = value
            case let .urn(key, value): urns[key] = value
            case let .gem(key, value): gem[key] = value
            case let .dai(key, value): dai[key] = value
            case let .sin(key, value): sin[key] = value
            case let .debt(value): debt = value
            case let .vice(value): vice = value
            }
        }
        journalDepth -= 1
    }

    var isJournaling: Bool { journalDepth > 0 }

    // MARK: - Writes (one hash each; journaled when a journal is open)

    mutating func writeIlk(_ key: Bytes32, _ value: Ilk) {
        let old = ilks.updateValue(value, forKey: key)
        if isJournaling { journal.append(.ilk(key, old)) }
    }

    mutating func writeUrn(_ key: UrnKey, _ value: Urn) {
        let old = urns.updateValue(value, forKey: key)
        if isJournaling { journal.append(.urn(key, old)) }
    }

    mutating func writeGem(_ key: UrnKey, _ value: UInt256) {
        let old = gem.updateValue(value, forKey: key)
        if isJournaling { journal.append(.gem(key, old)) }
    }

    mutating func writeDai(_ key: Address, _ value: UInt256) {
        let old = dai.updateValue(value, forKey: key)
        if isJournaling { journal.append(.dai(key, old)) }
    }

    mutating func writeSin(_ key: Address, _ value: UInt256) {
        let old = sin.updateValue(value, forKey: key)
        if isJournaling { journal.append(.sin(key, old)) }
    }

    mutating func writeDebt(_ value: UInt256) {
        if isJournaling { journal.append(.debt(debt)) }
        debt = value
    }

    mutating func writeVice(_ value: UInt256) {
        if isJournaling { journal.append(.vice(vice)) }
        vice = value
    }
}
