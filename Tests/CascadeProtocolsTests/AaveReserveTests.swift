import CascadeChain
import CascadeMath
import CascadeProtocols
import XCTest

final class AaveReserveTests: XCTestCase {
    let year = AaveMathUtils.secondsPerYear
    let fivePercent = UInt256(50_000_000_000_000_000_000_000_000 as UInt128)

    /// Compounded over one year at 5 %: x = 0.05 RAY, 1 + x + x·(x/2 + x·x/6) with half-up
    /// `rayMul`s = 1.051270833333333333333333333 (e^0.05 = 1.0512710963…: the three-term series
    /// undercharges, as MathUtils' comment says).
    func testCompoundedInterestMatchesTheThreeTermFormula() throws {
        XCTAssertEqual(try AaveMathUtils.calculateCompoundedInterest(rate: fivePercent, from: 0, to: year),
                       UInt256(1_051_270_833_333_333_333_333_333_333 as UInt128))
        // One day: x = ⌊0.05e27 · 86,400 / 31,536,000⌋ = 136 986 301 369 863 013 698 630.
        XCTAssertEqual(try AaveMathUtils.calculateCompoundedInterest(rate: fivePercent, from: 0, to: 86_400),
                       UInt256(1_000_136_995_684_421_674_802_557_900 as UInt128))
        XCTAssertEqual(try AaveMathUtils.calculateCompoundedInterest(rate: fivePercent, from: 7, to: 7), ray)
        XCTAssertReverts(.underflow) { () throws(Revert) in try AaveMathUtils.calculateCompoundedInterest(rate: 1, from: 2, to: 1) }
    }

    /// Linear: 1 + ⌊rate · Δt / year⌋ = 1.000136986301369863013698630 for a day at 5 %.
    func testLinearInterest() throws {
        XCTAssertEqual(try AaveMathUtils.calculateLinearInterest(rate: fivePercent, from: 0, to: 86_400),
                       UInt256(1_000_136_986_301_369_863_013_698_630 as UInt128))
        XCTAssertEqual(try AaveMathUtils.calculateLinearInterest(rate: fivePercent, from: 0, to: year),
                       UInt256(1_050_000_000_000_000_000_000_000_000 as UInt128))
    }

    func testMulDivCeilRoundsUpAndRevertsOnOverflow() throws {
        XCTAssertEqual(try AaveMathUtils.mulDivCeil(10, 10, 3), 34)
        XCTAssertEqual(try AaveMathUtils.mulDivCeil(10, 9, 3), 30)
        XCTAssertReverts(.overflow) { () throws(Revert) in try AaveMathUtils.mulDivCeil(.max, 2, 3) }
        XCTAssertReverts(.divisionByZero) { () throws(Revert) in try AaveMathUtils.mulDivCeil(1, 1, 0) }
    }

    /// TokenMath rounds in the protocol's favour: supply mints down, withdrawal burns up, debt
    /// mints up and burns down, balances floor (aTokens) and ceil (debt).
    func testTokenMathRounding() throws {
        let index = UInt256(1_500_000_000_000_000_000_000_000_000 as UInt128)   // 1.5
        XCTAssertEqual(try AaveMathUtils.aTokenMintScaledAmount(10, liquidityIndex: index), 6)   // 6.67 ↓
        XCTAssertEqual(try AaveMathUtils.aTokenBurnScaledAmount(10, liquidityIndex: index), 7)   // 6.67 ↑
        XCTAssertEqual(try AaveMathUtils.vTokenMintScaledAmount(10, variableBorrowIndex: index), 7)
        XCTAssertEqual(try AaveMathUtils.vTokenBurnScaledAmount(10, variableBorrowIndex: index), 6)
        XCTAssertEqual(try AaveMathUtils.aTokenBalance(7, liquidityIndex: index), 10)             // 10.5 ↓
        XCTAssertEqual(try AaveMathUtils.vTokenBalance(7, variableBorrowIndex: index), 11)        // 10.5 ↑
    }

    /// `updateState` a year after a borrow: liquidity index `rayMul(linear(liquidityRate), 1)`,
    /// borrow index `rayMul(compounded(borrowRate), 1)`, and the treasury's share
    /// `rayDivFloor(percentMul(rayMulFloor(scaledDebt, Δindex), reserveFactor), newLiquidityIndex)`;
    /// `normalizedIncome`/`normalizedVariableDebt` predict the same indexes without writing them.
    func testUpdateStateAccruesIndexesAndTreasury() throws {
        var f = AaveFixture()
        try f.supply(AaveFixture.lp, AaveFixture.usdc, units(10_000, 6))
        try f.supply(AaveFixture.alice, AaveFixture.weth, units(10, 18))
        try f.borrow(AaveFixture.alice, AaveFixture.usdc, units(8_000, 6))
        var reserve = f.pool.reserve(for: AaveFixture.usdc.address)!
        // 80 % usage below the 92 % kink: 6.5 % · 0.8 / 0.92 = 5.652…% borrow rate.
        XCTAssertEqual(reserve.currentVariableBorrowRate,
                       try WadRayMath.rayDiv(WadRayMath.rayMul(UInt256(65_000_000_000_000_000_000_000_000 as UInt128),
                                                               UInt256(800_000_000_000_000_000_000_000_000 as UInt128)),
                                             UInt256(920_000_000_000_000_000_000_000_000 as UInt128)))
        let t = f.time + year
        let income = try reserve.normalizedIncome(at: t)
        let debtIndex = try reserve.normalizedVariableDebt(at: t)
        let expectedIncome = try WadRayMath.rayMul(
            AaveMathUtils.calculateLinearInterest(rate: reserve.currentLiquidityRate, from: f.time, to: t), ray)
        let expectedDebtIndex = try WadRayMath.rayMul(
            AaveMathUtils.calculateCompoundedInterest(rate: reserve.currentVariableBorrowRate, from: f.time, to: t), ray)
        try reserve.updateState(at: t)
        XCTAssertEqual(reserve.liquidityIndex, expectedIncome)
        XCTAssertEqual(reserve.variableBorrowIndex, expectedDebtIndex)
        XCTAssertEqual(reserve.liquidityIndex, income)
        XCTAssertEqual(reserve.variableBorrowIndex, debtIndex)
        let accrued = try WadRayMath.rayMulFloor(units(8_000, 6), expectedDebtIndex - ray)
        let toTreasury = try PercentageMath.percentMul(accrued, 1_000)
        XCTAssertEqual(reserve.accruedToTreasury, try WadRayMath.rayDivFloor(toTreasury, expectedIncome))
        XCTAssertEqual(reserve.lastUpdateTimestamp, t)
        // Suppliers earn what borrowers pay minus the reserve factor: the interest on 8,000 USDC
        // at ≈ 5.8 % compounded is ≈ 465 USDC; suppliers' income on 10,000 is 90 % of the linear part.
        let debt = try AaveMathUtils.vTokenBalance(units(8_000, 6), variableBorrowIndex: reserve.variableBorrowIndex)
        XCTAssertGreaterThan(debt, units(8_450, 6))
        XCTAssertLessThan(debt, units(8_470, 6))
        // Same second: nothing moves.
        let copy = reserve
        try reserve.updateState(at: t)
        XCTAssertEqual(reserve, copy)
    }
}
