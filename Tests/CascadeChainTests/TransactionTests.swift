import CascadeChain
import CascadeMath
import Foundation
import XCTest

final class TransactionTests: XCTestCase {
    // MARK: EIP-155's worked example

    /// https://eips.ethereum.org/EIPS/eip-155, "Example".
    func testEIP155WorkedExampleByteForByte() throws {
        let key = try PrivateKey(hex: "0x" + String(repeating: "46", count: 32))
        let tx = Transaction(chainID: 1, nonce: 9, fee: .legacy(gasPrice: 20_000_000_000), gasLimit: 21_000,
                             to: try Address(hex: "0x" + String(repeating: "35", count: 20)),
                             value: 1_000_000_000_000_000_000)
        XCTAssertEqual(Hex.encode(tx.signingPayload),
                       "0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080")
        XCTAssertEqual(tx.signingHash.hex, "daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53")
        let signed = try tx.signed(with: key)
        XCTAssertEqual(signed.v, 37)
        XCTAssertEqual(UInt256(bigEndian: signed.signature.rBytes)?.description,
                       "18515461264373351373200002665853028612451056578545711640558177340181847433846")
        XCTAssertEqual(UInt256(bigEndian: signed.signature.sBytes)?.description,
                       "46948507304638947509940763649030358759909902576025900602547168820602576006531")
        XCTAssertEqual(Hex.encode(signed.raw),
                       "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83")
        let decoded = try SignedTransaction.decode(signed.raw)
        XCTAssertEqual(decoded, signed)
        XCTAssertEqual(decoded.sender, key.address)
    }

    // MARK: Independent implementation (eth-account)

    struct Vector: Decodable {
        let privateKey, sender, raw, hash: String
        let chainId: UInt64
        let nonce, gas, value, data: String
        let to: String?
        let v: UInt64
        let r, s: String
        let type: Int
        let gasPrice, maxFeePerGas, maxPriorityFeePerGas: String?
        let accessList: [AccessEntry]?
        struct AccessEntry: Decodable { let address: String; let storageKeys: [String] }
    }

    static let vectors: [Vector] = {
        let url = Bundle.module.url(forResource: "tx_vectors", withExtension: "json", subdirectory: "Vectors")!
        return try! JSONDecoder().decode([Vector].self, from: Data(contentsOf: url))
    }()

    /// Every transaction signed by eth-account decodes here to its fields and sender, and
    /// re-signing the same fields here reproduces it byte for byte (both sign with RFC 6979).
    func testEthAccountTransactionsDecodeAndReSignIdentically() throws {
        XCTAssertEqual(Self.vectors.count, 60)
        for vector in Self.vectors {
            let raw = try Hex.decode(vector.raw)
            let decoded = try SignedTransaction.decode(raw)
            let tx = decoded.transaction
            XCTAssertEqual(decoded.sender, try Address(hex: vector.sender), vector.raw)
            XCTAssertEqual(decoded.hash.description, vector.hash)
            XCTAssertEqual(Int(tx.type), vector.type)
            XCTAssertEqual(tx.chainID, vector.chainId)
            XCTAssertEqual(String(tx.nonce), vector.nonce)
            XCTAssertEqual(String(tx.gasLimit), vector.gas)
            XCTAssertEqual(tx.to, try vector.to.map { try Address(hex: $0) })
            XCTAssertEqual(tx.value.description, vector.value)
            XCTAssertEqual(Hex.encode(tx.data), vector.data)
            XCTAssertEqual(decoded.v, vector.v)
            XCTAssertEqual(Hex.encode(decoded.signature.rBytes), vector.r)
            XCTAssertEqual(Hex.encode(decoded.signature.sBytes), vector.s)
            switch tx.fee {
            case .legacy(let gasPrice):
                XCTAssertEqual(gasPrice.description, vector.gasPrice)
            case .dynamic(let maxPriority, let maxFee):
                XCTAssertEqual(maxFee.description, vector.maxFeePerGas)
                XCTAssertEqual(maxPriority.description, vector.maxPriorityFeePerGas)
                XCTAssertEqual(tx.accessList.map(\.address), try (vector.accessList ?? []).map { try Address(hex: $0.address) })
                XCTAssertEqual(tx.accessList.map { $0.storageKeys.map(\.description) }, (vector.accessList ?? []).map(\.storageKeys))
            }
            let key = try PrivateKey(hex: vector.privateKey)
            XCTAssertEqual(Hex.encode(try tx.signed(with: key).raw), vector.raw)
        }
    }

    // MARK: Properties

    func testSignDecodeRoundTripRecoversTheSigner() throws {
        var random = SplitMix64(seed: 0x7A_155)
        for index in 0..<200 {
            let key = random.nextPrivateKey()
            let tx = Self.randomTransaction(&random, legacy: index % 2 == 0)
            let signed = try tx.signed(with: key)
            let decoded = try SignedTransaction.decode(signed.raw, expectedChainID: tx.chainID)
            XCTAssertEqual(decoded, signed)
            XCTAssertEqual(decoded.sender, key.address)
            XCTAssertEqual(decoded.transaction, tx)
        }
    }

    /// Changing any one byte of a signed transaction either makes it undecodable or changes the
    /// recovered sender: a trace cannot be altered without the change showing.
    func testEveryMutatedByteFailsToDecodeOrChangesTheSender() throws {
        var random = SplitMix64(seed: 0xB17E)
        for index in 0..<6 {
            let key = random.nextPrivateKey()
            let signed = try Self.randomTransaction(&random, legacy: index % 2 == 0).signed(with: key)
            for position in signed.raw.indices {
                for flip: UInt8 in [0x01, 0x80, 0xFF] {
                    var mutated = signed.raw
                    mutated[position] ^= flip
                    if let decoded = try? SignedTransaction.decode(mutated) {
                        XCTAssertNotEqual(decoded.sender, key.address, "byte \(position) ^ \(flip) kept the sender")
                    }
                }
            }
        }
    }

    // MARK: Validation errors

    func testWrongChainIDIsRejected() throws {
        let signed = try Self.simpleTransaction(chainID: 5).signed(with: Self.key)
        XCTAssertThrowsError(try SignedTransaction.decode(signed.raw, expectedChainID: 1)) { error in
            XCTAssertEqual(error as? TransactionError, .wrongChainID(expected: 1, found: 5))
        }
    }

    func testHighSSignatureIsRejected() throws {
        let tx = Self.simpleTransaction(chainID: 1, dynamic: true)
        let signed = try tx.signed(with: Self.key)
        // s' = n − s with the other recovery id is the same ECDSA signature in high-S form.
        let n = UInt256(hex: "0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141")!
        let highS = n &- UInt256(bigEndian: signed.signature.sBytes)!
        let fields = try RLP.decode(signed.raw.dropFirst()).asList()
        let forged = [2] + RLP.encode(.list(Array(fields[0..<9]) + [.integer(UInt64(1 - signed.signature.recoveryID)), fields[10],
                                                                    .bytes(highS.minimalBigEndianBytes)]))
        XCTAssertThrowsError(try SignedTransaction.decode(forged)) { error in
            guard case .invalidSignature(let reason)? = error as? TransactionError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("low-S"), reason)
        }
    }

    func testMalformedEnvelopesSayWhatIsWrong() throws {
        XCTAssertThrowsError(try SignedTransaction.decode([])) { XCTAssertEqual($0 as? TransactionError, .empty) }
        XCTAssertThrowsError(try SignedTransaction.decode([0x01, 0xC0])) { XCTAssertEqual($0 as? TransactionError, .unsupportedType(1)) }
        let signed = try Self.simpleTransaction(chainID: 1).signed(with: Self.key)
        XCTAssertThrowsError(try SignedTransaction.decode(signed.raw + [0x00])) { error in
            guard case .malformedRLP(.trailingBytes)? = error as? TransactionError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try SignedTransaction.decode(signed.raw.dropLast())) { error in
            guard case .malformedRLP? = error as? TransactionError else { return XCTFail("\(error)") }
        }
        // Eight fields instead of nine.
        let fields = try RLP.decode(signed.raw).asList()
        XCTAssertThrowsError(try SignedTransaction.decode(RLP.encode(.list(Array(fields.dropLast()))))) { error in
            XCTAssertEqual(error as? TransactionError, .wrongFieldCount(type: "legacy", expected: 9, found: 8))
        }
        // v = 27: a pre-EIP-155 signature.
        var unprotected = fields
        unprotected[6] = .integer(27)
        XCTAssertThrowsError(try SignedTransaction.decode(RLP.encode(.list(unprotected)))) { error in
            XCTAssertEqual(error as? TransactionError, .unprotectedLegacy(v: 27))
        }
        // A nonce with a leading zero byte is not canonical.
        var padded = fields
        padded[0] = .bytes([0x00, 0x07])
        XCTAssertThrowsError(try SignedTransaction.decode(RLP.encode(.list(padded)))) { error in
            guard case .invalidField(name: "nonce", _)? = error as? TransactionError else { return XCTFail("\(error)") }
        }
        // A 19-byte recipient.
        var shortTo = fields
        shortTo[3] = .bytes([UInt8](repeating: 0x35, count: 19))
        XCTAssertThrowsError(try SignedTransaction.decode(RLP.encode(.list(shortTo)))) { error in
            guard case .invalidField(name: "to", _)? = error as? TransactionError else { return XCTFail("\(error)") }
        }
    }

    func testPriorityFeeAboveMaxFeeCannotBeSignedOrDecoded() throws {
        var tx = Self.simpleTransaction(chainID: 1, dynamic: true)
        tx.fee = .dynamic(maxPriorityFeePerGas: 3, maxFeePerGas: 2)
        XCTAssertThrowsError(try tx.signed(with: Self.key)) { XCTAssertEqual($0 as? TransactionError, .priorityFeeAboveMaxFee) }
    }

    func testYParityAboveOneIsRejected() throws {
        let signed = try Self.simpleTransaction(chainID: 1, dynamic: true).signed(with: Self.key)
        var fields = try RLP.decode(signed.raw.dropFirst()).asList()
        fields[9] = .integer(2)
        XCTAssertThrowsError(try SignedTransaction.decode([2] + RLP.encode(.list(fields)))) { error in
            guard case .invalidSignature? = error as? TransactionError else { return XCTFail("\(error)") }
        }
    }

    // MARK: Helpers

    static let key = PrivateKey.derive(seed: 1, label: "transaction-tests", index: 0)

    static func simpleTransaction(chainID: UInt64, dynamic: Bool = false) -> Transaction {
        Transaction(chainID: chainID, nonce: 3,
                    fee: dynamic ? .dynamic(maxPriorityFeePerGas: 2_000_000_000, maxFeePerGas: 90_000_000_000) : .legacy(gasPrice: 20_000_000_000),
                    gasLimit: 400_000, to: Address(truncating: 0xC0FFEE), value: 0,
                    data: ContractCall.flipperDeal(id: 7).encode())
    }

    static func randomTransaction(_ random: inout SplitMix64, legacy: Bool) -> Transaction {
        let maxFee = UInt256(random.next() >> UInt64.random(in: 0...63, using: &random))
        let to = random.next() % 8 == 0 ? nil : Address(bytes: random.nextBytes(20))
        return Transaction(
            chainID: [1, 5, 1337, 11_155_111][Int(random.next() % 4)],
            nonce: random.next() >> UInt64.random(in: 0...63, using: &random),
            fee: legacy ? .legacy(gasPrice: maxFee) : .dynamic(maxPriorityFeePerGas: maxFee >> 3, maxFeePerGas: maxFee),
            gasLimit: random.next() >> 40, to: to,
            value: UInt256(w0: random.next(), w1: random.next() % 3 == 0 ? random.next() : 0, w2: 0, w3: 0),
            data: random.nextBytes(Int(random.next() % 200)),
            accessList: legacy || random.next() % 2 == 0 ? [] : [
                AccessListEntry(address: Address(bytes: random.nextBytes(20))!, storageKeys: [Bytes32(bytes: random.nextBytes(32))!]),
            ])
    }
}
