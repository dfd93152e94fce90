import CascadeChain
import CascadeMath
import CascadeProtocols

extension ProtocolDefinitionLoader {
    /// Top-level `Line`, `Hole`, `wait`, `par`, `base`; `[ilks.NAME]` with the liquidator's terms
    /// in the same table; `[ilks.NAME.calc]` for a Clipper's price curve; `[gas]`. Key names are the
    /// contracts' own, so that ``MakerParameters/validationErrors()`` keys are file keys.
    static func readMaker(_ r: inout KeyReader) throws(ConfigurationError) -> MakerParameters {
        let rad = "rad: DAI, \"150_000_000\" or a raw integer ×10⁴⁵"
        let ray = "ray: \"1.13\" or a raw integer ×10²⁷"
        let wad = "wad: \"1.03\" or a raw integer ×10¹⁸"
        let names = r.children(of: "ilks")
        if names.isEmpty { throw r.error("ilks", expected: "at least one [ilks.NAME] table", found: "none") }
        var ilks: [MakerIlkParameters] = []
        for name in names {
            let key = "ilks.\(name)"
            let gem = try r.address("\(key).gem")
            let gemJoin = try r.address("\(key).gem_join")
            let mat = try r.amount("\(key).mat", decimals: 27, unit: ray)
            let line = try r.amount("\(key).line", decimals: 45, unit: rad)
            let dust = try r.amount("\(key).dust", decimals: 45, unit: rad)
            let duty = try r.amount("\(key).duty", decimals: 27, unit: ray + " per second", default: DSSMath.ray)
            let liquidation: MakerLiquidation
            if try r.choice("\(key).liquidator", among: ["flip", "clip"]) == "flip" {
                liquidation = .flip(FlipParameters(
                    flipper: try r.address("\(key).flipper"),
                    chop: try r.amount("\(key).chop", decimals: 27, unit: ray + " (Cat chop)"),
                    lump: try r.amount("\(key).lump", decimals: 18, unit: wad + " of collateral"),
                    beg: try r.amount("\(key).beg", decimals: 18, unit: wad),
                    ttl: try r.uint64("\(key).ttl", unit: "seconds"),
                    tau: try r.uint64("\(key).tau", unit: "seconds")))
            } else {
                liquidation = .clip(ClipParameters(
                    clipper: try r.address("\(key).clipper"),
                    chop: try r.amount("\(key).chop", decimals: 18, unit: wad + " (Dog chop)"),
                    hole: try r.amount("\(key).hole", decimals: 45, unit: rad),
                    buf: try r.amount("\(key).buf", decimals: 27, unit: ray),
                    tail: try r.uint64("\(key).tail", unit: "seconds"),
                    cusp: try r.amount("\(key).cusp", decimals: 27, unit: ray),
                    chip: try r.amount("\(key).chip", decimals: 18, unit: wad),
                    tip: try r.amount("\(key).tip", decimals: 45, unit: rad),
                    calc: try readAbacus(&r, key: "\(key).calc", ray: ray)))
            }
            ilks.append(MakerIlkParameters(name: name, gem: gem, gemJoin: gemJoin, mat: mat, line: line, dust: dust,
                                           duty: duty, liquidation: liquidation))
        }
        return MakerParameters(
            Line: try r.amount("Line", decimals: 45, unit: rad),
            Hole: try r.amount("Hole", decimals: 45, unit: rad, default: .zero),
            wait: try r.uint64("wait", unit: "seconds"),
            par: try r.amount("par", decimals: 27, unit: ray, default: DSSMath.ray),
            base: try r.amount("base", decimals: 27, unit: ray + " per second", default: .zero),
            ilks: ilks,
            gasSchedule: try readGas(&r, defaults: MakerGasSchedule.standard))
    }

    private static func readAbacus(_ r: inout KeyReader, key: String, ray: String) throws(ConfigurationError) -> Abacus {
        switch try r.choice("\(key).type", among: ["stairstep-exponential-decrease", "linear-decrease", "exponential-decrease"]) {
        case "stairstep-exponential-decrease":
            return .stairstepExponentialDecrease(step: try r.amount("\(key).step", decimals: 0, unit: "seconds"),
                                                 cut: try r.amount("\(key).cut", decimals: 27, unit: ray))
        case "linear-decrease":
            return .linearDecrease(tau: try r.amount("\(key).tau", decimals: 0, unit: "seconds"))
        default:
            return .exponentialDecrease(cut: try r.amount("\(key).cut", decimals: 27, unit: ray))
        }
    }
}
