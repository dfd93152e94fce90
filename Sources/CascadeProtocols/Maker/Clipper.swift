import CascadeChain
import CascadeMath

/// Maker's collateral auction of Liquidations 2.0: a Dutch auction with instant settlement
/// (makerdao/dss `src/clip.sol`, restated).
///
/// `kick` starts at `top = rmul(feedPrice, buf)` [ray], where `feedPrice = rdiv(val·10⁹, par)`
/// is the feed's current value; the price then falls along ``calc`` (``Abacus``). `take` buys
/// up to `amt` collateral at the current price if it is at most `max`: it never collects more
/// than `tab`, and a partial purchase must leave at least `chost` (= `dust·chop`) of `tab`,
/// else the purchase shrinks to leave exactly `chost` (`"Clipper/no-partial-purchase"` when
/// `tab ≤ chost` already). The auction needs a `redo` once `tail` seconds have passed or the
/// price has fallen below `cusp·top`; `redo` restarts it from the current feed price. `kick`
/// and `redo` pay the keeper `tip + wmul(tab, chip)` [rad] of new DAI (`vat.suck`, booked as
/// system debt); `redo` pays it only when `tab ≥ chost` and `lot·feedPrice ≥ chost`.
///
/// Not modelled: the flash-loan callback of `take` (`data` is ignored: the taker must already
/// hold the DAI in the Vat; on chain a non-empty `data` calls `who.clipperCall` after the
/// collateral is sent), the `lock` re-entrancy guard (no re-entry is possible here), `yank`.
public struct Clipper: Sendable, Hashable {
    /// The Clipper's address: lots are held in the Vat under it.
    public let address: Address
    /// The collateral type sold.
    public let ilk: Bytes32
    /// Receives the DAI raised (the Vow).
    public let vow: Address
    /// Price curve.
    public internal(set) var calc: Abacus
    /// Starting-price factor over the feed price. [ray, contract default 1]
    public internal(set) var buf: UInt256 = DSSMath.ray
    /// Seconds after which an auction needs a `redo`.
    public internal(set) var tail: UInt256 = .zero
    /// Fraction of `top` below which an auction needs a `redo`. [ray]
    public internal(set) var cusp: UInt256 = .zero
    /// Keeper incentive as a fraction of `tab`. [wad, uint64]
    public internal(set) var chip: UInt256 = .zero
    /// Flat keeper incentive. [rad, uint192]
    public internal(set) var tip: UInt256 = .zero
    /// Cached `wmul(dust, chop)`, refreshed by `upchost`. [rad]
    public internal(set) var chost: UInt256 = .zero
    /// Circuit breaker: 1 stops `kick`, 2 also `redo`, 3 also `take`.
    public internal(set) var stopped: UInt256 = .zero
    /// Number of auctions started; the last auction's id.
    public internal(set) var kicks: UInt256 = .zero
    /// Ids of the running auctions (order changes on removal, as on chain).
    public internal(set) var active: [UInt256] = []
    /// Running auctions by id.
    public internal(set) var sales: [UInt256: Sale] = [:] {
        didSet { salesVersion &+= 1 }
    }
    /// Bumped by every change to ``sales`` (kick, take, redo, removal): equal versions of one
    /// Clipper mean equal sales. Not contract state: it lets readers skip re-reading.
    public private(set) var salesVersion: UInt64 = 0

    public init(address: Address, ilk: Bytes32, vow: Address, calc: Abacus) {
        self.address = address
        self.ilk = ilk
        self.vow = vow
        self.calc = calc
    }

    // MARK: - Administration

    /// `file("buf", …)`. [ray]
    public mutating func file(buf data: UInt256) { buf = data }
    /// `file("tail", …)`. [seconds]
    public mutating func file(tail data: UInt256) { tail = data }
    /// `file("cusp", …)`. [ray]
    public mutating func file(cusp data: UInt256) { cusp = data }
    /// `file("chip", …)`: stored as `uint64(data)`. [wad]
    public mutating func file(chip data: UInt256) { chip = UInt256(data.w0) }
    /// `file("tip", …)`: stored as `uint192(data)`. [rad]
    public mutating func file(tip data: UInt256) { tip = UInt256(w0: data.w0, w1: data.w1, w2: data.w2, w3: 0) }
    /// `file("stopped", …)`.
    public mutating func file(stopped data: UInt256) { stopped = data }
    /// `file("calc", …)`.
    public mutating func file(calc data: Abacus) { calc = data }

    /// `upchost()`: `chost = wmul(vat.ilks(ilk).dust, dog.chop(ilk))`.
    public mutating func upchost(vat: Vat, dog: Dog) throws(Revert) {
        chost = try DSSMath.wmul(vat.ilk(ilk).dust, dog.chop(ilk))
    }

    // MARK: - Prices

    /// `getFeedPrice()`: `rdiv(val·10⁹, par)` from the feed. [ray] Reverts
    /// `"Clipper/invalid-price"` when the feed has no value.
    public func feedPrice(spotter: Spotter) throws(Revert) -> UInt256 {
        let feed = spotter.ilks[ilk] ?? Spotter.Ilk()
        guard feed.has else { throw .reason("Clipper/invalid-price") }
        return try DSSMath.rdiv(try feed.val * DSSMath.billion, spotter.par)
    }

    /// `status(tic, top)` at `now`: the price on the curve and whether the auction needs a
    /// reset (`now − tic > tail` or `rdiv(price, top) < cusp`).
    public func status(tic: UInt64, top: UInt256, now: UInt64) throws(Revert) -> (done: Bool, price: UInt256) {
        try status(tic: tic, top: top, now: now, decay: calc.decay(after:))
    }

    /// ``status(tic:top:now:)`` with the curve's factor at `now − tic` read from `decay`
    /// (``Abacus/decay(after:)`` of ``calc``, or a memo of it shared by many auctions).
    public func status(tic: UInt64, top: UInt256, now: UInt64,
                       decay: (UInt256) throws(Revert) -> UInt256) throws(Revert) -> (done: Bool, price: UInt256) {
        guard now >= tic else { throw .underflow }
        let dur = UInt256(now &- tic)
        let price = try DSSMath.rmul(top, try decay(dur))
        // `||` short-circuits: rdiv is computed only when the auction is young enough.
        if dur > tail { return (true, price) }
        // rdiv(price, top) < cusp ⟺ ⌊price·RAY / top⌋ < cusp ⟺ price·RAY < cusp·top (top > 0):
        // the same answer without the division; price·RAY still reverts on overflow as rdiv does.
        let scaled = try price * DSSMath.ray
        guard !top.isZero else { throw .divisionByZero }
        let (high, low) = cusp.multipliedFullWidth(by: top)
        return (!high.isZero || scaled < low, price)
    }

    /// `getStatus(id)` at `now`: whether auction `id` needs a `redo`, its price [ray], lot
    /// [wad] and tab [rad].
    public func getStatus(_ id: UInt256, now: UInt64) throws(Revert) -> (needsRedo: Bool, price: UInt256, lot: UInt256, tab: UInt256) {
        let sale = sales[id]
        let (done, price) = try status(tic: sale?.tic ?? 0, top: sale?.top ?? .zero, now: now)
        return (sale != nil && done, price, sale?.lot ?? .zero, sale?.tab ?? .zero)
    }

    /// The keeper incentive `tip + wmul(tab, chip)` when either is set, else 0. [rad]
    func incentive(tab: UInt256) throws(Revert) -> UInt256 {
        guard !tip.isZero || !chip.isZero else { return .zero }
        return try tip + DSSMath.wmul(tab, chip)
    }

    // MARK: - Kick (called by the Dog)

    /// A new auction as `kick(tab, lot, usr, kpr)` would create it at `now`, with the keeper
    /// incentive `coin` [rad] to `suck`. Reverts, in order: `"Clipper/stopped-incorrect"`,
    /// `"Clipper/zero-tab"`, `"Clipper/zero-lot"`, `"Clipper/zero-usr"`, `"Clipper/overflow"`,
    /// `"Clipper/invalid-price"`, `"Clipper/zero-top-price"`. Writes nothing.
    func kicked(tab: UInt256, lot: UInt256, usr: Address, now: UInt64, spotter: Spotter) throws(Revert) -> (id: UInt256, sale: Sale, coin: UInt256) {
        guard stopped < 1 else { throw .reason("Clipper/stopped-incorrect") }
        guard !tab.isZero else { throw .reason("Clipper/zero-tab") }
        guard !lot.isZero else { throw .reason("Clipper/zero-lot") }
        guard usr != .zero else { throw .reason("Clipper/zero-usr") }
        let id = kicks &+ .one
        guard !id.isZero else { throw .reason("Clipper/overflow") }
        let top = try DSSMath.rmul(try feedPrice(spotter: spotter), buf)
        guard !top.isZero else { throw .reason("Clipper/zero-top-price") }
        let coin = try incentive(tab: tab)
        return (id, Sale(pos: active.count, tab: tab, lot: lot, usr: usr, tic: now, top: top), coin)
    }

    /// Records a ``kicked(tab:lot:usr:now:spotter:)`` auction.
    mutating func applyKick(_ kick: (id: UInt256, sale: Sale, coin: UInt256)) {
        kicks = kick.id
        active.append(kick.id)
        sales[kick.id] = kick.sale
    }

    // MARK: - Auction

    /// `take(id, amt, max, who, data)` sent by `sender` at `now`: buys up to `amt` [wad] of
    /// collateral for `who` at the current price if it is at most `max` [ray], paying with
    /// `sender`'s Vat DAI. `data` (the flash-loan callback) is not modelled.
    ///
    /// Reverts, in order: `"Clipper/stopped-incorrect"` (`stopped ≥ 3`),
    /// `"Clipper/not-running-auction"`, `"Clipper/needs-reset"`, `"Clipper/too-expensive"`,
    /// `"Clipper/no-partial-purchase"`, then when `sender` lacks the DAI. Atomic.
    public mutating func take(
        _ id: UInt256, amt: UInt256, max: UInt256, who: Address, sender: Address, now: UInt64,
        vat: inout Vat, dog: inout Dog
    ) throws(Revert) -> Purchase {
        guard stopped < 3 else { throw .reason("Clipper/stopped-incorrect") }
        guard let saleIndex = sales.index(forKey: id) else { throw .reason("Clipper/not-running-auction") }
        var sale = sales.values[saleIndex]
        let (done, price) = try status(tic: sale.tic, top: sale.top, now: now)
        guard !done else { throw .reason("Clipper/needs-reset") }
        guard max >= price else { throw .reason("Clipper/too-expensive") }

        var lot = sale.lot, tab = sale.tab
        var slice = Swift.min(lot, amt)
        var owe = try slice * price
        if owe > tab {
            // Do not collect more than tab.
            owe = tab
            slice = try owe / price
        } else if owe < tab && slice < lot {
            // A partial purchase must leave at least chost to raise.
            if tab &- owe < chost {
                guard tab > chost else { throw .reason("Clipper/no-partial-purchase") }
                owe = tab &- chost
                slice = try owe / price
            }
        }
        tab = tab &- owe
        lot = lot &- slice

        let mark = vat.beginJournal()
        let dirt: Dog.DirtUpdate
        var returned = UInt256.zero
        do throws(Revert) {
            try vat.flux(ilk, from: address, to: who, slice)
            try vat.move(from: sender, to: vow, owe)
            dirt = try dog.dug(ilk, lot.isZero ? tab &+ owe : owe)
            if !lot.isZero && tab.isZero {
                try vat.flux(ilk, from: address, to: sale.usr, lot)
                returned = lot
            }
            vat.commitJournal(mark)
        } catch {
            vat.rollbackJournal(mark)
            throw error
        }
        dog.setDirt(ilk, dirt)
        if lot.isZero || tab.isZero {
            remove(id)
        } else {
            sale.tab = tab
            sale.lot = lot
            sales.values[saleIndex] = sale
        }
        return Purchase(price: price, slice: slice, owe: owe, tab: tab, lot: lot, usr: sale.usr, returned: returned)
    }

    /// `redo(id, kpr)` at `now`: restarts an auction that needs a reset, from the current feed
    /// price, paying `kpr` the incentive when the auction is not dusty.
    ///
    /// Reverts, in order: `"Clipper/stopped-incorrect"` (`stopped ≥ 2`),
    /// `"Clipper/not-running-auction"`, `"Clipper/cannot-reset"`, `"Clipper/invalid-price"`,
    /// `"Clipper/zero-top-price"`. Atomic.
    public mutating func redo(_ id: UInt256, kpr: Address, now: UInt64, spotter: Spotter, vat: inout Vat) throws(Revert) -> Restart {
        guard stopped < 2 else { throw .reason("Clipper/stopped-incorrect") }
        guard var sale = sales[id], sale.usr != .zero else { throw .reason("Clipper/not-running-auction") }
        let (done, _) = try status(tic: sale.tic, top: sale.top, now: now)
        guard done else { throw .reason("Clipper/cannot-reset") }
        let feedPrice = try self.feedPrice(spotter: spotter)
        let top = try DSSMath.rmul(feedPrice, buf)
        guard !top.isZero else { throw .reason("Clipper/zero-top-price") }
        var coin = UInt256.zero
        if !tip.isZero || !chip.isZero {
            // `&&` short-circuits: lot·feedPrice is computed only when tab ≥ chost.
            if sale.tab >= chost, try sale.lot * feedPrice >= chost {
                coin = try incentive(tab: sale.tab)
                try vat.suck(vow, kpr, coin)
            }
        }
        sale.tic = now
        sale.top = top
        sales[id] = sale
        return Restart(top: top, tab: sale.tab, lot: sale.lot, usr: sale.usr, coin: coin)
    }

    /// `_remove(id)`: swaps the last active id into `id`'s place and deletes the sale.
    mutating func remove(_ id: UInt256) {
        guard let last = active.last, let index = sales[id]?.pos else { return }
        if id != last {
            active[index] = last
            sales[last]?.pos = index
        }
        active.removeLast()
        sales[id] = nil
    }
}
