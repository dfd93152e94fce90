import CascadeChain
import CascadeMath

/// Maker's collateral auction of March 2020: an English auction in two phases
/// (makerdao/dss tag 1.0.2 `src/flip.sol`, restated).
///
/// 1. `tend`: bidders raise the DAI `bid` for the whole `lot`, up to `tab`. Each bid must
///    exceed the last by the factor `beg` (`bid·1 ≥ beg·bid₀`), except a bid of exactly `tab`.
///    The first bid has no minimum: **any bid above zero is valid**, so a lone bid of 1 rad
///    unit (10⁻⁴⁵ DAI, shown as "0 DAI" in 2020's explorers) wins if no other bid lands within
///    `ttl` — the failure mode of 12 March 2020.
/// 2. `dent`: once `bid == tab`, bidders keep paying `tab` and lower the `lot` they accept,
///    each time by the factor `beg` (`beg·lot ≤ lot₀`); the collateral given up goes back to
///    the vault owner (`usr`).
///
/// Each bid moves DAI at once in the Vat: the new bidder repays the previous bidder's `bid`
/// and pays the increase to `gal` (the Vow). A high bid expires `ttl` seconds after it is
/// placed (`tic`), the auction `tau` seconds after the kick (`end`); after either, `deal`
/// gives the lot to the high bidder. An auction that ends without a bid can only be restarted
/// (`tick`). DAI not raised stays as system debt in the Vow.
///
/// This is the contract as deployed: overbidding one's own bid needs the funds for the whole
/// new bid (changed in dss commit 1f38996, April 2020), and `deal` does not notify the Cat
/// (Liquidations 1.2's `claw`). Time fields are `uint48`; their additions revert past 2⁴⁸.
public struct Flipper: Sendable, Hashable {
    /// The Flipper's address: the lot is held in the Vat under it.
    public let address: Address
    /// The collateral type sold.
    public let ilk: Bytes32
    /// Minimum bid increase / lot decrease. [wad, contract default 1.05]
    public internal(set) var beg: UInt256 = UInt256(w0: 1_050_000_000_000_000_000, w1: 0, w2: 0, w3: 0)
    /// Bid lifetime. [seconds, contract default 3 hours]
    public internal(set) var ttl: UInt64 = 3 * 3600
    /// Auction duration. [seconds, contract default 2 days]
    public internal(set) var tau: UInt64 = 2 * 86400
    /// Number of auctions started; the last auction's id.
    public internal(set) var kicks: UInt256 = .zero
    /// Auctions by id (`deal` deletes them).
    public internal(set) var bids: [UInt256: Bid] = [:] {
        didSet { bidsVersion &+= 1 }
    }
    /// Bumped by every change to ``bids`` (kick, tend, dent, tick, deal, yank): equal versions of
    /// one Flipper mean equal auctions. Not contract state: it lets readers skip re-reading.
    public private(set) var bidsVersion: UInt64 = 0
    /// The ids of the entries in ``bids``, ascending: keepers walk this list instead of sorting
    /// the dictionary's keys every block.
    public private(set) var active: [UInt256] = []
    /// The last changes to ``bids``, oldest first: between ``changeLogLength`` and twice as many.
    /// Not contract state: a reader that kept the auctions of an earlier ``bidsVersion`` reads
    /// again only the ones that changed (``changedIDs(since:)``).
    private var changeLog: [Change] = []

    /// One logged change: the auction `id` changed, making ``bidsVersion`` `version`.
    private struct Change: Sendable, Hashable {
        let id: UInt256
        let version: UInt64
    }

    /// The fewest changes ``changedIDs(since:)`` can report.
    public static let changeLogLength = 1_024

    public init(address: Address, ilk: Bytes32) {
        self.address = address
        self.ilk = ilk
    }

    /// The auction `id` (all zero when it does not exist).
    public func bid(_ id: UInt256) -> Bid { bids[id] ?? Bid() }

    /// The ids of the auctions changed (kicked, bid on, ticked or dealt) since ``bidsVersion``
    /// was `version`, in the order of the changes (an id may come more than once); `nil` when
    /// the log does not reach back that far or a change to ``bids`` was not logged — the reader
    /// must read every auction again.
    public func changedIDs(since version: UInt64) -> [UInt256]? {
        guard version <= bidsVersion, bidsVersion - version <= UInt64(changeLog.count) else { return nil }
        let changes = changeLog.suffix(Int(bidsVersion - version))
        for (offset, change) in changes.enumerated() where change.version != version + UInt64(offset) + 1 { return nil }
        return changes.map(\.id)
    }

    /// Logs a change to the auction `id` just made to ``bids``.
    private mutating func logChange(_ id: UInt256) {
        if changeLog.count >= 2 * Self.changeLogLength { changeLog.removeFirst(Self.changeLogLength) }
        changeLog.append(Change(id: id, version: bidsVersion))
    }

    /// `file("beg", data)`. [wad]
    public mutating func file(beg data: UInt256) {
        beg = data
    }

    /// `file("ttl", data)`: stored as `uint48(data)` (truncated, as the contract does).
    public mutating func file(ttl data: UInt256) {
        ttl = data.w0 & Self.uint48Mask
    }

    /// `file("tau", data)`: stored as `uint48(data)`.
    public mutating func file(tau data: UInt256) {
        tau = data.w0 & Self.uint48Mask
    }

    static let uint48Mask: UInt64 = (1 << 48) - 1

    /// `add(uint48 x, uint48 y)` with `x = uint48(now)`: reverts when the sum reaches 2⁴⁸.
    static func add48(_ now: UInt64, _ y: UInt64) throws(Revert) -> UInt64 {
        let sum = (now & uint48Mask) + y
        guard sum <= uint48Mask else { throw .overflow }
        return sum
    }

    // MARK: - Kick (called by the Cat)

    /// The auction `kick(usr, gal, tab, lot, bid)` would create at `now`: its id and state
    /// (`guy` = the Cat). Reverts `"Flipper/overflow"` when `kicks` is at its maximum, or on the
    /// `uint48` overflow of `now + tau`. Writes nothing; see ``applyKick(_:)``.
    func kicked(usr: Address, gal: Address, tab: UInt256, lot: UInt256, bid: UInt256, kicker: Address, now: UInt64) throws(Revert) -> (id: UInt256, bid: Bid) {
        guard kicks < .max else { throw .reason("Flipper/overflow") }
        let id = kicks &+ .one
        let end = try Self.add48(now, tau)
        return (id, Bid(bid: bid, lot: lot, guy: kicker, tic: 0, end: end, usr: usr, gal: gal, tab: tab))
    }

    /// Records a ``kicked(usr:gal:tab:lot:bid:kicker:now:)`` auction.
    mutating func applyKick(_ kick: (id: UInt256, bid: Bid)) {
        kicks = kick.id
        // A `tick` of a not-yet-kicked id may already have written this entry (as on chain).
        if bids.updateValue(kick.bid, forKey: kick.id) == nil {
            active.insert(kick.id, at: Self.position(of: kick.id, in: active))
        }
        logChange(kick.id)
    }

    // MARK: - Auction

    /// `tick(id)` at `now`: restarts an auction that ended without a bid, `end = now + tau`.
    /// Reverts `"Flipper/not-finished"` (`end ≥ now`) or `"Flipper/bid-already-placed"`.
    public mutating func tick(_ id: UInt256, now: UInt64) throws(Revert) {
        var entry = bid(id)
        guard entry.end < now else { throw .reason("Flipper/not-finished") }
        guard entry.tic == 0 else { throw .reason("Flipper/bid-already-placed") }
        entry.end = try Self.add48(now, tau)
        // As on chain, ticking an id that was never kicked (or was dealt) writes a new entry.
        if bids.updateValue(entry, forKey: id) == nil { active.insert(id, at: Self.position(of: id, in: active)) }
        logChange(id)
    }

    /// `tend(id, lot, bid)` sent by `sender` at `now`: raises the bid for the whole lot.
    ///
    /// Reverts, in order: `"Flipper/guy-not-set"`, `"Flipper/already-finished-tic"`,
    /// `"Flipper/already-finished-end"`, `"Flipper/lot-not-matching"`, `"Flipper/higher-than-tab"`,
    /// `"Flipper/bid-not-higher"`, `"Flipper/insufficient-increase"` (unless
    /// `bid·10¹⁸ ≥ beg·bid₀` or `bid == tab`); then when `sender` lacks the DAI to repay the
    /// previous bidder `bid₀` and pay `gal` the increase. Atomic.
    public mutating func tend(_ id: UInt256, lot: UInt256, bid: UInt256, sender: Address, now: UInt64, vat: inout Vat) throws(Revert) {
        var entry = self.bid(id)
        try Self.checkLive(entry, now: now)
        guard lot == entry.lot else { throw .reason("Flipper/lot-not-matching") }
        guard bid <= entry.tab else { throw .reason("Flipper/higher-than-tab") }
        guard bid > entry.bid else { throw .reason("Flipper/bid-not-higher") }
        guard try bid * DSSMath.wad >= beg * entry.bid || bid == entry.tab else {
            throw .reason("Flipper/insufficient-increase")
        }
        // Two moves from the same sender: check both against the balances the first leaves.
        try Self.checkMoves(vat, from: sender, [(entry.guy, entry.bid), (entry.gal, bid &- entry.bid)])
        let tic = try Self.add48(now, ttl)
        try vat.move(from: sender, to: entry.guy, entry.bid)
        try vat.move(from: sender, to: entry.gal, bid &- entry.bid)
        entry.guy = sender
        entry.bid = bid
        entry.tic = tic
        bids[id] = entry
        logChange(id)
    }

    /// `dent(id, lot, bid)` sent by `sender` at `now`: at `bid == tab`, accepts less collateral.
    ///
    /// Reverts, in order: the three liveness checks of ``tend(_:lot:bid:sender:now:vat:)``,
    /// `"Flipper/not-matching-bid"`, `"Flipper/tend-not-finished"` (`bid ≠ tab`),
    /// `"Flipper/lot-not-lower"`, `"Flipper/insufficient-decrease"` (unless
    /// `beg·lot ≤ lot₀·10¹⁸`); then when `sender` cannot repay the previous bidder. The
    /// collateral given up (`lot₀ − lot`) goes to `usr`. Atomic.
    public mutating func dent(_ id: UInt256, lot: UInt256, bid: UInt256, sender: Address, now: UInt64, vat: inout Vat) throws(Revert) {
        var entry = self.bid(id)
        try Self.checkLive(entry, now: now)
        guard bid == entry.bid else { throw .reason("Flipper/not-matching-bid") }
        guard bid == entry.tab else { throw .reason("Flipper/tend-not-finished") }
        guard lot < entry.lot else { throw .reason("Flipper/lot-not-lower") }
        guard try beg * lot <= entry.lot * DSSMath.wad else { throw .reason("Flipper/insufficient-decrease") }
        try Self.checkMoves(vat, from: sender, [(entry.guy, bid)])
        try Self.checkFlux(vat, ilk, from: address, to: entry.usr, entry.lot &- lot)
        let tic = try Self.add48(now, ttl)
        try vat.move(from: sender, to: entry.guy, bid)
        try vat.flux(ilk, from: address, to: entry.usr, entry.lot &- lot)
        entry.guy = sender
        entry.lot = lot
        entry.tic = tic
        bids[id] = entry
        logChange(id)
    }

    /// `deal(id)` at `now`: gives the lot to the high bidder and deletes the auction. Reverts
    /// `"Flipper/not-finished"` unless a bid was placed (`tic ≠ 0`) and it expired (`tic < now`)
    /// or the auction ended (`end < now`). Atomic. Returns the settled auction.
    @discardableResult
    public mutating func deal(_ id: UInt256, now: UInt64, vat: inout Vat) throws(Revert) -> Bid {
        let entry = bid(id)
        guard entry.tic != 0, entry.tic < now || entry.end < now else { throw .reason("Flipper/not-finished") }
        try vat.flux(ilk, from: address, to: entry.guy, entry.lot)
        bids[id] = nil
        active.remove(at: Self.position(of: id, in: active))
        logChange(id)
        return entry
    }

    /// The index of `id` in the ascending `ids`, or where it would be inserted (binary search).
    static func position(of id: UInt256, in ids: [UInt256]) -> Int {
        var low = 0, high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The checks `tend` and `dent` share.
    private static func checkLive(_ entry: Bid, now: UInt64) throws(Revert) {
        guard entry.guy != .zero else { throw .reason("Flipper/guy-not-set") }
        guard entry.tic > now || entry.tic == 0 else { throw .reason("Flipper/already-finished-tic") }
        guard entry.end > now else { throw .reason("Flipper/already-finished-end") }
    }

    /// Throws exactly when the Vat `move`s `(to, rad)` from `src`, in order, would revert.
    static func checkMoves(_ vat: Vat, from src: Address, _ moves: [(to: Address, rad: UInt256)]) throws(Revert) {
        var balances: [(Address, UInt256)] = []
        func balance(_ address: Address) -> UInt256 {
            balances.last(where: { $0.0 == address })?.1 ?? vat.dai(address)
        }
        for move in moves {
            let srcBefore = balance(src)
            guard move.rad <= srcBefore else { throw .underflow }
            balances.append((src, srcBefore &- move.rad))
            balances.append((move.to, try balance(move.to) + move.rad))
        }
    }

    /// Throws exactly when the Vat `flux` would revert.
    static func checkFlux(_ vat: Vat, _ ilk: Bytes32, from src: Address, to dst: Address, _ wad: UInt256) throws(Revert) {
        let srcBefore = vat.gem(ilk, src)
        guard wad <= srcBefore else { throw .underflow }
        _ = try (src == dst ? srcBefore &- wad : vat.gem(ilk, dst)) + wad
    }
}
