import CascadeEngine
import CascadeMath
import CascadeProtocols
import XCTest

/// Every shipped `protocols/*.toml` loads, validates and matches the Swift presets.
final class ProtocolFilesTests: XCTestCase {
    /// The repository root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ name: String) -> String { root.appendingPathComponent("protocols/\(name)").path }

    func testEveryShippedFileLoads() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("protocols").path)
            .filter { $0.hasSuffix(".toml") }.sorted()
        XCTAssertEqual(names, ["aave-v3-ethereum.toml", "compound-v2.toml", "maker-mcd-2020.toml", "maker-mcd-clip.toml", "uniswap-v2.toml"])
        for name in names {
            XCTAssertNoThrow(try ProtocolDefinitionLoader.load(path: Self.path(name)), name)
        }
    }

    func testMaker2020EqualsBlackThursdayPreset() throws {
        XCTAssertEqual(try ProtocolDefinitionLoader.load(path: Self.path("maker-mcd-2020.toml")), .maker(.blackThursday2020))
    }

    func testMakerClipEqualsLiquidations2Preset() throws {
        XCTAssertEqual(try ProtocolDefinitionLoader.load(path: Self.path("maker-mcd-clip.toml")), .maker(.liquidations2))
    }

    func testAaveValuesMatchReference() throws {
        guard case .aaveV3(let aave) = try ProtocolDefinitionLoader.load(path: Self.path("aave-v3-ethereum.toml")) else {
            return XCTFail("kind")
        }
        XCTAssertEqual(aave.reserves.map(\.token.symbol), ["WETH", "WBTC", "USDC", "DAI"])
        // The AaveReserveConfiguration doc example (REFERENCE.md, Oct 2023).
        let weth = AaveReserveConfiguration(
            ltv: 8_050, liquidationThreshold: 8_300, liquidationBonus: 10_500,
            liquidationProtocolFee: 1_000, reserveFactor: 1_500,
            interestRateStrategy: .init(optimalUsageRatio: 9_000, baseVariableBorrowRate: 0,
                                        variableRateSlope1: 270, variableRateSlope2: 8_000))
        XCTAssertEqual(aave.reserves[0].configuration, weth)
        XCTAssertEqual(aave.reserves[2].token.decimals, 6)
        XCTAssertEqual(aave.reserves[2].configuration.liquidationBonus, 10_450)
        XCTAssertEqual(aave.pool.liquidationRules, .v3_0)
    }

    func testCompoundValues() throws {
        guard case .compoundV2(let compound) = try ProtocolDefinitionLoader.load(path: Self.path("compound-v2.toml")) else {
            return XCTFail("kind")
        }
        let e16 = UInt256(10_000_000_000_000_000 as UInt64)
        XCTAssertEqual(compound.comptroller.closeFactorMantissa, 50 &* e16)
        XCTAssertEqual(compound.comptroller.liquidationIncentiveMantissa, 108 &* e16)
        let usdc = compound.markets[1]
        XCTAssertEqual(usdc.name, "cUSDC")
        XCTAssertEqual(usdc.configuration.initialExchangeRateMantissa, 2 &* UInt256(100_000_000_000_000 as UInt64))
        XCTAssertEqual(usdc.configuration.protocolSeizeShareMantissa, CompoundMarketConfiguration.protocolSeizeShare2021)
        XCTAssertEqual(usdc.configuration.interestRateModel,
                       CompoundJumpRateModel(baseRatePerYear: .zero, multiplierPerYear: 4 &* e16,
                                             jumpMultiplierPerYear: 109 &* e16, kink: 80 &* e16))
    }

    func testUniswapValues() throws {
        guard case .uniswapV2(let uniswap) = try ProtocolDefinitionLoader.load(path: Self.path("uniswap-v2.toml")) else {
            return XCTFail("kind")
        }
        XCTAssertEqual(uniswap.pairs.map(\.name), ["WETH-USDC", "WETH-DAI"])
        XCTAssertEqual(uniswap.pairs[1].reserveA, 23_200 &* UInt256(1_000_000_000_000_000_000 as UInt64))
        XCTAssertEqual(uniswap.pairs[0].reserveB, UInt256(7_800_000_000_000 as UInt64))
    }
}
