// Tests of DSSMath (DSSMath.swift): Maker dss fixed point — truncating wmul/rmul/wdiv/rdiv and
// the half-up-at-every-step rpow of jug.sol / abaci.sol.
//
// Vectors are from /work/helpers/math-notes.md §4, which cites makerdao/dss (HEAD fa4f6630):
// - [jug-t]   `src/test/jug.t.sol` (source assertions; exact rates marked (derived));
// - [abaci-t] `src/test/abaci.t.sol` (source setups; its assertions are tolerances, exact
//             prices marked (derived));
// - [clip-t]  `src/test/clip.t.sol` (kick price);
// - (derived) values the notes computed from the restated algorithm; each was re-checked here
//             with an independent Python implementation of that algorithm before being written.
import BigInt
import CascadeMath
import XCTest

private let MAX = UInt256.max
private let WAD: UInt256 = 1_000_000_000_000_000_000
private let RAY: UInt256 = 1_000_000_000_000_000_000_000_000_000
private let W = BigUInt(10).power(18), R = BigUInt(10).power(27)

/// The rpow algorithm exactly as restated in math-notes §4 (dss PR #78 assembly), with BigUInt:
/// half-up rounding at every squaring and multiplication; every revert is `.overflow`.
func oracleRpow(_ x: BigUInt, _ n: BigUInt, _ b: BigUInt) -> Result<UInt256, Revert> {
    if n.isZero { return .success(u256(b)) }
    if x.isZero { return .success(0) }
    var x = x, n = n
    var z = n[bitAt: 0] ? x : b
    let half = b / 2
    n >>= 1
    while !n.isZero {
        if x >= BigUInt(1) << 128 { return .failure(.overflow) }
        if x * x + half > uint256MaxOracle { return .failure(.overflow) }
        x = (x * x + half) / b
        if n[bitAt: 0] {
            if !x.isZero && z * x > uint256MaxOracle { return .failure(.overflow) }
            if z * x + half > uint256MaxOracle { return .failure(.overflow) }
            z = (z * x + half) / b
        }
        n >>= 1
    }
    return .success(u256(z))
}

final class DSSMathTests: XCTestCase {
    func testConstants() {
        XCTAssertEqual(DSSMath.wad, pow10(18))
        XCTAssertEqual(DSSMath.ray, pow10(27))
    }

    // MARK: rpow — [jug-t]

    func testJugRpowVector() {
        // jug.t.sol test_rpow: result / 1e17 == 2397991232255757e12 / 1e17 (source)
        let result = outcome { try DSSMath.rpow(1_000_234_891_009_084_238_901_289_093, 3724, base: RAY) }
        guard case .success(let value) = result else { return XCTFail("rpow reverted: \(result)") }
        XCTAssertEqual(try value / 100_000_000_000_000_000, try 2_397_991_232_255_757_000_000_000_000 / 100_000_000_000_000_000)
        XCTAssertEqual(value, 2_397_991_232_254_682_910_951_344_872) // exact (derived)
    }

    /// jug.drip: rate = rmul(rpow(duty, now − rho, ONE), prev); the dai minted to the vow is
    /// Art·(rate − prev), read by the test's wad(x) = x / 1e27. Art = 100 ether, prev = RAY.
    func testJugDripVectors() throws {
        let day: UInt256 = 86_400
        let art = try WAD * 100
        func drip(_ duty: UInt256, _ seconds: UInt256, _ prev: UInt256) throws -> UInt256 {
            try DSSMath.rmul(DSSMath.rpow(duty, seconds, base: RAY), prev)
        }
        func wad(_ x: UInt256) throws -> UInt256 { try x / RAY }
        let fivePercentPerDay: UInt256 = 1_000_000_564_701_133_626_865_910_626
        // test_drip_1d / _2d / _3d: 5 ether, 10.25 ether, 15.7625 ether (source); rates (derived)
        let expected: [(UInt256, UInt256, UInt256)] = [
            (1, 1_050_000_000_000_000_000_000_016_038, 5_000_000_000_000_000_000),
            (2, 1_102_500_000_000_000_000_000_033_678, 10_250_000_000_000_000_000),
            (3, 1_157_625_000_000_000_000_000_053_042, 15_762_500_000_000_000_000),
        ]
        for (days, rate, dai) in expected {
            let r = try drip(fivePercentPerDay, day * days, RAY)
            XCTAssertEqual(r, rate, "\(days) days")
            XCTAssertEqual(try wad(art * (r - RAY)), dai, "\(days) days")
        }
        // test_drip_negative_3d: −2.5 %/day over 3 days; rate (derived); Art·rate = 92.6859375 ether
        let negative = try drip(999_999_706_969_857_929_985_428_567, day * 3, RAY)
        XCTAssertEqual(negative, 926_859_375_000_000_000_000_022_885)
        XCTAssertEqual(try wad(art * negative), 92_685_937_500_000_000_000)
        // test_drip_multi: 1 day at 5 %/day, then 1 day at 10 %/day
        let first = try drip(fivePercentPerDay, day, RAY)
        XCTAssertEqual(try wad(art * (first - RAY)), 5_000_000_000_000_000_000)
        let second = try drip(1_000_001_103_127_689_513_476_993_127, day, first)
        XCTAssertEqual(second, 1_155_000_000_000_000_000_000_061_517) // (derived)
        XCTAssertEqual(try wad(art * (second - RAY)), 15_500_000_000_000_000_000) // vow dai 15.5 ether
        XCTAssertEqual(try wad(art * second), 115_500_000_000_000_000_000) // debt 115.5 ether
        XCTAssertEqual(try second / 1_000_000_000, 1_155_000_000_000_000_000) // rate / 1e9 == 1.155 ether
        // test_drip_base: duty 1.05 RAY + base 0.05 RAY for 1 second → 10 ether
        let based = try drip(1_050_000_000_000_000_000_000_000_000 + 50_000_000_000_000_000_000_000_000, 1, RAY)
        XCTAssertEqual(based, 1_100_000_000_000_000_000_000_000_000)
        XCTAssertEqual(try wad(art * (based - RAY)), 10_000_000_000_000_000_000)
    }

    // MARK: rpow — edge cases and revert boundaries (derived)

    func testRpowEdgeCases() {
        XCTAssertReturns({ try DSSMath.rpow(0, 0, base: RAY) }, RAY)
        XCTAssertReturns({ try DSSMath.rpow(0, 5, base: RAY) }, 0)
        XCTAssertReturns({ try DSSMath.rpow(5, 0, base: RAY) }, RAY)
        XCTAssertReturns({ try DSSMath.rpow(RAY * 2, 3, base: RAY) }, 8_000_000_000_000_000_000_000_000_000)
        XCTAssertReturns({ try DSSMath.rpow(RAY, MAX, base: RAY) }, RAY) // 1^n stays exactly 1
        // x = 2^128: no squaring for n = 1; the first squaring reverts (x ≥ 2^128).
        XCTAssertReturns({ try DSSMath.rpow(pow2(128), 1, base: RAY) }, pow2(128))
        XCTAssertReverts({ try DSSMath.rpow(pow2(128), 2, base: RAY) }, .overflow)
        XCTAssertReturns({ try DSSMath.rpow(pow2(128, plus: -1), 2, base: RAY) },
                         U("115792089237316195423570985008687907852589419931799"))
        // The "+ half" guard: with base 2^130, (2^128 − 1)^2 + 2^129 passes 2^256 − 1, (2^128 − 2)^2 + 2^129 does not.
        XCTAssertReverts({ try DSSMath.rpow(pow2(128, plus: -1), 2, base: pow2(130)) }, .overflow)
        XCTAssertReturns({ try DSSMath.rpow(pow2(128, plus: -2), 2, base: pow2(130)) },
                         U("85070591730234615865843651857942052863"))
        // The z·x guard: base 1, n = 3: (2^85)^3 = 2^255 fits, (2^86)^3 = 2^258 does not (x² fits in both).
        XCTAssertReturns({ try DSSMath.rpow(pow2(85), 3, base: 1) }, pow2(255))
        XCTAssertReverts({ try DSSMath.rpow(pow2(86), 3, base: 1) }, .overflow)
        // Documented divergence from dss: base 0 (never used on chain) throws instead of
        // dividing by zero into 0 as the EVM would; only x = 0 returns before the check.
        XCTAssertReverts({ try DSSMath.rpow(5, 2, base: 0) }, .divisionByZero)
        XCTAssertReturns({ try DSSMath.rpow(0, 0, base: 0) }, 0)
    }

    func testRpowMatchesAlgorithm() {
        let cases = 4_000
        let m = runRandomCases("rpow", seed: 0x5001, cases: cases) { rng, i, m in
            let x: UInt256, n: UInt256, base: UInt256
            switch i % 4 {
            case 0: // per-second rates around RAY, any horizon up to 2^12 s
                x = RAY &+ rng.small(bits: 70) &- rng.small(bits: 69)
                n = rng.small(bits: 12)
                base = RAY
            case 1: // decay factors and long horizons
                x = rng.small(bits: 90)
                n = rng.chance(1, in: 20) ? rng.uint256() : rng.small(bits: 16)
                base = RAY
            case 2: // other bases
                x = rng.uint256()
                n = rng.small(bits: 6)
                base = [1, 2, 3, WAD, RAY, pow2(128), rng.uint256() | 1][rng.below(7)]
            default: // near the squaring limit 2^128
                x = pow2(128) &+ UInt256(UInt64(rng.below(5))) &- 2
                n = rng.small(bits: 4)
                base = [1, RAY, pow2(127), pow2(130)][rng.below(4)]
            }
            let expected = oracleRpow(BigUInt(x), BigUInt(n), BigUInt(base))
            if case .failure = expected { m.tally("revert") } else { m.tally("value") }
            m.check(outcome { try DSSMath.rpow(x, n, base: base) } == expected, "rpow(\(x), \(n), base: \(base))")
        }
        m.finish(minimumCases: cases)
        XCTAssertGreaterThan(m[tally: "revert"], cases / 20)
        XCTAssertGreaterThan(m[tally: "value"], cases / 2)
    }

    // MARK: abaci price functions through DSSMath — [abaci-t], [clip-t]

    /// LinearDecrease.price(top, dur) = rmul(top, mul(tau − dur, RAY) / tau) for dur < tau:
    /// test_linear_decrease, tau = 3600, top = 1000 RAY: price(top, 360 k) == (1000 − 100 k) RAY.
    func testAbaciLinearDecrease() throws {
        let tau: UInt256 = 3600
        let top = try RAY * 1000
        for step in 0...9 {
            let k = UInt256(UInt64(step))
            let dur = try k * 360
            let price = try DSSMath.rmul(top, (tau - dur) * RAY / tau)
            XCTAssertEqual(price, try (1000 - k * 100) * RAY, "k = \(k)")
        }
    }

    /// ExponentialDecrease.price(top, dur) = rmul(top, rpow(cut, dur, RAY)) with
    /// cut = 0.999230132966E27 and top = 4000 RAY (test_continuous_exp_decrease): within RAY/1000
    /// of top/2^i at dur = 900 i (source tolerance); the exact prices are (derived).
    func testAbaciExponentialDecrease() throws {
        let cut: UInt256 = 999_230_132_966_000_000_000_000_000
        let top = try RAY * 4000
        let exact: [UInt256] = [
            4_000_000_000_000_000_000_000_000_000_000, 2_000_000_000_258_757_259_554_676_144_000,
            1_000_000_000_258_757_259_571_414_976_000, 500_000_000_194_067_944_691_115_352_000,
            250_000_000_129_378_629_802_446_316_000,
        ]
        for i in 0..<5 {
            let price = try DSSMath.rmul(top, DSSMath.rpow(cut, UInt256(UInt64(900 * i)), base: RAY))
            XCTAssertEqual(price, exact[i], "i = \(i)")
            let halved = top >> i
            let distance = price > halved ? price &- halved : halved &- price
            XCTAssertLessThanOrEqual(distance, try RAY / 1000, "i = \(i)")
        }
    }

    /// StairstepExponentialDecrease.price(top, dur) = rmul(top, rpow(cut, dur / step, RAY))
    /// (test_stairstep_exp_decrease): price(top, 0) == top exactly, and each step's price is
    /// within the source tolerance (1e8 for top = 5e7 RAY, 1 for top = RAY/1e7) of
    /// lastPrice·cut/RAY; exact values for cut = RAY − 1.1234567890E27/100 are (derived).
    func testAbaciStairstepExponentialDecrease() throws {
        let cut1 = try RAY - 11_234_567_890_000_000_000_000_000
        XCTAssertEqual(cut1, 988_765_432_110_000_000_000_000_000)
        let bigTop = try RAY * 50_000_000
        func price(_ top: UInt256, _ cut: UInt256, _ dur: UInt256, step: UInt256) throws -> UInt256 {
            try DSSMath.rmul(top, DSSMath.rpow(cut, dur / step, base: RAY))
        }
        let exact: [(UInt256, UInt256)] = [
            (0, 50_000_000_000_000_000_000_000_000_000_000_000),
            (1, 49_438_271_605_500_000_000_000_000_000_000_000),
            (2, 48_882_853_986_783_750_952_605_000_000_000_000),
            (10, 44_658_358_139_279_727_501_320_294_900_000_000),
        ]
        for (dur, value) in exact { XCTAssertEqual(try price(bigTop, cut1, dur, step: 1), value, "dur \(dur)") }
        XCTAssertEqual(try price(bigTop, cut1, 4, step: 5), bigTop)
        XCTAssertEqual(try price(bigTop, cut1, 5, step: 5), 49_438_271_605_500_000_000_000_000_000_000_000)
        // The source's tolerance loop, for both cuts, steps 1, 5, 300 and both tops.
        let cut2 = try RAY - 21_234_567_890_000_000_000_000_000
        for cut in [cut1, cut2] {
            for step: UInt256 in [1, 5, 300] {
                for (top, tolerance) in [(bigTop, UInt256(100_000_000)), (try RAY / 10_000_000, UInt256(1))] {
                    XCTAssertEqual(try price(top, cut, 0, step: step), top)
                    var last = top
                    var dur = step
                    for _ in 0..<20 {
                        let current = try price(top, cut, dur, step: step)
                        let expected = try last * cut / RAY
                        let distance = current > expected ? current &- expected : expected &- current
                        XCTAssertLessThanOrEqual(distance, tolerance, "cut \(cut) step \(step) top \(top) dur \(dur)")
                        last = current
                        dur = try dur + step
                    }
                }
            }
        }
    }

    /// clip.t.sol kick: pip = 4 ether, par = RAY, buf = ray(1.25 ether) →
    /// top = rmul(rdiv(mul(val, BLN), par), buf) == ray(5 ether).
    func testClipKickTopPrice() throws {
        let val: UInt256 = 4_000_000_000_000_000_000
        let top = try DSSMath.rmul(DSSMath.rdiv(val * 1_000_000_000, RAY), 1_250_000_000_000_000_000_000_000_000)
        XCTAssertEqual(top, 5_000_000_000_000_000_000_000_000_000)
    }

    // MARK: wmul / rmul / wdiv / rdiv

    func testTruncationAndBoundaries() {
        XCTAssertReturns({ try DSSMath.wmul(1, 999_999_999_999_999_999) }, 0) // truncates, unlike Aave's wadMul
        XCTAssertReturns({ try DSSMath.rmul(1, 999_999_999_999_999_999_999_999_999) }, 0)
        XCTAssertReturns({ try DSSMath.wdiv(1, 3) }, 333_333_333_333_333_333)
        XCTAssertReturns({ try DSSMath.rdiv(2, 3) }, 666_666_666_666_666_666_666_666_666)
        // (derived) product boundaries: ⌊MAX/y⌋ passes, one more reverts.
        let y: UInt256 = 12_345_678_901_234_567_890_123
        let limit = u256(uint256MaxOracle / BigUInt(y))
        XCTAssertReturns({ try DSSMath.wmul(limit, y) }, u256(BigUInt(limit) * BigUInt(y) / W))
        XCTAssertReverts({ try DSSMath.wmul(limit + 1, y) }, .overflow)
        XCTAssertReturns({ try DSSMath.rmul(limit, y) }, u256(BigUInt(limit) * BigUInt(y) / R))
        XCTAssertReverts({ try DSSMath.rmul(limit + 1, y) }, .overflow)
        let wadLimit = u256(uint256MaxOracle / W), rayLimit = u256(uint256MaxOracle / R)
        XCTAssertReturns({ try DSSMath.wdiv(wadLimit, 7) }, u256(BigUInt(wadLimit) * W / 7))
        XCTAssertReverts({ try DSSMath.wdiv(wadLimit + 1, 7) }, .overflow)
        XCTAssertReturns({ try DSSMath.rdiv(rayLimit, 7) }, u256(BigUInt(rayLimit) * R / 7))
        XCTAssertReverts({ try DSSMath.rdiv(rayLimit + 1, 7) }, .overflow)
        XCTAssertReverts({ try DSSMath.wdiv(1, 0) }, .divisionByZero)
        XCTAssertReverts({ try DSSMath.rdiv(1, 0) }, .divisionByZero)
        // dss evaluates mul(x, RAY) before dividing: an overflowing numerator reverts first.
        XCTAssertReverts({ try DSSMath.rdiv(rayLimit + 1, 0) }, .overflow)
    }

    func testFunctionsMatchFormula() {
        checkFixedPoint("wmul", seed: 0x5011, boundary: { B in B.isZero ? nil : uint256MaxOracle / B },
                        operation: { try DSSMath.wmul($0, $1) },
                        oracle: { A, B in oracleQuotient(numerator: A * B, divisor: W) })
        checkFixedPoint("rmul", seed: 0x5012, boundary: { B in B.isZero ? nil : uint256MaxOracle / B },
                        operation: { try DSSMath.rmul($0, $1) },
                        oracle: { A, B in oracleQuotient(numerator: A * B, divisor: R) })
        checkFixedPoint("wdiv", seed: 0x5013, boundary: { _ in uint256MaxOracle / W },
                        operation: { try DSSMath.wdiv($0, $1) },
                        oracle: { A, B in A * W > uint256MaxOracle ? .failure(.overflow) : oracleQuotient(numerator: A * W, divisor: B) })
        checkFixedPoint("rdiv", seed: 0x5014, boundary: { _ in uint256MaxOracle / R },
                        operation: { try DSSMath.rdiv($0, $1) },
                        oracle: { A, B in A * R > uint256MaxOracle ? .failure(.overflow) : oracleQuotient(numerator: A * R, divisor: B) })
    }
}
