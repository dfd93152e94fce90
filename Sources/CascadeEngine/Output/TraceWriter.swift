import CascadeAgents
import CascadeChain
import CascadeMath
import CascadeProtocols
import Foundation

/// Writes the event trace: one JSON object per line (JSON Lines), in execution order
/// (format: docs/outputs.md).
///
/// Per block: a `block` line (number, timestamp, base fee or clearing price, gas used and limit,
/// market prices, the on-chain oracle prices, realized bad debt so far); per included agent transaction a `tx` line (hash, raw signed bytes, sender,
/// nonce, fees, gas used, success or revert reason); per protocol event an `event` line with
/// amounts as exact decimal integer strings, their decimals and unit; oracle updates are the
/// events of the oracle contracts (`LogMedianPrice`, `LogValue`, `AnswerUpdated`, `Poke`); per
/// liquidation of the block a `liquidation` line (its delay and cascade generation, as
/// ``RunMetrics`` measured them). Lines are buffered and appended to the file in large writes.
public struct TraceWriter: Sendable {
    private let handle: FileHandle
    private var buffer = ""
    /// Liquidations of ``RunMetrics/liquidations`` already written.
    private var liquidationsWritten = 0
    /// Aave deficits booked so far (`DeficitCreated`), USD at the market price of each block.
    private var aaveDeficitUSD = 0.0

    /// Appends to the file at `path` (created empty by the caller).
    public init(path: String) throws {
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        self.handle = handle
    }

    mutating func write(block: BuiltBlock, executed: [ExecutedTransaction], world: World, metrics: RunMetrics) {
        var members: [(String, JSONValue)] = [
            ("type", .string("block")), ("number", .integer(Int64(block.number))),
            ("timestamp", .integer(Int64(block.timestamp))),
            ("base_fee", .string(block.baseFee.description)),
            ("clearing_price", block.clearingPrice.map { .string($0.description) } ?? .null),
            ("gas_used", .integer(Int64(block.gasUsed))), ("gas_limit", .integer(Int64(block.gasLimit))),
            ("agent_gas_used", .integer(Int64(block.agentGasUsed))),
            ("background_gas_used", .integer(Int64(block.backgroundGasUsed))),
            ("pending", .integer(Int64(block.pendingCount))),
        ]
        members.append(("market", .object(world.market.symbols.indices.map { asset in
            (world.market.symbols[asset], .object([
                ("price", .number(world.market.price(asset))),
                ("exogenous", .number(world.market.exogenousPrice(asset))),
            ]))
        })))
        members.append(("oracles", .object(Self.oraclePrices(world))))
        for transaction in executed where transaction.succeeded {
            for event in transaction.events where event.name == "DeficitCreated" {
                if let asset = event.address("debtAsset"), let amount = event.integer("amountCreated") {
                    aaveDeficitUSD += RunMetrics.usd(amount, token: asset, world: world)
                }
            }
        }
        members.append(("bad_debt_realized_usd", .number(realizedBadDebt(metrics, world: world))))
        line(.object(members))
        for transaction in executed {
            guard let signed = transaction.signed else { preconditionFailure("a trace needs signed transactions") }
            line(.object([
                ("type", .string("tx")), ("block", .integer(Int64(transaction.block))),
                ("hash", .string(Hex.encode(signed.hash.bytes, prefix: true))),
                ("raw", .string(Hex.encode(signed.raw, prefix: true))),
                ("from", .string(signed.sender.checksummed)), ("to", .string(signed.transaction.to!.checksummed)),
                ("nonce", .integer(Int64(signed.transaction.nonce))),
                ("function", .string(transaction.call.name)),
                ("gas_limit", .integer(Int64(signed.transaction.gasLimit))),
                ("gas_used", .integer(Int64(transaction.gasUsed))),
                ("gas_price", .string(transaction.gasPrice.description)),
                ("fee_paid", .string((UInt256(transaction.gasUsed) &* transaction.gasPrice).description)),
                ("status", .string(transaction.succeeded ? "success" : "reverted")),
                ("revert", transaction.revert.map { .string("\($0)") } ?? .null),
            ]))
            for event in transaction.events {
                line(.object([
                    ("type", .string("event")), ("block", .integer(Int64(transaction.block))),
                    ("tx", .string(Hex.encode(signed.hash.bytes, prefix: true))),
                    ("source", .string(event.source)), ("name", .string(event.name)),
                    ("fields", .object(event.fields.map { ($0.name, Self.json($0.value)) })),
                ]))
            }
        }
        for record in metrics.liquidations[liquidationsWritten...] {
            line(.object([
                ("type", .string("liquidation")), ("block", .integer(Int64(record.block))), ("id", .integer(Int64(record.id))),
                ("protocol", .string(record.protocolName)), ("owner", .string(record.owner.checksummed)),
                ("collateral", .string(record.collateral)), ("debt_usd", .number(record.debtUSD)),
                ("market_price", .number(record.marketPrice)), ("exogenous_price", .number(record.exogenousPrice)),
                ("delay_blocks", .integer(Int64(record.delayBlocks))), ("endogenous", .bool(record.endogenous)),
                ("generation", .integer(Int64(record.generation))),
            ]))
        }
        liquidationsWritten = metrics.liquidations.count
        if buffer.utf8.count > 1 << 20 { flush() }
    }

    /// The price each on-chain oracle gives its asset, USD: per Maker ilk the value the Vat uses
    /// (`spot · mat`, i.e. the OSM value the Spotter last poked), per lending push feed its answer.
    private static func oraclePrices(_ world: World) -> [(String, JSONValue)] {
        var prices: [(String, JSONValue)] = []
        if let maker = world.state.maker {
            for ilk in maker.ilkNames {
                guard let symbol = world.makerCollateral[ilk] else { continue }
                prices.append(("maker \(ilk.asciiText ?? ilk.description)",
                               .object([("asset", .string(symbol)), ("price", .number(maker.oraclePriceUSD(ilk)))])))
            }
        }
        for binding in world.state.feeds {
            guard let symbol = binding.assets.first.flatMap({ world.pricing.symbols[$0.token.address] }) else { continue }
            let (answer, ok) = binding.feed.peek()
            let price = ok ? answer.doubleValue / pow(10, Double(binding.feed.decimals)) : Double.nan
            prices.append(("feed \(symbol)", .object([("asset", .string(symbol)), ("price", .number(price))])))
        }
        return prices
    }

    /// Bad debt realized so far, USD: the tab each settled Maker auction did not cover (at the
    /// current DAI price) plus the Aave deficits booked. Open auctions and underwater positions
    /// count only in the end-of-run total (docs/outputs.md, *Bad debt*).
    private func realizedBadDebt(_ metrics: RunMetrics, world: World) -> Double {
        var uncovered = 0.0
        for auction in metrics.auctions where auction.settledBlock != nil {
            uncovered += max(0, auction.tab - (auction.raised ?? 0))
        }
        let dai = world.daiSymbol.flatMap { world.market.index(of: $0) }.map { world.market.price($0) } ?? 1
        return uncovered * dai + aaveDeficitUSD
    }

    /// Writes what is buffered and closes the file.
    public mutating func close() {
        flush()
        try? handle.close()
    }

    private mutating func line(_ value: JSONValue) {
        buffer += value.serialized(indent: nil)
        buffer += "\n"
    }

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer.utf8))
        buffer = ""
    }

    /// An event value: amounts as `{"amount": "…", "decimals": d, "unit": "…"}` with the exact
    /// integer as a decimal string.
    static func json(_ value: EventValue) -> JSONValue {
        switch value {
        case let .amount(amount, symbol, decimals):
            .object([("amount", .string(amount.description)), ("decimals", .integer(Int64(decimals))), ("unit", .string(symbol))])
        case let .fixedPoint(amount, decimals, unit):
            .object([("amount", .string(amount.description)), ("decimals", .integer(Int64(decimals))), ("unit", .string(unit))])
        case let .signedFixedPoint(amount, decimals, unit):
            .object([("amount", .string(amount.description)), ("decimals", .integer(Int64(decimals))), ("unit", .string(unit))])
        case .integer(let integer): .string(integer.description)
        case .address(let address): .string(address.checksummed)
        case .bytes32(let bytes): .string(bytes.asciiText ?? bytes.description)
        case .bool(let flag): .bool(flag)
        case .text(let text): .string(text)
        }
    }
}
