import CascadeChain
import CascadeMath
import CascadeProtocols
import XCTest

/// Positions keep the first ``AaveUserPosition/inlineReserves`` reserves inline and the rest in an
/// array; the pool keeps positions in the order accounts arrived. Neither is visible in values.
final class AaveUserPositionTests: XCTestCase {
    typealias F = AaveFixture

    /// Supplies in all four reserves (more than fit inline) in an order other than the reserve
    /// ids: every balance reads back, by id and as arrays.
    func testBalancesBeyondTheInlineSlotsReadBack() throws {
        XCTAssertEqual(AaveUserPosition.inlineReserves, 2)
        var f = AaveFixture(withWBTC: true)
        // At t0 both indexes are one ray: scaled balances equal the amounts.
        let supplies: [(Token, UInt256)] = [(F.wbtc, units(2, 8)), (F.dai, units(500, 18)), (F.weth, units(3, 18)), (F.usdc, units(700, 6))]
        for (token, amount) in supplies { try f.supply(F.alice, token, amount) }
        try f.borrow(F.alice, F.usdc, units(100, 6))
        let position = f.pool.position(of: F.alice)
        let ids = [F.weth, F.usdc, F.dai, F.wbtc].map { f.pool.reserve(for: $0.address)!.id }
        XCTAssertEqual(ids, [0, 1, 2, 3])
        XCTAssertEqual(position.scaledATokenBalances, [units(3, 18), units(700, 6), units(500, 18), units(2, 8)])
        XCTAssertEqual(position.scaledVariableDebts, [.zero, units(100, 6), .zero, .zero])
        for (token, amount) in supplies {
            let id = f.pool.reserve(for: token.address)!.id
            XCTAssertEqual(position.scaledATokenBalance(id), amount, token.symbol)
            XCTAssertTrue(position.isUsingAsCollateral(id), token.symbol)
        }
        XCTAssertEqual(position.scaledVariableDebt(1), units(100, 6))
        XCTAssertTrue(position.isBorrowing(1))
        XCTAssertEqual(position.scaledATokenBalance(5), .zero, "an id never touched")
        XCTAssertEqual(f.pool.invariantViolations(ledger: f.ledger), [])
    }

    /// Equality is by value: the same balances reached in another order are equal.
    func testEqualityDoesNotDependOnTheOrderReservesWereTouched() throws {
        var a = AaveFixture(withWBTC: true)
        var b = AaveFixture(withWBTC: true)
        let order: [Token] = [F.wbtc, F.dai, F.weth, F.usdc]
        for token in order { try a.supply(F.alice, token, units(1, token.decimals)) }
        for token in order.reversed() { try b.supply(F.alice, token, units(1, token.decimals)) }
        XCTAssertEqual(a.pool.position(of: F.alice), b.pool.position(of: F.alice))
        try b.supply(F.alice, F.dai, .one)
        XCTAssertNotEqual(a.pool.position(of: F.alice), b.pool.position(of: F.alice))
    }

    /// Accounts are listed in arrival order; a reverted first call of a new account leaves no trace.
    func testAccountsInArrivalOrderAndARevertedNewAccountLeavesNoTrace() throws {
        var f = AaveFixture()
        try f.supply(F.bob, F.usdc, units(10, 6))
        try f.supply(F.alice, F.weth, units(1, 18))
        try f.supply(F.bob, F.dai, units(10, 18))
        XCTAssertEqual(f.pool.accounts, [F.bob, F.alice])
        XCTAssertEqual(Set(f.pool.positions.keys), [F.bob, F.alice])
        let before = f.pool
        // The liquidator has never touched the pool; borrowing without collateral reverts.
        XCTAssertThrowsError(try f.borrow(F.liquidator, F.usdc, units(1, 6)))
        XCTAssertEqual(f.pool, before)
        XCTAssertEqual(f.pool.accounts, [F.bob, F.alice])
        XCTAssertEqual(f.pool.position(of: F.liquidator), AaveUserPosition())
    }

    /// A pool with WBTC: alice borrows USDC and DAI against WETH and WBTC, bob supplies WETH.
    private static func twoAccounts() throws -> AaveFixture {
        var f = AaveFixture(withWBTC: true)
        try f.supply(F.lp, F.usdc, units(1_000_000, 6))
        try f.supply(F.lp, F.dai, units(1_000_000, 18))
        try f.supply(F.alice, F.weth, units(10, 18))
        try f.supply(F.alice, F.wbtc, units(1, 8))
        try f.borrow(F.alice, F.usdc, units(20_000, 6))
        try f.borrow(F.alice, F.dai, units(5_000, 18))
        try f.supply(F.bob, F.weth, units(1, 18))
        return f
    }

    /// The scan over the pool's own account list equals the single-account health factors.
    func testScanOverTheAccountListEqualsSingleCalls() throws {
        var f = try Self.twoAccounts()
        f.time += 86_400
        let scan = try f.pool.healthFactors(of: f.pool.accounts + [F.liquidator], prices: f.prices, timestamp: f.time)
        let single = try (f.pool.accounts + [F.liquidator]).map { user in
            try f.pool.healthFactor(of: user, prices: f.prices, timestamp: f.time)
        }
        XCTAssertEqual(scan.map(\.healthFactor), single)
        XCTAssertEqual(scan.map(\.borrowingMask), (f.pool.accounts + [F.liquidator]).map { f.pool.position(of: $0).borrowingMask })
        XCTAssertEqual(scan.last?.healthFactor, .max)
        XCTAssertLessThan(scan[1].healthFactor, .max, "alice has debt")
        XCTAssertEqual(scan[1].borrowingMask.nonzeroBitCount, 2, "alice borrows USDC and DAI")
        // Out of the pool's order, repeated, and unknown accounts in between: found by hash.
        let shuffled = [F.bob, F.alice, F.liquidator, F.alice, F.lp, F.bob]
        let again = try f.pool.healthFactors(of: shuffled, prices: f.prices, timestamp: f.time)
        XCTAssertEqual(again.map(\.healthFactor), try shuffled.map { try f.pool.healthFactor(of: $0, prices: f.prices, timestamp: f.time) })
    }

    /// Account data from terms resolved once equals the single call — every field, at the
    /// terms' timestamp and a year on — and reverts where it does: a reserve without a price
    /// reverts for the accounts that use it only.
    func testAccountDataFromResolvedTermsEqualsTheSingleCall() throws {
        var f = try Self.twoAccounts()
        try f.borrow(F.bob, F.usdc, units(1_500, 6))
        let users = f.pool.accounts + [F.liquidator]
        for timestamp in [f.time, f.time + 12, f.time + 365 * 86_400] {
            let terms = try f.pool.accountTerms(prices: f.prices, timestamp: timestamp)
            for user in users {
                XCTAssertEqual(try f.pool.accountData(of: user, terms: terms),
                               try f.pool.accountData(of: user, prices: f.prices, timestamp: timestamp), "\(user) at \(timestamp)")
            }
        }
        XCTAssertNotEqual(try f.pool.accountData(of: F.bob, terms: f.pool.accountTerms(prices: f.prices, timestamp: f.time)).healthFactor,
                          try f.pool.accountData(of: F.bob, prices: f.prices, timestamp: f.time + 365 * 86_400).healthFactor,
                          "interest moves the health factor")
        var unpriced = f.prices
        unpriced[F.wbtc.address] = nil
        let terms = try f.pool.accountTerms(prices: unpriced, timestamp: f.time)
        XCTAssertThrowsError(try f.pool.accountData(of: F.alice, terms: terms))
        XCTAssertThrowsError(try f.pool.accountData(of: F.alice, prices: unpriced, timestamp: f.time))
        XCTAssertEqual(try f.pool.accountData(of: F.bob, terms: terms), try f.pool.accountData(of: F.bob, prices: unpriced, timestamp: f.time))
    }
}
