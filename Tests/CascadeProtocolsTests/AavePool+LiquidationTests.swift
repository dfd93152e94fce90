import CascadeChain
import CascadeMath
import CascadeProtocols
import XCTest

/// Liquidation paths computed by hand. Every call happens in the same second, so both indexes stay
/// at 1 RAY and no interest blurs the arithmetic; the oracle vectors (AavePoolTests) cover the
/// same paths with interest.
final class AavePoolLiquidationTests: XCTestCase {
    typealias F = AaveFixture

    /// 10 WETH against 16,000 USDC (HF 1.0375 at $2,000), then WETH at `price`.
    func position(price: UInt64, rules: AaveLiquidationRules = .v3_3) throws -> AaveFixture {
        var f = AaveFixture(rules: rules)
        try f.supply(F.lp, F.usdc, units(1_000_000, 6))
        try f.supply(F.lp, F.dai, units(1_000_000, 18))
        try f.supply(F.alice, F.weth, units(10, 18))
        try f.borrow(F.alice, F.usdc, units(16_000, 6))
        f.prices[F.weth.address] = units(price, 8)
        return f
    }

    /// WETH at $1,900: HF = wadDiv(19,000e8 · 8,300, 16,000e8) / 10⁴ = 0.985625 > 0.95, both
    /// values ≥ $2,000 → at most percentMul(16,000e8, 50 %) = $8,000 → 8,000 USDC.
    /// base = ⌊1e8 · 8,000e6 · 1e18 / (1,900e8 · 1e6)⌋ = 4 210 526 315 789 473 684 wei,
    /// percentMulFloor(·, 105 %) = 4 421 052 631 578 947 368;
    /// bonus part = 4 421 052 631 578 947 368 − percentDivFloor(·, 105 %) = 210 526 315 789 473 685,
    /// fee = percentMulCeil(·, 10 %) = 21 052 631 578 947 369; liquidator: 4 399 999 999 999 999 999.
    func testPartialLiquidationAtFiftyPercent() throws {
        var f = try position(price: 1_900)
        let liquidatorWETH = f.ledger.balance(of: F.liquidator, in: F.weth.address)
        let liquidatorUSDC = f.ledger.balance(of: F.liquidator, in: F.usdc.address)
        let receipt = try f.liquidate(F.alice, collateral: F.weth, debt: F.usdc, .max)
        XCTAssertEqual(receipt.healthFactor, UInt256(985_625_000_000_000_000 as UInt64))
        XCTAssertEqual(receipt.maxLiquidatableDebt, units(8_000, 6))
        XCTAssertEqual(receipt.debtRepaid, units(8_000, 6))
        XCTAssertEqual(receipt.collateralToLiquidator, 4_399_999_999_999_999_999)
        XCTAssertEqual(receipt.protocolFee, 21_052_631_578_947_369)
        XCTAssertFalse(receipt.hasNoCollateralLeft)
        XCTAssertEqual(receipt.deficits, [])
        XCTAssertEqual(receipt.gasUsed, 380_000)
        // Tokens: the liquidator paid 8,000 USDC and got the WETH; the treasury holds aWETH.
        XCTAssertEqual(try f.ledger.balance(of: F.liquidator, in: F.weth.address) - liquidatorWETH, 4_399_999_999_999_999_999)
        XCTAssertEqual(try liquidatorUSDC - f.ledger.balance(of: F.liquidator, in: F.usdc.address), units(8_000, 6))
        XCTAssertEqual(f.pool.position(of: F.treasury).scaledATokenBalance(0), 21_052_631_578_947_369)
        XCTAssertEqual(f.pool.position(of: F.alice).scaledATokenBalance(0), 5_578_947_368_421_052_632)
        XCTAssertEqual(f.pool.position(of: F.alice).scaledVariableDebt(1), units(8_000, 6))
        XCTAssertEqual(f.pool.invariantViolations(ledger: f.ledger), [])
        XCTAssertEqual(f.ledger.invariantViolations(), [])
        // HF is now (5.578…·1,900·0.83)/8,000 ≈ 1.0997: a second call reverts.
        XCTAssertReverts(.reason("HealthFactorNotBelowThreshold")) { () throws(Revert) in
            try f.liquidate(F.alice, collateral: F.weth, debt: F.usdc, .max)
        }
    }

    /// WETH at $1,800: HF 0.93375 ≤ 0.95 → the whole 16,000 USDC. base = 8 888 888 888 888 888 888,
    /// ×105 % floor = 9 333 333 333 333 333 332; fee = ⌈(9 333… − 8 888 888 888 888 888 887)·10 %⌉ =
    /// 44 444 444 444 444 445; liquidator 9 288 888 888 888 888 887. The debt is gone.
    func testFullLiquidationAtOrBelowPointNinetyFive() throws {
        var f = try position(price: 1_800)
        let receipt = try f.liquidate(F.alice, collateral: F.weth, debt: F.usdc, .max)
        XCTAssertEqual(receipt.healthFactor, UInt256(933_750_000_000_000_000 as UInt64))
        XCTAssertEqual(receipt.debtRepaid, units(16_000, 6))
        XCTAssertEqual(receipt.collateralToLiquidator, 9_288_888_888_888_888_887)
        XCTAssertEqual(receipt.protocolFee, 44_444_444_444_444_445)
        XCTAssertFalse(f.pool.position(of: F.alice).isBorrowingAny)
        XCTAssertTrue(f.pool.position(of: F.alice).isUsingAsCollateral(0), "0.667 WETH remain")
    }

    /// WETH at $1,300 with 14,000 USDC and 2,000 DAI borrowed: 14,000 USDC would need
    /// 11.307… WETH > 10, so all 10 WETH go and the debt is recomputed:
    /// percentDivCeil(⌊1,300e8 · 10e18 · 1e6 / (1e8 · 1e18)⌋, 105 %) = ⌈13,000e6 / 1.05⌉ = 12 380 952 381.
    /// Fee = ⌈(10e18 − 9 523 809 523 809 523 809) · 10 %⌉ = 47 619 047 619 047 620. No collateral
    /// is left: 1 619 047 619 USDC and all 2,000 DAI become deficit (v3.3); gas 380k + 75k.
    func testCappedByCollateralBooksDeficitInEveryDebtReserve() throws {
        var f = AaveFixture()
        try f.supply(F.lp, F.usdc, units(1_000_000, 6))
        try f.supply(F.lp, F.dai, units(1_000_000, 18))
        try f.supply(F.alice, F.weth, units(10, 18))
        try f.borrow(F.alice, F.usdc, units(14_000, 6))
        try f.borrow(F.alice, F.dai, units(2_000, 18))
        f.prices[F.weth.address] = units(1_300, 8)
        let receipt = try f.liquidate(F.alice, collateral: F.weth, debt: F.usdc, .max)
        XCTAssertEqual(receipt.debtRepaid, 12_380_952_381)
        XCTAssertEqual(receipt.collateralToLiquidator, 9_952_380_952_380_952_380)
        XCTAssertEqual(receipt.protocolFee, 47_619_047_619_047_620)
        XCTAssertTrue(receipt.hasNoCollateralLeft)
        XCTAssertEqual(receipt.deficits, [
            .init(asset: F.usdc.address, amount: 1_619_047_619),
            .init(asset: F.dai.address, amount: units(2_000, 18)),
        ])
        XCTAssertEqual(receipt.gasUsed, 455_000)
        XCTAssertEqual(receipt.events.map(\.name), ["DeficitCreated", "DeficitCreated", "LiquidationCall"])
        XCTAssertEqual(f.pool.reserve(for: F.usdc.address)?.deficit, 1_619_047_619)
        XCTAssertEqual(f.pool.reserve(for: F.dai.address)?.deficit, units(2_000, 18))
        let alice = f.pool.position(of: F.alice)
        XCTAssertTrue(alice.isEmpty)
        XCTAssertEqual(alice.scaledVariableDebt(1), .zero)
        XCTAssertEqual(alice.scaledVariableDebt(2), .zero)
        XCTAssertEqual(f.pool.invariantViolations(ledger: f.ledger), [])
    }

    /// Under the v3.0 rules the same liquidation leaves the debt on the account.
    func testCappedByCollateralUnderV3_0KeepsTheDebt() throws {
        var f = AaveFixture(rules: .v3_0)
        try f.supply(F.lp, F.usdc, units(1_000_000, 6))
        try f.supply(F.alice, F.weth, units(10, 18))
        try f.borrow(F.alice, F.usdc, units(14_000, 6))
        f.prices[F.weth.address] = units(1_300, 8)
        let receipt = try f.liquidate(F.alice, collateral: F.weth, debt: F.usdc, .max)
        XCTAssertEqual(receipt.debtRepaid, 12_380_952_381)
        XCTAssertFalse(receipt.hasNoCollateralLeft)
        XCTAssertEqual(receipt.deficits, [])
        XCTAssertEqual(try f.pool.variableDebt(of: F.alice, asset: F.usdc.address, timestamp: f.time), 1_619_047_619)
        XCTAssertFalse(f.pool.position(of: F.alice).isUsingAsCollateral(0))
        XCTAssertEqual(f.pool.reserve(for: F.usdc.address)?.deficit, .zero)
    }

    /// v3.0: HF 0.985625 > 0.95 → 50 % of *this reserve's* debt (percentMul(16,000e6, 50 %)).
    func testV3_0CloseFactorIsHalfTheReserveDebt() throws {
        var f = try position(price: 1_900, rules: .v3_0)
        let receipt = try f.liquidate(F.alice, collateral: F.weth, debt: F.usdc, .max)
        XCTAssertEqual(receipt.maxLiquidatableDebt, units(8_000, 6))
        XCTAssertEqual(receipt.debtRepaid, units(8_000, 6))
    }

    /// Collateral worth less than $2,000: 100 % even though HF 0.996 > 0.95.
    func testSmallPositionClosesFully() throws {
        var f = AaveFixture()
        try f.supply(F.lp, F.usdc, units(1_000_000, 6))
        try f.supply(F.bob, F.weth, units(1, 18))
        try f.borrow(F.bob, F.usdc, units(1_500, 6))
        f.prices[F.weth.address] = units(1_800, 8)
        let receipt = try f.liquidate(F.bob, collateral: F.weth, debt: F.usdc, .max)
        XCTAssertEqual(receipt.healthFactor, UInt256(996_000_000_000_000_000 as UInt64))
        XCTAssertEqual(receipt.debtRepaid, units(1_500, 6))
    }

    /// 2 WETH against 3,000 USDC at $1,700 (HF 0.9407): repaying 2,500 would leave $500 of debt
    /// → `MustNotLeaveDust`, state unchanged; 1,990 leaves $1,010 of debt and 0.77 WETH → fine.
    func testDustRule() throws {
        var f = AaveFixture()
        try f.supply(F.lp, F.usdc, units(1_000_000, 6))
        try f.supply(F.bob, F.weth, units(2, 18))
        try f.borrow(F.bob, F.usdc, units(3_000, 6))
        f.prices[F.weth.address] = units(1_700, 8)
        let (pool, ledger) = (f.pool, f.ledger)
        XCTAssertReverts(.reason("MustNotLeaveDust")) { () throws(Revert) in
            try f.liquidate(F.bob, collateral: F.weth, debt: F.usdc, units(2_500, 6))
        }
        XCTAssertEqual(f.pool, pool)
        XCTAssertEqual(f.ledger, ledger)
        var whole = f
        XCTAssertEqual(try f.liquidate(F.bob, collateral: F.weth, debt: F.usdc, units(1_990, 6)).debtRepaid, units(1_990, 6))
        // Repaying the whole debt is always allowed.
        XCTAssertEqual(try whole.liquidate(F.bob, collateral: F.weth, debt: F.usdc, .max).debtRepaid, units(3_000, 6))
    }

    /// The liquidator may take aWETH instead of WETH: scaled aTokens move, the pool keeps the
    /// underlying, and the liquidator's new aWETH is not flagged as collateral.
    func testReceiveATokens() throws {
        var f = try position(price: 1_900)
        let held = f.ledger.balance(of: F.pool, in: F.weth.address)
        let receipt = try f.liquidate(F.alice, collateral: F.weth, debt: F.usdc, units(8_000, 6), receiveAToken: true)
        XCTAssertEqual(f.pool.position(of: F.liquidator).scaledATokenBalance(0), receipt.collateralToLiquidator)
        XCTAssertFalse(f.pool.position(of: F.liquidator).isUsingAsCollateral(0))
        XCTAssertEqual(f.ledger.balance(of: F.pool, in: F.weth.address), held)
        XCTAssertEqual(f.pool.invariantViolations(ledger: f.ledger), [])
    }

    /// Each validation of `validateLiquidationCall`, and the liquidator's missing allowance; every
    /// reverted call leaves pool and ledger as they were.
    func testRevertsLeaveStateUnchanged() throws {
        var f = try position(price: 2_000)
        expectRevert("HealthFactorNotBelowThreshold", &f)
        f.prices[F.weth.address] = units(1_700, 8)
        expectRevert("CollateralCannotBeLiquidated", &f, collateral: F.dai)
        expectRevert("SpecifiedCurrencyNotBorrowedByUser", &f, debt: F.dai)
        expectRevert("SelfLiquidation", &f, by: F.alice)
        expectRevert("InvalidBurnAmount", &f, amount: .zero)
        try f.ledger.approve(.zero, of: F.usdc.address, owner: F.liquidator, spender: F.pool)
        expectRevert("ERC20: insufficient allowance", &f)
        try f.ledger.approve(.max, of: F.usdc.address, owner: F.liquidator, spender: F.pool)
        var paused = F.usdcConfiguration
        paused.isPaused = true
        let time = f.time
        try f.pool.setConfiguration(paused, of: F.usdc.address, timestamp: time)
        expectRevert("ReservePaused", &f)
        try f.pool.setConfiguration(F.usdcConfiguration, of: F.usdc.address, timestamp: time)
        let (context, prices) = (f.context(F.liquidator), f.prices)
        XCTAssertReverts(.reason("AssetNotListed")) { () throws(Revert) in
            try f.pool.liquidationCall(collateralAsset: account(0xBAD), debtAsset: F.usdc.address, user: F.alice,
                                       debtToCover: 1, receiveAToken: false, context: context, prices: prices, ledger: &f.ledger)
        }
        XCTAssertNoThrow(try f.liquidate(F.alice, collateral: F.weth, debt: F.usdc, units(100, 6)))
    }

    private func expectRevert(_ reason: String, _ f: inout AaveFixture, collateral: Token = F.weth, debt: Token = F.usdc,
                              amount: UInt256 = units(100, 6), by liquidator: Address = F.liquidator, line: UInt = #line) {
        let (pool, ledger) = (f.pool, f.ledger)
        do {
            let receipt = try f.liquidate(F.alice, collateral: collateral, debt: debt, amount, by: liquidator)
            XCTFail("expected \(reason), got \(receipt)", line: line)
        } catch {
            XCTAssertEqual(error, .reason(reason), line: line)
        }
        XCTAssertEqual(f.pool, pool, line: line)
        XCTAssertEqual(f.ledger, ledger, line: line)
    }
}
