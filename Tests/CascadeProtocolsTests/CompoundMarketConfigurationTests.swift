import CascadeMath
import CascadeProtocols
import XCTest

final class CompoundMarketConfigurationTests: XCTestCase {
    func testValidationNamesTheKey() {
        XCTAssertEqual(CompoundFixture.ethConfiguration().validationErrors(key: "markets.cETH"), [])
        var config = CompoundFixture.ethConfiguration()
        config.collateralFactorMantissa = 95 &* CompoundFixture.e16
        config.protocolSeizeShareMantissa = CompoundMath.expScale
        XCTAssertEqual(config.validationErrors(key: "markets.cETH").map(\.description), [
            "markets.cETH.collateral_factor: expected ≤ 0.9e18 (collateralFactorMaxMantissa), found 950000000000000000",
            "markets.cETH.protocol_seize_share: expected < 1e18, found 1000000000000000000",
        ])
        let comptroller = CompoundComptrollerConfiguration(closeFactorMantissa: .zero,
                                                           liquidationIncentiveMantissa: 99 &* CompoundFixture.e16)
        XCTAssertEqual(comptroller.validationErrors(key: "comptroller").map(\.key),
                       ["comptroller.close_factor", "comptroller.liquidation_incentive"])
        XCTAssertEqual(CompoundComptrollerConfiguration().validationErrors(key: "comptroller"), [])
    }

    /// JumpRateModel: per-block rates are yearly ÷ 2,102,400 (truncated); at 50 % usage of a
    /// 0/4 %/109 %/80 % curve the borrow rate is ⌊0.5 · ⌊0.04e18/2,102,400⌋⌋ per block.
    func testJumpRateModel() throws {
        let model = CompoundFixture.model([.zero, 4 &* CompoundFixture.e16, 109 &* CompoundFixture.e16, 80 &* CompoundFixture.e16])
        XCTAssertEqual(model.multiplierPerBlock, 19_025_875_190)
        XCTAssertEqual(try model.utilizationRate(cash: 50, borrows: 50, reserves: 0), 500_000_000_000_000_000)
        XCTAssertEqual(try model.borrowRate(cash: 50, borrows: 50, reserves: 0), 9_512_937_595)
        // 90 % usage: kink part ⌊0.8 · m⌋ + ⌊0.1 · jump⌋.
        let jump = model.jumpMultiplierPerBlock
        XCTAssertEqual(try model.borrowRate(cash: 10, borrows: 90, reserves: 0),
                       try CompoundMath.mulScalarTruncate(80 &* CompoundFixture.e16, 19_025_875_190)
                       + CompoundMath.mulScalarTruncate(10 &* CompoundFixture.e16, jump))
        XCTAssertEqual(try model.borrowRate(cash: 10, borrows: 0, reserves: 0), .zero)
    }
}
