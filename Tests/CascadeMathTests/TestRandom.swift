// Shared test support for CascadeMathTests:
// - `SplitMix64`, a seeded generator, so that every random test is reproducible;
// - edge-biased generators of UInt256 / Int256 values;
// - conversions to and from the independent oracle (attaswift BigInt), which go through the
//   limbs only and never through code under test;
// - a cheap failure reporter for loops of hundreds of thousands of cases.
import BigInt
import CascadeMath
import Dispatch
import XCTest

// MARK: - Generator

/// SplitMix64 (Steele, Lea & Flood 2014; the generator of Java's `SplittableRandom`).
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `0..<bound` (bound > 0).
    mutating func below(_ bound: Int) -> Int { Int(next(upperBound: UInt64(bound))) }

    /// `true` with probability `numerator / denominator`.
    mutating func chance(_ numerator: Int, in denominator: Int) -> Bool { below(denominator) < numerator }
}

/// The first values of SplitMix64 seeded with 1234567, computed independently (Python) from the
/// reference C implementation, https://prng.di.unimi.it/splitmix64.c.
let splitMix64ReferenceSeed: UInt64 = 1_234_567
let splitMix64ReferenceOutputs: [UInt64] = [
    6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
    4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
]

// MARK: - Oracle conversions (limb-level, independent of the code under test)

let two256 = BigUInt(1) << 256
let uint256MaxOracle = two256 - 1
let int256MinOracle = -(BigInt(1) << 255)
let int256MaxOracle = (BigInt(1) << 255) - 1

extension BigUInt {
    /// The exact value of a UInt256, read from its limbs.
    init(_ value: UInt256) {
        self.init(words: [UInt(value.w0), UInt(value.w1), UInt(value.w2), UInt(value.w3)])
    }
}

/// Two's-complement negation of four 64-bit limbs modulo 2²⁵⁶ (invert, add one with carry):
/// the oracle's own arithmetic on plain UInt64s, independent of UInt256's operators.
func negatedLimbs(_ l: (UInt64, UInt64, UInt64, UInt64)) -> (UInt64, UInt64, UInt64, UInt64) {
    let (r0, c0) = (~l.0).addingReportingOverflow(1)
    let (r1, c1) = (~l.1).addingReportingOverflow(c0 ? 1 : 0)
    let (r2, c2) = (~l.2).addingReportingOverflow(c1 ? 1 : 0)
    let r3 = (~l.3) &+ (c2 ? 1 : 0)
    return (r0, r1, r2, r3)
}

/// The low four words of `value` (its value mod 2²⁵⁶).
func lowLimbs(_ value: BigUInt) -> (UInt64, UInt64, UInt64, UInt64) {
    var l: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    for (i, word) in value.words.enumerated() {
        switch i {
        case 0: l.0 = UInt64(word)
        case 1: l.1 = UInt64(word)
        case 2: l.2 = UInt64(word)
        case 3: l.3 = UInt64(word)
        default: return l
        }
    }
    return l
}

extension BigInt {
    /// The exact value of an Int256, read from its two's-complement limbs.
    init(_ value: Int256) {
        let p = value.bitPattern
        if p.w3 >> 63 == 0 {
            self.init(BigUInt(p))
        } else {
            let m = negatedLimbs((p.w0, p.w1, p.w2, p.w3)) // |value| = 2^256 − pattern
            self.init(sign: .minus, magnitude: BigUInt(words: [UInt(m.0), UInt(m.1), UInt(m.2), UInt(m.3)]))
        }
    }
}

/// The UInt256 with the limbs of `value`, which must be below 2²⁵⁶.
func u256(_ value: BigUInt) -> UInt256 {
    precondition(value.bitWidth <= 256, "oracle value does not fit 256 bits")
    return u256Wrapping(value)
}

/// `value mod 2²⁵⁶` as a UInt256 (EVM wrapping).
func u256Wrapping(_ value: BigUInt) -> UInt256 {
    let l = lowLimbs(value)
    return UInt256(w0: l.0, w1: l.1, w2: l.2, w3: l.3)
}

/// `value mod 2²⁵⁶` as an Int256 bit pattern (two's complement of any integer).
func i256Wrapping(_ value: BigInt) -> Int256 {
    let low = lowLimbs(value.magnitude) // |value| mod 2²⁵⁶
    let l = value.sign == .minus ? negatedLimbs(low) : low // −|value| ≡ 2²⁵⁶ − (|value| mod 2²⁵⁶)
    return Int256(bitPattern: UInt256(w0: l.0, w1: l.1, w2: l.2, w3: l.3))
}

/// The Int256 equal to `value`, which must be in [−2²⁵⁵, 2²⁵⁵ − 1].
func i256(_ value: BigInt) -> Int256 {
    precondition(fitsInt256(value), "oracle value does not fit int256")
    return i256Wrapping(value)
}

/// Parses a decimal literal into the oracle type (for vectors too large for Swift literals).
func big(_ text: String) -> BigUInt { BigUInt(text, radix: 10)! }

/// A UInt256 from decimal text, converted through the oracle (not through `UInt256(decimal:)`).
func U(_ text: String) -> UInt256 { u256(big(text)) }

/// 2^k − d … 2^k + d as a UInt256 through the oracle.
func pow2(_ k: Int, plus delta: Int = 0) -> UInt256 {
    let v = BigInt(BigUInt(1) << k) + BigInt(delta)
    return u256(v.magnitude)
}

/// 10^k as a UInt256 through the oracle.
func pow10(_ k: Int) -> UInt256 { u256(BigUInt(10).power(k)) }

// MARK: - Outcomes

/// The result of a throwing operation, so that value and revert can be compared in one go.
/// (Closures do not infer typed throws, so this takes `throws`; the code under test only
/// throws `Revert`, and anything else is reported as an unexpected reason.)
func outcome<T>(_ body: () throws -> T) -> Result<T, Revert> {
    do { return .success(try body()) } catch let revert as Revert { return .failure(revert) } catch {
        return .failure(.reason("unexpected non-Revert error \(error)"))
    }
}

/// The expected outcome of an unsigned operation whose exact result is `exact`: `.overflow`
/// when it exceeds 2²⁵⁶ − 1.
func expectedUnsigned(_ exact: BigUInt) -> Result<UInt256, Revert> {
    exact.bitWidth > 256 ? .failure(.overflow) : .success(u256(exact))
}

/// `true` when `x` is in [−2²⁵⁵, 2²⁵⁵ − 1]: |x| < 2²⁵⁵, or x = −2²⁵⁵ exactly. (Bit counts
/// instead of comparisons with shared constants, which the two test lanes would contend for.)
func fitsInt256(_ x: BigInt) -> Bool {
    let bits = x.magnitude.bitWidth
    return bits <= 255 || (x.sign == .minus && bits == 256 && x.magnitude.trailingZeroBitCount == 255)
}

/// The expected outcome of a signed operation whose exact result is `exact`: `.overflow` when
/// it is outside [−2²⁵⁵, 2²⁵⁵ − 1].
func expectedSigned(_ exact: BigInt) -> Result<Int256, Revert> {
    fitsInt256(exact) ? .success(i256Wrapping(exact)) : .failure(.overflow)
}

// MARK: - Edge-biased values

/// The edge set required for every pair of every operation.
let uint256EdgeSet: [UInt256] = [
    0, 1, pow2(64, plus: -1), pow2(64), pow2(64, plus: 1), pow2(128), pow2(255), pow2(256, plus: -1),
]

/// Int256 edges: the UInt256 edges that fit, their negatives, and the edges that do not fit
/// (2²⁵⁵ and 2²⁵⁶ − 1) replaced by their neighbours `max`, `min` and the bit pattern −1.
let int256EdgeSet: [Int256] = {
    var values: [BigInt] = [0, 1, -1]
    for k in [64, 128] {
        for d in [-1, 0, 1] where !(k == 128 && d != 0) {
            let v = (BigInt(1) << k) + BigInt(d)
            values.append(v)
            values.append(-v)
        }
    }
    values += [int256MaxOracle, -int256MaxOracle, int256MinOracle]
    return values.map(i256)
}()

/// Anchors around which the random generator clusters values.
let uint256Anchors: [UInt256] = {
    var anchors: [BigUInt] = [0, 1, 2]
    for k in [32, 53, 63, 64, 65, 96, 127, 128, 129, 160, 191, 192, 193, 224, 254, 255, 256] {
        anchors.append(BigUInt(1) << k)
    }
    for k in [9, 18, 19, 27, 36, 38, 54, 76, 77] { anchors.append(BigUInt(10).power(k)) }
    return anchors.map { u256Wrapping($0) } // 2^256 wraps to 0; its neighbours below stay
}()

extension SplitMix64 {
    /// A UInt256 biased toward edge cases: random limb counts, values near 0, 1, 2⁶⁴ ± 1,
    /// 2¹²⁸, 2²⁵⁵, 2²⁵⁶ − 1 and powers of ten, random bit lengths, sparse bit patterns.
    mutating func uint256() -> UInt256 {
        switch below(100) {
        case 0..<22: // near an anchor (wrapping): anchor + d, d ∈ [−3, 3]
            let anchor = uint256Anchors[below(uint256Anchors.count)]
            let d = below(7) - 3
            return d >= 0 ? anchor &+ UInt256(UInt64(d)) : anchor &- UInt256(UInt64(-d))
        case 22..<55: // random limb count, every present limb uniformly random
            let count = below(5)
            var l: [UInt64] = [0, 0, 0, 0]
            for i in 0..<count { l[i] = next() }
            return UInt256(w0: l[0], w1: l[1], w2: l[2], w3: l[3])
        case 55..<75: // random bit length, top bit set
            return uint256(bitLength: below(257))
        case 75..<87: // sparse limbs from {0, 1, 2^63, 2^64 − 1, random}
            var l: [UInt64] = []
            for _ in 0..<4 { l.append([0, 1, 1 << 63, .max, next()][below(5)]) }
            return UInt256(w0: l[0], w1: l[1], w2: l[2], w3: l[3])
        case 87..<94: // a power of ten times a small factor, wrapping
            return pow10Table[below(78)] &* UInt256(UInt64(below(20) + 1))
        default: // a run of one bits or a single bit
            let low = below(256), high = below(257)
            let (a, b) = (Swift.min(low, high), Swift.max(low, high))
            return ((UInt256.max >> (256 - b)) >> a) << a
        }
    }

    /// A uniformly random value with exactly `bits` significant bits (0 for 0 bits).
    mutating func uint256(bitLength bits: Int) -> UInt256 {
        if bits == 0 { return .zero }
        let raw = UInt256(w0: next(), w1: next(), w2: next(), w3: next())
        let masked = bits == 256 ? raw : raw & ((UInt256.one << bits) &- .one)
        return masked | (UInt256.one << (bits - 1))
    }

    /// A small value (< 2^bits) for operands that must not always overflow.
    mutating func small(bits: Int) -> UInt256 { uint256(bitLength: below(bits + 1)) }

    /// An Int256 biased toward edge cases: the UInt256 distribution reinterpreted, negated
    /// half of the time (so small negatives are common), and the signed edge set.
    mutating func int256() -> Int256 {
        if chance(1, in: 10) { return int256EdgeSet[below(int256EdgeSet.count)] }
        let pattern = uint256()
        return Int256(bitPattern: chance(1, in: 2) ? (UInt256.zero &- pattern) : pattern)
    }
}

let pow10Table: [UInt256] = (0...77).map { u256(BigUInt(10).power($0)) }

// MARK: - Failure reporting in long loops

/// Collects mismatches of a random loop without paying for an XCTAssert per case, counts the
/// checks, and tallies how often interesting outcomes occurred. `finish` reports the first few
/// mismatches in full and the total (so a broken operation cannot flood the log). A value type
/// with no shared state, so each lane of ``runRandomCases`` owns one.
struct Mismatches: Sendable {
    let name: String
    private(set) var count = 0
    private(set) var cases = 0
    private(set) var tallies: [String: Int] = [:]
    private var shown: [(message: String, file: StaticString, line: UInt)] = []

    init(_ name: String) { self.name = name }

    mutating func check(_ condition: Bool, _ message: @autoclosure () -> String,
                        file: StaticString = #filePath, line: UInt = #line) {
        cases += 1
        if condition { return }
        count += 1
        if shown.count < 10 { shown.append(("\(name): \(message())", file, line)) }
    }

    /// Counts an outcome (e.g. "overflow") for the coverage assertions after the loop.
    mutating func tally(_ key: String, when condition: Bool = true) {
        if condition { tallies[key, default: 0] += 1 }
    }

    subscript(tally key: String) -> Int { tallies[key, default: 0] }

    mutating func merge(_ other: Mismatches) {
        count += other.count
        cases += other.cases
        for (key, value) in other.tallies { tallies[key, default: 0] += value }
        shown += other.shown.prefix(Swift.max(0, 10 - shown.count))
    }

    /// Reports the collected mismatches and asserts that at least `minimum` checks ran.
    func finish(minimumCases minimum: Int, file: StaticString = #filePath, line: UInt = #line) {
        for entry in shown { XCTFail(entry.message, file: entry.file, line: entry.line) }
        XCTAssertEqual(count, 0, "\(name): \(count) mismatches in \(cases) checks", file: file, line: line)
        XCTAssertGreaterThanOrEqual(cases, minimum, "\(name): too few cases ran", file: file, line: line)
    }
}

/// Runs `cases` random cases split over two lanes (threads), each with its own generator
/// derived from `seed` and its own ``Mismatches``, and merges the results. The split is fixed
/// (lane k runs cases k, k + 2, …), so the run is reproducible whatever the scheduling.
/// The machine has two cores: two lanes halve the wall time of the long differential loops.
func runRandomCases(_ name: String, seed: UInt64, cases: Int,
                    _ body: @escaping @Sendable (inout SplitMix64, Int, inout Mismatches) -> Void) -> Mismatches {
    let lanes = 2
    nonisolated(unsafe) let results = UnsafeMutableBufferPointer<Mismatches>.allocate(capacity: lanes)
    results.initialize(repeating: Mismatches(name))
    defer { results.deinitialize(); results.deallocate() }
    DispatchQueue.concurrentPerform(iterations: lanes) { lane in
        var rng = SplitMix64(seed: seed &+ UInt64(lane) &* 0x9E37_79B9_7F4A_7C15)
        var m = Mismatches(name)
        var i = lane
        while i < cases {
            body(&rng, i, &m)
            i += lanes
        }
        results[lane] = m
    }
    var merged = Mismatches(name)
    for lane in 0..<lanes { merged.merge(results[lane]) }
    return merged
}

/// Asserts that `body` throws exactly `expected` (and does not return).
func XCTAssertReverts<T>(_ body: () throws -> T, _ expected: Revert, _ message: String = "",
                         file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertThrowsError(try body(), message, file: file, line: line) { error in
        XCTAssertEqual(error as? Revert, expected, message, file: file, line: line)
    }
}

/// Asserts that `body` succeeds with `expected`.
func XCTAssertReturns<T: Equatable>(_ body: () throws -> T, _ expected: T, _ message: String = "",
                                    file: StaticString = #filePath, line: UInt = #line) {
    switch outcome(body) {
    case .success(let value):
        XCTAssertEqual(value, expected, message, file: file, line: line)
    case .failure(let error):
        XCTFail("expected \(expected), got revert \(error) \(message)", file: file, line: line)
    }
}

// MARK: - Fixed-point differential harness

/// Checks a two-operand fixed-point function against its literal formula evaluated with
/// BigUInt (`oracle`, which also decides the revert) on `cases` operand pairs: uniformly random
/// pairs, pairs at the revert boundary (`a` = `boundary(b)` − 1 … + 2, where `boundary(b)` is
/// the largest `a` that must pass), realistic magnitudes (below 2¹⁰⁰), and zero or tiny operands.
/// Also asserts that both the value and the revert outcomes were exercised.
func checkFixedPoint(_ name: String, seed: UInt64, cases: Int = 5_000, canRevert: Bool = true,
                     boundary: @escaping @Sendable (BigUInt) -> BigUInt?,
                     operation: @escaping @Sendable (UInt256, UInt256) throws -> UInt256,
                     oracle: @escaping @Sendable (BigUInt, BigUInt) -> Result<UInt256, Revert>,
                     file: StaticString = #filePath, line: UInt = #line) {
    let m = runRandomCases(name, seed: seed, cases: cases) { rng, i, m in
        var a = rng.uint256(), b = rng.uint256()
        switch i % 4 {
        case 1:
            b = rng.uint256(bitLength: 1 + rng.below(256))
            if let limit = boundary(BigUInt(b)) {
                let candidate = BigInt(limit) + BigInt(rng.below(4) - 1)
                if candidate >= 0, candidate <= BigInt(uint256MaxOracle) { a = u256(candidate.magnitude) }
            }
        case 2:
            a = rng.small(bits: 100)
            b = rng.small(bits: 100)
        case 3:
            if rng.chance(1, in: 2) { b = UInt256(UInt64(rng.below(4))) } else { a = UInt256(UInt64(rng.below(4))) }
        default:
            break
        }
        let A = BigUInt(a), B = BigUInt(b)
        let expected = oracle(A, B)
        switch expected {
        case .success: m.tally("value")
        case .failure(let revert): m.tally("\(revert)")
        }
        m.check(outcome { try operation(a, b) } == expected, "\(name)(\(a), \(b)) expected \(expected)")
    }
    m.finish(minimumCases: cases, file: file, line: line)
    XCTAssertGreaterThan(m[tally: "value"], cases / 5, "\(name): too few non-reverting cases", file: file, line: line)
    if canRevert {
        XCTAssertGreaterThan(m[tally: "\(Revert.overflow)"], cases / 20, "\(name): too few overflow cases", file: file, line: line)
    }
}

/// `n > 2²⁵⁶ − 1 ? .overflow : n / d` (the numerator, including any rounding term, must fit).
func oracleQuotient(numerator n: BigUInt, divisor d: BigUInt) -> Result<UInt256, Revert> {
    if d.isZero { return .failure(.divisionByZero) }
    return n.bitWidth > 256 ? .failure(.overflow) : .success(u256(n / d))
}

/// ⌈n / d⌉ as ⌊n/d⌋ + (n mod d ≠ 0), with the numerator (without rounding term) required to fit.
func oracleCeilQuotient(numerator n: BigUInt, divisor d: BigUInt) -> Result<UInt256, Revert> {
    if d.isZero { return .failure(.divisionByZero) }
    if n.bitWidth > 256 { return .failure(.overflow) }
    let (q, r) = n.quotientAndRemainder(dividingBy: d)
    return .success(u256(r.isZero ? q : q + 1))
}
