import CascadeChain
import CascadeMath

/// A Maker (Multi-Collateral Dai) deployment: the Vat and the modules around it, driven by
/// decoded calls with exact on-chain arithmetic (makerdao/dss, restated; see
/// `docs/protocols-maker.md`).
///
/// ```swift
/// var maker = try Maker(parameters: .blackThursday2020, now: start)
/// maker.feed(ethA, val: 170_000000000000000000, has: true)          // the OSM's price, wad
/// _ = try maker.execute(.spotterPoke(ilk: ethA), context: context, ledger: &ledger)
/// let outcome = try maker.execute(.catBite(ilk: ethA, urn: vault), context: context, ledger: &ledger)
/// outcome.events.map(\.name)                                        // ["Bite", "Kick"]
/// ```
///
/// Modules: ``vat`` (vaults, balances, debt), ``jug`` (stability fees), ``spotter`` (prices
/// into the Vat), ``vow`` (system surplus and debt), ``cat`` with one ``Flipper`` per ilk
/// (Liquidations 1.0, English auctions, March 2020) and ``dog`` with one ``Clipper`` per ilk
/// (Liquidations 2.0, Dutch auctions). An ilk is liquidated by one of the two, as configured.
///
/// Every call is atomic: a revert (a thrown ``CascadeMath/Revert``) leaves the whole system as
/// it was. Time is `context.timestamp`; the caller is `context.sender`.
public struct Maker: Sendable, Hashable {
    /// `ProtocolEvent.source` of this model's events.
    public static let source = "maker"

    /// Core contract addresses.
    public let addresses: MakerAddresses
    /// Gas charged per call.
    public var gasSchedule: MakerGasSchedule
    /// Collateral types in configuration order.
    public let ilkNames: [Bytes32]
    /// Their names as text (`"ETH-A"`), for events and messages.
    let ilkTexts: [String]

    public internal(set) var vat: Vat
    public internal(set) var jug: Jug
    public internal(set) var spotter: Spotter
    public internal(set) var vow: Vow
    public internal(set) var cat: Cat
    public internal(set) var dog: Dog
    /// The Flippers, in configuration order; ``flipperIndex`` finds an ilk's.
    public internal(set) var flipperList: [Flipper] = []
    /// The Clippers, in configuration order; ``clipperIndex`` finds an ilk's.
    public internal(set) var clipperList: [Clipper] = []
    /// The position in ``flipperList`` of each ilk liquidated by the Cat.
    public private(set) var flipperIndex: [Bytes32: Int] = [:]
    /// The position in ``clipperList`` of each ilk liquidated by the Dog.
    public private(set) var clipperIndex: [Bytes32: Int] = [:]
    /// Each ilk's collateral adapter and token.
    public let gemJoins: [Bytes32: GemJoin]
    /// The contract at each modelled address.
    public let contracts: [Address: Contract]

    /// Deploys and configures the system at time `now`, as the deployment scripts and spells
    /// do: every ilk initialised (`rate` 1, `spot` 0 until the first `poke`), ceilings, floors,
    /// fees, liquidation terms and `chost` set.
    ///
    /// Throws ``MakerParameterError`` with every message of
    /// ``MakerParameters/validationErrors()`` when the parameters are not usable. Gas comes from
    /// `gasSchedule` when given, else from ``MakerParameters/gasSchedule``.
    public init(parameters: MakerParameters, now: UInt64, gasSchedule: MakerGasSchedule? = nil) throws(MakerParameterError) {
        let errors = parameters.validationErrors()
        guard errors.isEmpty else { throw MakerParameterError(messages: errors) }
        let a = parameters.addresses
        addresses = a
        self.gasSchedule = gasSchedule ?? parameters.gasSchedule
        vat = Vat()
        jug = Jug(vow: a.vow)
        spotter = Spotter()
        vow = Vow(address: a.vow, wait: parameters.wait)
        cat = Cat(address: a.cat, vow: a.vow)
        dog = Dog(address: a.dog, vow: a.vow)
        var names: [Bytes32] = []
        var gemJoins: [Bytes32: GemJoin] = [:]
        var contracts: [Address: Contract] = [
            a.vat: .vat, a.jug: .jug, a.spotter: .spotter, a.vow: .vow, a.cat: .cat, a.dog: .dog,
        ]
        do throws(Revert) {
            try vat.file(Line: parameters.Line)
            try spotter.file(par: parameters.par)
            jug.file(base: parameters.base)
            dog.file(Hole: parameters.Hole)
            for ilkParameters in parameters.ilks {
                let ilk = ilkParameters.ilk!  // validated above
                names.append(ilk)
                gemJoins[ilk] = GemJoin(address: ilkParameters.gemJoin, gem: ilkParameters.gem)
                try vat.initialize(ilk)
                try vat.file(ilk, line: ilkParameters.line)
                try vat.file(ilk, dust: ilkParameters.dust)
                try jug.initialize(ilk, now: now)
                try jug.file(ilk, duty: ilkParameters.duty, now: now)
                try spotter.file(ilk, mat: ilkParameters.mat)
                switch ilkParameters.liquidation {
                case .flip(let flip):
                    cat.file(ilk, Cat.Ilk(flip: flip.flipper, chop: flip.chop, lump: flip.lump))
                    var flipper = Flipper(address: flip.flipper, ilk: ilk)
                    flipper.file(beg: flip.beg)
                    flipper.file(ttl: UInt256(flip.ttl))
                    flipper.file(tau: UInt256(flip.tau))
                    flipperIndex[ilk] = flipperList.count
                    flipperList.append(flipper)
                    contracts[flip.flipper] = .flipper(ilk)
                case .clip(let clip):
                    try dog.file(ilk, chop: clip.chop)
                    dog.file(ilk, hole: clip.hole)
                    dog.file(ilk, clip: clip.clipper)
                    var clipper = Clipper(address: clip.clipper, ilk: ilk, vow: a.vow, calc: clip.calc)
                    clipper.file(buf: clip.buf)
                    clipper.file(tail: UInt256(clip.tail))
                    clipper.file(cusp: clip.cusp)
                    clipper.file(chip: clip.chip)
                    clipper.file(tip: clip.tip)
                    try clipper.upchost(vat: vat, dog: dog)
                    clipperIndex[ilk] = clipperList.count
                    clipperList.append(clipper)
                    contracts[clip.clipper] = .clipper(ilk)
                }
            }
        } catch {
            throw MakerParameterError(messages: ["deployment reverted: \(error)"])
        }
        ilkNames = names
        ilkTexts = parameters.ilks.map(\.name)
        self.gemJoins = gemJoins
        self.contracts = contracts
    }

    /// The name of `ilk` for messages (`"ETH-A"`).
    func name(_ ilk: Bytes32) -> String {
        if let index = ilkNames.firstIndex(of: ilk) { return ilkTexts[index] }
        return ilk.asciiText ?? ilk.description
    }

    // MARK: - Oracle input

    /// Sets what `ilk`'s price feed (its OSM) returns from `peek()` now: `val` [wad, USD per
    /// unit] and `has`. The oracle model calls this when the OSM's current value changes; the
    /// Vat sees it only after a Spotter `poke`, Clippers read it directly.
    public mutating func feed(_ ilk: Bytes32, val: UInt256, has: Bool = true) {
        spotter.feed(ilk, val: val, has: has)
    }

    // MARK: - Vat, Spotter, Jug, Vow

    /// Vat `frob` sent by `context.sender`. See ``Vat/frob(_:u:v:w:dink:dart:sender:)``.
    public mutating func frob(_ ilk: Bytes32, u: Address, v: Address, w: Address, dink: Int256, dart: Int256, context: CallContext) throws(Revert) {
        try vat.frob(ilk, u: u, v: v, w: w, dink: dink, dart: dart, sender: context.sender)
    }

    /// Spotter `poke(ilk)`: returns the feed value [wad] and the new `spot` [ray].
    @discardableResult
    public mutating func poke(_ ilk: Bytes32) throws(Revert) -> (val: UInt256, spot: UInt256) {
        try spotter.poke(ilk, vat: &vat)
    }

    /// Jug `drip(ilk)` at `context.timestamp`: returns the new rate. [ray]
    @discardableResult
    public mutating func drip(_ ilk: Bytes32, context: CallContext) throws(Revert) -> UInt256 {
        try jug.drip(ilk, now: context.timestamp, vat: &vat)
    }

    /// Vow `flog(era)` at `context.timestamp`.
    public mutating func flog(_ era: UInt64, context: CallContext) throws(Revert) {
        try vow.flog(era, now: context.timestamp)
    }

    /// Vow `heal(rad)`.
    public mutating func heal(_ rad: UInt256) throws(Revert) {
        try vow.heal(rad, vat: &vat)
    }

    // MARK: - Liquidations 1.0: Cat and Flipper

    /// Cat `bite(ilk, urn)` at `context.timestamp`: confiscates up to `lump` collateral of an
    /// unsafe urn and starts a Flipper auction. See ``Cat``. Atomic.
    @discardableResult
    public mutating func bite(_ ilk: Bytes32, urn: Address, context: CallContext) throws(Revert) -> Cat.Bite {
        let now = context.timestamp
        let vatIlk = vat.ilk(ilk)
        let (lot, art) = try cat.confiscation(ilk, urn: vat.urn(ilk, urn), vatIlk: vatIlk)
        let terms = cat.ilks[ilk]
        let mark = vat.beginJournal()
        do throws(Revert) {
            try vat.grab(ilk, u: urn, v: cat.address, w: vow.address, dink: Int256(negative: true, magnitude: lot)!, dart: Int256(negative: true, magnitude: art)!)
            let due = try art * vatIlk.rate
            let fess = try vow.fessed(due, now: now)
            let tab = try DSSMath.rmul(due, terms?.chop ?? .zero)
            // The kick goes to the ilk's Flipper; none configured is a call to an empty address.
            guard let index = flipperIndex[ilk], flipperList[index].address == terms?.flip else {
                throw .reason("Maker: no Flipper for \(name(ilk))")
            }
            let flip = flipperList[index].address
            let kick = try flipperList[index].kicked(usr: urn, gal: vow.address, tab: tab, lot: lot, bid: .zero, kicker: cat.address, now: now)
            try vat.flux(ilk, from: cat.address, to: flip, lot)
            vat.commitJournal(mark)
            vow.apply(fess)
            flipperList[index].applyKick(kick)
            return Cat.Bite(id: kick.id, ink: lot, art: art, due: due, tab: tab, flip: flip)
        } catch {
            vat.rollbackJournal(mark)
            throw error
        }
    }

    /// The position of `ilk`'s Flipper in ``flipperList``, or a revert naming the ilk.
    func flipperPosition(_ ilk: Bytes32) throws(Revert) -> Int {
        guard let index = flipperIndex[ilk] else { throw .reason("Maker: no Flipper for \(name(ilk))") }
        return index
    }

    /// Flipper `tend(id, lot, bid)` sent by `context.sender`. See ``Flipper/tend(_:lot:bid:sender:now:vat:)``.
    public mutating func tend(_ ilk: Bytes32, id: UInt256, lot: UInt256, bid: UInt256, context: CallContext) throws(Revert) {
        let index = try flipperPosition(ilk)
        try flipperList[index].tend(id, lot: lot, bid: bid, sender: context.sender, now: context.timestamp, vat: &vat)
    }

    /// Flipper `dent(id, lot, bid)` sent by `context.sender`. See ``Flipper/dent(_:lot:bid:sender:now:vat:)``.
    public mutating func dent(_ ilk: Bytes32, id: UInt256, lot: UInt256, bid: UInt256, context: CallContext) throws(Revert) {
        let index = try flipperPosition(ilk)
        try flipperList[index].dent(id, lot: lot, bid: bid, sender: context.sender, now: context.timestamp, vat: &vat)
    }

    /// Flipper `deal(id)`: returns the settled auction. See ``Flipper/deal(_:now:vat:)``.
    @discardableResult
    public mutating func deal(_ ilk: Bytes32, id: UInt256, context: CallContext) throws(Revert) -> Flipper.Bid {
        let index = try flipperPosition(ilk)
        return try flipperList[index].deal(id, now: context.timestamp, vat: &vat)
    }

    /// Flipper `tick(id)`: restarts an auction that ended without bids.
    public mutating func tick(_ ilk: Bytes32, id: UInt256, context: CallContext) throws(Revert) {
        let index = try flipperPosition(ilk)
        try flipperList[index].tick(id, now: context.timestamp)
    }

    // MARK: - Liquidations 2.0: Dog and Clipper

    /// Dog `bark(ilk, urn, kpr)` at `context.timestamp`: confiscates an unsafe urn (in part when
    /// `hole`/`Hole` leave too little room) and starts a Clipper auction, paying `kpr` the
    /// incentive. See ``Dog``. Atomic.
    @discardableResult
    public mutating func bark(_ ilk: Bytes32, urn: Address, kpr: Address, context: CallContext) throws(Revert) -> Dog.Bark {
        let now = context.timestamp
        let (dink, dart, due, tab) = try dog.liquidation(ilk, urn: vat.urn(ilk, urn), vatIlk: vat.ilk(ilk))
        let clip = dog.ilk(ilk).clip
        let mark = vat.beginJournal()
        do throws(Revert) {
            try vat.grab(ilk, u: urn, v: clip, w: vow.address, dink: Int256(negative: true, magnitude: dink)!, dart: Int256(negative: true, magnitude: dart)!)
            let fess = try vow.fessed(due, now: now)
            let dirt = try dog.dirtied(ilk, by: tab)
            guard let index = clipperIndex[ilk], clipperList[index].address == clip else {
                throw .reason("Maker: no Clipper for \(name(ilk))")
            }
            let kick = try clipperList[index].kicked(tab: tab, lot: dink, usr: urn, now: now, spotter: spotter)
            if !clipperList[index].tip.isZero || !clipperList[index].chip.isZero {
                try vat.suck(vow.address, kpr, kick.coin)
            }
            vat.commitJournal(mark)
            vow.apply(fess)
            dog.setDirt(ilk, dirt)
            clipperList[index].applyKick(kick)
            return Dog.Bark(id: kick.id, ink: dink, art: dart, due: due, tab: tab, top: kick.sale.top, coin: kick.coin, clip: clip)
        } catch {
            vat.rollbackJournal(mark)
            throw error
        }
    }

    /// The position of `ilk`'s Clipper in ``clipperList``, or a revert naming the ilk.
    func clipperPosition(_ ilk: Bytes32) throws(Revert) -> Int {
        // A handful of Clippers: comparing names beats hashing one.
        if clipperList.count <= 8 {
            for index in clipperList.indices where clipperList[index].ilk == ilk { return index }
            throw .reason("Maker: no Clipper for \(name(ilk))")
        }
        guard let index = clipperIndex[ilk] else { throw .reason("Maker: no Clipper for \(name(ilk))") }
        return index
    }

    /// Clipper `take(id, amt, max, who, data)` sent by `context.sender` (`data` is not
    /// modelled). See ``Clipper/take(_:amt:max:who:sender:now:vat:dog:)``.
    @discardableResult
    public mutating func take(_ ilk: Bytes32, id: UInt256, amt: UInt256, max: UInt256, who: Address, context: CallContext) throws(Revert) -> Clipper.Purchase {
        let index = try clipperPosition(ilk)
        return try clipperList[index].take(id, amt: amt, max: max, who: who, sender: context.sender, now: context.timestamp, vat: &vat, dog: &dog)
    }

    /// Clipper `redo(id, kpr)`. See ``Clipper/redo(_:kpr:now:spotter:vat:)``.
    @discardableResult
    public mutating func redo(_ ilk: Bytes32, id: UInt256, kpr: Address, context: CallContext) throws(Revert) -> Clipper.Restart {
        let index = try clipperPosition(ilk)
        return try clipperList[index].redo(id, kpr: kpr, now: context.timestamp, spotter: spotter, vat: &vat)
    }

    /// Clipper `upchost()`: refreshes the cached `dust · chop`.
    public mutating func upchost(_ ilk: Bytes32) throws(Revert) {
        let index = try clipperPosition(ilk)
        try clipperList[index].upchost(vat: vat, dog: dog)
    }

    // MARK: - Auction houses by ilk

    /// The Flipper of `ilk`, if the Cat liquidates it.
    public func flipper(_ ilk: Bytes32) -> Flipper? {
        flipperIndex[ilk].map { flipperList[$0] }
    }

    /// The Clipper of `ilk`, if the Dog liquidates it.
    public func clipper(_ ilk: Bytes32) -> Clipper? {
        clipperIndex[ilk].map { clipperList[$0] }
    }

    /// The Flippers by ilk. Builds a dictionary: O(ilks); prefer ``flipper(_:)``. Setting
    /// replaces the Flippers of the ilks given (configuration and tests).
    public internal(set) var flippers: [Bytes32: Flipper] {
        get { flipperIndex.mapValues { flipperList[$0] } }
        set { for (ilk, flipper) in newValue { if let index = flipperIndex[ilk] { flipperList[index] = flipper } } }
    }

    /// The Clippers by ilk. Builds a dictionary: O(ilks); prefer ``clipper(_:)``. Setting
    /// replaces the Clippers of the ilks given (configuration and tests).
    public internal(set) var clippers: [Bytes32: Clipper] {
        get { clipperIndex.mapValues { clipperList[$0] } }
        set { for (ilk, clipper) in newValue { if let index = clipperIndex[ilk] { clipperList[index] = clipper } } }
    }

    // MARK: - Balance sheet

    /// DAI the Vow holds beyond its debt. [rad] See ``Vow/surplus(in:)``.
    public var surplus: UInt256 { vow.surplus(in: vat) }

    /// System debt not covered by the Vow's DAI. [rad] See ``Vow/deficit(in:)``.
    public var deficit: UInt256 { vow.deficit(in: vat) }
}
