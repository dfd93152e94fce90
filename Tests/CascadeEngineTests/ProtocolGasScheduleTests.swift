import CascadeChain
import CascadeEngine
import CascadeMath
import CascadeProtocols
import XCTest

/// A protocol file's `[gas]` table overrides the cited defaults, the executed calls charge the
/// overridden figures, and bad entries are located errors.
final class ProtocolGasScheduleTests: XCTestCase {
    func load(_ text: String) throws -> ProtocolDefinition {
        try ProtocolDefinitionLoader.parse(text: text, source: "test.toml")
    }

    /// The single problem of loading `text`.
    func problem(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> ConfigurationError.Problem? {
        do {
            _ = try ProtocolDefinitionLoader.parse(text: text, source: "test.toml")
            XCTFail("expected an error", file: file, line: line)
        } catch {
            XCTAssertEqual(error.problems.count, 1, "\(error)", file: file, line: line)
            return error.problems.first
        }
        return nil
    }

    func testWithoutAGasTableTheDefaultsApply() throws {
        guard case .aaveV3(let aave) = try load(ProtocolDefinitionErrorTests.aave) else { return XCTFail("kind") }
        XCTAssertEqual(aave.pool.gasSchedule, .default)
        guard case .maker(let maker) = try load(ProtocolDefinitionErrorTests.maker) else { return XCTFail("kind") }
        XCTAssertEqual(maker.gasSchedule, .standard)
    }

    func testAaveOverrideIsChargedByAnExecutedLiquidation() throws {
        guard case .aaveV3(let aave) = try load(ProtocolDefinitionErrorTests.aave + """

            [gas]
            liquidation_call = 250_000
            reverted_call = "70_000"
            """) else { return XCTFail("kind") }
        XCTAssertEqual(aave.pool.gasSchedule.liquidationCall, 250_000)
        XCTAssertEqual(aave.pool.gasSchedule.revertedCall, 70_000)
        XCTAssertEqual(aave.pool.gasSchedule.supply, AaveGasSchedule.default.supply, "entries not named keep their defaults")

        // One WETH reserve lent and borrowed against itself is never liquidatable; add USDC.
        let weth = aave.reserves[0]
        let usdc = Token(address: Address(truncating: 0xA0B8), symbol: "USDC", decimals: 6)
        var usdcTerms = weth.configuration
        usdcTerms.ltv = 7_700
        usdcTerms.liquidationThreshold = 8_000
        var pool = AavePool(configuration: aave.pool)
        var ledger = TokenLedger()
        let t0: UInt64 = 1_700_000_000
        for (token, terms) in [(weth.token, weth.configuration), (usdc, usdcTerms)] {
            ledger.register(token)
            pool.listReserve(token, configuration: terms, timestamp: t0)
        }
        let (lender, borrower, liquidator) = (Address(truncating: 1), Address(truncating: 2), Address(truncating: 3))
        for user in [lender, borrower, liquidator] {
            for token in [weth.token, usdc] {
                try ledger.mint(UInt256(1_000_000) &* pow10(token.decimals), of: token.address, to: user)
                try ledger.approve(.max, of: token.address, owner: user, spender: aave.pool.address)
            }
        }
        var prices = AssetPrices()
        prices[weth.token.address] = 2_000 &* pow10(8)
        prices[usdc.address] = pow10(8)
        let context = { (sender: Address) in CallContext(sender: sender, blockNumber: 1, timestamp: t0) }
        _ = try pool.execute(.aaveSupply(asset: usdc.address, amount: 100_000 &* pow10(6), onBehalfOf: lender, referralCode: 0),
                             context: context(lender), prices: prices, ledger: &ledger)
        _ = try pool.execute(.aaveSupply(asset: weth.token.address, amount: pow10(18), onBehalfOf: borrower, referralCode: 0),
                             context: context(borrower), prices: prices, ledger: &ledger)
        _ = try pool.execute(.aaveBorrow(asset: usdc.address, amount: 1_600 &* pow10(6), interestRateMode: 2, referralCode: 0,
                                         onBehalfOf: borrower), context: context(borrower), prices: prices, ledger: &ledger)
        prices[weth.token.address] = 1_800 &* pow10(8)   // HF = 1,800 · 0.83 / 1,600 ≈ 0.93
        let outcome = try pool.execute(
            .aaveLiquidationCall(collateralAsset: weth.token.address, debtAsset: usdc.address, user: borrower,
                                 debtToCover: 100 &* pow10(6), receiveAToken: false),
            context: context(liquidator), prices: prices, ledger: &ledger)
        XCTAssertEqual(outcome.gasUsed, 250_000)
        XCTAssertEqual(pool.revertGas(for: .aaveSupply(asset: usdc.address, amount: .one, onBehalfOf: lender, referralCode: 0)), 70_000)
    }

    func testMakerOverrideIsChargedByAnExecutedCall() throws {
        guard case .maker(let parameters) = try load(ProtocolDefinitionErrorTests.maker + "\n[gas]\ndrip = 61_234\n") else {
            return XCTFail("kind")
        }
        var maker = try Maker(parameters: parameters, now: 1_700_000_000)
        var ledger = TokenLedger()
        let outcome = try maker.execute(.jugDrip(ilk: Bytes32(ascii: "ETH-A")!),
                                        context: CallContext(sender: Address(truncating: 1), blockNumber: 1, timestamp: 1_700_000_012),
                                        ledger: &ledger)
        XCTAssertEqual(outcome.gasUsed, 61_234)
        XCTAssertEqual(maker.gasSchedule.take, MakerGasSchedule.standard.take)
    }

    func testUniswapOverrideIsChargedByAnExecutedSwap() throws {
        guard case .uniswapV2(let uniswap) = try load("""
            kind = "uniswap-v2"
            [pairs.A-B]
            address = "0xb4e16d0168e52d35cacd2c6185b44281ec28c9dc"
            [pairs.A-B.token_a]
            symbol = "A"
            address = "0x0000000000000000000000000000000000000a0a"
            decimals = 18
            reserve = "1_000"
            [pairs.A-B.token_b]
            symbol = "B"
            address = "0x0000000000000000000000000000000000000b0b"
            decimals = 18
            reserve = "1_000"
            [gas]
            swap = 88_000
            """) else { return XCTFail("kind") }
        let definition = uniswap.pairs[0]
        var ledger = TokenLedger()
        ledger.register(definition.tokenA)
        ledger.register(definition.tokenB)
        var pair = UniswapV2Pair(address: definition.address, tokenA: definition.tokenA, tokenB: definition.tokenB,
                                 ledger: &ledger, gas: uniswap.gasSchedule)
        let trader = Address(truncating: 7)
        let context = CallContext(sender: trader, blockNumber: 1, timestamp: 1_700_000_000)
        try ledger.mint(definition.reserveA, of: definition.tokenA.address, to: definition.address)
        try ledger.mint(definition.reserveB, of: definition.tokenB.address, to: definition.address)
        _ = try pair.mint(to: trader, context: context, ledger: &ledger)
        try ledger.mint(pow10(18), of: definition.tokenA.address, to: trader)
        try ledger.transfer(pow10(18), of: definition.tokenA.address, from: trader, to: definition.address)
        let out = try pair.getAmountOut(amountIn: pow10(18), tokenIn: definition.tokenA.address)
        let (amount0Out, amount1Out) = pair.token0.address == definition.tokenA.address ? (UInt256.zero, out) : (out, .zero)
        let outcome = try pair.execute(.uniswapV2Swap(amount0Out: amount0Out, amount1Out: amount1Out, to: trader, data: []),
                                       context: context, ledger: &ledger)
        XCTAssertEqual(outcome.gasUsed, 88_000)
    }

    func testCompoundOverride() throws {
        let text = try String(contentsOfFile: ProtocolFilesTests.path("compound-v2.toml"), encoding: .utf8)
        guard case .compoundV2(let compound) = try load(text + "\n[gas]\nliquidate_borrow = 500_000\n") else { return XCTFail("kind") }
        XCTAssertEqual(compound.comptroller.gasSchedule.liquidateBorrow, 500_000)
        XCTAssertEqual(compound.comptroller.gasSchedule.mint, CompoundGasSchedule.default.mint)
    }

    func testUnknownEntryListsTheNames() {
        let p = problem(ProtocolDefinitionErrorTests.aave + "\n[gas]\nliquidation_cal = 250_000\n")
        XCTAssertEqual(p?.key, "gas.liquidation_cal")
        XCTAssertEqual(p?.line, 20)
        XCTAssertEqual(p?.expected, "one of " + AaveGasSchedule.entries.map(\.name).sorted().joined(separator: ", "))
    }

    func testWrongTypeIsLocated() {
        let float = problem(ProtocolDefinitionErrorTests.aave + "\n[gas]\nliquidation_call = 2.5e5\n")
        XCTAssertEqual(float?.key, "gas.liquidation_call")
        XCTAssertEqual(float?.line, 20)
        XCTAssertTrue(float?.found.hasPrefix("float") == true, float?.found ?? "")
        let text = problem(ProtocolDefinitionErrorTests.maker + "\n[gas]\ntake = \"120k\"\n")
        XCTAssertEqual(text?.key, "gas.take")
        XCTAssertTrue(text?.expected.contains("gas of the whole transaction") == true, text?.expected ?? "")
        let negative = problem(ProtocolDefinitionErrorTests.maker + "\n[gas]\ntake = -1\n")
        XCTAssertEqual(negative?.key, "gas.take")
    }

    func testTransactionFiguresBelowIntrinsicGasAreRefused() throws {
        let p = problem(ProtocolDefinitionErrorTests.aave + "\n[gas]\nsupply = 20_999\n")
        XCTAssertEqual(p?.key, "gas.supply")
        XCTAssertEqual(p?.line, 20)
        XCTAssertEqual(p?.found, "20999")
        XCTAssertTrue(p?.expected.hasPrefix("at least 21000") == true, p?.expected ?? "")
        let maker = problem(ProtocolDefinitionErrorTests.maker + "\n[gas]\nreverted = 0\n")
        XCTAssertEqual(maker?.key, "gas.reverted")
        // An increment may be zero; exactly 21,000 is a valid transaction.
        guard case .aaveV3(let aave) = try load(ProtocolDefinitionErrorTests.aave + """

            [gas]
            liquidation_per_bad_debt_reserve = 0
            reverted_call = 21_000
            """) else { return XCTFail("kind") }
        XCTAssertEqual(aave.pool.gasSchedule.liquidationPerBadDebtReserve, 0)
        XCTAssertEqual(aave.pool.gasSchedule.revertedCall, 21_000)
    }
}

/// 10^k as a UInt256.
private func pow10(_ k: UInt8) -> UInt256 {
    (0..<k).reduce(UInt256.one) { value, _ in value &* 10 }
}
