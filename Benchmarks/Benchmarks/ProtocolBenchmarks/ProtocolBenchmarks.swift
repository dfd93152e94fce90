import Benchmark
import CascadeChain
import CascadeMath
import CascadeProtocols

/// The lending models' hot paths: an Aave v3 `liquidationCall` executed against the pool state
/// (no signing, no decoding: what the block builder runs per liquidation transaction), the health
/// factor of one position, and a Compound v2 `liquidateBorrow`.
// Every benchmark keeps its world alive past `stopMeasurement()` (`blackHole(world)`): Swift may
// end a value's lifetime at its last use, and deallocating a world of 1,000 accounts inside the
// measured region would be timed as part of the call.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 10,
        scalingFactor: .kilo,
        maxDuration: .seconds(2)
    )

    // Each sample starts from fresh state (excluded from the measurement): 256 accounts with
    // 10 WETH against 16,000 USDC, WETH at $1,800 (HF 0.934), liquidated 1 USDC at a time in turn,
    // one block (12 s) apart, so both reserves accrue interest on every call. Each account can
    // take ≈ 8,000 such calls before it is healthy again.
    Benchmark("liquidationCall executed (no crypto)") { benchmark in
        var world = AaveWorld(accounts: 256, liquidatablePrice: 1_800)
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations {
            world.time += 12
            let borrower = world.borrowers[i & 255]
            blackHole(try world.pool.liquidationCall(
                collateralAsset: AaveWorld.weth.address, debtAsset: AaveWorld.usdc.address, user: borrower,
                debtToCover: 1_000_000, receiveAToken: false,
                context: CallContext(sender: AaveWorld.liquidator, blockNumber: world.time / 12, timestamp: world.time),
                prices: world.prices, ledger: &world.ledger))
        }
        benchmark.stopMeasurement()
        blackHole(world)
    }

    // An end-of-block scan: 1,000 two-reserve positions (WETH collateral, USDC debt) at the
    // reserves' update time, with `healthFactors(of:prices:timestamp:)`. One sample is one scan
    // of 1,000 positions, so with the kilo scaling factor the figures are per position.
    Benchmark("health factor recomputation per position") { benchmark in
        let world = AaveWorld(accounts: 1_000, liquidatablePrice: 2_000)
        let time = world.time
        benchmark.startMeasurement()
        blackHole(try world.pool.healthFactors(of: world.borrowers, prices: world.prices, timestamp: time))
        benchmark.stopMeasurement()
        blackHole(world)
    }

    // The same scan one block later: each reserve's indexes are normalised once per scan.
    Benchmark("health factor recomputation per position (indexes one block stale)") { benchmark in
        let world = AaveWorld(accounts: 1_000, liquidatablePrice: 2_000)
        let time = world.time + 12
        benchmark.startMeasurement()
        blackHole(try world.pool.healthFactors(of: world.borrowers, prices: world.prices, timestamp: time))
        benchmark.stopMeasurement()
        blackHole(world)
    }

    // One account on its own (`healthFactor(of:)`): its position and both prices looked up.
    Benchmark("health factor of one account (healthFactor(of:))") { benchmark in
        let world = AaveWorld(accounts: 1_024, liquidatablePrice: 2_000)
        let time = world.time
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations {
            blackHole(try world.pool.healthFactor(of: world.borrowers[i & 1_023], prices: world.prices, timestamp: time))
        }
        benchmark.stopMeasurement()
        blackHole(world)
    }

    // Compound v2: 256 accounts with 10 ETH against 15,000 USDC, ETH at $1,900; 1 USDC repaid per call.
    Benchmark("Compound liquidateBorrow executed (no crypto)") { benchmark in
        var world = CompoundWorld(accounts: 256)
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations {
            world.block += 1
            blackHole(try world.comptroller.liquidateBorrow(
                borrower: world.borrowers[i & 255], repayAmount: 1_000_000, cTokenCollateral: CompoundWorld.cETH,
                target: CompoundWorld.cUSDC, context: CallContext(sender: CompoundWorld.liquidator, blockNumber: world.block, timestamp: 0),
                prices: world.prices, ledger: &world.ledger))
        }
        benchmark.stopMeasurement()
        blackHole(world)
    }
}

private func address(_ id: UInt64) -> Address { Address(truncating: UInt256(id)) }

private func units(_ n: UInt64, _ decimals: UInt8) -> UInt256 {
    var v = UInt256(n)
    for _ in 0..<decimals { v = v &* 10 }
    return v
}

/// An Aave pool with WETH and USDC (Ethereum v3 parameters) and `accounts` borrowers.
private struct AaveWorld {
    static let weth = Token(address: address(0x1001), symbol: "WETH", decimals: 18)
    static let usdc = Token(address: address(0x1002), symbol: "USDC", decimals: 6)
    static let poolAddress = address(0xA0A0)
    static let liquidator = address(0x11C)

    var pool = AavePool(configuration: .init(address: poolAddress, treasury: address(0x7EA5)))
    var ledger = TokenLedger()
    var prices = AssetPrices()
    var borrowers: [Address] = []
    var time: UInt64 = 1_700_000_000

    init(accounts: Int, liquidatablePrice: UInt64) {
        let weth = AaveReserveConfiguration(
            ltv: 8_050, liquidationThreshold: 8_300, liquidationBonus: 10_500, liquidationProtocolFee: 1_000, reserveFactor: 1_500,
            interestRateStrategy: .init(optimalUsageRatio: 9_000, baseVariableBorrowRate: 0, variableRateSlope1: 270, variableRateSlope2: 8_000))
        let usdc = AaveReserveConfiguration(
            ltv: 7_700, liquidationThreshold: 8_000, liquidationBonus: 10_450, liquidationProtocolFee: 2_000, reserveFactor: 1_000,
            interestRateStrategy: .init(optimalUsageRatio: 9_200, baseVariableBorrowRate: 0, variableRateSlope1: 650, variableRateSlope2: 6_000))
        ledger.register(Self.weth)
        ledger.register(Self.usdc)
        pool.listReserve(Self.weth, configuration: weth, timestamp: time)
        pool.listReserve(Self.usdc, configuration: usdc, timestamp: time)
        prices[Self.weth.address] = units(2_000, 8)
        prices[Self.usdc.address] = units(1, 8)
        let lp = address(0x1)
        borrowers = (0..<accounts).map { address(0x10_0000 + UInt64($0)) }
        for user in [lp, Self.liquidator] + borrowers {
            for token in [Self.weth, Self.usdc] {
                try! ledger.mint(units(1_000_000_000, token.decimals), of: token.address, to: user)
                try! ledger.approve(.max, of: token.address, owner: user, spender: Self.poolAddress)
            }
        }
        _ = try! pool.supply(asset: Self.usdc.address, amount: units(100_000_000, 6), onBehalfOf: lp,
                             context: CallContext(sender: lp, blockNumber: 0, timestamp: time), ledger: &ledger)
        for user in borrowers {
            let context = CallContext(sender: user, blockNumber: 0, timestamp: time)
            _ = try! pool.supply(asset: Self.weth.address, amount: units(10, 18), onBehalfOf: user, context: context, ledger: &ledger)
            _ = try! pool.borrow(asset: Self.usdc.address, amount: units(16_000, 6), onBehalfOf: user, context: context,
                                 prices: prices, ledger: &ledger)
        }
        prices[Self.weth.address] = units(liquidatablePrice, 8)
    }
}

/// A Compound deployment with cETH and cUSDC and `accounts` borrowers.
private struct CompoundWorld {
    static let weth = Token(address: address(0x2001), symbol: "WETH", decimals: 18)
    static let usdc = Token(address: address(0x2002), symbol: "USDC", decimals: 6)
    static let cETH = address(0xC2001)
    static let cUSDC = address(0xC2002)
    static let liquidator = address(0x11C)

    var comptroller = CompoundComptroller(configuration: .init())
    var ledger = TokenLedger()
    var prices = AssetPrices()
    var borrowers: [Address] = []
    var block: UInt64 = 12_000_000

    init(accounts: Int) {
        let e16 = UInt256(10_000_000_000_000_000 as UInt64)
        let eth = CompoundMarketConfiguration(
            collateralFactorMantissa: 75 &* e16, reserveFactorMantissa: 20 &* e16, initialExchangeRateMantissa: 2 &* units(1, 26),
            interestRateModel: .init(baseRatePerYear: 2 &* e16, multiplierPerYear: 10 &* e16, jumpMultiplierPerYear: 300 &* e16, kink: 80 &* e16))
        let usdc = CompoundMarketConfiguration(
            collateralFactorMantissa: 80 &* e16, reserveFactorMantissa: 7 &* e16, initialExchangeRateMantissa: 2 &* units(1, 14),
            interestRateModel: .init(baseRatePerYear: .zero, multiplierPerYear: 4 &* e16, jumpMultiplierPerYear: 109 &* e16, kink: 80 &* e16))
        for (token, cToken, config) in [(Self.weth, Self.cETH, eth), (Self.usdc, Self.cUSDC, usdc)] {
            ledger.register(token)
            comptroller.listMarket(cToken: cToken, underlying: token, configuration: config, blockNumber: block)
        }
        prices[Self.weth.address] = units(2_000, 18)
        prices[Self.usdc.address] = units(1, 30)
        let lp = address(0x1)
        borrowers = (0..<accounts).map { address(0x20_0000 + UInt64($0)) }
        for user in [lp, Self.liquidator] + borrowers {
            for (token, cToken) in [(Self.weth, Self.cETH), (Self.usdc, Self.cUSDC)] {
                try! ledger.mint(units(1_000_000_000, token.decimals), of: token.address, to: user)
                try! ledger.approve(.max, of: token.address, owner: user, spender: cToken)
            }
        }
        _ = try! comptroller.mint(mintAmount: units(100_000_000, 6), target: Self.cUSDC,
                                  context: CallContext(sender: lp, blockNumber: block, timestamp: 0), ledger: &ledger)
        for user in borrowers {
            let context = CallContext(sender: user, blockNumber: block, timestamp: 0)
            _ = try! comptroller.mint(mintAmount: units(10, 18), target: Self.cETH, context: context, ledger: &ledger)
            comptroller.enterMarkets([Self.cETH], account: user)
            _ = try! comptroller.borrow(borrowAmount: units(15_000, 6), target: Self.cUSDC, context: context, prices: prices, ledger: &ledger)
        }
        prices[Self.weth.address] = units(1_900, 18)
    }
}
