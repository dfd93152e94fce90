import CascadeProtocols
import XCTest

final class AaveReserveConfigurationTests: XCTestCase {
    func testLiveParametersAreValid() {
        for config in [AaveFixture.wethConfiguration, AaveFixture.usdcConfiguration, AaveFixture.daiConfiguration,
                       AaveFixture.wbtcConfiguration] {
            XCTAssertEqual(config.validationErrors(key: "reserves.X"), [])
        }
    }

    /// Each rule of `PoolConfigurator.configureReserveAsCollateral` and the setters, reported with
    /// its key, what was expected and what was found.
    func testValidationErrorsNameKeyExpectedAndFound() {
        var config = AaveFixture.wethConfiguration
        config.ltv = 8_500
        config.liquidationThreshold = 8_000
        XCTAssertEqual(config.validationErrors(key: "reserves.WETH").map(\.description),
                       ["reserves.WETH.liquidation_threshold: expected ≥ ltv (8500), found 8000"])

        config = AaveFixture.wethConfiguration
        config.liquidationBonus = 10_000
        XCTAssertEqual(config.validationErrors(key: "reserves.WETH").map(\.key), ["reserves.WETH.liquidation_bonus"])

        // 95 % threshold × 106 % bonus = 100.7 % > 100 %: not enough collateral to pay the bonus.
        config = AaveFixture.wethConfiguration
        config.liquidationThreshold = 9_500
        config.liquidationBonus = 10_600
        let errors = config.validationErrors(key: "reserves.WETH")
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.key, "reserves.WETH.liquidation_bonus")
        XCTAssertEqual(errors.first?.found, "10600 (product 10070)")

        config = AaveFixture.wethConfiguration
        config.liquidationProtocolFee = 10_001
        config.reserveFactor = 20_000
        config.supplyCap = AaveReserveConfiguration.maxValidCap + 1
        XCTAssertEqual(config.validationErrors(key: "r").map(\.key),
                       ["r.liquidation_protocol_fee", "r.reserve_factor", "r.supply_cap"])

        config = AaveFixture.wethConfiguration
        config.ltv = 0
        config.liquidationThreshold = 0
        XCTAssertEqual(config.validationErrors(key: "r").map(\.description),
                       ["r.liquidation_bonus: expected 0 when liquidation_threshold is 0, found 10500"])
    }
}
