import Benchmark
import CascadeMath

/// Inputs drawn once from a fixed-seed generator so every run measures the same work; the
/// benchmarks walk through them so the optimiser cannot fold the operation away.
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

    /// A DeFi-sized amount: below 10²⁷ (a billion tokens at 18 decimals).
    mutating func amount() -> UInt256 {
        UInt256(UInt128(next()) << 64 | UInt128(next())).quotientAndRemainder(dividingByLimb: 1).quotient
            .quotientAndRemainder(dividingBy: LimbDivisor.e9).quotient
    }
}

private let count = 1024
private let table: (amounts: [UInt256], rates: [UInt256], wide: [UInt256], divisors: [UInt256], decimals: [String]) = {
    var g = Inputs()
    let amounts = (0..<count).map { _ in g.amount() }
    // Rates/prices around 1 ray (0.5 … 1.5 RAY) and wad-sized factors.
    let rates = (0..<count).map { _ in UInt256(500_000_000_000_000_000_000_000_000 as UInt128 + UInt128(g.next()) * 54_210_108_624) }
    let wide = (0..<count).map { _ in g.value(limbs: 4) }
    let divisors = (0..<count).map { _ in g.value(limbs: 3) &+ .one }
    let decimals = wide.map(\.description)
    return (amounts, rates, wide, divisors, decimals)
}()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 10,
        scalingFactor: .kilo,
        maxDuration: .seconds(2)
    )

    func run(_ name: String, _ body: @escaping @Sendable (Int) throws -> Void) {
        Benchmark(name) { benchmark in
            var i = 0
            for _ in benchmark.scaledIterations {
                try body(i & (count - 1))
                i &+= 1
            }
        }
    }

    run("UInt256 add (checked)") { i in blackHole(try table.amounts[i] + table.amounts[i ^ 1]) }
    run("UInt256 mul (checked, DeFi-sized)") { i in blackHole(try table.amounts[i] * table.rates[i]) }
    run("UInt256 mul 256x256->512 (multipliedFullWidth)") { i in blackHole(table.wide[i].multipliedFullWidth(by: table.wide[i ^ 1])) }
    run("UInt256 div 256/192-bit") { i in blackHole(try table.wide[i] / table.divisors[i]) }
    run("WadRayMath.wadMul") { i in blackHole(try WadRayMath.wadMul(table.amounts[i], table.rates[i] >> 30)) }
    run("WadRayMath.rayMul") { i in blackHole(try WadRayMath.rayMul(table.amounts[i], table.rates[i])) }
    run("WadRayMath.rayDiv") { i in blackHole(try WadRayMath.rayDiv(table.amounts[i], table.rates[i])) }
    run("PercentageMath.percentMul") { i in blackHole(try PercentageMath.percentMul(table.amounts[i], 8_300)) }
    run("FullMath.mulDiv (DeFi-sized)") { i in blackHole(try FullMath.mulDiv(table.amounts[i], table.rates[i], table.rates[i ^ 1])) }
    run("FullMath.mulDiv (full-width 512/256)") { i in
        blackHole(try FullMath.mulDiv(table.wide[i] >> 1, table.wide[i ^ 1], table.wide[i ^ 2] | UInt256(w0: 0, w1: 0, w2: 0, w3: 1 << 63)))
    }
    run("DSSMath.rpow (1 day of seconds)") { i in
        blackHole(try DSSMath.rpow(1_000_000_001_547_125_957_863_212_448, UInt256(UInt64(86_400 + i)), base: DSSMath.ray))
    }
    run("UniswapV2Math.getAmountOut") { i in
        blackHole(try UniswapV2Math.getAmountOut(amountIn: table.amounts[i] >> 10, reserveIn: table.amounts[i ^ 1], reserveOut: table.amounts[i ^ 2]))
    }
    run("UInt256 decimal print (78 digits)") { i in blackHole(table.wide[i].description) }
    run("UInt256 decimal parse (78 digits)") { i in blackHole(UInt256(decimal: table.decimals[i])) }
}
