import CascadeChain
import CascadeMath

extension MakerParameters {
    /// Every problem with these parameters, one message each, naming the key (`Line`,
    /// `ilks.ETH-A.cusp`, …), what was expected and what was found; empty when they are usable.
    ///
    /// Checks the ranges the contracts assume or enforce: `par > 0`, ilk names (1–32 ASCII
    /// characters, distinct), `mat ≥ 1`, `duty > 0`, `dust ≤ line`; for flip ilks `chop ≥ 1`,
    /// `lump > 0`, `beg > 1`, `0 < ttl ≤ tau < 2⁴⁸`; for clip ilks `chop ≥ 1`
    /// (`"Dog/file-chop-lt-WAD"`), `hole > 0`, `Hole > 0`, `buf ≥ 1`, `tail > 0`, `0 < cusp < 1`,
    /// `chip < 2⁶⁴` (uint64), `tip < 2¹⁹²` (uint192), and the curve: `0 < cut ≤ 1`
    /// (`"…/cut-gt-RAY"`), `step > 0`, `tau > 0`; and the gas schedule
    /// (``GasSchedule/validationErrors(key:)``, keys `gas.NAME`).
    ///
    /// - Complexity: O(number of ilks²) for the duplicate-name check (a handful of ilks).
    public func validationErrors() -> [String] {
        var errors: [String] = []
        func fail(_ key: String, _ expected: String, _ found: String) {
            errors.append("\(key): expected \(expected), found \(found)")
        }
        let ray = DSSMath.ray, wad = DSSMath.wad

        if par.isZero { fail("par", "> 0 (a ray)", "0") }
        if ilks.isEmpty { fail("ilks", "at least one collateral type", "none") }

        var seen: [String] = []
        for (index, ilk) in ilks.enumerated() {
            guard ilk.ilk != nil else {
                fail("ilks[\(index)].name", "1 to 32 ASCII characters", "\"\(ilk.name)\"")
                continue
            }
            let key = "ilks.\(ilk.name)"
            if seen.contains(ilk.name) { fail("\(key).name", "a name used once", "a second \"\(ilk.name)\"") }
            seen.append(ilk.name)

            if ilk.mat < ray { fail("\(key).mat", "≥ 1 (ray)", FixedPointText.ray(ilk.mat)) }
            if ilk.duty.isZero { fail("\(key).duty", "> 0 (ray; 1 is 0 %/year)", "0") }
            if ilk.dust > ilk.line {
                fail("\(key).dust", "≤ line (\(FixedPointText.rad(ilk.line)) DAI)", "\(FixedPointText.rad(ilk.dust)) DAI")
            }

            switch ilk.liquidation {
            case .flip(let flip):
                if flip.chop < ray { fail("\(key).chop", "≥ 1 (ray)", FixedPointText.ray(flip.chop)) }
                if flip.lump.isZero { fail("\(key).lump", "> 0 (wad)", "0") }
                if flip.beg <= wad { fail("\(key).beg", "> 1 (wad)", FixedPointText.wad(flip.beg)) }
                if flip.ttl == 0 { fail("\(key).ttl", "> 0 seconds", "0") }
                if flip.tau == 0 { fail("\(key).tau", "> 0 seconds", "0") }
                if flip.ttl > flip.tau { fail("\(key).ttl", "≤ tau (\(flip.tau) s)", "\(flip.ttl) s") }
                let uint48: UInt64 = 1 << 48
                if flip.tau >= uint48 { fail("\(key).tau", "< 2^48 seconds (uint48)", "\(flip.tau)") }
                if flip.ttl >= uint48 { fail("\(key).ttl", "< 2^48 seconds (uint48)", "\(flip.ttl)") }
            case .clip(let clip):
                if clip.chop < wad { fail("\(key).chop", "≥ 1 (wad)", FixedPointText.wad(clip.chop)) }
                if clip.hole.isZero { fail("\(key).hole", "> 0 DAI (rad)", "0") }
                if Hole.isZero { fail("Hole", "> 0 DAI (rad) when an ilk is liquidated by the Dog", "0") }
                if clip.buf < ray { fail("\(key).buf", "≥ 1 (ray)", FixedPointText.ray(clip.buf)) }
                if clip.tail == 0 { fail("\(key).tail", "> 0 seconds", "0") }
                if clip.cusp >= ray || clip.cusp.isZero {
                    fail("\(key).cusp", "> 0 and < 1 (ray)", FixedPointText.ray(clip.cusp))
                }
                if clip.chip.w1 | clip.chip.w2 | clip.chip.w3 != 0 {
                    fail("\(key).chip", "< 2^64 (uint64 wad)", FixedPointText.wad(clip.chip))
                }
                if clip.tip.w3 != 0 { fail("\(key).tip", "< 2^192 (uint192 rad)", FixedPointText.rad(clip.tip)) }
                switch clip.calc {
                case .linearDecrease(let tau):
                    if tau.isZero { fail("\(key).calc.tau", "> 0 seconds", "0") }
                case let .stairstepExponentialDecrease(step, cut):
                    if step.isZero { fail("\(key).calc.step", "> 0 seconds", "0") }
                    if cut.isZero || cut > ray { fail("\(key).calc.cut", "> 0 and ≤ 1 (ray)", FixedPointText.ray(cut)) }
                case .exponentialDecrease(let cut):
                    if cut.isZero || cut > ray { fail("\(key).calc.cut", "> 0 and ≤ 1 (ray)", FixedPointText.ray(cut)) }
                }
            }
        }
        errors += gasSchedule.validationErrors(key: "gas").map(\.description)
        // `Hole` is reported once even when several ilks need it.
        var unique: [String] = []
        for message in errors where !unique.contains(message) { unique.append(message) }
        return unique
    }
}
