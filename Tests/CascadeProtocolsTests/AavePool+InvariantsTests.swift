import CascadeChain
import CascadeMath
import CascadeProtocols
import XCTest

/// Property tests: random call sequences (seeded SplitMix64) against the pool.
final class AavePoolInvariantsTests: XCTestCase {
    typealias F = AaveFixture

    /// After every call of a random sequence — supplies, withdrawals, borrows, repayments,
    /// liquidations, price moves, time passing:
    /// - a call that reverts leaves the pool and the ledger equal (`==`) to before;
    /// - the ledger's balances sum to each token's supply;
    /// - each reserve's scaled totals equal the sums of the scaled balances, and the pool's ledger
    ///   balance equals its virtual balance (nobody sends tokens to the pool directly here);
    /// - Σ balances (`rayMulFloor` each) ≤ the total (`rayMulFloor` of the sum) ≤ Σ + holders:
    ///   per-holder rounding loses at most one unit each;
    /// - flags match balances.
    func testRandomCallSequencesKeepTheBooksExact() throws {
        var totals = (calls: 0, reverted: 0, liquidations: 0, deficits: 0)
        for seed: UInt64 in [1, 2, 3, 4] {
            let counts = try runRandomSequence(seed: seed, calls: 300)
            totals.calls += counts.calls
            totals.reverted += counts.reverted
            totals.liquidations += counts.liquidations
            totals.deficits += counts.deficits
        }
        XCTAssertGreaterThan(totals.reverted, 50)
        XCTAssertGreaterThan(totals.liquidations, 20, "random sequences should liquidate")
        XCTAssertGreaterThan(totals.deficits, 0, "some liquidations should leave bad debt")
    }

    private func runRandomSequence(seed: UInt64, calls: Int) throws -> (calls: Int, reverted: Int, liquidations: Int, deficits: Int) {
        let users = (1...6).map { account(0x9000 + UInt64($0)) }
        var f = AaveFixture(rules: seed % 2 == 0 ? .v3_0 : .v3_3, accounts: users + [F.lp], withWBTC: true)
        var random = SplitMix64(seed: seed)
        let tokens = [F.weth, F.usdc, F.dai, F.wbtc]
        try f.supply(F.lp, F.usdc, units(2_000_000, 6))
        try f.supply(F.lp, F.dai, units(2_000_000, 18))
        try f.supply(F.lp, F.weth, units(1_000, 18))
        try f.supply(F.lp, F.wbtc, units(50, 8))
        var counts = (calls: 0, reverted: 0, liquidations: 0, deficits: 0)

        for _ in 0..<calls {
            f.time += random.next() % 3 == 0 ? random.next() % (7 * 86_400) : random.next() % 60
            let user = users[Int(random.next() % UInt64(users.count))]
            let token = tokens[Int(random.next() % 4)]
            let before = (f.pool, f.ledger)
            var didThrow = false
            let action = random.next() % 8
            let value = Self.amount(token, &random, f.prices)
            let context = f.context(user)
            let prices = f.prices
            do {
                switch action {
                case 0:
                    try f.supply(user, token, value == .max ? units(1, token.decimals) : value)
                case 2:
                    _ = try f.pool.withdraw(asset: token.address, amount: value, to: user, context: context,
                                            prices: prices, ledger: &f.ledger)
                case 3, 4:
                    // Half the time, nearly all the account can borrow: positions then sit close to liquidation.
                    var borrowAmount = value
                    if random.next() % 2 == 0, let data = try? f.pool.accountData(of: user, prices: prices, timestamp: context.timestamp),
                       let room = try? PercentageMath.percentMulFloor(data.totalCollateralBase, data.averageLtv), room > data.totalDebtBase {
                        let base = try! (room - data.totalDebtBase) * UInt256(90 + random.next() % 10) / 100
                        borrowAmount = try! base * units(1, token.decimals) / prices[token.address]!
                    }
                    try f.borrow(user, token, borrowAmount)
                case 5:
                    _ = try f.pool.repay(asset: token.address, amount: value, onBehalfOf: user, context: context,
                                         ledger: &f.ledger)
                case 1, 6:
                    // Move a volatile price by −20 %…+10 %.
                    let volatile = [F.weth, F.wbtc][Int(random.next() % 2)]
                    let price = prices[volatile.address]!
                    f.prices[volatile.address] = try! price * UInt256(80 + random.next() % 31) / 100
                default:
                    // Mostly a liquidatable account, with one of its collaterals and one of its debts.
                    var borrower = users[Int(random.next() % UInt64(users.count))]
                    var collateral = token
                    var debt = tokens[Int(random.next() % 4)]
                    let underwater = users.filter {
                        ((try? f.pool.healthFactor(of: $0, prices: prices, timestamp: context.timestamp)) ?? .max) < wad
                    }
                    if !underwater.isEmpty, random.next() % 4 != 0 {
                        borrower = underwater[Int(random.next() % UInt64(underwater.count))]
                        let position = f.pool.position(of: borrower)
                        let collaterals = (0..<4).filter { position.isUsingAsCollateral($0) }
                        let debts = (0..<4).filter { position.isBorrowing($0) }
                        if !collaterals.isEmpty { collateral = tokens[collaterals[Int(random.next() % UInt64(collaterals.count))]] }
                        if !debts.isEmpty { debt = tokens[debts[Int(random.next() % UInt64(debts.count))]] }
                    }
                    let liquidator = users[Int(random.next() % UInt64(users.count))]
                    let cover = Self.amount(debt, &random, f.prices)
                    let receiveAToken = random.next() % 3 == 0
                    let receipt = try f.liquidate(borrower, collateral: collateral, debt: debt, cover,
                                                  receiveAToken: receiveAToken, by: liquidator)
                    counts.liquidations += 1
                    if !receipt.deficits.isEmpty { counts.deficits += 1 }
                }
            } catch {
                didThrow = true
            }
            counts.calls += 1
            if didThrow {
                counts.reverted += 1
                XCTAssertEqual(f.pool, before.0, "seed \(seed): a reverted call changed the pool")
                XCTAssertEqual(f.ledger, before.1, "seed \(seed): a reverted call changed the ledger")
            }
            XCTAssertEqual(f.ledger.invariantViolations(), [], "seed \(seed)")
            XCTAssertEqual(f.pool.invariantViolations(ledger: f.ledger), [], "seed \(seed)")
            for reserve in f.pool.reserves {
                XCTAssertEqual(f.ledger.balance(of: F.pool, in: reserve.asset.address), reserve.virtualUnderlyingBalance)
                let index = try reserve.normalizedIncome(at: f.time)
                var sum = UInt256.zero
                var holders: UInt64 = 0
                for position in f.pool.positions.values where !position.scaledATokenBalance(reserve.id).isZero {
                    sum = try sum + AaveMathUtils.aTokenBalance(position.scaledATokenBalance(reserve.id), liquidityIndex: index)
                    holders += 1
                }
                let total = try reserve.aTokenTotalSupply(at: f.time)
                XCTAssertLessThanOrEqual(sum, total, "seed \(seed) \(reserve.asset.symbol)")
                XCTAssertLessThanOrEqual(total, try sum + UInt256(holders), "seed \(seed) \(reserve.asset.symbol)")
            }
            if counts.calls % 10 == 0 {
                // The end-of-block scan agrees with the single-account health factor, a block later too.
                for t in [f.time, f.time + 12] {
                    let scan = try f.pool.healthFactors(of: users + [F.lp, account(0xDEAD)], prices: f.prices, timestamp: t)
                    let single = try (users + [F.lp, account(0xDEAD)]).map { (u) throws(Revert) in
                        try f.pool.healthFactor(of: u, prices: f.prices, timestamp: t)
                    }
                    XCTAssertEqual(scan.map(\.healthFactor), single, "seed \(seed)")
                    // So does the account data from terms resolved once, every field.
                    let terms = try f.pool.accountTerms(prices: f.prices, timestamp: t)
                    for user in users + [F.lp] {
                        XCTAssertEqual(try f.pool.accountData(of: user, terms: terms),
                                       try f.pool.accountData(of: user, prices: f.prices, timestamp: t), "seed \(seed)")
                    }
                }
            }
        }
        return counts
    }

    /// Between $1 and $60,000 worth of `token`; sometimes `type(uint256).max` or a few units.
    private static func amount(_ token: Token, _ random: inout SplitMix64, _ prices: AssetPrices) -> UInt256 {
        switch random.next() % 10 {
        case 0: return .max
        case 1: return UInt256(random.next() % 1_000)
        default:
            let dollars = random.next() % 60_000 + 1
            return try! (units(dollars, token.decimals) &* units(1, 8)) / prices[token.address]!
        }
    }
}
