import CascadeEngine
import CascadeChain
import CascadeMath

/// The JSON form of a signed transaction printed by `cascade tx decode` (and, later, written to
/// traces): integers as decimal strings, bytes as 0x-hex, addresses EIP-55 checksummed.
enum TransactionJSON {
    static func object(for signed: SignedTransaction) -> JSONValue {
        let tx = signed.transaction
        var members: [(String, JSONValue)] = [
            ("type", .string(tx.type == 0 ? "legacy" : "eip1559")),
            ("typeByte", .integer(Int64(tx.type))),
            ("chainId", .string(String(tx.chainID))),
            ("nonce", .string(String(tx.nonce))),
        ]
        switch tx.fee {
        case .legacy(let gasPrice):
            members.append(("gasPrice", .string(gasPrice.description)))
        case .dynamic(let maxPriority, let maxFee):
            members.append(("maxPriorityFeePerGas", .string(maxPriority.description)))
            members.append(("maxFeePerGas", .string(maxFee.description)))
        }
        members += [
            ("gasLimit", .string(String(tx.gasLimit))),
            ("to", tx.to.map { .string($0.checksummed) } ?? .null),
            ("value", .string(tx.value.description)),
            ("data", .string(Hex.encode(tx.data))),
        ]
        if tx.type == 2 {
            members.append(("accessList", .array(tx.accessList.map { entry in
                .object([("address", .string(entry.address.checksummed)),
                         ("storageKeys", .array(entry.storageKeys.map { .string($0.description) }))])
            })))
        }
        members += [
            ("call", call(tx.data)),
            ("v", .string(String(signed.v))),
            ("r", .string(Hex.encode(signed.signature.rBytes))),
            ("s", .string(Hex.encode(signed.signature.sBytes))),
            ("sender", .string(signed.sender.checksummed)),
            ("hash", .string(signed.hash.description)),
        ]
        return .object(members)
    }

    /// The decoded call, `null` for empty calldata, or the selector and why it did not decode.
    static func call(_ data: [UInt8]) -> JSONValue {
        if data.isEmpty { return .null }
        do {
            let call = try ContractCall.decode(data)
            return .object([
                ("function", .string(call.name)),
                ("contract", .string(call.function.contract)),
                ("signature", .string(call.function.signature)),
                ("selector", .string(call.selector.hex)),
                ("arguments", .array(call.arguments.map { argument in
                    .object([("name", .string(argument.name)), ("type", .string(argument.type.description)),
                             ("value", value(argument.value))])
                })),
            ])
        } catch {
            return .object([
                ("selector", .string(Hex.encode(data.prefix(4)))),
                ("error", .string("\(error)")),
            ])
        }
    }

    static func value(_ value: ABIValue) -> JSONValue {
        switch value {
        case .uint(let v, _): .string(v.description)
        case .int(let v, _): .string(v.description)
        case .address(let a): .string(a.checksummed)
        case .bool(let b): .bool(b)
        case .fixedBytes(let word, let size): .string(Hex.encode(word.bytes.prefix(size)))
        case .bytes(let bytes): .string(Hex.encode(bytes))
        case .string(let text): .string(text)
        case .array(_, let items), .fixedArray(_, let items), .tuple(let items): .array(items.map(Self.value))
        }
    }
}
