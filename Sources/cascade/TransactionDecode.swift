import ArgumentParser
import CascadeChain
import CascadeMath

/// `cascade tx decode HEX`: decode, verify and print a raw signed transaction as JSON.
struct TransactionDecode: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode a raw signed transaction and print it as JSON.",
        discussion: """
            Accepts legacy (EIP-155) and EIP-1559 (type 2) transactions. Checks canonical RLP, field \
            widths, the signature (low S) and recovers the sender. Prints the type, chain id, nonce, \
            fee fields, gas limit, recipient, value, calldata and its decoded call (function and \
            arguments for the calls Cascade models), v/r/s, the recovered sender and the hash. \
            Integers are decimal strings; addresses are EIP-55 checksummed. Exits non-zero with \
            the reason when the input is not a valid transaction. See docs/cli.md.
            """
    )

    @Argument(help: "The raw transaction as hex (0x optional), or '-' to read it from standard input.")
    var hex: String

    @Option(name: .customLong("chain-id"), help: "Reject the transaction unless it is signed for this chain id.")
    var chainID: UInt64?

    func run() throws {
        let text = hex == "-" ? Self.readStandardInput() : hex
        let bytes: [UInt8]
        do { bytes = try Hex.decode(text) } catch { throw CommandError("tx decode: \(error)") }
        let transaction: SignedTransaction
        do { transaction = try SignedTransaction.decode(bytes, expectedChainID: chainID) } catch {
            throw CommandError("tx decode: \(error)")
        }
        print(TransactionJSON.object(for: transaction).serialized())
    }

    private static func readStandardInput() -> String {
        var lines: [String] = []
        while let line = readLine() { lines.append(line) }
        return lines.joined()
    }
}
