import CascadeAgents
import CascadeChain
import CascadeMath
import CascadeProtocols
import Foundation

/// Writes the event trace: one JSON object per line (JSON Lines), in execution order
/// (format: docs/outputs.md).
///
/// Per block: a `block` line (number, timestamp, base fee or clearing price, gas used and limit,
/// market prices); per included agent transaction a `tx` line (hash, raw signed bytes, sender,
/// nonce, fees, gas used, success or revert reason); per protocol event an `event` line with
/// amounts as exact decimal integer strings, their decimals and unit; oracle updates are the
/// events of the oracle contracts (`LogMedianPrice`, `LogValue`, `AnswerUpdated`, `Poke`).
/// Lines are buffered and appended to the file in large writes.
public struct TraceWriter: Sendable {
    private let handle: FileHandle
    private var buffer = ""

    /// Appends to the file at `path` (created empty by the caller).
    public init(path: String) throws {
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        self.handle = handle
    }

    mutating func write(block: BuiltBlock, executed: [ExecutedTransaction], world: World) {
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
        if buffer.utf8.count > 1 << 20 { flush() }
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
