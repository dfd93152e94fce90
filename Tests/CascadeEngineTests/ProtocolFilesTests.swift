import CascadeChain
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
        // REFERENCE.md (Oct 2023) and the pool snapshot of 31 Oct 2023 cited in the file.
        let weth = AaveReserveConfiguration(
            ltv: 8_050, liquidationThreshold: 8_300, liquidationBonus: 10_500,
            liquidationProtocolFee: 1_000, reserveFactor: 1_500, supplyCap: 1_800_000, borrowCap: 1_400_000,
            interestRateStrategy: .init(optimalUsageRatio: 9_000, baseVariableBorrowRate: 0,
                                        variableRateSlope1: 380, variableRateSlope2: 8_000))
        XCTAssertEqual(aave.reserves[0].configuration, weth)
        XCTAssertEqual(aave.reserves[1].configuration.interestRateStrategy,
                       AaveInterestRateStrategy(optimalUsageRatio: 4_500, baseVariableBorrowRate: 0,
                                                variableRateSlope1: 400, variableRateSlope2: 30_000))
        XCTAssertEqual(aave.reserves[3].configuration.interestRateStrategy,
                       AaveInterestRateStrategy(optimalUsageRatio: 9_000, baseVariableBorrowRate: 0,
                                                variableRateSlope1: 500, variableRateSlope2: 7_500))
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
        // October 2021 (the sources are in the file).
        XCTAssertEqual(compound.markets.map(\.configuration.collateralFactorMantissa), [75 &* e16, 75 &* e16, 75 &* e16, 65 &* e16])
        XCTAssertEqual(usdc.configuration.reserveFactorMantissa, 75 &* UInt256(1_000_000_000_000_000 as UInt64))
        // cETH's WhitePaper model (2 % + 10 % × utilisation) as a jump model with its kink at 100 %.
        XCTAssertEqual(compound.markets[0].configuration.interestRateModel,
                       CompoundJumpRateModel(baseRatePerYear: 2 &* e16, multiplierPerYear: 10 &* e16,
                                             jumpMultiplierPerYear: .zero, kink: 100 &* e16))
    }

    func testUniswapValues() throws {
        guard case .uniswapV2(let uniswap) = try ProtocolDefinitionLoader.load(path: Self.path("uniswap-v2.toml")) else {
            return XCTFail("kind")
        }
        XCTAssertEqual(uniswap.pairs.map(\.name), ["WETH-USDC", "WETH-DAI"])
        XCTAssertEqual(uniswap.pairs[1].reserveA, 23_200 &* UInt256(1_000_000_000_000_000_000 as UInt64))
        // getReserves() of 5 Nov 2021, raw units, as quoted in the file.
        XCTAssertEqual(uniswap.pairs[0].reserveA, UInt256(decimal: "24147939422729143528620"))
        XCTAssertEqual(uniswap.pairs[0].reserveB, UInt256(108_170_733_532_523 as UInt64))
        XCTAssertEqual(uniswap.gasSchedule, UniswapV2GasSchedule())
    }

    /// Each pair's address is where the v2 factory deployed the pair of its two tokens:
    /// `UniswapV2Library.pairFor` (Uniswap/v2-periphery), CREATE2 over the factory with the pair's
    /// init code hash and the sorted token addresses as salt.
    func testUniswapPairAddressesAreTheFactoryPairs() throws {
        guard case .uniswapV2(let uniswap) = try ProtocolDefinitionLoader.load(path: Self.path("uniswap-v2.toml")) else {
            return XCTFail("kind")
        }
        let factory = try Address(hex: "0x5C69bEe701ef814a2B6a3EDD4B1652CB9cc5aA6f")
        let initCodeHash = Bytes32(hex: "0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f")!
        for pair in uniswap.pairs {
            let (token0, token1) = pair.tokenA.address < pair.tokenB.address
                ? (pair.tokenA.address, pair.tokenB.address) : (pair.tokenB.address, pair.tokenA.address)
            let salt = Keccak256.hash(token0.bytes + token1.bytes).bytes
            let digest = Keccak256.hash([0xFF] + factory.bytes + salt + initCodeHash.bytes).bytes
            XCTAssertEqual(pair.address, Address(bytes: digest.suffix(20)), pair.name)
        }
    }
}
