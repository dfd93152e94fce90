import CascadeChain
import CascadeMath
import CascadeProtocols
import XCTest

/// Property tests: random call sequences (seeded SplitMix64) against a Compound deployment.
final class CompoundComptrollerInvariantsTests: XCTestCase {
    typealias F = CompoundFixture

    /// After every call: a revert changes nothing; an error-code failure moves no tokens; cToken
    /// balances sum to each market's supply; the ledger's balances sum to each token's supply;
    /// borrowers are members of the markets they borrow from; no liquidation repays more than the
    /// close factor allows (the vectors pin the cap) or seizes more than the borrower holds.
    func testRandomCallSequencesKeepTheBooks() throws {
        var liquidations = 0, failures = 0, reverts = 0
        for seed: UInt64 in [11, 12, 13] {
            let users = (1...5).map { account(0x7000 + UInt64($0)) }
            var f = CompoundFixture(accounts: users + [F.lp])
            var random = SplitMix64(seed: seed)
            _ = try f.comptroller.mint(mintAmount: units(5_000_000, 6), target: F.cUSDC, context: f.context(F.lp), ledger: &f.ledger)
            _ = try f.comptroller.mint(mintAmount: units(5_000, 18), target: F.cETH, context: f.context(F.lp), ledger: &f.ledger)
            for _ in 0..<250 {
                f.block += random.next() % 4 == 0 ? random.next() % 20_000 : random.next() % 5
                let user = users[Int(random.next() % 5)]
                let (token, cToken) = random.next() % 2 == 0 ? (F.weth, F.cETH) : (F.usdc, F.cUSDC)
                let dollars = random.next() % 40_000 + 1
                let amount = try! (units(dollars, token.decimals) &* units(1, 36 - token.decimals)) / f.prices[token.address]!
                let context = f.context(user)
                let prices = f.prices
                let before = (f.comptroller, f.ledger)
                var receipt: CompoundReceipt?
                var reverted = false
                do {
                    switch random.next() % 7 {
                    case 0:
                        receipt = try f.comptroller.mint(mintAmount: amount, target: cToken, context: context, ledger: &f.ledger)
                        f.comptroller.enterMarkets([cToken], account: user)
                    case 2, 3:
                        // Half the time, nearly all the account's liquidity: positions then sit close to liquidation.
                        var borrowAmount = amount
                        if random.next() % 2 == 0,
                           let liquidity = try? f.comptroller.accountLiquidity(of: user, prices: prices, ledger: f.ledger).liquidity {
                            borrowAmount = try! liquidity * UInt256(90 + random.next() % 10) / 100 * CompoundMath.expScale / prices[token.address]!
                        }
                        receipt = try f.comptroller.borrow(borrowAmount: borrowAmount, target: cToken, context: context, prices: prices,
                                                           ledger: &f.ledger)
                    case 4:
                        receipt = try f.comptroller.repayBorrow(repayAmount: random.next() % 3 == 0 ? .max : amount, target: cToken,
                                                                context: context, ledger: &f.ledger)
                    case 1, 5:
                        let price = prices[F.weth.address]!
                        f.prices[F.weth.address] = try! price * UInt256(80 + random.next() % 31) / 100
                    default:
                        // Mostly an account in shortfall, against a market it borrows from and one it supplies.
                        var borrower = users[Int(random.next() % 5)]
                        var collateral = random.next() % 2 == 0 ? F.cETH : F.cUSDC
                        var cToken = cToken
                        let short = users.filter {
                            ((try? f.comptroller.accountLiquidity(of: $0, prices: prices, ledger: f.ledger).shortfall) ?? .zero) > .zero
                        }
                        if !short.isEmpty, random.next() % 4 != 0 {
                            borrower = short[Int(random.next() % UInt64(short.count))]
                            let borrowed = [F.cETH, F.cUSDC].filter {
                                ((try? f.comptroller.market($0)!.borrowBalanceStored(borrower)) ?? .zero) > .zero
                            }
                            let supplied = [F.cETH, F.cUSDC].filter { f.comptroller.market($0)!.balance(of: borrower) > .zero }
                            if let market = borrowed.randomElement(using: &random) { cToken = market }
                            if let market = supplied.randomElement(using: &random) { collateral = market }
                        }
                        let debtMarket = f.comptroller.market(cToken)!
                        let maxClose = try CompoundMath.mulScalarTruncate(f.comptroller.configuration.closeFactorMantissa,
                                                                          debtMarket.borrowBalanceStored(borrower))
                        let repay = random.next() % 3 == 0 ? maxClose : amount
                        let seizable = f.comptroller.market(collateral)!.balance(of: borrower)
                        receipt = try f.comptroller.liquidateBorrow(borrower: borrower, repayAmount: repay, cTokenCollateral: collateral,
                                                                    target: cToken, context: context, prices: prices, ledger: &f.ledger)
                        if receipt?.succeeded == true {
                            liquidations += 1
                            XCTAssertEqual(receipt!.amount, repay)
                            XCTAssertLessThanOrEqual(receipt!.seizeTokens, seizable)
                        }
                    }
                } catch {
                    reverted = true
                }
                if reverted {
                    reverts += 1
                    XCTAssertEqual(f.comptroller, before.0, "seed \(seed)")
                    XCTAssertEqual(f.ledger, before.1, "seed \(seed)")
                } else if let failure = receipt?.failure {
                    failures += 1
                    XCTAssertEqual(f.ledger, before.1, "seed \(seed): \(failure) moved tokens")
                }
                XCTAssertEqual(f.comptroller.invariantViolations(ledger: f.ledger), [], "seed \(seed)")
                XCTAssertEqual(f.ledger.invariantViolations(), [], "seed \(seed)")
            }
        }
        XCTAssertGreaterThan(liquidations, 0)
        XCTAssertGreaterThan(failures, 10)
        XCTAssertGreaterThan(reverts, 0)
    }
}
