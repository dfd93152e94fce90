import CascadeChain
import CascadeMath
import CascadeProtocols
import XCTest

final class AavePoolTests: XCTestCase {
    // MARK: Oracle vectors

    /// Replays every Aave scenario of the Python oracle call by call: each call's result or revert
    /// reason, the whole pool state after it (indexes, rates, totals, deficits, every scaled
    /// balance and flag), the pool's ledger balances, account data and balances at check points;
    /// a reverted call must leave pool and ledger equal to before.
    func testOracleVectorsCallByCall() {
        let scenarios = LendingVectors.file["aave"] as! [JSONObject]
        var liquidations = 0, reverts = 0, deficits = 0
        for scenario in scenarios {
            var replay = AaveVectorReplay(scenario)
            replay.run()
            liquidations += replay.liquidations
            reverts += replay.reverts
            deficits += replay.deficits
        }
        XCTAssertGreaterThanOrEqual(scenarios.count, 40)
        XCTAssertGreaterThanOrEqual(liquidations, 30, "successful liquidations replayed")
        XCTAssertGreaterThanOrEqual(reverts, 20, "reverted calls replayed")
        XCTAssertGreaterThanOrEqual(deficits, 2, "liquidations booking a deficit")
    }

    // MARK: Hand-computed supply, borrow, health factor

    /// At index 1 RAY nothing rounds: 10 WETH at $2,000 is $20,000 of collateral, 8,000 USDC
    /// $8,000 of debt, HF = 20,000·0.83/8,000 = 2.075, average LTV 80.5 %.
    func testHealthFactorByHand() throws {
        var f = AaveFixture()
        try f.supply(AaveFixture.lp, AaveFixture.usdc, units(100_000, 6))
        try f.supply(AaveFixture.alice, AaveFixture.weth, units(10, 18))
        try f.borrow(AaveFixture.alice, AaveFixture.usdc, units(8_000, 6))
        let data = try f.pool.accountData(of: AaveFixture.alice, prices: f.prices, timestamp: f.time)
        XCTAssertEqual(data.totalCollateralBase, units(20_000, 8))
        XCTAssertEqual(data.totalDebtBase, units(8_000, 8))
        XCTAssertEqual(data.averageLtv, 8_050)
        XCTAssertEqual(data.averageLiquidationThreshold, 8_300)
        XCTAssertEqual(data.healthFactor, UInt256(2_075_000_000_000_000_000 as UInt64))
        XCTAssertEqual(f.ledger.balance(of: AaveFixture.pool, in: AaveFixture.usdc.address), units(92_000, 6))
        XCTAssertEqual(f.pool.position(of: AaveFixture.alice).scaledVariableDebt(1), units(8_000, 6))
        XCTAssertTrue(f.pool.position(of: AaveFixture.alice).isUsingAsCollateral(0))
        XCTAssertTrue(f.pool.position(of: AaveFixture.alice).isBorrowing(1))
        XCTAssertEqual(try f.pool.healthFactor(of: AaveFixture.bob, prices: f.prices, timestamp: f.time), .max)
    }

    /// Borrowing past the LTV: 10 WETH ($20,000, LTV 80.5 %) covers $16,100; $16,101 reverts
    /// `CollateralCannotCoverNewBorrow` and changes nothing.
    func testBorrowBeyondLtvRevertsAndChangesNothing() throws {
        var f = AaveFixture()
        try f.supply(AaveFixture.lp, AaveFixture.usdc, units(100_000, 6))
        try f.supply(AaveFixture.alice, AaveFixture.weth, units(10, 18))
        let (pool, ledger) = (f.pool, f.ledger)
        XCTAssertReverts(.reason("CollateralCannotCoverNewBorrow")) { () throws(Revert) in
            try f.borrow(AaveFixture.alice, AaveFixture.usdc, units(16_101, 6))
        }
        XCTAssertEqual(f.pool, pool)
        XCTAssertEqual(f.ledger, ledger)
        try f.borrow(AaveFixture.alice, AaveFixture.usdc, units(16_100, 6))
    }

    func testBorrowWithoutCollateralAndOtherValidations() throws {
        var f = AaveFixture()
        try f.supply(AaveFixture.lp, AaveFixture.usdc, units(100_000, 6))
        XCTAssertReverts(.reason("LtvValidationFailed")) { () throws(Revert) in try f.borrow(AaveFixture.bob, AaveFixture.usdc, units(1, 6)) }
        try f.supply(AaveFixture.alice, AaveFixture.weth, units(10, 18))
        XCTAssertReverts(.reason("InvalidAmount")) { () throws(Revert) in try f.borrow(AaveFixture.alice, AaveFixture.usdc, .zero) }
        XCTAssertReverts(.reason("InvalidInterestRateModeSelected")) { () throws(Revert) in
            try f.pool.borrow(asset: AaveFixture.usdc.address, amount: units(1, 6), interestRateMode: 1,
                              onBehalfOf: AaveFixture.alice, context: f.context(AaveFixture.alice), prices: f.prices, ledger: &f.ledger)
        }
        XCTAssertReverts(.reason("InsufficientBorrowAllowance")) { () throws(Revert) in
            try f.pool.borrow(asset: AaveFixture.usdc.address, amount: units(1, 6), onBehalfOf: AaveFixture.alice,
                              context: f.context(AaveFixture.bob), prices: f.prices, ledger: &f.ledger)
        }
        // More than the aToken supply: InvalidAmount. More than the cash (some is lent out) but not
        // the supply: the virtual balance underflows (on chain: Panic 0x11 in the rate strategy).
        try f.supply(AaveFixture.bob, AaveFixture.weth, units(1_000, 18))
        XCTAssertReverts(.reason("InvalidAmount")) { () throws(Revert) in
            try f.borrow(AaveFixture.bob, AaveFixture.usdc, units(100_001, 6))
        }
        try f.borrow(AaveFixture.alice, AaveFixture.usdc, units(10_000, 6))
        XCTAssertReverts(.underflow) { () throws(Revert) in try f.borrow(AaveFixture.bob, AaveFixture.usdc, units(95_000, 6)) }
        XCTAssertReverts(.reason("AssetNotListed")) { () throws(Revert) in
            try f.pool.supply(asset: account(0xBAD), amount: 1, onBehalfOf: AaveFixture.bob, context: f.context(AaveFixture.bob),
                              ledger: &f.ledger)
        }
    }

    func testSupplyValidations() throws {
        var f = AaveFixture()
        XCTAssertReverts(.reason("InvalidAmount")) { () throws(Revert) in try f.supply(AaveFixture.alice, AaveFixture.weth, .zero) }
        XCTAssertReverts(.reason("SupplyToAToken")) { () throws(Revert) in try f.supply(AaveFixture.pool, AaveFixture.weth, 1) }
        var capped = AaveFixture.wethConfiguration
        capped.supplyCap = 5
        try f.pool.setConfiguration(capped, of: AaveFixture.weth.address, timestamp: f.time)
        try f.supply(AaveFixture.alice, AaveFixture.weth, units(5, 18))
        XCTAssertReverts(.reason("SupplyCapExceeded")) { () throws(Revert) in try f.supply(AaveFixture.alice, AaveFixture.weth, 1) }
        capped.isFrozen = true
        capped.supplyCap = 0
        try f.pool.setConfiguration(capped, of: AaveFixture.weth.address, timestamp: f.time)
        XCTAssertReverts(.reason("ReserveFrozen")) { () throws(Revert) in try f.supply(AaveFixture.alice, AaveFixture.weth, 1) }
        // No allowance: the token's transferFrom reverts, nothing changes.
        try f.ledger.approve(.zero, of: AaveFixture.usdc.address, owner: AaveFixture.bob, spender: AaveFixture.pool)
        let (pool, ledger) = (f.pool, f.ledger)
        XCTAssertReverts(.reason("ERC20: insufficient allowance")) { () throws(Revert) in
            try f.supply(AaveFixture.bob, AaveFixture.usdc, units(1, 6))
        }
        XCTAssertEqual(f.pool, pool)
        XCTAssertEqual(f.ledger, ledger)
    }

    /// Withdrawing collateral that backs a loan reverts once HF would fall below 1; the whole
    /// balance (`type(uint256).max`) can leave once the debt is repaid.
    func testWithdrawKeepsHealthFactorAndRepayMaxClearsDebt() throws {
        var f = AaveFixture()
        try f.supply(AaveFixture.lp, AaveFixture.usdc, units(100_000, 6))
        try f.supply(AaveFixture.alice, AaveFixture.weth, units(10, 18))
        try f.borrow(AaveFixture.alice, AaveFixture.usdc, units(10_000, 6))
        // HF after withdrawing w WETH: (10 − w)·2000·0.83 / 10,000 ≥ 1 ⇔ w ≤ 3.97…
        XCTAssertReverts(.reason("HealthFactorLowerThanLiquidationThreshold")) { () throws(Revert) in
            try f.pool.withdraw(asset: AaveFixture.weth.address, amount: units(4, 18), to: AaveFixture.alice,
                                context: f.context(AaveFixture.alice), prices: f.prices, ledger: &f.ledger)
        }
        _ = try f.pool.withdraw(asset: AaveFixture.weth.address, amount: units(3, 18), to: AaveFixture.alice,
                                context: f.context(AaveFixture.alice), prices: f.prices, ledger: &f.ledger)
        f.time += 30 * 86_400
        XCTAssertReverts(.reason("NoExplicitAmountToRepayOnBehalf")) { () throws(Revert) in
            try f.pool.repay(asset: AaveFixture.usdc.address, amount: .max, onBehalfOf: AaveFixture.alice,
                             context: f.context(AaveFixture.bob), ledger: &f.ledger)
        }
        let debt = try f.pool.variableDebt(of: AaveFixture.alice, asset: AaveFixture.usdc.address, timestamp: f.time)
        XCTAssertGreaterThan(debt, units(10_000, 6), "interest accrued")
        let repaid = try f.pool.repay(asset: AaveFixture.usdc.address, amount: .max, onBehalfOf: AaveFixture.alice,
                                      context: f.context(AaveFixture.alice), ledger: &f.ledger)
        XCTAssertEqual(repaid.events.first?.fields.first { $0.name == "amount" }?.value,
                       .amount(debt, symbol: "USDC", decimals: 6))
        XCTAssertFalse(f.pool.position(of: AaveFixture.alice).isBorrowingAny)
        XCTAssertReverts(.reason("NoDebtOfSelectedType")) { () throws(Revert) in
            try f.pool.repay(asset: AaveFixture.usdc.address, amount: 1, onBehalfOf: AaveFixture.alice,
                             context: f.context(AaveFixture.alice), ledger: &f.ledger)
        }
        _ = try f.pool.withdraw(asset: AaveFixture.weth.address, amount: .max, to: AaveFixture.alice,
                                context: f.context(AaveFixture.alice), prices: f.prices, ledger: &f.ledger)
        XCTAssertFalse(f.pool.position(of: AaveFixture.alice).isUsingAsCollateral(0))
        XCTAssertEqual(f.pool.invariantViolations(ledger: f.ledger), [])
        XCTAssertReverts(.reason("WithdrawToAToken")) { () throws(Revert) in
            try f.pool.withdraw(asset: AaveFixture.weth.address, amount: 1, to: AaveFixture.pool,
                                context: f.context(AaveFixture.alice), prices: f.prices, ledger: &f.ledger)
        }
    }

    /// `execute` dispatches the typed calls and charges the schedule's gas; other functions revert.
    func testExecuteDispatchesAndChargesGas() throws {
        var f = AaveFixture()
        let supply = ContractCall.aaveSupply(asset: AaveFixture.weth.address, amount: units(1, 18),
                                             onBehalfOf: AaveFixture.alice, referralCode: 0)
        let outcome = try f.pool.execute(supply, context: f.context(AaveFixture.alice), prices: f.prices, ledger: &f.ledger)
        XCTAssertEqual(outcome.gasUsed, 150_000)
        XCTAssertEqual(outcome.events.map(\.name), ["Supply"])
        XCTAssertEqual(outcome.events.first?.source, "aave-v3")
        XCTAssertReverts(.reason("function mint is not part of the Aave v3 pool")) { () throws(Revert) in
            try f.pool.execute(.compoundMint(mintAmount: 1), context: f.context(AaveFixture.alice), prices: f.prices, ledger: &f.ledger)
        }
        let liquidation = ContractCall.aaveLiquidationCall(collateralAsset: AaveFixture.weth.address, debtAsset: AaveFixture.usdc.address,
                                                           user: AaveFixture.alice, debtToCover: 1, receiveAToken: false)
        XCTAssertEqual(f.pool.revertGas(for: liquidation), 120_000)
        XCTAssertEqual(f.pool.revertGas(for: supply), 60_000)
    }
}

/// Replays one Aave scenario of the oracle vectors.
struct AaveVectorReplay: VectorReplay {
    let scenario: JSONObject
    let name: String
    var pool: AavePool
    var ledger = TokenLedger()
    var prices = AssetPrices()
    var tokens: [String: Token] = [:]
    var symbols: [String] = []
    var configurations: [String: AaveReserveConfiguration] = [:]
    var liquidations = 0
    var reverts = 0
    var deficits = 0
    var failed = false

    init(_ scenario: JSONObject) {
        self.scenario = scenario
        name = scenario["name"] as! String
        let rules = AaveLiquidationRules(rawValue: scenario["rules"] as! String)!
        pool = AavePool(configuration: .init(address: account(u64(scenario["pool"])), treasury: account(u64(scenario["treasury"])),
                                             liquidationRules: rules))
        let steps = scenario["steps"] as! [JSONObject]
        var users = Set<UInt64>()
        for step in steps {
            if let user = step["user"] { users.insert(u64(user)) }
            if let user = step["borrower"] { users.insert(u64(user)) }
        }
        for p in scenario["reserves"] as! [JSONObject] {
            let symbol = p["symbol"] as! String
            let token = Token(address: account(u64(p["address"])), symbol: symbol, decimals: UInt8(u64(p["decimals"])))
            let strategy = (p["strategy"] as! [Any]).map(u64)
            let config = AaveFixture.configuration(ltv: u64(p["ltv"]), lt: u64(p["lt"]), bonus: u64(p["bonus"]), fee: u64(p["fee"]),
                                                   rf: u64(p["rf"]), strategy: strategy)
            ledger.register(token)
            pool.listReserve(token, configuration: config, timestamp: u64(scenario["t0"]))
            for user in users.sorted() {
                try! ledger.mint(units(1_000_000_000_000, token.decimals), of: token.address, to: account(user))
                try! ledger.approve(.max, of: token.address, owner: account(user), spender: pool.configuration.address)
            }
            tokens[symbol] = token
            symbols.append(symbol)
            configurations[symbol] = config
        }
    }

    mutating func step(_ step: JSONObject, at place: String) {
        let op = step["op"] as! String
        if op == "price" {
            prices[tokens[step["asset"] as! String]!.address] = u256(step["price"])
            return
        }
        if op == "check" {
            compareViews(step, at: place)
            if let state = step["state"] as? JSONObject { compareState(state, at: place) }
            return
        }
        let t = u64(step["t"])
        let sender = account(step["user"].map(u64) ?? 0)
        let context = CallContext(sender: sender, blockNumber: 0, timestamp: t)
        let before = (pool, ledger)
        var outcome: CallOutcome?
        var receipt: AaveLiquidationReceipt?
        var error: Revert?
        do {
            switch op {
            case "supply":
                outcome = try pool.supply(asset: token(step["asset"]).address, amount: u256(step["amount"]), onBehalfOf: sender,
                                          context: context, ledger: &ledger)
            case "withdraw":
                outcome = try pool.withdraw(asset: token(step["asset"]).address, amount: u256(step["amount"]), to: sender,
                                            context: context, prices: prices, ledger: &ledger)
            case "borrow":
                outcome = try pool.borrow(asset: token(step["asset"]).address, amount: u256(step["amount"]), onBehalfOf: sender,
                                          context: context, prices: prices, ledger: &ledger)
            case "repay":
                outcome = try pool.repay(asset: token(step["asset"]).address, amount: u256(step["amount"]), onBehalfOf: sender,
                                         context: context, ledger: &ledger)
            case "flag":
                let symbol = step["asset"] as! String
                var config = configurations[symbol]!
                let value = step["value"] as! Bool
                switch step["flag"] as! String {
                case "paused": config.isPaused = value
                case "active": config.isActive = value
                case "frozen": config.isFrozen = value
                default: preconditionFailure("flag")
                }
                configurations[symbol] = config
                try pool.setConfiguration(config, of: tokens[symbol]!.address, timestamp: t)
            case "liquidate":
                let approved = step["approved"] as? Bool ?? true
                let debt = token(step["debt"])
                if !approved { try! ledger.approve(.zero, of: debt.address, owner: sender, spender: pool.configuration.address) }
                defer {
                    if !approved { try! ledger.approve(.max, of: debt.address, owner: sender, spender: pool.configuration.address) }
                }
                receipt = try pool.liquidationCall(
                    collateralAsset: token(step["collateral"]).address, debtAsset: debt.address,
                    user: account(u64(step["borrower"])), debtToCover: u256(step["debtToCover"]),
                    receiveAToken: step["receiveAToken"] as! Bool, context: context, prices: prices, ledger: &ledger)
            default:
                preconditionFailure("unknown op \(op)")
            }
        } catch let revert {
            error = revert
        }

        let expect = step["expect"] as! JSONObject
        if let reason = expect["revert"] as? String {
            reverts += 1
            equal(error.map(oracleName), reason, "\(place): revert")
            if step["approved"] as? Bool == false {
                // The test itself changed the allowance around the call; compare the pool only.
                check(pool == before.0, "\(place): a reverted call changed the pool")
            } else {
                check(pool == before.0, "\(place): a reverted call changed the pool")
                check(ledger == before.1, "\(place): a reverted call changed the ledger")
            }
        } else {
            check(error == nil, "\(place): unexpected revert \(String(describing: error))")
            let result = expect["result"] as! JSONObject
            if let expected = result["amount"], let outcome {
                let amount = outcome.events.first?.fields.first { $0.name == "amount" }?.value
                if case .amount(let value, _, _)? = amount { equal(value, u256(expected), "\(place): amount") }
                else { check(false, "\(place): no amount in \(outcome.events)") }
            }
            if let receipt {
                liquidations += 1
                equal(receipt.healthFactor, u256(result["healthFactor"]), "\(place): healthFactor")
                equal(receipt.maxLiquidatableDebt, u256(result["maxLiquidatableDebt"]), "\(place): maxLiquidatableDebt")
                equal(receipt.debtRepaid, u256(result["debtRepaid"]), "\(place): debtRepaid")
                equal(receipt.collateralToLiquidator, u256(result["collateralToLiquidator"]), "\(place): collateralToLiquidator")
                equal(receipt.protocolFee, u256(result["protocolFee"]), "\(place): protocolFee")
                equal(receipt.hasNoCollateralLeft, result["hasNoCollateralLeft"] as! Bool, "\(place): hasNoCollateralLeft")
                let expectedDeficits = (result["deficits"] as! [[Any]]).map {
                    AaveLiquidationReceipt.Deficit(asset: tokens[$0[0] as! String]!.address, amount: u256($0[1]))
                }
                if !expectedDeficits.isEmpty { deficits += 1 }
                equal(receipt.deficits, expectedDeficits, "\(place): deficits")
                let badDebt = u64(result["badDebtReserves"])
                equal(receipt.gasUsed, 380_000 + 75_000 * badDebt, "\(place): gas")
                equal(receipt.events.map(\.name), Array(repeating: "DeficitCreated", count: expectedDeficits.count) + ["LiquidationCall"],
                      "\(place): events")
            }
        }
        if let state = step["state"] as? JSONObject { compareState(state, at: place) }
        equal(pool.invariantViolations(ledger: ledger), [], "\(place): pool invariants")
        equal(ledger.invariantViolations(), [], "\(place): ledger invariants")
    }

    private func token(_ symbol: Any?) -> Token { tokens[symbol as! String]! }

    private mutating func compareState(_ state: JSONObject, at place: String) {
        let reserves = state["reserves"] as! [JSONObject]
        for (id, r) in reserves.enumerated() {
            let reserve = pool.reserves[id]
            let where_ = "\(place): \(reserve.asset.symbol)"
            equal(reserve.liquidityIndex, u256(r["liquidityIndex"]), "\(where_) liquidityIndex")
            equal(reserve.variableBorrowIndex, u256(r["variableBorrowIndex"]), "\(where_) variableBorrowIndex")
            equal(reserve.currentLiquidityRate, u256(r["currentLiquidityRate"]), "\(where_) currentLiquidityRate")
            equal(reserve.currentVariableBorrowRate, u256(r["currentVariableBorrowRate"]), "\(where_) currentVariableBorrowRate")
            equal(reserve.lastUpdateTimestamp, u64(r["lastUpdateTimestamp"]), "\(where_) lastUpdateTimestamp")
            equal(reserve.accruedToTreasury, u256(r["accruedToTreasury"]), "\(where_) accruedToTreasury")
            equal(reserve.virtualUnderlyingBalance, u256(r["virtualUnderlyingBalance"]), "\(where_) virtualUnderlyingBalance")
            equal(reserve.deficit, u256(r["deficit"]), "\(where_) deficit")
            equal(reserve.scaledATokenTotalSupply, u256(r["scaledATokenTotalSupply"]), "\(where_) scaledATokenTotalSupply")
            equal(reserve.scaledVariableDebtTotalSupply, u256(r["scaledVariableDebtTotalSupply"]), "\(where_) scaledVariableDebtTotalSupply")
            equal(ledger.balance(of: pool.configuration.address, in: reserve.asset.address), u256((state["cash"] as! [Any])[id]),
                  "\(where_) pool's ledger balance")
        }
        let users = state["users"] as! [String: JSONObject]
        var seen = Set<Address>()
        for (id, u) in users {
            let user = account(UInt64(id)!)
            seen.insert(user)
            let position = pool.position(of: user)
            for reserveID in reserves.indices {
                equal(position.scaledATokenBalance(reserveID), u256((u["a"] as! [Any])[reserveID]), "\(place): user \(id) scaled aToken \(reserveID)")
                equal(position.scaledVariableDebt(reserveID), u256((u["d"] as! [Any])[reserveID]), "\(place): user \(id) scaled debt \(reserveID)")
                equal(position.isUsingAsCollateral(reserveID), (u["collateral"] as! [Any]).map(u64).contains(UInt64(reserveID)),
                      "\(place): user \(id) collateral flag \(reserveID)")
                equal(position.isBorrowing(reserveID), (u["borrowing"] as! [Any]).map(u64).contains(UInt64(reserveID)),
                      "\(place): user \(id) borrowing flag \(reserveID)")
            }
        }
        for (user, position) in pool.positions where !seen.contains(user) {
            check(position.isEmpty && position.scaledATokenBalances.allSatisfy(\.isZero) && position.scaledVariableDebts.allSatisfy(\.isZero),
                  "\(place): position of \(user) unknown to the oracle")
        }
    }

    private mutating func compareViews(_ step: JSONObject, at place: String) {
        let t = u64(step["t"])
        for (i, index) in (step["indexes"] as! [JSONObject]).enumerated() {
            let reserve = pool.reserves[i]
            equal(try? reserve.normalizedIncome(at: t), u256(index["normalizedIncome"]), "\(place): \(reserve.asset.symbol) normalizedIncome")
            equal(try? reserve.normalizedVariableDebt(at: t), u256(index["normalizedVariableDebt"]),
                  "\(place): \(reserve.asset.symbol) normalizedVariableDebt")
        }
        for (id, view) in step["accounts"] as! [String: JSONObject] {
            let user = account(UInt64(id)!)
            guard let data = try? pool.accountData(of: user, prices: prices, timestamp: t) else {
                check(false, "\(place): accountData reverted")
                return
            }
            equal(data.healthFactor, u256(view["healthFactor"]), "\(place): user \(id) healthFactor")
            equal(data.totalCollateralBase, u256(view["totalCollateralBase"]), "\(place): user \(id) totalCollateralBase")
            equal(data.totalDebtBase, u256(view["totalDebtBase"]), "\(place): user \(id) totalDebtBase")
            equal(data.averageLtv, u256(view["averageLtv"]), "\(place): user \(id) averageLtv")
            equal(data.averageLiquidationThreshold, u256(view["averageLiquidationThreshold"]), "\(place): user \(id) averageLT")
            for (i, symbol) in symbols.enumerated() {
                let asset = tokens[symbol]!.address
                equal(try? pool.aTokenBalance(of: user, asset: asset, timestamp: t), u256((view["aTokenBalances"] as! [Any])[i]),
                      "\(place): user \(id) a\(symbol)")
                equal(try? pool.variableDebt(of: user, asset: asset, timestamp: t), u256((view["debts"] as! [Any])[i]),
                      "\(place): user \(id) \(symbol) debt")
            }
        }
    }
}
