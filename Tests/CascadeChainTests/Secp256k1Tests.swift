import CSecp256k1
import Dispatch
import Foundation
import Synchronization
import XCTest

@testable import CascadeChain
import CascadeMath

final class Secp256k1Tests: XCTestCase {
    /// The curve order n, big-endian.
    static let curveOrder = bytes("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")

    override func tearDown() {
        // Every input is validated in Swift, so libsecp256k1 never sees an illegal argument.
        XCTAssertEqual(Secp256k1Context.illegalArgumentCount.load(ordering: .relaxed), 0)
        super.tearDown()
    }

    // MARK: - Known points

    func testKeyOneGivesGenerator() throws {
        let publicKey = try PrivateKey(bytes: Self.scalar(1)).publicKey
        XCTAssertEqual(hex(publicKey.rawXY),
                       "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
                           + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8")
        XCTAssertEqual(hex(publicKey.uncompressed), "04" + hex(publicKey.rawXY))
        XCTAssertEqual(hex(publicKey.compressed), "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798")
    }

    func testKeyTwoGivesTwiceGenerator() throws {
        let publicKey = try PrivateKey(bytes: Self.scalar(2)).publicKey
        XCTAssertEqual(hex(publicKey.rawXY),
                       "c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5"
                           + "1ae168fea63dc339a3c58419466ceaeef7f632653266d0e1236431a950cfe52a")
    }

    // MARK: - Private key validation

    func testInvalidPrivateKeysThrowSpecificErrors() {
        let nPlusOne = Array(Self.curveOrder.dropLast()) + [Self.curveOrder.last! + 1]
        let cases: [([UInt8], KeyError)] = [
            (Self.scalar(0), .privateKeyIsZero),
            (Self.curveOrder, .privateKeyNotBelowCurveOrder),
            (nPlusOne, .privateKeyNotBelowCurveOrder),
            ([UInt8](repeating: 0xff, count: 32), .privateKeyNotBelowCurveOrder),
            ([UInt8](repeating: 1, count: 31), .invalidPrivateKeyLength(found: 31)),
            ([UInt8](repeating: 1, count: 33), .invalidPrivateKeyLength(found: 33)),
        ]
        for (bytes, expected) in cases {
            XCTAssertThrowsError(try PrivateKey(bytes: bytes)) { XCTAssertEqual($0 as? KeyError, expected) }
            XCTAssertNil(PrivateKey(candidate: bytes))
        }
        XCTAssertEqual(KeyError.invalidPrivateKeyLength(found: 31).description, "private key must be 32 bytes, found 31")
        XCTAssertEqual(KeyError.privateKeyIsZero.description, "private key is zero; expected a scalar in [1, n − 1]")
    }

    func testLargestPrivateKeyIsAccepted() throws {
        let largest = Array(Self.curveOrder.dropLast()) + [Self.curveOrder.last! - 1]
        XCTAssertEqual(try PrivateKey(bytes: largest).bytes, largest)
    }

    func testPrivateKeyHex() throws {
        let one = try PrivateKey(bytes: Self.scalar(1))
        XCTAssertEqual(try PrivateKey(hex: "0x" + String(repeating: "0", count: 63) + "1"), one)
        XCTAssertEqual(try PrivateKey(hex: String(repeating: "0", count: 63) + "1"), one)
        let mixedCase = "0X" + String(repeating: "aB", count: 32)
        XCTAssertEqual(try PrivateKey(hex: mixedCase).bytes, [UInt8](repeating: 0xab, count: 32))
    }

    func testMalformedPrivateKeyHex() {
        let cases: [(String, KeyError)] = [
            ("0x" + String(repeating: "1", count: 63), .invalidHexLength(found: 63)),
            (String(repeating: "1", count: 66), .invalidHexLength(found: 66)),
            ("0x12g4" + String(repeating: "1", count: 60), .invalidHexDigit(position: 2)),
            (String(repeating: "0", count: 64), .privateKeyIsZero),
            (hex(Self.curveOrder).uppercased(), .privateKeyNotBelowCurveOrder),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try PrivateKey(hex: text)) { XCTAssertEqual($0 as? KeyError, expected) }
        }
    }

    // MARK: - Public key encodings

    func testPublicKeyEncodingsRoundTrip() throws {
        var random = SplitMix64(seed: 7)
        for _ in 0..<50 {
            let publicKey = random.nextPrivateKey().publicKey
            XCTAssertEqual(try PublicKey(uncompressed: publicKey.uncompressed), publicKey)
            XCTAssertEqual(try PublicKey(uncompressed: publicKey.rawXY), publicKey)
            XCTAssertEqual(try PublicKey(compressed: publicKey.compressed), publicKey)
            publicKey.withUnsafeRawXY { XCTAssertEqual(Array($0), publicKey.rawXY) }
        }
    }

    func testInvalidPublicKeysThrowSpecificErrors() throws {
        let generator = try PrivateKey(bytes: Self.scalar(1)).publicKey
        var hybrid = generator.uncompressed
        hybrid[0] = 0x06
        let notOnCurve = Self.scalar(1) + Self.scalar(1)  // (1, 1): 1 ≠ 1 + 7
        let xNotOnCurve = [0x02] + Self.scalar(5)  // 5³ + 7 is not a square mod p
        let uncompressedCases: [([UInt8], KeyError)] = [
            (hybrid, .invalidUncompressedPrefix(found: 0x06)),
            (generator.compressed, .invalidUncompressedLength(found: 33)),
            (notOnCurve, .publicKeyNotOnCurve),
            ([0x04] + notOnCurve, .publicKeyNotOnCurve),
        ]
        for (bytes, expected) in uncompressedCases {
            XCTAssertThrowsError(try PublicKey(uncompressed: bytes)) { XCTAssertEqual($0 as? KeyError, expected) }
        }
        let compressedCases: [([UInt8], KeyError)] = [
            (generator.uncompressed, .invalidCompressedLength(found: 65)),
            ([0x04] + Array(generator.compressed.dropFirst()), .invalidCompressedPrefix(found: 0x04)),
            (xNotOnCurve, .publicKeyNotOnCurve),
        ]
        for (bytes, expected) in compressedCases {
            XCTAssertThrowsError(try PublicKey(compressed: bytes)) { XCTAssertEqual($0 as? KeyError, expected) }
        }
        XCTAssertEqual(KeyError.invalidUncompressedPrefix(found: 0x06).description,
                       "uncompressed public key must start with 0x04, found 0x06")
    }

    // MARK: - Signing and recovery

    func testSignThenRecoverOverThousandRandomKeys() throws {
        var random = SplitMix64(seed: 0x5EC9_256B_1)
        for _ in 0..<1_000 {
            let key = random.nextPrivateKey()
            let digest = random.nextBytes(32)
            let signature = try key.sign(digest: digest)
            XCTAssertTrue(signature.isLowS)
            XCTAssertTrue(signature.recoveryID <= 1)
            XCTAssertEqual(try PublicKey.recover(digest: digest, signature: signature), key.publicKey)
            XCTAssertTrue(key.publicKey.isValidSignature(signature, digest: digest))
            // The raw-buffer fast path agrees with the array overloads.
            try digest.withUnsafeBytes { buffer in
                XCTAssertEqual(try key.sign(digest: buffer), signature)
                XCTAssertEqual(try PublicKey.recover(digest: buffer, signature: signature), key.publicKey)
            }
        }
    }

    func testSigningIsDeterministic() throws {
        var random = SplitMix64(seed: 42)
        let key = random.nextPrivateKey()
        let digest = random.nextBytes(32)
        let first = try key.sign(digest: digest)
        XCTAssertEqual(try key.sign(digest: digest), first)
        XCTAssertEqual(try key.sign(digest: digest).compact, first.compact)
        XCTAssertNotEqual(try key.sign(digest: random.nextBytes(32)), first)
    }

    func testHighSVariantIsRejected() throws {
        var random = SplitMix64(seed: 99)
        for _ in 0..<20 {
            let key = random.nextPrivateKey()
            let digest = random.nextBytes(32)
            let signature = try key.sign(digest: digest)
            let highS = try RecoverableSignature(
                r: signature.rBytes, s: Self.subtract(Self.curveOrder, signature.sBytes),
                recoveryID: signature.recoveryID ^ 1)
            XCTAssertFalse(highS.isLowS)
            XCTAssertThrowsError(try PublicKey.recover(digest: digest, signature: highS)) {
                XCTAssertEqual($0 as? SignatureError, .highS(found: "0x" + hex(highS.sBytes)))
            }
            XCTAssertFalse(key.publicKey.isValidSignature(highS, digest: digest))
            // The rejection is policy, not mathematics: libsecp256k1 itself recovers the same key.
            XCTAssertEqual(try Self.recoverIgnoringLowS(digest: digest, signature: highS), key.publicKey)
        }
    }

    func testMutatedDigestRecoversDifferentKey() throws {
        var random = SplitMix64(seed: 1234)
        for _ in 0..<50 {
            let key = random.nextPrivateKey()
            var digest = random.nextBytes(32)
            let signature = try key.sign(digest: digest)
            digest[Int(random.next() % 32)] ^= 1 << (random.next() % 8)
            XCTAssertNotEqual(try PublicKey.recover(digest: digest, signature: signature), key.publicKey)
            XCTAssertFalse(key.publicKey.isValidSignature(signature, digest: digest))
        }
    }

    func testRecoveryFailsWhenRIsNotAnXCoordinate() throws {
        let signature = try RecoverableSignature(r: Self.scalar(5), s: Self.scalar(1), recoveryID: 0)
        XCTAssertThrowsError(try PublicKey.recover(digest: Self.scalar(9), signature: signature)) {
            XCTAssertEqual($0 as? SignatureError, .recoveryFailed)
        }
    }

    func testInvalidSignatureComponentsThrowSpecificErrors() {
        let one = Self.scalar(1)
        let n = Self.curveOrder
        let cases: [([UInt8], [UInt8], UInt8, SignatureError)] = [
            (Array(one.dropFirst()), one, 0, .invalidRLength(found: 31)),
            (one, one + [0], 0, .invalidSLength(found: 33)),
            (Self.scalar(0), one, 0, .rOutOfRange(found: "0x" + hex(Self.scalar(0)))),
            (n, one, 0, .rOutOfRange(found: "0x" + hex(n))),
            (one, Self.scalar(0), 0, .sOutOfRange(found: "0x" + hex(Self.scalar(0)))),
            (one, [UInt8](repeating: 0xff, count: 32), 0, .sOutOfRange(found: "0x" + String(repeating: "f", count: 64))),
            (one, one, 2, .invalidRecoveryID(found: 2)),
            (one, one, 27, .invalidRecoveryID(found: 27)),
        ]
        for (r, s, recoveryID, expected) in cases {
            XCTAssertThrowsError(try RecoverableSignature(r: r, s: s, recoveryID: recoveryID)) {
                XCTAssertEqual($0 as? SignatureError, expected)
            }
        }
        XCTAssertEqual(SignatureError.invalidRecoveryID(found: 27).description,
                       "recovery id must be 0 or 1 (the y-parity, not Ethereum's v), found 27")
    }

    func testDigestMustBe32Bytes() throws {
        let key = try PrivateKey(bytes: Self.scalar(3))
        let signature = try key.sign(digest: Self.scalar(4))
        for length in [0, 31, 33] {
            let digest = [UInt8](repeating: 7, count: length)
            let expected = SignatureError.invalidDigestLength(found: length)
            XCTAssertThrowsError(try key.sign(digest: digest)) { XCTAssertEqual($0 as? SignatureError, expected) }
            XCTAssertThrowsError(try PublicKey.recover(digest: digest, signature: signature)) {
                XCTAssertEqual($0 as? SignatureError, expected)
            }
            XCTAssertFalse(key.publicKey.isValidSignature(signature, digest: digest))
        }
        XCTAssertEqual(SignatureError.invalidDigestLength(found: 31).description, "message digest must be 32 bytes, found 31")
    }

    func testConcurrentSigningSharesContextAndMatchesSequential() throws {
        var random = SplitMix64(seed: 77)
        let key = random.nextPrivateKey()
        let digests = (0..<400).map { _ in random.nextBytes(32) }
        let sequential = try digests.map { try key.sign(digest: $0) }
        let results = Mutex([RecoverableSignature?](repeating: nil, count: digests.count))
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for index in stride(from: worker, to: digests.count, by: 4) {
                let signature = try? key.sign(digest: digests[index])
                results.withLock { $0[index] = signature }
            }
        }
        XCTAssertEqual(results.withLock { $0 }, sequential)
    }

    // MARK: - Cross-check with coincurve

    func testMatchesCoincurveVectors() throws {
        struct Vector: Decodable {
            let privateKey, digest, r, s, publicKey: String
            let recoveryID: UInt8
        }
        struct File: Decodable { let vectors: [Vector] }
        let url = try XCTUnwrap(Bundle.module.url(forResource: "secp_vectors", withExtension: "json", subdirectory: "Vectors"))
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
        XCTAssertEqual(file.vectors.count, 20)
        for vector in file.vectors {
            let key = try PrivateKey(hex: vector.privateKey)
            let digest = Self.bytes(vector.digest)
            let signature = try key.sign(digest: digest)
            XCTAssertEqual(hex(signature.rBytes), vector.r)
            XCTAssertEqual(hex(signature.sBytes), vector.s)
            XCTAssertEqual(signature.recoveryID, vector.recoveryID)
            XCTAssertEqual(hex(key.publicKey.uncompressed), vector.publicKey)
            let expected = try RecoverableSignature(r: Self.bytes(vector.r), s: Self.bytes(vector.s), recoveryID: vector.recoveryID)
            XCTAssertEqual(hex(try PublicKey.recover(digest: digest, signature: expected).uncompressed), vector.publicKey)
        }
    }

    // MARK: - Helpers

    /// `value` as a 32-byte big-endian scalar.
    static func scalar(_ value: UInt64) -> [UInt8] {
        [UInt8](repeating: 0, count: 24) + withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }

    /// `a − b` for 32-byte big-endian values with a ≥ b.
    static func subtract(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: 32)
        var borrow = 0
        for index in (0..<32).reversed() {
            let difference = Int(a[index]) - Int(b[index]) - borrow
            borrow = difference < 0 ? 1 : 0
            result[index] = UInt8(difference & 0xff)
        }
        return result
    }

    static func bytes(_ hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
    }

    /// Calls `secp256k1_ecdsa_recover` directly, bypassing the wrapper's low-S rule.
    static func recoverIgnoringLowS(digest: [UInt8], signature: RecoverableSignature) throws -> PublicKey {
        let context = Secp256k1Context.shared.pointer
        var parsed = signature.libraryRecoverable
        var point = secp256k1_pubkey()
        XCTAssertEqual(secp256k1_ecdsa_recover(context, &point, &parsed, digest), 1)
        return PublicKey(point)
    }
}

func hex(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
}
