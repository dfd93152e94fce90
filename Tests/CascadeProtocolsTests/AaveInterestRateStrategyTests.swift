import CascadeMath
import CascadeProtocols
import XCTest

final class AaveInterestRateStrategyTests: XCTestCase {
    /// USDC-like curve: 0 % base, 6.5 % slope 1 to 92 %, 60 % slope 2.
    let usdc = AaveInterestRateStrategy(optimalUsageRatio: 9_200, baseVariableBorrowRate: 0,
                                        variableRateSlope1: 650, variableRateSlope2: 6_000)
    let bps = UInt256(100_000_000_000_000_000_000_000 as UInt128)   // 1 bp in ray

    func testNoDebtPaysTheBaseRate() throws {
        let curve = AaveInterestRateStrategy(optimalUsageRatio: 8_000, baseVariableBorrowRate: 100,
                                             variableRateSlope1: 400, variableRateSlope2: 6_000)
        let rates = try curve.calculateInterestRates(unbacked: .zero, liquidityAdded: 5, liquidityTaken: .zero, totalDebt: .zero,
                                                     reserveFactor: 1_000, virtualUnderlyingBalance: 100)
        XCTAssertEqual(rates.liquidityRate, .zero)
        XCTAssertEqual(rates.variableBorrowRate, 100 &* bps)
    }

    /// At the kink exactly: 6.5 %; above it 6.5 % + 60 % · (u − 92 %)/(8 %): at 96 % → 36.5 %.
    /// Supply rate = borrow rate · usage · (1 − reserve factor).
    func testKinkedCurve() throws {
        // 920 debt, 80 available → 92 % usage.
        let atKink = try usdc.calculateInterestRates(unbacked: .zero, liquidityAdded: .zero, liquidityTaken: .zero,
                                                     totalDebt: 920, reserveFactor: 1_000, virtualUnderlyingBalance: 80)
        XCTAssertEqual(atKink.variableBorrowRate, 650 &* bps)
        // liquidity rate = percentMul(rayMul(6.5 %, 92 %), 90 %) = 5.382 %.
        XCTAssertEqual(atKink.liquidityRate, UInt256(53_820_000_000_000_000_000_000_000 as UInt128))
        let above = try usdc.calculateInterestRates(unbacked: .zero, liquidityAdded: .zero, liquidityTaken: .zero,
                                                    totalDebt: 960, reserveFactor: 1_000, virtualUnderlyingBalance: 40)
        XCTAssertEqual(above.variableBorrowRate, 3_650 &* bps)
        // A deficit counts as supply that earns nothing: it lowers the supply usage only.
        let withDeficit = try usdc.calculateInterestRates(unbacked: 1_000, liquidityAdded: .zero, liquidityTaken: .zero,
                                                          totalDebt: 960, reserveFactor: 1_000, virtualUnderlyingBalance: 40)
        XCTAssertEqual(withDeficit.variableBorrowRate, above.variableBorrowRate)
        XCTAssertLessThan(withDeficit.liquidityRate, above.liquidityRate)
        XCTAssertReverts(.underflow) { () throws(Revert) in
            try self.usdc.calculateInterestRates(unbacked: .zero, liquidityAdded: .zero, liquidityTaken: 41, totalDebt: 960,
                                                 reserveFactor: 0, virtualUnderlyingBalance: 40)
        }
    }

    func testValidationNamesTheKey() {
        let bad = AaveInterestRateStrategy(optimalUsageRatio: 9_950, baseVariableBorrowRate: 90_000,
                                           variableRateSlope1: 8_000, variableRateSlope2: 7_000)
        XCTAssertEqual(bad.validationErrors(key: "reserves.USDC.interest_rate").map(\.description), [
            "reserves.USDC.interest_rate.optimal_usage_ratio: expected between 100 and 9900 bps (1 %…99 %), found 9950",
            "reserves.USDC.interest_rate.variable_rate_slope2: expected ≥ variable_rate_slope1 (8000), found 7000",
            "reserves.USDC.interest_rate: expected base + slope1 + slope2 ≤ 100000 bps (1000 % a year), found 105000",
        ])
        XCTAssertEqual(usdc.validationErrors(key: "x"), [])
    }
}
