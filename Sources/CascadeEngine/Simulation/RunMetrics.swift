import CascadeAgents
import CascadeChain
import CascadeMath
import CascadeProtocols
import Foundation

/// Everything a run measures, accumulated block by block (definitions: docs/outputs.md).
public struct RunMetrics: Sendable {
    /// Agent transactions admitted to the mempool.
    public var submitted = 0
    /// Agent transactions the mempool refused (fee bump too small, pool full, …).
    public private(set) var rejected = 0
    /// Refusals by reason (`replacement-underpriced`, `pool-full`, …).
    public private(set) var rejectedByReason: [String: Int] = [:]
    /// Blocks simulated.
    public private(set) var blocks = 0
    /// Every liquidation, in execution order.
    public private(set) var liquidations: [LiquidationRecord] = []
    /// Maker auctions in kick order.
    public private(set) var auctions: [AuctionRecord] = []
    /// Liquidation transactions (`bite`, `bark`, `liquidationCall`, `liquidateBorrow`) that reverted.
    public private(set) var revertedLiquidations = 0
    /// Gas those reverted liquidation transactions burned.
    public private(set) var revertedLiquidationGas: UInt64 = 0
    /// Auction bids (`tend`, `dent`, `take`) that reverted.
    public private(set) var revertedBids = 0
    /// Agent transactions included, and how many of them reverted.
    public private(set) var includedTransactions = 0, revertedTransactions = 0
    /// Positions checked exactly by agents, in total and in the busiest block.
    public private(set) var examinedTotal = 0, examinedMax = 0
    /// Largest relative gap between an on-chain oracle price (Maker: the Vat's `spot · mat`)
    /// and the market price, and the largest age of the value in use (seconds since the Median
    /// observed it).
    public private(set) var oracleMaxDeviation = 0.0, oracleMaxAgeSeconds: UInt64 = 0
    /// Highest base fee and clearing price (wei per gas), and summed utilisation.
    public private(set) var maxBaseFee = UInt256.zero, maxClearingPrice = UInt256.zero
    private var utilisationSum = 0.0
    /// Bad debt by protocol at the end (USD), and its parts (``finish(world:)``).
    public private(set) var badDebt: [(protocolName: String, usd: Double, detail: [(String, Double)])] = []
    /// Debt of positions still liquidatable (by the on-chain oracle) at the end, USD.
    public private(set) var missedLiquidationUSD = 0.0
    /// Aave, Compound, push-feed and pair measurements (RunMetrics+Lending.swift).
    public private(set) var lending = Lending()

    private var firstLiquidatable: [Bytes32: [Address: UInt64]] = [:]
    private var auctionIndex: [AuctionKey: Int] = [:]
    private var aaveDeficitUSD = 0.0

    struct AuctionKey: Hashable, Sendable {
        let house: Address
        let id: UInt256
    }

    init() {}

    mutating func recordRejection(_ rejection: MempoolRejection) {
        rejected += 1
        let reason = switch rejection {
        case .alreadyKnown: "already-known"
        case .exceedsGasCap: "exceeds-gas-cap"
        case .costOverflow: "cost-overflow"
        case .replacementUnderpriced: "replacement-underpriced"
        case .poolFull: "pool-full"
        }
        rejectedByReason[reason, default: 0] += 1
    }

    /// Mean block utilisation (gas used / limit).
    public var meanUtilisation: Double { blocks == 0 ? 0 : utilisationSum / Double(blocks) }

    // MARK: - Per block

    mutating func record(block: BuiltBlock, executed: [ExecutedTransaction], world: inout World) {
        blocks += 1
        utilisationSum += Double(block.gasUsed) / Double(block.gasLimit)
        maxBaseFee = max(maxBaseFee, block.baseFee)
        if let price = block.clearingPrice { maxClearingPrice = max(maxClearingPrice, price) }
        for transaction in executed { record(transaction, world: &world) }
    }

    /// Records the end of `block` once the positions it touched are re-indexed: the positions
    /// that became or stopped being liquidatable (`liquidatable`, from
    /// ``PositionIndexes/refreshLiquidatable(in:touched:timestamp:)``), Aave positions, oracle staleness,
    /// and the positions checked exactly — `examined` by the agents plus those the block loop
    /// rechecked.
    mutating func track(block: BuiltBlock, liquidatable: PositionIndexes.LiquidatableChange, examined: Int, world: World) {
        let examined = examined + liquidatable.examined
        examinedTotal += examined
        examinedMax = max(examinedMax, examined)
        noteLiquidatable(liquidatable, block: block.number)
        trackOracles(timestamp: block.timestamp, world: world)
        lending.track(block: block.number, timestamp: block.timestamp, world: world)
        oracleMaxDeviation = max(oracleMaxDeviation, lending.maxDeviation)
        oracleMaxAgeSeconds = max(oracleMaxAgeSeconds, lending.maxAgeSeconds)
    }

    private mutating func record(_ transaction: ExecutedTransaction, world: inout World) {
        includedTransactions += 1
        guard transaction.succeeded else {
            revertedTransactions += 1
            switch transaction.call {
            case .catBite, .dogBark, .aaveLiquidationCall, .compoundLiquidateBorrow:
                revertedLiquidations += 1
                revertedLiquidationGas += transaction.gasUsed
            case .flipperTend, .flipperDent, .clipperTake:
                revertedBids += 1
            default: break
            }
            return
        }
        var kick: ProtocolEvent?
        for event in transaction.events {
            switch (event.source, event.name) {
            case (Maker.source, "Kick"): kick = event
            case (Maker.source, "Bite"), (Maker.source, "Bark"):
                recordMakerLiquidation(event, kick: kick, block: transaction.block, world: world)
            case (Maker.source, "Deal"): settleFlip(event, block: transaction.block, world: &world)
            case (Maker.source, "Take"): recordTake(event, block: transaction.block, world: &world)
            case (_, "LiquidationCall"): recordAave(event, block: transaction.block, world: &world)
            case (_, "LiquidateBorrow"): recordCompound(event, block: transaction.block, world: &world)
            case (_, "Swap"): lending.recordSwap(event, world: world)
            case (_, "DeficitCreated"):
                if let asset = event.address("debtAsset"), let amount = event.integer("amountCreated") {
                    aaveDeficitUSD += Self.usd(amount, token: asset, world: world)
                }
            default: break
            }
        }
    }

    // MARK: Maker

    private mutating func recordMakerLiquidation(_ event: ProtocolEvent, kick: ProtocolEvent?, block: UInt64, world: World) {
        guard let ilk = event.bytes32("ilk"), let urn = event.address("urn"), let maker = world.state.maker,
              let symbol = world.makerCollateral[ilk], let asset = world.market.index(of: symbol) else { return }
        let due = event.integer(event.name == "Bite" ? "tab" : "due") ?? .zero
        let rate = maker.vat.ilk(ilk).rate.doubleValue / 1e27
        let key = (world.positions.makerVaults[ilk]?.key(of: urn) ?? 0) * rate
        let oraclePrice = maker.oraclePriceUSD(ilk)
        let id = appendLiquidation(protocolName: "maker", block: block, owner: urn, asset: asset, symbol: symbol,
                                   debtUSD: due.doubleValue / 1e45 * daiUSD(world), liquidationPrice: key,
                                   oraclePrice: oraclePrice, delay: delay(ilk: ilk, owner: urn, block: block), world: world)
        if let kick, let house = kick.address("contract"), let auction = kick.integer("id") {
            auctionIndex[AuctionKey(house: house, id: auction)] = auctions.count
            auctions.append(AuctionRecord(liquidation: id, tab: (kick.integer("tab") ?? .zero).doubleValue / 1e45,
                                          kickBlock: block))
        }
    }

    private mutating func settleFlip(_ event: ProtocolEvent, block: UInt64, world: inout World) {
        guard let house = event.address("contract"), let id = event.integer("id"),
              let index = auctionIndex[AuctionKey(house: house, id: id)] else { return }
        auctions[index].raised = (event.integer("bid") ?? .zero).doubleValue / 1e45
        auctions[index].settledBlock = block
        sell(lot: event.integer("lot") ?? .zero, decimals: 18, of: auctions[index].liquidation, world: &world)
    }

    private mutating func recordTake(_ event: ProtocolEvent, block: UInt64, world: inout World) {
        guard let house = event.address("contract"), let id = event.integer("id"),
              let index = auctionIndex[AuctionKey(house: house, id: id)] else { return }
        auctions[index].raised = (auctions[index].raised ?? 0) + (event.integer("owe") ?? .zero).doubleValue / 1e45
        if (event.integer("tab") ?? .zero).isZero || (event.integer("lot") ?? .zero).isZero {
            auctions[index].settledBlock = block
        }
        // The lot bought is the difference the Take moved; the event carries the remaining lot,
        // so value the purchase by what was paid at the auction price.
        let price = (event.integer("price") ?? .zero).doubleValue / 1e27
        let owe = (event.integer("owe") ?? .zero).doubleValue / 1e45
        guard price > 0 else { return }
        let record = liquidations[auctions[index].liquidation]
        guard let asset = world.market.index(of: record.collateral) else { return }
        world.market.trade(asset, usd: owe / price * world.market.price(asset), tag: record.id)
    }

    /// The collateral of liquidation `id` sold on the market by whoever received it.
    private mutating func sell(lot: UInt256, decimals: Int, of id: Int, world: inout World) {
        let record = liquidations[id]
        guard let asset = world.market.index(of: record.collateral) else { return }
        let units = lot.doubleValue / pow(10, Double(decimals))
        world.market.trade(asset, usd: units * world.market.price(asset), tag: record.id)
    }

    // MARK: Lending

    private mutating func recordAave(_ event: ProtocolEvent, block: UInt64, world: inout World) {
        guard let collateral = event.address("collateralAsset"), let debtAsset = event.address("debtAsset"),
              let user = event.address("user"), let symbol = world.pricing.symbols[collateral],
              let asset = world.market.index(of: symbol) else { return }
        let debtUSD = Self.usd(event.integer("debtToCover") ?? .zero, token: debtAsset, world: world)
        let seized = event.integer("liquidatedCollateralAmount") ?? .zero
        let oracle = (world.state.aavePrices[collateral] ?? .zero).doubleValue / 1e8
        let id = appendLiquidation(protocolName: "aave", block: block, owner: user, asset: asset, symbol: symbol,
                                   debtUSD: debtUSD, liquidationPrice: nil, oraclePrice: oracle,
                                   delay: lending.delay(protocolName: "aave", owner: user, block: block), world: world)
        sell(lot: seized, decimals: Int(world.pricing.tokens[collateral]?.decimals ?? 18), of: id, world: &world)
    }

    private mutating func recordCompound(_ event: ProtocolEvent, block: UInt64, world: inout World) {
        guard let borrower = event.address("borrower"), let cTokenCollateral = event.address("cTokenCollateral"),
              let compound = world.state.compound, let collateralMarket = compound.market(cTokenCollateral),
              let symbol = world.pricing.symbols[collateralMarket.underlying.address],
              let asset = world.market.index(of: symbol), let repaid = event.integer("repayAmount") else { return }
        // The repaid market: the one whose underlying the event's repayAmount is denominated in.
        let borrowedToken: Address? = {
            if case .amount(_, let symbolText, _) = event.fields.first(where: { $0.name == "repayAmount" })?.value {
                return compound.markets.first { $0.underlying.symbol == symbolText }?.underlying.address
            }
            return nil
        }()
        let debtUSD = borrowedToken.map { Self.usd(repaid, token: $0, world: world) } ?? 0
        let incentive = compound.configuration.liquidationIncentiveMantissa.doubleValue / 1e18
        let id = appendLiquidation(protocolName: "compound", block: block, owner: borrower, asset: asset, symbol: symbol,
                                   debtUSD: debtUSD, liquidationPrice: nil,
                                   oraclePrice: (world.state.compoundPrices[collateralMarket.underlying.address] ?? .zero).doubleValue
                                       / pow(10, Double(36 - Int(collateralMarket.underlying.decimals))),
                                   delay: lending.delay(protocolName: "compound", owner: borrower, block: block), world: world)
        world.market.trade(asset, usd: debtUSD * incentive, tag: id)
    }

    // MARK: Records

    private mutating func appendLiquidation(protocolName: String, block: UInt64, owner: Address, asset: Int, symbol: String,
                                            debtUSD: Double, liquidationPrice: Double?, oraclePrice: Double,
                                            delay: UInt64, world: World) -> Int {
        let impact = world.market.impact(asset)
        // Without the accumulated impact the oracle would read higher by exp(−impact); the
        // position is endogenous when it would then have been safe. Positions without an
        // indexed liquidation price are counted exogenous (a conservative choice).
        let counterfactual = oraclePrice * exp(-impact)
        let endogenous: Bool
        if let liquidationPrice, liquidationPrice > 0 {
            endogenous = impact < 0 && counterfactual >= liquidationPrice
        } else {
            endogenous = false
        }
        let generation = endogenous ? 1 + parentGeneration(asset, market: world.market) : 1
        let id = liquidations.count
        liquidations.append(LiquidationRecord(
            id: id, protocolName: protocolName, block: block, owner: owner, collateral: symbol, debtUSD: debtUSD,
            marketPrice: world.market.price(asset), exogenousPrice: world.market.exogenousPrice(asset), impact: impact,
            delayBlocks: delay, endogenous: endogenous, generation: generation))
        return id
    }

    /// The highest generation among the main movers of `asset`'s impact: the fewest
    /// liquidations, by decreasing share (ties: lower tag), whose sales make up at least half of
    /// it (0 when none is a liquidation). The impact of a long crash is made of thousands of
    /// small contributions: the market reads the largest from its value order
    /// (``MarketModel/largestImpactShares(_:coveringAtLeast:_:)``).
    private func parentGeneration(_ asset: Int, market: MarketModel) -> Int {
        var generation = 0
        market.largestImpactShares(asset, coveringAtLeast: 0.5) { tag in
            if tag >= 0 && tag < liquidations.count {
                generation = max(generation, liquidations[tag].generation)
            }
        }
        return generation
    }

    // MARK: Liquidatable positions and delays

    private func delay(ilk: Bytes32, owner: Address, block: UInt64) -> UInt64 {
        firstLiquidatable[ilk]?[owner].map { block >= $0 ? block - $0 : 0 } ?? 0
    }

    /// Notes the positions that became liquidatable in `block` and forgets those that are no
    /// longer (Maker by the Vat's spot, Compound by its oracle: the on-chain view).
    mutating func noteLiquidatable(_ change: PositionIndexes.LiquidatableChange, block: UInt64) {
        for (ilk, unsafe) in change.makerUnsafe {
            for urn in unsafe.left { firstLiquidatable[ilk]?[urn] = nil }
            for urn in unsafe.entered { firstLiquidatable[ilk, default: [:]][urn] = block }
        }
        lending.noteCompound(change.compoundShortfalls, block: block)
    }

    /// Maker oracle staleness: deviation of the OSM price from the market, age of its value.
    private mutating func trackOracles(timestamp: UInt64, world: World) {
        guard let maker = world.state.maker else { return }
        for (index, ilk) in maker.ilkNames.enumerated() {
            let vatIlk = maker.vat.ilk(ilk)
            guard !vatIlk.spot.isZero, !vatIlk.rate.isZero else { continue }
            if let symbol = world.makerCollateral[ilk], let asset = world.market.index(of: symbol) {
                let market = world.market.price(asset)
                oracleMaxDeviation = max(oracleMaxDeviation, abs(maker.oraclePriceUSD(ilk) - market) / market)
            }
            if index < world.state.makerOracles.count, let age = world.state.makerOracles[index].osm.valueAge(at: timestamp) {
                oracleMaxAgeSeconds = max(oracleMaxAgeSeconds, age)
            }
        }
    }

    private func daiUSD(_ world: World) -> Double {
        world.daiSymbol.flatMap { world.market.index(of: $0) }.map { world.market.price($0) } ?? 1
    }

    static func usd(_ amount: UInt256, token: Address, world: World) -> Double {
        guard let symbol = world.pricing.symbols[token], let asset = world.market.index(of: symbol) else { return 0 }
        let decimals = Double(world.pricing.tokens[token]?.decimals ?? 18)
        return amount.doubleValue / pow(10, decimals) * world.market.price(asset)
    }

    // MARK: - End of run

    /// Computes bad debt and missed liquidations from the final state at market prices.
    mutating func finish(world: World) {
        badDebt = []
        missedLiquidationUSD = 0
        if let maker = world.state.maker { finishMaker(maker, world: world) }
        let (lendingBadDebt, missed) = lending.finish(world: world, aaveDeficitUSD: aaveDeficitUSD)
        badDebt += lendingBadDebt
        missedLiquidationUSD += missed
    }

    private mutating func finishMaker(_ maker: Maker, world: World) {
        let dai = daiUSD(world)
        var settled = 0.0, open = 0.0, underwater = 0.0
        for auction in auctions where auction.settledBlock != nil {
            settled += max(0, auction.tab - (auction.raised ?? 0))
        }
        for ilk in maker.ilkNames {
            guard let symbol = world.makerCollateral[ilk], let asset = world.market.index(of: symbol) else { continue }
            let price = world.market.price(asset)
            let rate = maker.vat.ilk(ilk).rate.doubleValue / 1e27
            // Open flip auctions: the tab not covered by the bid and the lot at market.
            if let flipper = maker.flipper(ilk) {
                for id in flipper.active {
                    let bid = flipper.bid(id)
                    let shortfall = bid.tab.doubleValue / 1e45 - bid.bid.doubleValue / 1e45 - bid.lot.doubleValue / 1e18 * price / dai
                    open += max(0, shortfall)
                }
            }
            for urn in world.makerVaults[ilk] ?? [] {
                let vault = maker.vat.urn(ilk, urn)
                guard !vault.art.isZero else { continue }
                let debt = vault.art.doubleValue / 1e18 * rate
                let collateral = vault.ink.doubleValue / 1e18 * price / dai
                underwater += max(0, debt - collateral)
                if firstLiquidatable[ilk]?[urn] != nil { missedLiquidationUSD += debt * dai }
            }
        }
        let total = (settled + open + underwater) * dai
        badDebt.append(("maker", total, [("uncovered_tab_settled_usd", settled * dai),
                                         ("uncovered_tab_open_usd", open * dai),
                                         ("underwater_vaults_usd", underwater * dai)]))
    }
}
