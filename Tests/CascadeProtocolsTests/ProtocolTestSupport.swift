import CascadeChain
import CascadeMath
import CascadeProtocols
import Foundation
import XCTest

/// 10¹⁸: one whole token of 18 decimals (`expandTo18Decimals(1)` in Uniswap's tests).
let e18: UInt256 = 1_000_000_000_000_000_000

/// `n` whole 18-decimal tokens.
func tokens(_ n: UInt64) -> UInt256 { UInt256(n) &* e18 }

/// Asserts that `body` reverts with exactly `expected` and leaves `state` as it was (a reverted
/// call must change nothing).
func assertReverts<State: Equatable>(_ state: inout State, _ expected: Revert, file: StaticString = #filePath, line: UInt = #line,
                                     _ body: (inout State) throws(Revert) -> Void) {
    let before = state
    do throws(Revert) {
        try body(&state)
        XCTFail("expected \(expected)", file: file, line: line)
    } catch {
        XCTAssertEqual(error, expected, file: file, line: line)
    }
    XCTAssertEqual(state, before, "a reverted call changed the state", file: file, line: line)
}

/// Asserts that `body` reverts with exactly `expected`.
func XCTAssertReverts<T>(
    _ expected: Revert, _ body: @autoclosure () throws -> T,
    file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertThrowsError(try body(), file: file, line: line) { error in
        XCTAssertEqual(error as? Revert, expected, file: file, line: line)
    }
}

/// A ledger with two 18-decimal tokens and an empty pair of them, as v2-core's `pairFixture`.
struct PairFixture {
    /// token0 and token1 in the pair's (address) order.
    let token0 = Token(address: Address(truncating: 0x1000), symbol: "TKA", decimals: 18)
    let token1 = Token(address: Address(truncating: 0x2000), symbol: "TKB", decimals: 18)
    let pairAddress = Address(truncating: 0x9A1E)
    let wallet = Address(truncating: 0xA11CE)
    let other = Address(truncating: 0xB0B)
    var ledger = TokenLedger()
    var pair: UniswapV2Pair
    var blockNumber: UInt64 = 100
    var timestamp: UInt64 = 1_600_000_000

    /// The wallet holds 10,000 of each token, as in v2-core's fixture.
    init() {
        ledger.register(token0)
        ledger.register(token1)
        pair = UniswapV2Pair(address: pairAddress, tokenA: token1, tokenB: token0, ledger: &ledger)
        try! ledger.mint(tokens(10_000), of: token0.address, to: wallet)
        try! ledger.mint(tokens(10_000), of: token1.address, to: wallet)
    }

    /// The context of a call by `sender` in the current block.
    func context(_ sender: Address? = nil) -> CallContext {
        CallContext(sender: sender ?? wallet, blockNumber: blockNumber, timestamp: timestamp)
    }

    /// Moves to a later block `seconds` later.
    mutating func mine(seconds: UInt64 = 12) {
        blockNumber += 1
        timestamp += seconds
    }

    /// v2-core's `addLiquidity`: transfer both amounts to the pair, then `mint` to the wallet.
    mutating func addLiquidity(_ amount0: UInt256, _ amount1: UInt256) throws {
        try ledger.transfer(amount0, of: token0.address, from: wallet, to: pairAddress)
        try ledger.transfer(amount1, of: token1.address, from: wallet, to: pairAddress)
        _ = try pair.mint(to: wallet, context: context(), ledger: &ledger)
    }

    /// Sends `amount` of `token` from the wallet to the pair (the first transaction of a swap).
    mutating func send(_ amount: UInt256, of token: Token) throws {
        try ledger.transfer(amount, of: token.address, from: wallet, to: pairAddress)
    }

    mutating func swap(_ amount0Out: UInt256, _ amount1Out: UInt256, to: Address? = nil) throws -> CallOutcome {
        try pair.swap(amount0Out: amount0Out, amount1Out: amount1Out, to: to ?? wallet, context: context(), ledger: &ledger)
    }

    func balance(_ holder: Address, _ token: Token) -> UInt256 {
        ledger.balance(of: holder, in: token.address)
    }
}

/// `Vectors/oracle_vectors.json`, written by `gen_oracle_vectors.py` with eth-account.
struct OracleVectors: Decodable {
    struct MedianMessage: Decodable {
        let privateKey: String
        let address: String
        let val: String
        let age: UInt64
        let messageHash: String
        let digest: String
        let v: UInt8
        let r: String
        let s: String
    }

    struct Median: Decodable {
        let wat: String
        let messages: [MedianMessage]
        let median: String
        let highS: Signature
    }

    struct Signature: Decodable {
        let v: UInt8
        let r: String
        let s: String
    }

    struct Observation: Decodable {
        let privateKey: String
        let address: String
        let price: String
        let timestamp: UInt64
        let message: String
        let digest: String
        let v: UInt8
        let r: String
        let s: String
    }

    struct PushFeed: Decodable {
        let feedID: String
        let observations: [Observation]
        let median: String
    }

    let generator: String
    let median: Median
    let pushFeed: PushFeed

    static func load() throws -> OracleVectors {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "oracle_vectors", withExtension: "json", subdirectory: "Vectors"))
        return try JSONDecoder().decode(OracleVectors.self, from: Data(contentsOf: url))
    }
}

extension Bytes32 {
    /// Test shorthand for a known-good 64-digit hex string.
    init(testHex: String) { self = Bytes32(hex: testHex)! }
}

extension UInt256 {
    /// Test shorthand for a known-good decimal string.
    init(testDecimal: String) { self = UInt256(decimal: testDecimal)! }
}

/// A price source with a settable answer, standing in for a median behind an OSM.
struct StubPrice: PriceOracle {
    var value: UInt256
    var ok = true
    var lastUpdateTimestamp: UInt64 = 0
    var lastUpdateBlock: UInt64 = 0

    func peek() -> (value: UInt256, ok: Bool) { (value, ok) }
}
