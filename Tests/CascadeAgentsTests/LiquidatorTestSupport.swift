import CascadeChain
import CascadeMath
import CascadeProtocols
import Testing
@testable import CascadeAgents

// A hand-built chain for the liquidator tests: an Aave v3 pool and Compound v2 markets for WETH
// and USDC, priced by two push feeds, with positions opened at setup and the position indexes
// refreshed as the block loop would.

/// An address from a small integer id.
func address(_ id: UInt64) -> Address { Address(truncating: UInt256(id)) }

/// `n · 10^decimals`.
func units(_ n: UInt64, _ decimals: UInt8) -> UInt256 {
    var value = UInt256(n)
    for _ in 0..<decimals { value = value &* 10 }
    return value
}

/// A whole-token decimal `amount` in raw units, rounded down (test inputs only).
func decimalUnits(_ amount: Double, _ decimals: UInt8) -> UInt256 {
    UInt256(truncating: amount * Double.powerOfTen(Int(decimals)))!
}

let gwei = UInt256(1_000_000_000 as UInt64)

extension SplitMix64 {
    /// A uniform draw in `[low, high)`.
    mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + Distributions.unitInterval(using: &self) * (high - low)
    }
}

struct LendingChain {
    static let weth = Token(address: address(0x1001), symbol: "WETH", decimals: 18)
    static let usdc = Token(address: address(0x1002), symbol: "USDC", decimals: 6)
    static let pool = address(0xA0A0)
    static let treasury = address(0x7EA5)
    static let cETH = address(0xC001)
    static let cUSDC = address(0xC002)
    static let lender = address(0x1)
    static let reporter = Signer(key: PrivateKey.derive(seed: 7, label: "reporter", index: 0))
    static let t0: UInt64 = 1_700_000_000
    static let block0: UInt64 = 18_000_000
    static let chainID: UInt64 = 1

    // Aave v3 Ethereum reserves (protocols/aave-v3-ethereum.toml).
    static let wethReserve = AaveReserveConfiguration(
        ltv: 8050, liquidationThreshold: 8300, liquidationBonus: 10500, liquidationProtocolFee: 1000, reserveFactor: 1500,
        interestRateStrategy: AaveInterestRateStrategy(optimalUsageRatio: 9000, baseVariableBorrowRate: 0,
                                                       variableRateSlope1: 270, variableRateSlope2: 8000))
    static let usdcReserve = AaveReserveConfiguration(
        ltv: 7700, liquidationThreshold: 8000, liquidationBonus: 10450, liquidationProtocolFee: 2000, reserveFactor: 1000,
        interestRateStrategy: AaveInterestRateStrategy(optimalUsageRatio: 9200, baseVariableBorrowRate: 0,
                                                       variableRateSlope1: 650, variableRateSlope2: 6000))

    // Compound v2 markets (the fixtures of Tests/CascadeProtocolsTests/LendingTestSupport.swift).
    static let e16 = UInt256(10_000_000_000_000_000 as UInt64)
    static let ethMarket = CompoundMarketConfiguration(
        collateralFactorMantissa: 75 &* e16, reserveFactorMantissa: 20 &* e16, initialExchangeRateMantissa: 2 &* units(1, 26),
        interestRateModel: CompoundJumpRateModel(baseRatePerYear: 2 &* e16, multiplierPerYear: 10 &* e16,
                                                 jumpMultiplierPerYear: 300 &* e16, kink: 80 &* e16))
    static let usdcMarket = CompoundMarketConfiguration(
        collateralFactorMantissa: 80 &* e16, reserveFactorMantissa: 7 &* e16, initialExchangeRateMantissa: 2 &* units(1, 14),
        interestRateModel: CompoundJumpRateModel(baseRatePerYear: .zero, multiplierPerYear: 4 &* e16,
                                                 jumpMultiplierPerYear: 109 &* e16, kink: 80 &* e16))

    var state: ChainState
    var positions = PositionIndexes()
    /// The last block built and its timestamp.
    var block = LendingChain.block0
    var timestamp = LendingChain.t0

    /// Both protocols deployed, ETH at `ethUSD` and USDC at $1, and a lender supplying 5,000
    /// WETH and 50 M USDC to each (and holding as much again).
    init(rules: AaveLiquidationRules = .v3_3, ethUSD: Double = 2_000) {
        var ledger = TokenLedger()
        var pool = AavePool(configuration: .init(address: Self.pool, treasury: Self.treasury, liquidationRules: rules))
        var comptroller = CompoundComptroller(configuration: .init())
        for (token, reserve, cToken, market) in [(Self.weth, Self.wethReserve, Self.cETH, Self.ethMarket),
                                                 (Self.usdc, Self.usdcReserve, Self.cUSDC, Self.usdcMarket)] {
            ledger.register(token)
            pool.listReserve(token, configuration: reserve, timestamp: Self.t0)
            comptroller.listMarket(cToken: cToken, underlying: token, configuration: market, blockNumber: Self.block0)
        }
        let feeds = [("ETH/USD", Self.weth, Self.cETH, address(0xFEED1)), ("USDC/USD", Self.usdc, Self.cUSDC, address(0xFEED2))].map {
            LendingPriceFeed(feed: PushPriceFeed(address: $0.3, feedID: Bytes32(ascii: $0.0)!, reporters: [Self.reporter.address], quorum: 1),
                             assets: [.init(token: $0.1, cToken: $0.2)])
        }
        state = ChainState(ledger: ledger, maker: nil, makerOracles: [], aave: pool, aaveAddress: Self.pool,
                           compound: comptroller, pairs: [], feeds: feeds)
        setPrice(ethUSD: ethUSD)
        setPrice(usdcUSD: 1)
        fund(Self.lender, Self.weth, units(20_000, 18))
        fund(Self.lender, Self.usdc, units(200_000_000, 6))
        try! setUp { (pool: inout AavePool, comptroller: inout CompoundComptroller, ledger: inout TokenLedger, context) throws(Revert) in
            for (token, amount) in [(Self.weth, units(10_000, 18)), (Self.usdc, units(100_000_000, 6))] {
                _ = try pool.supply(asset: token.address, amount: amount >> 1, onBehalfOf: Self.lender,
                                    context: context(Self.lender), ledger: &ledger)
                let cToken = token == Self.weth ? Self.cETH : Self.cUSDC
                _ = try comptroller.mint(mintAmount: amount >> 1, target: cToken, context: context(Self.lender), ledger: &ledger)
            }
        }
    }

    // MARK: Building the world

    /// The next block: a block later and 12 seconds on.
    mutating func advance(blocks: UInt64 = 1, seconds: UInt64? = nil) {
        block += blocks
        timestamp += seconds ?? 12 * blocks
    }

    /// A feed report in a new block.
    mutating func setPrice(ethUSD: Double) { report(feed: 0, usd: ethUSD) }
    mutating func setPrice(usdcUSD: Double) { report(feed: 1, usd: usdcUSD) }

    private mutating func report(feed index: Int, usd: Double) {
        advance()
        let feed = state.feeds[index].feed
        let call = feed.makeReport(price: decimalUnits(usd, 8), timestamp: timestamp, signers: [Self.reporter])
        guard case .success = state.apply(call, to: feed.address, sender: Self.reporter.address, context: context(Self.reporter.address))
        else { preconditionFailure("feed report reverted") }
    }

    func context(_ sender: Address) -> CallContext {
        CallContext(sender: sender, blockNumber: block, timestamp: timestamp)
    }

    /// Mints `amount` of `token` to `owner` and approves the Aave pool and the token's cToken.
    mutating func fund(_ owner: Address, _ token: Token, _ amount: UInt256) {
        let cToken = token == Self.weth ? Self.cETH : Self.cUSDC
        try! state.setUp { (setup: inout ChainState.Setup) throws(Revert) in
            try setup.ledger.mint(amount, of: token.address, to: owner)
            try setup.ledger.approve(.max, of: token.address, owner: owner, spender: Self.pool)
            try setup.ledger.approve(.max, of: token.address, owner: owner, spender: cToken)
        }
    }

    /// Runs `body` on the pool, the Comptroller and the ledger at the current block, outside any
    /// transaction.
    mutating func setUp(_ body: (inout AavePool, inout CompoundComptroller, inout TokenLedger,
                                 (Address) -> CallContext) throws(Revert) -> Void) throws(Revert) {
        let block = block, timestamp = timestamp
        let context = { (sender: Address) in CallContext(sender: sender, blockNumber: block, timestamp: timestamp) }
        try state.setUp { (setup: inout ChainState.Setup) throws(Revert) in
            var pool = setup.aave, comptroller = setup.compound, ledger = setup.ledger
            try body(&pool, &comptroller, &ledger, context)
            setup.aave = pool
            setup.compound = comptroller
            setup.ledger = ledger
        }
    }

    /// Opens an Aave position: `owner` supplies each collateral and borrows each debt, then the
    /// indexes are refreshed.
    mutating func openAave(_ owner: Address, collateral: [(Token, UInt256)], debt: [(Token, UInt256)]) throws(Revert) {
        for (token, amount) in collateral { fund(owner, token, amount) }
        let prices = state.aavePrices
        try setUp { (pool: inout AavePool, _: inout CompoundComptroller, ledger: inout TokenLedger, context) throws(Revert) in
            for (token, amount) in collateral {
                _ = try pool.supply(asset: token.address, amount: amount, onBehalfOf: owner, context: context(owner), ledger: &ledger)
            }
            for (token, amount) in debt {
                _ = try pool.borrow(asset: token.address, amount: amount, onBehalfOf: owner, context: context(owner),
                                    prices: prices, ledger: &ledger)
            }
        }
        positions.refresh(owner, in: state)
    }

    /// Opens a Compound position: `owner` mints and enters each collateral market and borrows
    /// each debt (a borrow that fails with an error code throws), then the indexes are refreshed.
    mutating func openCompound(_ owner: Address, collateral: [(Token, UInt256)], debt: [(Token, UInt256)]) throws(Revert) {
        for (token, amount) in collateral { fund(owner, token, amount) }
        let prices = state.compoundPrices
        try setUp { (_: inout AavePool, comptroller: inout CompoundComptroller, ledger: inout TokenLedger, context) throws(Revert) in
            for (token, amount) in collateral {
                let cToken = token == Self.weth ? Self.cETH : Self.cUSDC
                _ = try comptroller.mint(mintAmount: amount, target: cToken, context: context(owner), ledger: &ledger)
                comptroller.enterMarkets([cToken], account: owner)
            }
            for (token, amount) in debt {
                let cToken = token == Self.weth ? Self.cETH : Self.cUSDC
                let receipt = try comptroller.borrow(borrowAmount: amount, target: cToken, context: context(owner),
                                                     prices: prices, ledger: &ledger)
                if let failure = receipt.failure { throw .reason("borrow failed: \(failure)") }
            }
        }
        positions.refresh(owner, in: state)
    }

    // MARK: Agents

    /// What agents see after the current block (the liquidatable sets brought up to date first).
    mutating func view(ethUSD: Double? = nil, mempool: MempoolView = MempoolView(), feeMarket: FeeMarket = .firstPrice,
                       baseFee: UInt256 = .zero, gasPrices: GasPriceWindow = GasPriceWindow(capacity: 10)) -> AgentView {
        let eth = ethUSD ?? Self.aaveUSD(state.aavePrices[Self.weth.address]!)
        _ = positions.refreshLiquidatable(in: state, touched: [], timestamp: timestamp + 12)  // as the block loop does after each block
        return AgentView(blockNumber: block, timestamp: timestamp, nextTimestamp: timestamp + 12, feeMarket: feeMarket,
                         baseFee: baseFee, gasPrices: gasPrices, state: state, mempool: mempool,
                         market: MarketQuotes(symbols: ["ETH", "USDC"], prices: [eth, 1]), positions: positions)
    }

    /// Decodes `transaction` from its raw bytes as a block builder would and runs it in the next
    /// block (which becomes the current one); refreshes the indexes of the borrower it liquidates.
    mutating func include(_ transaction: AgentTransaction) -> ChainState.Execution {
        let decoded = try! SignedTransaction.decode(transaction.signedAndVerified().signed!.raw, expectedChainID: Self.chainID)
        let call = try! ContractCall.decode(decoded.transaction.data)
        advance()
        let execution = state.apply(call, to: decoded.transaction.to!, sender: decoded.sender, context: context(decoded.sender))
        if let borrower = Self.borrower(of: call) { positions.refresh(borrower, in: state) }
        return execution
    }

    static func borrower(of call: ContractCall) -> Address? {
        switch call {
        case let .aaveLiquidationCall(_, _, user, _, _): user
        case let .compoundLiquidateBorrow(borrower, _, _): borrower
        default: nil
        }
    }

    /// An Aave price (8 decimals) in USD.
    static func aaveUSD(_ price: UInt256) -> Double { price.doubleValue / 1e8 }

    /// The liquidator's market assets: WETH as ETH and USDC, both `depth` deep at 2 %.
    static func assets(depth: Double = 1e12) -> [Address: Liquidator.Asset] {
        [weth.address: .init(symbol: "ETH", depthUSD2Percent: depth), usdc.address: .init(symbol: "USDC", depthUSD2Percent: depth)]
    }

    /// A liquidator of `target` funded with `usdc` USDC and `weth` WETH.
    mutating func liquidator(_ target: Liquidator.Target, index: UInt64 = 0, usdc: UInt256 = units(100_000_000, 6),
                             weth: UInt256 = units(10_000, 18), minProfitUSD: Double = 1, latency: UInt64 = 0,
                             gas: GasStrategy = .fixed(gwei), depth: Double = 1e12) -> Liquidator {
        let account = AgentAccount(seed: 11, role: "liquidator", index: index, chainID: Self.chainID)
        if !usdc.isZero { fund(account.address, Self.usdc, usdc) }
        if !weth.isZero { fund(account.address, Self.weth, weth) }
        return Liquidator(account: account, configuration: .init(
            target: target, assets: Self.assets(depth: depth), minProfitUSD: minProfitUSD, latency: latency, gas: gas))
    }
}

extension MempoolView {
    /// The mempool with `transactions` added, submitted for block `block`.
    func adding(_ transactions: [AgentTransaction], block: UInt64) -> MempoolView {
        var mempool = self
        for transaction in transactions {
            mempool.add(transaction, submittedBlock: block, price: transaction.fee.maxPriorityFeePerGas)
        }
        return mempool
    }
}

/// Checks a liquidator's profit bound against `quote`: at market prices drawn around the oracle's
/// (collateral ±40 %, debt ±10 %, and the oracle's own), `seized value − repaid value` never
/// exceeds `bound(collateralUSD, debtUSD)`.
func expectProfitBounded(_ quote: LiquidationQuote, collateralOracleUSD: Double, debtOracleUSD: Double,
                         random: inout SplitMix64, bound: (_ collateralUSD: Double, _ debtUSD: Double) -> Double,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    var draws = [(collateralOracleUSD, debtOracleUSD)]
    for _ in 0..<8 {
        draws.append((collateralOracleUSD * random.uniform(0.6, 1.4), debtOracleUSD * random.uniform(0.9, 1.1)))
    }
    for (collateralUSD, debtUSD) in draws {
        let profit = Liquidator.wholeTokens(quote.collateralReceived, decimals: quote.collateralAsset.decimals) * collateralUSD
            - Liquidator.wholeTokens(quote.debtRepaid, decimals: quote.debtAsset.decimals) * debtUSD
        #expect(profit <= bound(collateralUSD, debtUSD), "profit \(profit) at \(collateralUSD)/\(debtUSD)", sourceLocation: sourceLocation)
    }
}

/// The reserve ids of the bits set in `mask` (as ``CascadeProtocols/AaveUserPosition/borrowingMask``), lowest first.
func reserveIDs(_ mask: UInt128) -> [Int] {
    (0..<128).filter { mask >> $0 & 1 == 1 }
}
