import CascadeChain
import CascadeMath
import Testing
@testable import CascadeAgents
@testable import CascadeProtocols

/// Aave position owners defending their health factor.
@Suite struct BorrowerAaveTests {
    typealias F = AgentFixture
    static let weth = Token(address: Address(truncating: 0x1001), symbol: "WETH", decimals: 18)
    static let usdc = Token(address: Address(truncating: 0x1002), symbol: "USDC", decimals: 6)
    static let poolAddress = Address(truncating: 0xA0A0)
    static let lp = Address(truncating: 0x1)
    static let reporter = Signer(key: PrivateKey.derive(seed: F.seed, label: "reporter", index: 0))

    /// aave-v3 Ethereum parameters as in the protocol tests (WETH LT 83 %, USDC LT 80 %).
    static func configuration(ltv: UInt64, lt: UInt64, bonus: UInt64, strategy: [UInt64]) -> AaveReserveConfiguration {
        AaveReserveConfiguration(
            ltv: ltv, liquidationThreshold: lt, liquidationBonus: bonus, liquidationProtocolFee: 1_000, reserveFactor: 1_000,
            interestRateStrategy: AaveInterestRateStrategy(optimalUsageRatio: strategy[0], baseVariableBorrowRate: strategy[1],
                                                           variableRateSlope1: strategy[2], variableRateSlope2: strategy[3]))
    }

    static func units(_ whole: UInt64, _ token: Token) -> UInt256 {
        UInt256(whole) &* UInt256(10).powerWrapping(UInt256(UInt64(token.decimals)))
    }

    static func feed(_ index: UInt64, _ token: Token) -> LendingPriceFeed {
        LendingPriceFeed(
            feed: PushPriceFeed(address: Address(truncating: UInt256(0xFEED0 + index)), feedID: Bytes32(ascii: token.symbol)!,
                                reporters: [reporter.address], quorum: 1),
            assets: [.init(token: token, cToken: nil)])
    }

    /// Owners each supplying 10 WETH and borrowing 12,000 USDC at $2,000 (health factor 1.383),
    /// holding 5 WETH and the USDC borrowed, approving the pool; then WETH falls to $1,700
    /// (health factor 1.176).
    static func world(_ profiles: [Borrower.Profile]) throws -> (state: ChainState, group: Borrower) {
        var ledger = TokenLedger()
        var pool = AavePool(configuration: .init(address: poolAddress, treasury: Address(truncating: 0x7EA5)))
        pool.listReserve(weth, configuration: configuration(ltv: 8_050, lt: 8_300, bonus: 10_500, strategy: [9_000, 0, 270, 8_000]),
                         timestamp: F.t0)
        pool.listReserve(usdc, configuration: configuration(ltv: 7_700, lt: 8_000, bonus: 10_450, strategy: [9_200, 0, 650, 6_000]),
                         timestamp: F.t0)
        ledger.register(weth)
        ledger.register(usdc)
        let prices = AssetPrices([weth.address: units(2_000, usdc) &* 100, usdc.address: 100_000_000])
        let context = { (sender: Address) in CallContext(sender: sender, blockNumber: F.block0, timestamp: F.t0) }
        try ledger.mint(units(1_000_000, usdc), of: usdc.address, to: lp)
        try ledger.approve(.max, of: usdc.address, owner: lp, spender: poolAddress)
        _ = try pool.supply(asset: usdc.address, amount: units(1_000_000, usdc), onBehalfOf: lp, context: context(lp), ledger: &ledger)
        let owners = profiles.indices.map { Borrower.Owner(account: F.account("aave-borrower", UInt64($0)), profile: profiles[$0]) }
        for owner in owners.map(\.account.address) {
            try ledger.mint(units(15, weth), of: weth.address, to: owner)
            for token in [weth, usdc] { try ledger.approve(.max, of: token.address, owner: owner, spender: poolAddress) }
            _ = try pool.supply(asset: weth.address, amount: units(10, weth), onBehalfOf: owner, context: context(owner),
                                ledger: &ledger)
            _ = try pool.borrow(asset: usdc.address, amount: units(12_000, usdc), onBehalfOf: owner, context: context(owner),
                                prices: prices, ledger: &ledger)
        }
        var state = ChainState(ledger: ledger, maker: nil, makerOracles: [], aave: pool, aaveAddress: poolAddress, compound: nil,
                               pairs: [], feeds: [feed(0, weth), feed(1, usdc)])
        try report(&state, feed: 0, price: 2_000, at: F.t0)
        try report(&state, feed: 1, price: 1, at: F.t0)
        try report(&state, feed: 0, price: 1_700, at: F.t0 + 1)
        let group = Borrower(market: .aave(collateral: weth.address, debt: usdc.address), gas: .fixed(F.gwei(20)), owners: owners,
                             random: SplitMix64(seed: 3))
        return (state, group)
    }

    /// The reporter's update of feed `index` to `price` USD at `time`, as a transaction.
    static func report(_ state: inout ChainState, feed index: Int, price: UInt64, at time: UInt64) throws {
        let feed = state.feeds[index].feed
        let call = feed.makeReport(price: UInt256(price) &* 100_000_000, timestamp: time, signers: [reporter])
        guard case .success = state.apply(call, to: feed.address, sender: reporter.address,
                                          context: CallContext(sender: reporter.address, blockNumber: F.block0, timestamp: time))
        else { throw Revert.reason("report failed") }
    }

    static func healthFactor(_ state: ChainState, _ owner: Address) throws -> UInt256 {
        try state.aave!.healthFactor(of: owner, prices: state.aavePrices, timestamp: F.t0 + 12)
    }

    /// Threshold 1.25, target 1.5: one owner supplies ≈ 2.757 WETH, the other repays ≈ 2,593
    /// USDC; both land at a health factor of 1.5 within 10⁻⁹ (token units and the base currency
    /// round the values: one USDC unit is 100 base units).
    @Test func topUpAndRepaymentRestoreTheTargetHealthFactor() throws {
        let profiles = [Borrower.Defence.topUp, .repay].map {
            Borrower.Profile(defence: $0, threshold: 1.25, target: 1.5, budget: .max, latencyBlocks: 0, probabilityPerBlock: 1)
        }
        var (state, group) = try Self.world(profiles)
        let owners = group.owners.map(\.account.address)
        #expect(try Self.healthFactor(state, owners[0]) < F.fixed("1.25", 18))
        var examined = 0
        let sent = group.act(F.view(state, prices: [:]), examined: &examined)
        #expect(examined == 2)
        try #require(sent.count == 2)
        let byOwner = Dictionary(uniqueKeysWithValues: sent.map { ($0.sender, $0) })
        let supply = try #require(byOwner[owners[0]])
        let repay = try #require(byOwner[owners[1]])
        guard case let .aaveSupply(_, supplied, _, _) = supply.call, case let .aaveRepay(_, repaid, _, _) = repay.call else {
            Issue.record("unexpected calls \(sent.map(\.call))")
            return
        }
        try F.expectSigned(supply, .aaveSupply(asset: Self.weth.address, amount: supplied, onBehalfOf: owners[0], referralCode: 0),
                           to: Self.poolAddress, sender: owners[0])
        try F.expectSigned(repay, .aaveRepay(asset: Self.usdc.address, amount: repaid, interestRateMode: 2, onBehalfOf: owners[1]),
                           to: Self.poolAddress, sender: owners[1])
        #expect(supplied > Self.units(2, Self.weth) && supplied < Self.units(3, Self.weth))
        #expect(repaid > Self.units(2_500, Self.usdc) && repaid < Self.units(2_700, Self.usdc))
        for transaction in sent { F.apply(transaction, to: &state) }
        for owner in owners {
            let healthFactor = try Self.healthFactor(state, owner)
            #expect(healthFactor > F.fixed("1.499999999", 18) && healthFactor < F.fixed("1.500000001", 18), "\(healthFactor)")
        }
    }

    /// A budget of 1 WETH caps the top-up; an owner who never reacts sends nothing.
    @Test func budgetAndNeverReacting() throws {
        let profiles = [
            Borrower.Profile(defence: .topUp, threshold: 1.25, target: 1.5, budget: Self.units(1, Self.weth), latencyBlocks: 0,
                             probabilityPerBlock: 1),
            Borrower.Profile(defence: nil, threshold: 1.25, target: 1.5, budget: .max, latencyBlocks: 0, probabilityPerBlock: 1),
        ]
        let (state, initial) = try Self.world(profiles)
        var group = initial
        var examined = 0
        let sent = group.act(F.view(state, prices: [:]), examined: &examined)
        let owner = group.owners[0].account.address
        #expect(sent.map(\.call) == [.aaveSupply(asset: Self.weth.address, amount: Self.units(1, Self.weth), onBehalfOf: owner,
                                                 referralCode: 0)])
        #expect(examined == 1)
    }
}
