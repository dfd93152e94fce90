import CascadeChain
import CascadeMath
import CascadeProtocols
import XCTest

final class CompoundComptrollerTests: XCTestCase {
    typealias F = CompoundFixture

    /// Replays every Compound scenario of the Python oracle: each call's result, error code
    /// (`Failure(error, info, detail)`) or revert, and the full state after it — totals, borrow
    /// index, accrual block, cash, every cToken balance and borrow snapshot, market memberships —
    /// plus account liquidity at check points. A reverted call must change nothing.
    func testOracleVectorsCallByCall() {
        let scenarios = LendingVectors.file["compound"] as! [JSONObject]
        var liquidations = 0, failures = 0, reverts = 0
        for scenario in scenarios {
            var replay = CompoundVectorReplay(scenario)
            replay.run()
            liquidations += replay.liquidations
            failures += replay.failures
            reverts += replay.reverts
        }
        XCTAssertGreaterThanOrEqual(scenarios.count, 15)
        XCTAssertGreaterThanOrEqual(liquidations, 10)
        XCTAssertGreaterThanOrEqual(failures, 10)
        XCTAssertGreaterThanOrEqual(reverts, 3)
    }

    /// 10 ETH minted at the initial rate 0.02 → 500 cETH (5e10); entered as collateral (CF 75 %,
    /// $2,000): $15,000 of borrowing power, exactly what 15,000 USDC uses (no shortfall: allowed);
    /// one more unit → `INSUFFICIENT_LIQUIDITY`, returned as an error code, not a revert.
    func testMintBorrowAndLiquidityByHand() throws {
        var f = CompoundFixture()
        _ = try f.comptroller.mint(mintAmount: units(1_000_000, 6), target: F.cUSDC, context: f.context(F.lp), ledger: &f.ledger)
        let minted = try f.comptroller.mint(mintAmount: units(10, 18), target: F.cETH, context: f.context(F.alice), ledger: &f.ledger)
        XCTAssertTrue(minted.succeeded)
        XCTAssertEqual(f.comptroller.market(F.cETH)?.balance(of: F.alice), 50_000_000_000)
        f.comptroller.enterMarkets([F.cETH], account: F.alice)
        let liquidity = try f.comptroller.accountLiquidity(of: F.alice, prices: f.prices, ledger: f.ledger)
        XCTAssertEqual(liquidity.liquidity, units(15_000, 18))
        XCTAssertEqual(try f.comptroller.borrow(borrowAmount: units(15_000, 6), target: F.cUSDC, context: f.context(F.alice),
                                                prices: f.prices, ledger: &f.ledger).succeeded, true)
        let refused = try f.comptroller.borrow(borrowAmount: 1, target: F.cUSDC, context: f.context(F.alice),
                                               prices: f.prices, ledger: &f.ledger)
        XCTAssertEqual(refused.failure, CompoundFailure(rejectedBy: .insufficientLiquidity, .borrowComptrollerRejection))
        XCTAssertEqual(refused.failure?.detail, 4)
        XCTAssertEqual(refused.gasUsed, 100_000)
        XCTAssertEqual(refused.events.map(\.name), ["Failure"])
        XCTAssertEqual(f.comptroller.invariantViolations(ledger: f.ledger), [])
    }

    /// ETH at $1,900: collateral 1.425e22, borrows 1.5e22 → shortfall $750. The close factor
    /// caps the repayment at ⌊0.5 · 15,000e6⌋ = 7,500 USDC. Seized cTokens:
    /// ratio = ⌊mulExp(1.08, 1e30) · 1e18 / mulExp(1,900e18, 2e26)⌋ = 2 842 105 263 157 894 736 842,
    /// seize = ⌊ratio · 7,500e6 / 1e18⌋ = 21 315 789 473 (213.157… cETH = 4.263 ETH);
    /// protocol share ⌊21 315 789 473 · 2.8 %⌋ = 596 842 105 cETH → reserves
    /// ⌊2e26 · 596 842 105 / 1e18⌋ = 119 368 421 000 000 000 wei; the liquidator gets 20 718 947 368.
    func testLiquidationSeizeSplitAndCloseFactorByHand() throws {
        var f = try borrowedPosition()
        f.prices[F.weth.address] = units(1_900, 18)
        let liquidity = try f.comptroller.accountLiquidity(of: F.alice, prices: f.prices, ledger: f.ledger)
        XCTAssertEqual(liquidity.shortfall, units(750, 18))
        let tooMuch = try liquidate(&f, units(7_501, 6))
        XCTAssertEqual(tooMuch.failure, CompoundFailure(rejectedBy: .tooMuchRepay, .liquidateComptrollerRejection))
        XCTAssertEqual(tooMuch.failure?.description, "COMPTROLLER_REJECTION (TOO_MUCH_REPAY) at LIQUIDATE_COMPTROLLER_REJECTION")
        let receipt = try liquidate(&f, units(7_500, 6))
        XCTAssertTrue(receipt.succeeded)
        XCTAssertEqual(receipt.amount, units(7_500, 6))
        XCTAssertEqual(receipt.seizeTokens, 21_315_789_473)
        XCTAssertEqual(receipt.protocolSeizeTokens, 596_842_105)
        XCTAssertEqual(receipt.gasUsed, 450_000)
        XCTAssertEqual(receipt.events.map(\.name), ["RepayBorrow", "ReservesAdded", "LiquidateBorrow"])
        let eth = f.comptroller.market(F.cETH)!
        XCTAssertEqual(eth.balance(of: F.liquidator), 20_718_947_368)
        XCTAssertEqual(eth.balance(of: F.alice), 28_684_210_527)  // 50 000 000 000 − 21 315 789 473
        XCTAssertEqual(eth.totalReserves, 119_368_421_000_000_000)
        XCTAssertEqual(eth.totalSupply, 49_403_157_895)  // 50 000 000 000 − 596 842 105
        XCTAssertEqual(try f.comptroller.market(F.cUSDC)!.borrowBalanceStored(F.alice), units(7_500, 6))
        XCTAssertEqual(f.comptroller.invariantViolations(ledger: f.ledger), [])
    }

    /// March 2020: incentive 1.05 and no seize share — everything seized goes to the liquidator:
    /// ratio = ⌊1.05e30 · 1e18 / 3.8e26⌋, seize = ⌊ratio · 7,500e6 / 1e18⌋ = 20 723 684 210.
    func testNoSeizeShareBefore2021() throws {
        var f = try borrowedPosition(incentive: 105 &* F.e16, seizeShare: .zero)
        f.prices[F.weth.address] = units(1_900, 18)
        let receipt = try liquidate(&f, units(7_500, 6))
        XCTAssertEqual(receipt.seizeTokens, 20_723_684_210)
        XCTAssertEqual(receipt.protocolSeizeTokens, .zero)
        XCTAssertEqual(f.comptroller.market(F.cETH)!.balance(of: F.liquidator), 20_723_684_210)
        XCTAssertEqual(f.comptroller.market(F.cETH)!.totalReserves, .zero)
        XCTAssertEqual(receipt.events.map(\.name), ["RepayBorrow", "LiquidateBorrow"])
    }

    /// Error codes do not revert: the transaction succeeds, costs gas, repays nothing — and the
    /// interest accrued by the call stays. Reverts change nothing.
    func testErrorCodesKeepAccrualRevertsKeepNothing() throws {
        var f = try borrowedPosition(borrow: units(12_000, 6))
        f.block += 100
        let healthy = try liquidate(&f, units(100, 6))
        XCTAssertEqual(healthy.failure, CompoundFailure(rejectedBy: .insufficientShortfall, .liquidateComptrollerRejection))
        XCTAssertEqual(f.comptroller.market(F.cUSDC)?.accrualBlockNumber, f.block, "accrual kept")
        XCTAssertEqual(f.comptroller.market(F.cETH)?.accrualBlockNumber, f.block, "accrual kept")

        f.prices[F.weth.address] = units(1_000, 18)
        XCTAssertEqual(try liquidate(&f, .zero).failure, CompoundFailure(.invalidCloseAmountRequested, .liquidateCloseAmountIsZero))
        XCTAssertEqual(try liquidate(&f, units(1, 6), by: F.alice).failure,
                       CompoundFailure(.invalidAccountPair, .liquidateLiquidatorIsBorrower))
        let before = (f.comptroller, f.ledger)
        XCTAssertReverts(.reason("LIQUIDATE_SEIZE_TOO_MUCH")) { () throws(Revert) in
            try f.comptroller.liquidateBorrow(borrower: F.alice, repayAmount: units(100, 6), cTokenCollateral: F.cUSDC,
                                              target: F.cUSDC, context: f.context(F.liquidator), prices: f.prices, ledger: &f.ledger)
        }
        XCTAssertEqual(f.comptroller, before.0)
        XCTAssertEqual(f.ledger, before.1)
        try f.ledger.approve(.zero, of: F.usdc.address, owner: F.liquidator, spender: F.cUSDC)
        XCTAssertReverts(.reason("ERC20: insufficient allowance")) { () throws(Revert) in try self.liquidate(&f, units(100, 6)) }
        XCTAssertEqual(f.comptroller, before.0)
        XCTAssertReverts(.reason("cTokenCollateral is not a listed market")) { () throws(Revert) in
            try f.comptroller.liquidateBorrow(borrower: F.alice, repayAmount: 1, cTokenCollateral: account(0xBAD), target: F.cUSDC,
                                              context: f.context(F.liquidator), prices: f.prices, ledger: &f.ledger)
        }
    }

    func testExecuteDispatchesByTarget() throws {
        var f = CompoundFixture()
        let outcome = try f.comptroller.execute(.compoundMint(mintAmount: units(1, 18)), target: F.cETH, context: f.context(F.alice),
                                                prices: f.prices, ledger: &f.ledger)
        XCTAssertEqual(outcome.gasUsed, 150_000)
        XCTAssertEqual(outcome.events.first?.source, "compound-v2")
        XCTAssertReverts(.reason("\(account(0xBAD)) is not a listed cToken")) { () throws(Revert) in
            try f.comptroller.execute(.compoundMint(mintAmount: 1), target: account(0xBAD), context: f.context(F.alice),
                                      prices: f.prices, ledger: &f.ledger)
        }
        XCTAssertEqual(f.comptroller.revertGas(for: .compoundMint(mintAmount: 1)), 80_000)
    }

    // MARK: Helpers

    /// 10 ETH supplied and entered, 15,000 USDC borrowed (the maximum at $2,000), LP cash 1M USDC.
    private func borrowedPosition(borrow: UInt256 = units(15_000, 6), incentive: UInt256 = 108 &* F.e16,
                                  seizeShare: UInt256 = CompoundMarketConfiguration.protocolSeizeShare2021) throws -> CompoundFixture {
        var f = CompoundFixture(incentive: incentive, seizeShare: seizeShare)
        _ = try f.comptroller.mint(mintAmount: units(1_000_000, 6), target: F.cUSDC, context: f.context(F.lp), ledger: &f.ledger)
        _ = try f.comptroller.mint(mintAmount: units(10, 18), target: F.cETH, context: f.context(F.alice), ledger: &f.ledger)
        f.comptroller.enterMarkets([F.cETH], account: F.alice)
        let borrowed = try f.comptroller.borrow(borrowAmount: borrow, target: F.cUSDC, context: f.context(F.alice),
                                                prices: f.prices, ledger: &f.ledger)
        XCTAssertTrue(borrowed.succeeded)
        return f
    }

    private func liquidate(_ f: inout CompoundFixture, _ amount: UInt256, by liquidator: Address = F.liquidator) throws(Revert) -> CompoundReceipt {
        let context = f.context(liquidator)
        return try f.comptroller.liquidateBorrow(borrower: F.alice, repayAmount: amount, cTokenCollateral: F.cETH, target: F.cUSDC,
                                                 context: context, prices: f.prices, ledger: &f.ledger)
    }
}

/// Replays one Compound scenario of the oracle vectors.
struct CompoundVectorReplay: VectorReplay {
    let scenario: JSONObject
    let name: String
    var comptroller: CompoundComptroller
    var ledger = TokenLedger()
    var prices = AssetPrices()
    var cTokens: [String: Address] = [:]
    var underlyings: [String: Token] = [:]
    var liquidations = 0
    var failures = 0
    var reverts = 0
    var failed = false

    init(_ scenario: JSONObject) {
        self.scenario = scenario
        name = scenario["name"] as! String
        comptroller = CompoundComptroller(configuration: .init(closeFactorMantissa: u256(scenario["closeFactor"]),
                                                               liquidationIncentiveMantissa: u256(scenario["incentive"])))
        var users = Set<UInt64>()
        for step in scenario["steps"] as! [JSONObject] {
            if let user = step["user"] { users.insert(u64(user)) }
        }
        for p in scenario["markets"] as! [JSONObject] {
            let symbol = p["symbol"] as! String
            let token = Token(address: account(u64(p["address"])), symbol: symbol, decimals: UInt8(u64(p["decimals"])))
            let cToken = account(u64(p["cToken"]))
            let model = (p["model"] as! [Any]).map(u256)
            let config = CompoundMarketConfiguration(
                collateralFactorMantissa: u256(p["collateralFactor"]), reserveFactorMantissa: u256(p["reserveFactor"]),
                initialExchangeRateMantissa: u256(p["initialExchangeRate"]), protocolSeizeShareMantissa: u256(p["protocolSeizeShare"]),
                interestRateModel: CompoundFixture.model(model))
            ledger.register(token)
            comptroller.listMarket(cToken: cToken, underlying: token, configuration: config, blockNumber: u64(scenario["block0"]))
            for user in users.sorted() {
                try! ledger.mint(units(1_000_000_000_000, token.decimals), of: token.address, to: account(user))
                try! ledger.approve(.max, of: token.address, owner: account(user), spender: cToken)
            }
            cTokens[symbol] = cToken
            underlyings[symbol] = token
        }
    }

    mutating func step(_ step: JSONObject, at place: String) {
        let op = step["op"] as! String
        switch op {
        case "price":
            prices[underlyings[step["asset"] as! String]!.address] = u256(step["price"])
            return
        case "check":
            for (id, view) in step["accounts"] as! [String: JSONObject] {
                guard let result = try? comptroller.accountLiquidity(of: account(UInt64(id)!), prices: prices, ledger: ledger) else {
                    return check(false, "\(place): accountLiquidity reverted")
                }
                equal(UInt64(result.error.rawValue), u64(view["error"]), "\(place): \(id) error")
                equal(result.liquidity, u256(view["liquidity"]), "\(place): \(id) liquidity")
                equal(result.shortfall, u256(view["shortfall"]), "\(place): \(id) shortfall")
            }
            return
        case "enter":
            comptroller.enterMarkets([cTokens[step["asset"] as! String]!], account: account(u64(step["user"])))
            compareState(step["state"] as! JSONObject, at: place)
            return
        default:
            break
        }
        let sender = account(u64(step["user"]))
        let block = u64(step["block"])
        let context = CallContext(sender: sender, blockNumber: block, timestamp: block * 12)
        let target = cTokens[step["asset"] as! String]!
        let amount = u256(step["amount"])
        let before = (comptroller, ledger)
        var receipt: CompoundReceipt?
        var error: Revert?
        do {
            switch op {
            case "mint": receipt = try comptroller.mint(mintAmount: amount, target: target, context: context, ledger: &ledger)
            case "borrow": receipt = try comptroller.borrow(borrowAmount: amount, target: target, context: context, prices: prices, ledger: &ledger)
            case "repay": receipt = try comptroller.repayBorrow(repayAmount: amount, target: target, context: context, ledger: &ledger)
            case "liquidate":
                receipt = try comptroller.liquidateBorrow(
                    borrower: account(u64(step["borrower"])), repayAmount: amount,
                    cTokenCollateral: cTokens[step["collateral"] as! String]!, target: target, context: context, prices: prices,
                    ledger: &ledger)
            default: preconditionFailure("unknown op \(op)")
            }
        } catch let revert {
            error = revert
        }
        let expect = step["expect"] as! JSONObject
        if let reason = expect["revert"] as? String {
            reverts += 1
            equal(error.map(oracleName), reason, "\(place): revert")
            check(comptroller == before.0, "\(place): a reverted call changed the comptroller")
            check(ledger == before.1, "\(place): a reverted call changed the ledger")
        } else if let failure = expect["failure"] as? [Any] {
            failures += 1
            let codes = failure.map(u64)
            equal(receipt?.failure.map { [UInt64($0.error.rawValue), UInt64($0.info.rawValue)] }, [codes[0], codes[1]],
                  "\(place): failure code")
            equal(receipt?.failure?.detail, UInt256(codes[2]), "\(place): failure detail")
            check(ledger == before.1, "\(place): a failed call moved tokens")
        } else {
            check(error == nil && receipt?.failure == nil, "\(place): unexpected \(String(describing: error ?? nil)) \(String(describing: receipt?.failure))")
            let result = expect["result"] as! JSONObject
            equal(receipt?.amount, u256(result["amount"]), "\(place): amount")
            if op == "liquidate" {
                liquidations += 1
                equal(receipt?.seizeTokens, u256(result["seizeTokens"]), "\(place): seizeTokens")
                equal(receipt?.protocolSeizeTokens, u256(result["protocolSeizeTokens"]), "\(place): protocolSeizeTokens")
            }
        }
        compareState(step["state"] as! JSONObject, at: place)
        equal(comptroller.invariantViolations(ledger: ledger), [], "\(place): invariants")
        equal(ledger.invariantViolations(), [], "\(place): ledger invariants")
    }

    private mutating func compareState(_ state: JSONObject, at place: String) {
        for (id, m) in (state["markets"] as! [JSONObject]).enumerated() {
            let market = comptroller.markets[id]
            let where_ = "\(place): c\(market.underlying.symbol)"
            equal(market.totalSupply, u256(m["totalSupply"]), "\(where_) totalSupply")
            equal(market.totalBorrows, u256(m["totalBorrows"]), "\(where_) totalBorrows")
            equal(market.totalReserves, u256(m["totalReserves"]), "\(where_) totalReserves")
            equal(market.borrowIndex, u256(m["borrowIndex"]), "\(where_) borrowIndex")
            equal(market.accrualBlockNumber, u64(m["accrualBlockNumber"]), "\(where_) accrualBlockNumber")
            equal(market.cash(in: ledger), u256(m["cash"]), "\(where_) cash")
            let tokens = m["tokens"] as! [String: Any]
            for key in Set(tokens.keys.map { account(UInt64($0)!) }).union(market.accountTokens.keys) {
                let expected = tokens.first { account(UInt64($0.key)!) == key }.map { u256($0.value) } ?? .zero
                equal(market.balance(of: key), expected, "\(where_) tokens of \(key)")
            }
            let borrows = m["borrows"] as! [String: Any]
            for key in Set(borrows.keys.map { account(UInt64($0)!) }).union(market.accountBorrows.keys) {
                let expected = borrows.first { account(UInt64($0.key)!) == key }.map { ($0.value as! [Any]).map(u256) } ?? [.zero, .zero]
                let snapshot = market.accountBorrows[key] ?? CompoundBorrowSnapshot(principal: .zero, interestIndex: .zero)
                equal([snapshot.principal, snapshot.interestIndex], expected, "\(where_) borrow snapshot of \(key)")
            }
        }
        let assets = state["assets"] as! [String: Any]
        for key in Set(assets.keys.map { account(UInt64($0)!) }).union(comptroller.accountAssets.keys) {
            let expected = assets.first { account(UInt64($0.key)!) == key }.map { ($0.value as! [Any]).map { Int(u64($0)) } } ?? []
            equal(comptroller.accountAssets[key] ?? [], expected, "\(place): markets entered by \(key)")
        }
    }
}
