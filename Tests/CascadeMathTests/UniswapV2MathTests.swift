// Tests of UniswapV2Math (UniswapV2Math.swift): Uniswap v2-periphery `UniswapV2Library`.
//
// Vectors are from /work/helpers/math-notes.md §5, which cites:
// - [router02] Uniswap/v2-periphery `test/UniswapV2Router02.spec.ts` (HEAD 0335e8f7);
// - [router01] Uniswap/v2-periphery `test/UniswapV2Router01.spec.ts`;
// - [pair]     Uniswap/v2-core `test/UniswapV2Pair.spec.ts` `swapTestCases` (HEAD ee547b17);
// - (derived)  boundaries computed from the library's formula (`contracts/libraries/UniswapV2Library.sol`).
// SafeMath's `ds-math-*-overflow` is `.overflow`, `ds-math-sub-underflow` is `.underflow`, and
// the 0.6 division by zero (an `invalid` opcode on chain) is `.divisionByZero`.
import BigInt
import CascadeMath
import XCTest

private let MAX = UInt256.max
private let E18: UInt256 = 1_000_000_000_000_000_000

private let insufficientInput = Revert.reason("UniswapV2Library: INSUFFICIENT_INPUT_AMOUNT")
private let insufficientOutput = Revert.reason("UniswapV2Library: INSUFFICIENT_OUTPUT_AMOUNT")
private let insufficientAmount = Revert.reason("UniswapV2Library: INSUFFICIENT_AMOUNT")
private let insufficientLiquidity = Revert.reason("UniswapV2Library: INSUFFICIENT_LIQUIDITY")

// MARK: - Oracles: the library's statements in order, each SafeMath step checked

private func checked(_ x: BigUInt) -> BigUInt? { x > uint256MaxOracle ? nil : x }

func oracleGetAmountOut(_ amountIn: BigUInt, _ reserveIn: BigUInt, _ reserveOut: BigUInt) -> Result<UInt256, Revert> {
    if amountIn.isZero { return .failure(insufficientInput) }
    if reserveIn.isZero || reserveOut.isZero { return .failure(insufficientLiquidity) }
    guard let amountInWithFee = checked(amountIn * 997),
          let numerator = checked(amountInWithFee * reserveOut),
          let scaledReserve = checked(reserveIn * 1000),
          let denominator = checked(scaledReserve + amountInWithFee) else { return .failure(.overflow) }
    return .success(u256(numerator / denominator))
}

func oracleGetAmountIn(_ amountOut: BigUInt, _ reserveIn: BigUInt, _ reserveOut: BigUInt) -> Result<UInt256, Revert> {
    if amountOut.isZero { return .failure(insufficientOutput) }
    if reserveIn.isZero || reserveOut.isZero { return .failure(insufficientLiquidity) }
    guard let product = checked(reserveIn * amountOut), let numerator = checked(product * 1000) else { return .failure(.overflow) }
    if amountOut > reserveOut { return .failure(.underflow) }
    guard let denominator = checked((reserveOut - amountOut) * 997) else { return .failure(.overflow) }
    if denominator.isZero { return .failure(.divisionByZero) }
    return expectedUnsigned(numerator / denominator + 1)
}

func oracleQuote(_ amountA: BigUInt, _ reserveA: BigUInt, _ reserveB: BigUInt) -> Result<UInt256, Revert> {
    if amountA.isZero { return .failure(insufficientAmount) }
    if reserveA.isZero || reserveB.isZero { return .failure(insufficientLiquidity) }
    guard let product = checked(amountA * reserveB) else { return .failure(.overflow) }
    return .success(u256(product / reserveA))
}

/// UniswapV2Pair.swap's K check for token0 in, token1 out (v2-core `UniswapV2Pair.sol`):
/// (balance0·1000 − in·3)·(balance1·1000) ≥ reserve0·reserve1·1000².
func pairAcceptsSwap(amountIn: BigUInt, amountOut: BigUInt, reserve0: BigUInt, reserve1: BigUInt) -> Bool {
    guard amountOut < reserve1 else { return false } // the pair requires amountOut < reserve
    let balance0 = reserve0 + amountIn, balance1 = reserve1 - amountOut
    let adjusted0 = balance0 * 1000 - amountIn * 3, adjusted1 = balance1 * 1000
    return adjusted0 * adjusted1 >= reserve0 * reserve1 * 1_000_000
}

final class UniswapV2MathTests: XCTestCase {
    // MARK: [router02] UniswapV2Router02.spec.ts

    func testRouter02QuoteVectors() {
        XCTAssertReturns({ try UniswapV2Math.quote(amountA: 1, reserveA: 100, reserveB: 200) }, 2)
        XCTAssertReturns({ try UniswapV2Math.quote(amountA: 2, reserveA: 200, reserveB: 100) }, 1)
        XCTAssertReverts({ try UniswapV2Math.quote(amountA: 0, reserveA: 100, reserveB: 200) }, insufficientAmount)
        XCTAssertReverts({ try UniswapV2Math.quote(amountA: 1, reserveA: 0, reserveB: 200) }, insufficientLiquidity)
        XCTAssertReverts({ try UniswapV2Math.quote(amountA: 1, reserveA: 100, reserveB: 0) }, insufficientLiquidity)
    }

    func testRouter02GetAmountOutVectors() {
        XCTAssertReturns({ try UniswapV2Math.getAmountOut(amountIn: 2, reserveIn: 100, reserveOut: 100) }, 1)
        XCTAssertReverts({ try UniswapV2Math.getAmountOut(amountIn: 0, reserveIn: 100, reserveOut: 100) }, insufficientInput)
        XCTAssertReverts({ try UniswapV2Math.getAmountOut(amountIn: 2, reserveIn: 0, reserveOut: 100) }, insufficientLiquidity)
        XCTAssertReverts({ try UniswapV2Math.getAmountOut(amountIn: 2, reserveIn: 100, reserveOut: 0) }, insufficientLiquidity)
        // getAmountsOut(2, [t0, t1]) with reserves 10000/10000 = [2, 1]
        XCTAssertReturns({ try UniswapV2Math.getAmountOut(amountIn: 2, reserveIn: 10_000, reserveOut: 10_000) }, 1)
    }

    func testRouter02GetAmountInVectors() {
        XCTAssertReturns({ try UniswapV2Math.getAmountIn(amountOut: 1, reserveIn: 100, reserveOut: 100) }, 2)
        XCTAssertReverts({ try UniswapV2Math.getAmountIn(amountOut: 0, reserveIn: 100, reserveOut: 100) }, insufficientOutput)
        XCTAssertReverts({ try UniswapV2Math.getAmountIn(amountOut: 1, reserveIn: 0, reserveOut: 100) }, insufficientLiquidity)
        XCTAssertReverts({ try UniswapV2Math.getAmountIn(amountOut: 1, reserveIn: 100, reserveOut: 0) }, insufficientLiquidity)
        // getAmountsIn(1, [t0, t1]) with reserves 10000/10000 = [2, 1]
        XCTAssertReturns({ try UniswapV2Math.getAmountIn(amountOut: 1, reserveIn: 10_000, reserveOut: 10_000) }, 2)
    }

    // MARK: [router01] UniswapV2Router01.spec.ts

    func testRouter01SwapVectors() throws {
        let five = try E18 * 5, ten = try E18 * 10
        // swapExactTokensForTokens: expectedOutputAmount
        XCTAssertReturns({ try UniswapV2Math.getAmountOut(amountIn: E18, reserveIn: five, reserveOut: ten) }, 1_662_497_915_624_478_906)
        // swapTokensForExactTokens: expectedSwapAmount
        XCTAssertReturns({ try UniswapV2Math.getAmountIn(amountOut: E18, reserveIn: five, reserveOut: ten) }, 557_227_237_267_357_629)
    }

    // MARK: [pair] UniswapV2Pair.spec.ts swapTestCases

    func testPairSwapTestCases() throws {
        // [swapAmount, token0Amount, token1Amount, expectedOutputAmount]; numbers ×1e18, output raw wei.
        let swapTestCases: [(UInt256, UInt256, UInt256, UInt256)] = [
            (1, 5, 10, 1_662_497_915_624_478_906),
            (1, 10, 5, 453_305_446_940_074_565),
            (2, 5, 10, 2_851_015_155_847_869_602),
            (2, 10, 5, 831_248_957_812_239_453),
            (1, 10, 10, 906_610_893_880_149_131),
            (1, 100, 100, 987_158_034_397_061_298),
            (1, 1000, 1000, 996_006_981_039_903_216),
        ]
        for (swapAmount, token0, token1, expected) in swapTestCases {
            let amountIn = try swapAmount * E18, reserve0 = try token0 * E18, reserve1 = try token1 * E18
            XCTAssertReturns({ try UniswapV2Math.getAmountOut(amountIn: amountIn, reserveIn: reserve0, reserveOut: reserve1) },
                             expected, "swapTestCase \(swapAmount), \(token0), \(token1)")
            // The pair test: swap(0, expected) succeeds, swap(0, expected + 1) reverts 'UniswapV2: K'.
            XCTAssertTrue(pairAcceptsSwap(amountIn: BigUInt(amountIn), amountOut: BigUInt(expected),
                                          reserve0: BigUInt(reserve0), reserve1: BigUInt(reserve1)))
            XCTAssertFalse(pairAcceptsSwap(amountIn: BigUInt(amountIn), amountOut: BigUInt(expected) + 1,
                                           reserve0: BigUInt(reserve0), reserve1: BigUInt(reserve1)))
        }
        // swap:token1 — 1e18 of token1 in at reserves 5/10 gives 453305446940074565 token0 out.
        XCTAssertReturns({ try UniswapV2Math.getAmountOut(amountIn: E18, reserveIn: E18 * 10, reserveOut: E18 * 5) },
                         453_305_446_940_074_565)
    }

    // MARK: (derived) revert boundaries

    func testGetAmountOutOverflowBoundaries() {
        // numerator = in·997·reserveOut: with reserveOut = 2^128, in ≤ ⌊MAX / (997·2^128)⌋ fits.
        let reserveOut = pow2(128)
        let limit = u256(uint256MaxOracle / (997 * BigUInt(reserveOut)))
        XCTAssertReturns({ try UniswapV2Math.getAmountOut(amountIn: limit, reserveIn: 1, reserveOut: reserveOut) },
                         u256(BigUInt(limit) * 997 * BigUInt(reserveOut) / (1000 + BigUInt(limit) * 997)))
        XCTAssertReverts({ try UniswapV2Math.getAmountOut(amountIn: limit + 1, reserveIn: 1, reserveOut: reserveOut) }, .overflow)
        // With reserveIn = reserveOut = 1 the binding step is the denominator 1000 + in·997:
        // in ≤ ⌊(MAX − 1000)/997⌋ passes (output 0), one more reverts.
        let unitLimit = u256((uint256MaxOracle - 1000) / 997)
        XCTAssertReturns({ try UniswapV2Math.getAmountOut(amountIn: unitLimit, reserveIn: 1, reserveOut: 1) }, 0)
        XCTAssertReverts({ try UniswapV2Math.getAmountOut(amountIn: unitLimit + 1, reserveIn: 1, reserveOut: 1) }, .overflow)
        XCTAssertReverts({ try UniswapV2Math.getAmountOut(amountIn: u256(uint256MaxOracle / 997 + 1), reserveIn: 1, reserveOut: 1) },
                         .overflow) // in·997 itself overflows
        // denominator = reserveIn·1000 + in·997: with in = 1, reserveIn ≤ ⌊(MAX − 997)/1000⌋ fits
        // (MAX mod 1000 = 935 < 997, so ⌊MAX/1000⌋ itself already overflows at the addition).
        let reserveLimit = u256((uint256MaxOracle - 997) / 1000)
        XCTAssertReturns({ try UniswapV2Math.getAmountOut(amountIn: 1, reserveIn: reserveLimit, reserveOut: 1) }, 0)
        XCTAssertReverts({ try UniswapV2Math.getAmountOut(amountIn: 1, reserveIn: reserveLimit + 1, reserveOut: 1) }, .overflow)
    }

    func testGetAmountInBoundaries() {
        // amountOut == reserveOut divides by zero (an `invalid` opcode under solc 0.6); one more underflows.
        XCTAssertReverts({ try UniswapV2Math.getAmountIn(amountOut: 100, reserveIn: 100, reserveOut: 100) }, .divisionByZero)
        XCTAssertReverts({ try UniswapV2Math.getAmountIn(amountOut: 101, reserveIn: 100, reserveOut: 100) }, .underflow)
        XCTAssertReturns({ try UniswapV2Math.getAmountIn(amountOut: 99, reserveIn: 100, reserveOut: 100) }, 9_930) // ⌊9900000/997⌋ + 1
        // numerator = reserveIn·out·1000: reserveIn ≤ ⌊MAX/1000⌋ for out = 1.
        let numeratorLimit = u256(uint256MaxOracle / 1000)
        XCTAssertReturns({ try UniswapV2Math.getAmountIn(amountOut: 1, reserveIn: numeratorLimit, reserveOut: 2) },
                         u256(BigUInt(numeratorLimit) * 1000 / 997 + 1))
        XCTAssertReverts({ try UniswapV2Math.getAmountIn(amountOut: 1, reserveIn: numeratorLimit + 1, reserveOut: 2) }, .overflow)
        // denominator = (reserveOut − out)·997: reserveOut − 1 ≤ ⌊MAX/997⌋.
        let denominatorLimit = u256(uint256MaxOracle / 997 + 1)
        XCTAssertReturns({ try UniswapV2Math.getAmountIn(amountOut: 1, reserveIn: 1, reserveOut: denominatorLimit) }, 1)
        XCTAssertReverts({ try UniswapV2Math.getAmountIn(amountOut: 1, reserveIn: 1, reserveOut: denominatorLimit + 1) }, .overflow)
        // The numerator is evaluated first: an overflowing numerator wins over the underflow.
        XCTAssertReverts({ try UniswapV2Math.getAmountIn(amountOut: MAX, reserveIn: 2, reserveOut: 1) }, .overflow)
        // getAmountIn always adds 1, even when the division is exact.
        XCTAssertReturns({ try UniswapV2Math.getAmountIn(amountOut: 997, reserveIn: 1, reserveOut: 1997) }, 2) // 997000/997000 = 1, then + 1
    }

    func testQuoteBoundary() {
        let reserveB: UInt256 = 123_456_789
        let limit = u256(uint256MaxOracle / BigUInt(reserveB))
        XCTAssertReturns({ try UniswapV2Math.quote(amountA: limit, reserveA: 7, reserveB: reserveB) },
                         u256(BigUInt(limit) * BigUInt(reserveB) / 7))
        XCTAssertReverts({ try UniswapV2Math.quote(amountA: limit + 1, reserveA: 7, reserveB: reserveB) }, .overflow)
    }

    // MARK: Random differential against the library's statements

    func testFunctionsMatchLibrary() {
        let cases = 12_000
        let m = runRandomCases("UniswapV2Math", seed: 0x6001, cases: cases) { rng, i, m in
            // Realistic pools (uint112 reserves) most of the time, any 256-bit values otherwise.
            let realistic = i % 3 != 0
            func amount() -> UInt256 { realistic ? rng.small(bits: 112) : rng.uint256() }
            let reserveIn = amount(), reserveOut = amount()
            var amountIn = amount(), amountOut = amount()
            switch i % 8 {
            case 1: amountOut = reserveOut // division by zero
            case 2: amountOut = reserveOut &+ UInt256(UInt64(rng.below(2))) &- UInt256(UInt64(rng.below(2)))
            case 3: amountOut = reserveOut >> rng.below(20)
            case 4: amountIn = reserveIn >> rng.below(20)
            default: break
            }
            let I = BigUInt(amountIn), O = BigUInt(amountOut), RI = BigUInt(reserveIn), RO = BigUInt(reserveOut)
            let out = oracleGetAmountOut(I, RI, RO), into = oracleGetAmountIn(O, RI, RO)
            if case .success = into { m.tally("in value") } else { m.tally("in revert") }
            m.check(outcome { try UniswapV2Math.getAmountOut(amountIn: amountIn, reserveIn: reserveIn, reserveOut: reserveOut) } == out,
                    "getAmountOut(\(amountIn), \(reserveIn), \(reserveOut)) expected \(out)")
            m.check(outcome { try UniswapV2Math.getAmountIn(amountOut: amountOut, reserveIn: reserveIn, reserveOut: reserveOut) } == into,
                    "getAmountIn(\(amountOut), \(reserveIn), \(reserveOut)) expected \(into)")
            m.check(outcome { try UniswapV2Math.quote(amountA: amountIn, reserveA: reserveIn, reserveB: reserveOut) } == oracleQuote(I, RI, RO),
                    "quote(\(amountIn), \(reserveIn), \(reserveOut))")
            // The pair's K check: getAmountOut is the largest output the pair accepts, and
            // getAmountIn's input buys at least the requested output.
            if realistic, case .success(let o) = out, BigUInt(o) + 1 < RO {
                m.check(pairAcceptsSwap(amountIn: I, amountOut: BigUInt(o), reserve0: RI, reserve1: RO)
                            && !pairAcceptsSwap(amountIn: I, amountOut: BigUInt(o) + 1, reserve0: RI, reserve1: RO),
                        "K at getAmountOut(\(amountIn), \(reserveIn), \(reserveOut)) = \(o)")
            }
            if realistic, case .success(let needed) = into {
                m.check(pairAcceptsSwap(amountIn: BigUInt(needed), amountOut: O, reserve0: RI, reserve1: RO),
                        "K at getAmountIn(\(amountOut), \(reserveIn), \(reserveOut)) = \(needed)")
            }
        }
        m.finish(minimumCases: cases * 3)
        XCTAssertGreaterThan(m[tally: "in value"], cases / 5)
        XCTAssertGreaterThan(m[tally: "in revert"], cases / 5)
    }
}
