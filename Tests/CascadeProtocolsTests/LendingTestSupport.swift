import CascadeChain
import CascadeMath
import CascadeProtocols
import Foundation
import XCTest

// Shared fixtures of the lending tests: the reserves and markets of the Python oracle
// (Vectors/gen_lending_vectors.py), funded accounts, and the vector file.

/// A JSON object of the vector file.
typealias JSONObject = [String: Any]

enum LendingVectors {
    /// `Vectors/lending_vectors.json`, parsed once.
    nonisolated(unsafe) static let file: JSONObject = {
        guard let url = Bundle.module.url(forResource: "lending_vectors", withExtension: "json", subdirectory: "Vectors"),
              let data = try? Data(contentsOf: url),
              let object = try? JSONSerialization.jsonObject(with: data) as? JSONObject
        else { preconditionFailure("Vectors/lending_vectors.json missing or malformed") }
        return object
    }()
}

/// A UInt256 from a vector value (decimal string or JSON integer).
func u256(_ value: Any?) -> UInt256 {
    if let text = value as? String, let v = UInt256(decimal: text) { return v }
    if let number = value as? NSNumber { return UInt256(number.uint64Value) }
    preconditionFailure("not a uint256: \(String(describing: value))")
}

func u64(_ value: Any?) -> UInt64 {
    if let number = value as? NSNumber { return number.uint64Value }
    if let text = value as? String, let v = UInt64(text) { return v }
    preconditionFailure("not a uint64: \(String(describing: value))")
}

/// How the oracle writes a revert: the reason, or `panic:overflow` and the like.
func oracleName(_ revert: Revert) -> String {
    switch revert {
    case .overflow: "panic:overflow"
    case .underflow: "panic:underflow"
    case .divisionByZero: "panic:divisionByZero"
    case .reason(let text): text
    }
}

/// An address from a small integer id.
func account(_ id: UInt64) -> Address { Address(truncating: UInt256(id)) }

let wad = UInt256(1_000_000_000_000_000_000 as UInt64)
let ray = WadRayMath.ray

/// `n · 10^decimals`.
func units(_ n: UInt64, _ decimals: UInt8) -> UInt256 {
    var v = UInt256(n)
    for _ in 0..<decimals { v = v &* 10 }
    return v
}

/// Asserts that `body` reverts with `expected`.
func XCTAssertReverts<T>(_ expected: Revert, _ body: () throws(Revert) -> T, _ message: String = "",
                         file: StaticString = #filePath, line: UInt = #line) {
    do {
        let value = try body()
        XCTFail("expected \(expected), got \(value) \(message)", file: file, line: line)
    } catch {
        XCTAssertEqual(error, expected, message, file: file, line: line)
    }
}

// MARK: Aave fixtures (same parameters as the Python oracle)

struct AaveFixture {
    static let pool = account(0xA0A0)
    static let treasury = account(0x7EA5)
    static let lp = account(0x1)
    static let alice = account(0xA11CE)
    static let bob = account(0xB0B)
    static let liquidator = account(0x11C)
    static let t0: UInt64 = 1_700_000_000

    static let weth = Token(address: account(0x1001), symbol: "WETH", decimals: 18)
    static let usdc = Token(address: account(0x1002), symbol: "USDC", decimals: 6)
    static let dai = Token(address: account(0x1003), symbol: "DAI", decimals: 18)
    static let wbtc = Token(address: account(0x1004), symbol: "WBTC", decimals: 8)

    static func configuration(ltv: UInt64, lt: UInt64, bonus: UInt64, fee: UInt64, rf: UInt64,
                              strategy: [UInt64]) -> AaveReserveConfiguration {
        AaveReserveConfiguration(
            ltv: ltv, liquidationThreshold: lt, liquidationBonus: bonus, liquidationProtocolFee: fee, reserveFactor: rf,
            interestRateStrategy: AaveInterestRateStrategy(
                optimalUsageRatio: strategy[0], baseVariableBorrowRate: strategy[1],
                variableRateSlope1: strategy[2], variableRateSlope2: strategy[3]))
    }

    static let wethConfiguration = configuration(ltv: 8050, lt: 8300, bonus: 10500, fee: 1000, rf: 1500, strategy: [9000, 0, 270, 8000])
    static let usdcConfiguration = configuration(ltv: 7700, lt: 8000, bonus: 10450, fee: 2000, rf: 1000, strategy: [9200, 0, 650, 6000])
    static let daiConfiguration = configuration(ltv: 7700, lt: 8000, bonus: 10500, fee: 2000, rf: 1000, strategy: [9000, 0, 500, 7500])
    static let wbtcConfiguration = configuration(ltv: 7300, lt: 7800, bonus: 10500, fee: 1000, rf: 2000, strategy: [4500, 0, 400, 30000])

    var pool: AavePool
    var ledger = TokenLedger()
    var prices = AssetPrices()
    var time: UInt64 = AaveFixture.t0

    /// WETH, USDC and DAI listed, priced $2,000 / $1 / $1, every given account funded with 10¹² of
    /// each token and approving the pool without limit.
    init(rules: AaveLiquidationRules = .v3_3, accounts: [Address] = [lp, alice, bob, liquidator],
         withWBTC: Bool = false) {
        pool = AavePool(configuration: .init(address: Self.pool, treasury: Self.treasury, liquidationRules: rules))
        var listed: [(Token, AaveReserveConfiguration)] = [(Self.weth, Self.wethConfiguration), (Self.usdc, Self.usdcConfiguration),
                                                           (Self.dai, Self.daiConfiguration)]
        if withWBTC { listed.append((Self.wbtc, Self.wbtcConfiguration)) }
        for (token, config) in listed {
            ledger.register(token)
            pool.listReserve(token, configuration: config, timestamp: Self.t0)
            for user in accounts {
                try! ledger.mint(units(1_000_000_000_000, token.decimals), of: token.address, to: user)
                try! ledger.approve(.max, of: token.address, owner: user, spender: Self.pool)
            }
        }
        prices[Self.weth.address] = units(2000, 8)
        prices[Self.usdc.address] = units(1, 8)
        prices[Self.dai.address] = units(1, 8)
        prices[Self.wbtc.address] = units(30000, 8)
    }

    func context(_ sender: Address) -> CallContext {
        CallContext(sender: sender, blockNumber: (time - Self.t0) / 12, timestamp: time)
    }

    mutating func supply(_ user: Address, _ token: Token, _ amount: UInt256) throws(Revert) {
        _ = try pool.supply(asset: token.address, amount: amount, onBehalfOf: user, context: context(user), ledger: &ledger)
    }

    mutating func borrow(_ user: Address, _ token: Token, _ amount: UInt256) throws(Revert) {
        _ = try pool.borrow(asset: token.address, amount: amount, onBehalfOf: user, context: context(user),
                            prices: prices, ledger: &ledger)
    }

    mutating func liquidate(_ borrower: Address, collateral: Token, debt: Token, _ amount: UInt256,
                            receiveAToken: Bool = false, by liquidator: Address = liquidator) throws(Revert) -> AaveLiquidationReceipt {
        try pool.liquidationCall(collateralAsset: collateral.address, debtAsset: debt.address, user: borrower,
                                 debtToCover: amount, receiveAToken: receiveAToken, context: context(liquidator),
                                 prices: prices, ledger: &ledger)
    }
}

// MARK: Compound fixtures

struct CompoundFixture {
    static let lp = account(0x1)
    static let alice = account(0xA11CE)
    static let liquidator = account(0x11C)
    static let block0: UInt64 = 12_000_000

    static let weth = Token(address: account(0x2001), symbol: "WETH", decimals: 18)
    static let usdc = Token(address: account(0x2002), symbol: "USDC", decimals: 6)
    static let cETH = account(0xC2001)
    static let cUSDC = account(0xC2002)

    static func model(_ values: [UInt256]) -> CompoundJumpRateModel {
        CompoundJumpRateModel(baseRatePerYear: values[0], multiplierPerYear: values[1], jumpMultiplierPerYear: values[2],
                              kink: values[3])
    }

    static let e16 = UInt256(10_000_000_000_000_000 as UInt64)

    static func ethConfiguration(seizeShare: UInt256 = CompoundMarketConfiguration.protocolSeizeShare2021) -> CompoundMarketConfiguration {
        CompoundMarketConfiguration(
            collateralFactorMantissa: 75 &* e16, reserveFactorMantissa: 20 &* e16,
            initialExchangeRateMantissa: 2 &* units(1, 26), protocolSeizeShareMantissa: seizeShare,
            interestRateModel: model([2 &* e16, 10 &* e16, 300 &* e16, 80 &* e16]))
    }

    static func usdcConfiguration(seizeShare: UInt256 = CompoundMarketConfiguration.protocolSeizeShare2021) -> CompoundMarketConfiguration {
        CompoundMarketConfiguration(
            collateralFactorMantissa: 80 &* e16, reserveFactorMantissa: 7 &* e16,
            initialExchangeRateMantissa: 2 &* units(1, 14), protocolSeizeShareMantissa: seizeShare,
            interestRateModel: model([.zero, 4 &* e16, 109 &* e16, 80 &* e16]))
    }

    var comptroller: CompoundComptroller
    var ledger = TokenLedger()
    var prices = AssetPrices()
    var block: UInt64 = CompoundFixture.block0

    init(incentive: UInt256 = 108 &* e16, seizeShare: UInt256 = CompoundMarketConfiguration.protocolSeizeShare2021,
         accounts: [Address] = [lp, alice, liquidator]) {
        comptroller = CompoundComptroller(configuration: .init(liquidationIncentiveMantissa: incentive))
        for (token, cToken, config) in [(Self.weth, Self.cETH, Self.ethConfiguration(seizeShare: seizeShare)),
                                        (Self.usdc, Self.cUSDC, Self.usdcConfiguration(seizeShare: seizeShare))] {
            ledger.register(token)
            comptroller.listMarket(cToken: cToken, underlying: token, configuration: config, blockNumber: Self.block0)
            for user in accounts {
                try! ledger.mint(units(1_000_000_000_000, token.decimals), of: token.address, to: user)
                try! ledger.approve(.max, of: token.address, owner: user, spender: cToken)
            }
        }
        // Compound prices: USD · 10^(36 − decimals).
        prices[Self.weth.address] = units(2000, 18)
        prices[Self.usdc.address] = units(1, 30)
    }

    func context(_ sender: Address) -> CallContext {
        CallContext(sender: sender, blockNumber: block, timestamp: block * 12)
    }
}

/// The replay of a Python-oracle scenario, call by call, that reports only its first mismatch
/// (later steps would fail for the same reason).
protocol VectorReplay {
    var scenario: JSONObject { get }
    var name: String { get }
    var failed: Bool { get set }
    mutating func step(_ step: JSONObject, at place: String)
}

extension VectorReplay {
    mutating func run() {
        for (index, step) in (scenario["steps"] as! [JSONObject]).enumerated() where !failed {
            self.step(step, at: "\(name) step \(index) (\(step["op"] as! String))")
        }
    }

    mutating func check(_ ok: Bool, _ message: @autoclosure () -> String, file: StaticString = #filePath, line: UInt = #line) {
        if !ok, !failed {
            XCTFail(message(), file: file, line: line)
            failed = true
        }
    }

    mutating func equal<T: Equatable>(_ a: T, _ b: T, _ what: @autoclosure () -> String,
                                      file: StaticString = #filePath, line: UInt = #line) {
        check(a == b, "\(what()): got \(a), expected \(b)", file: file, line: line)
    }
}
