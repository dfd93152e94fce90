import CascadeChain

/// Gas used by Maker calls, charged by the engine for each executed transaction.
///
/// **Sources.** One figure is measured by Maker: a `bark` of a regular collateral costs
/// "around 450K" (makerdao/lockstake `README.md`, "Liquidation Bark Gas Benchmarks", citing
/// Maker's gas spreadsheet). No published figure was found for the others; they are
/// **estimates** made by counting the storage reads and writes, calls and events of each
/// function in the source read for this model, priced with the gas schedule of its era —
/// Istanbul (EIP-2200: `SLOAD` 800, `SSTORE` 20,000 new / 5,000 update, refund 15,000 for a
/// cleared slot capped at half the gas used) for the Cat and Flipper of 2020, Berlin/London
/// (EIP-2929/3529: cold `SLOAD` 2,100, cold account 2,600, `SSTORE` 20,000 / 2,900 + 2,100
/// cold) for the Dog and Clipper — plus 21,000 per transaction and the calldata. Expect ±30 %.
/// The derivations are in `docs/protocols-maker.md`. Agents' gas limits should leave margin.
///
/// Searched for published figures, without result: makerdao/dss (its `clip.t.sol` has
/// `test_gas_bark_kick`, `test_gas_partial_take` and `test_gas_full_take`, which log gas when run
/// against a mainnet fork but record no figures), makerdao/auction-keeper (code and docs: none),
/// makerdao/spells-mainnet (governance spells and their tests: none per call), the Maker forum's
/// "Bidding costs for liquidation auctions" (names gas as a keeper cost, gives no figures) and
/// docs.makerdao.com's module pages. A deployment with receipts at hand overrides any entry in
/// its protocol file's `[gas]` table.
///
/// | call | gas | basis |
/// | --- | --- | --- |
/// | `frob` (direct Vat call) | 90,000 | estimate (users going through DssProxyActions with joins pay 300k–400k) |
/// | Spotter `poke` | 50,000 | estimate |
/// | Jug `drip` | 60,000 | estimate |
/// | Cat `bite` | 210,000 | estimate (Istanbul) |
/// | Flipper `tend` | 75,000 | estimate (Istanbul; first bid sets a new slot) |
/// | Flipper `dent` | 80,000 | estimate (Istanbul) |
/// | Flipper `deal` | 50,000 | estimate (Istanbul, after the refund for the deleted auction) |
/// | Flipper `tick` | 30,000 | estimate (Istanbul) |
/// | Dog `bark` | 450,000 | makerdao/lockstake README |
/// | Clipper `take` | 120,000 | estimate (no flash-loan callback; with a callee swapping on a DEX, add that swap) |
/// | Clipper `redo` | 115,000 | estimate |
/// | any reverted call | 30,000 | estimate: base cost, calldata and the reads before the failing `require` |
public struct MakerGasSchedule: GasSchedule, Hashable {
    public var frob: UInt64
    public var poke: UInt64
    public var drip: UInt64
    public var bite: UInt64
    public var tend: UInt64
    public var dent: UInt64
    public var deal: UInt64
    public var tick: UInt64
    public var bark: UInt64
    public var take: UInt64
    public var redo: UInt64
    /// Gas burned by a call that reverts.
    public var reverted: UInt64

    public init(
        frob: UInt64, poke: UInt64, drip: UInt64, bite: UInt64, tend: UInt64, dent: UInt64, deal: UInt64,
        tick: UInt64, bark: UInt64, take: UInt64, redo: UInt64, reverted: UInt64
    ) {
        self.frob = frob
        self.poke = poke
        self.drip = drip
        self.bite = bite
        self.tend = tend
        self.dent = dent
        self.deal = deal
        self.tick = tick
        self.bark = bark
        self.take = take
        self.redo = redo
        self.reverted = reverted
    }

    /// The figures of the table above.
    public static let standard = MakerGasSchedule(
        frob: 90_000, poke: 50_000, drip: 60_000, bite: 210_000, tend: 75_000, dent: 80_000, deal: 50_000,
        tick: 30_000, bark: 450_000, take: 120_000, redo: 115_000, reverted: 30_000)

    /// Gas used by a call of `function`, or by any reverted call; `nil` for functions that are
    /// not Maker core calls (Median and OSM `poke` belong to the oracle model).
    public func gasUsed(by function: ContractFunction, reverted: Bool = false) -> UInt64? {
        let used: UInt64
        switch function {
        case .vatFrob: used = frob
        case .spotterPoke: used = poke
        case .jugDrip: used = drip
        case .catBite: used = bite
        case .flipperTend: used = tend
        case .flipperDent: used = dent
        case .flipperDeal: used = deal
        case .dogBark: used = bark
        case .clipperTake: used = take
        case .clipperRedo: used = redo
        default: return nil
        }
        return reverted ? Swift.min(self.reverted, used) : used
    }
}

extension MakerGasSchedule {
    /// The entries by their protocol-file names (`[gas]` table).
    public static var entries: [GasScheduleEntry<MakerGasSchedule>] {
        [
            GasScheduleEntry("frob", \.frob),
            GasScheduleEntry("poke", \.poke),
            GasScheduleEntry("drip", \.drip),
            GasScheduleEntry("bite", \.bite),
            GasScheduleEntry("tend", \.tend),
            GasScheduleEntry("dent", \.dent),
            GasScheduleEntry("deal", \.deal),
            GasScheduleEntry("tick", \.tick),
            GasScheduleEntry("bark", \.bark),
            GasScheduleEntry("take", \.take),
            GasScheduleEntry("redo", \.redo),
            GasScheduleEntry("reverted", \.reverted),
        ]
    }
}
