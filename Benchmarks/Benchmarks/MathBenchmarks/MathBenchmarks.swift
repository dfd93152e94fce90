import Benchmark
import CascadeMath

/// A fixed-seed SplitMix64 stream, so every run measures the same inputs.
private struct Inputs {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value of `limbs` random limbs.
    mutating func value(limbs: Int) -> UInt256 {
        UInt256(w0: next(), w1: limbs > 1 ? next() : 0, w2: limbs > 2 ? next() : 0, w3: limbs > 3 ? next() : 0)
    }

    /// `count` values below `bound`.
    mutating func values(_ count: Int, below bound: UInt256) -> [UInt256] {
        (0..<count).map { _ in try! value(limbs: 4) % bound }
    }
}

/// Inputs per benchmark; the loops walk through them (index masked) so nothing folds away.
private let count = 1024
private let mask = count - 1

private struct Table {
    let amounts: [UInt256]     // DeFi-sized: below 10²⁷ (a billion tokens at 18 decimals)
    let wads: [UInt256]        // factors around 1e18 (0 … 2e18)
    let rays: [UInt256]        // indexes around 1e27 (1e27 … 2e27)
    let wide: [UInt256]        // full 256-bit values
    let divisors: [UInt256]    // 129…192-bit divisors
    let topBitSet: [UInt256]   // full-width denominators ≥ 2²⁵⁵
    let decimals: [String]

    init() {
        var g = Inputs()
        amounts = g.values(count, below: 1_000_000_000_000_000_000_000_000_000)
        wads = g.values(count, below: 2_000_000_000_000_000_000)
        rays = g.values(count, below: 1_000_000_000_000_000_000_000_000_000).map { $0 &+ 1_000_000_000_000_000_000_000_000_000 }
        wide = (0..<count).map { _ in g.value(limbs: 4) }
        divisors = (0..<count).map { _ in g.value(limbs: 3) | UInt256(w0: 0, w1: 0, w2: 1, w3: 0) }
        topBitSet = (0..<count).map { _ in g.value(limbs: 4) | UInt256(w0: 0, w1: 0, w2: 0, w3: 1 << 63) }
        decimals = wide.map(\.description)
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 10,
        scalingFactor: .kilo,
        maxDuration: .seconds(2)
    )
    let t = Table()

    Benchmark("UInt256 add (checked)") { benchmark in
        for i in benchmark.scaledIterations { blackHole(try t.amounts[i & mask] + t.amounts[(i + 1) & mask]) }
    }
    Benchmark("UInt256 mul (checked, DeFi-sized)") { benchmark in
        for i in benchmark.scaledIterations { blackHole(try t.amounts[i & mask] * t.rays[i & mask]) }
    }
    Benchmark("UInt256 mul 256x256->512 (multipliedFullWidth)") { benchmark in
        for i in benchmark.scaledIterations { blackHole(t.wide[i & mask].multipliedFullWidth(by: t.wide[(i + 1) & mask])) }
    }
    Benchmark("UInt256 div 256/192-bit (GMP)") { benchmark in
        for i in benchmark.scaledIterations { blackHole(try t.wide[i & mask] / t.divisors[i & mask]) }
    }
    Benchmark("WadRayMath.wadMul") { benchmark in
        for i in benchmark.scaledIterations { blackHole(try WadRayMath.wadMul(t.amounts[i & mask], t.wads[i & mask])) }
    }
    Benchmark("WadRayMath.rayMul") { benchmark in
        for i in benchmark.scaledIterations { blackHole(try WadRayMath.rayMul(t.amounts[i & mask], t.rays[i & mask])) }
    }
    Benchmark("WadRayMath.rayDiv") { benchmark in
        for i in benchmark.scaledIterations { blackHole(try WadRayMath.rayDiv(t.amounts[i & mask], t.rays[i & mask])) }
    }
    Benchmark("PercentageMath.percentMul") { benchmark in
        for i in benchmark.scaledIterations { blackHole(try PercentageMath.percentMul(t.amounts[i & mask], 8_300)) }
    }
    Benchmark("FullMath.mulDiv (DeFi-sized)") { benchmark in
        for i in benchmark.scaledIterations { blackHole(try FullMath.mulDiv(t.amounts[i & mask], t.rays[i & mask], t.rays[(i + 1) & mask])) }
    }
    Benchmark("FullMath.mulDiv (full-width 512/256, GMP)") { benchmark in
        for i in benchmark.scaledIterations {
            blackHole(try FullMath.mulDiv(t.wide[i & mask] >> 1, t.wide[(i + 1) & mask], t.topBitSet[i & mask]))
        }
    }
    Benchmark("DSSMath.rpow (86,400 s)") { benchmark in
        for i in benchmark.scaledIterations {
            blackHole(try DSSMath.rpow(1_000_000_001_547_125_957_863_212_448, UInt256(UInt64(86_400 + (i & mask))), base: DSSMath.ray))
        }
    }
    Benchmark("UniswapV2Math.getAmountOut") { benchmark in
        for i in benchmark.scaledIterations {
            blackHole(try UniswapV2Math.getAmountOut(amountIn: t.wads[i & mask], reserveIn: t.amounts[i & mask], reserveOut: t.amounts[(i + 1) & mask]))
        }
    }
    Benchmark("UInt256 decimal print (78 digits)") { benchmark in
        for i in benchmark.scaledIterations { blackHole(t.wide[i & mask].description) }
    }
    Benchmark("UInt256 decimal parse (78 digits)") { benchmark in
        for i in benchmark.scaledIterations { blackHole(UInt256(decimal: t.decimals[i & mask])) }
    }
}
