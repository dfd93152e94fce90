import CascadeChain
import CascadeMath
import XCTest

/// Expected digests come from pycryptodome 4.4.0 (`pip install pycryptodome`), as noted per vector,
/// with `from Crypto.Hash import keccak` and `k = lambda b: keccak.new(digest_bits=256, data=b).hexdigest()`.
final class Keccak256Tests: XCTestCase {
    /// The bytes `0, 1, 2, …` wrapping at 256; python: `bytes(i % 256 for i in range(count))`.
    private func pattern(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0) }
    }

    func testEmptyInput() {
        // k(b'')
        XCTAssertEqual(Keccak256.hash([]).hex, "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")
    }

    func testShortStrings() {
        // k(b'abc')
        XCTAssertEqual(
            Keccak256.hash("abc".utf8).hex,
            "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"
        )
        // k(b'The quick brown fox jumps over the lazy dog')
        XCTAssertEqual(
            Keccak256.hash("The quick brown fox jumps over the lazy dog".utf8).hex,
            "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15"
        )
        // k(b'transfer(address,uint256)'): the ERC-20 transfer selector is its first 4 bytes.
        let transfer = Keccak256.hash("transfer(address,uint256)".utf8)
        XCTAssertEqual(transfer.hex, "a9059cbb2ab09eb219583f4a59a5d0623ade346d962bcd4e46b11da047c9049b")
        XCTAssertEqual(transfer.words.0 >> 32, 0xa905_9cbb)
    }

    func testInputsAroundTheBlockBoundary() {
        let expected: [(count: Int, hex: String)] = [
            // k(bytes(i % 256 for i in range(135)))
            (135, "cbdfd9dee5faad3818d6b06f95a219fd290b0e1706f6a82e5a595b9ce9faca62"),
            // k(bytes(i % 256 for i in range(136)))
            (136, "7ce759f1ab7f9ce437719970c26b0a66ff11fe3e38e17df89cf5d29c7d7f807e"),
            // k(bytes(i % 256 for i in range(137)))
            (137, "ac73d4fae68b8453f764007c1a20ce95994187861f0c3227a3a8e99a73a3b1db"),
            // k(bytes(i % 256 for i in range(200)))
            (200, "bfb0aa97863e797943cf7c33bb7e880bb4543f3d2703c0923c6901c2af57b890"),
            // k(bytes(i % 256 for i in range(272)))
            (272, "fdf2ec49e749960d3c8521a0219af8d03e30e2b3bf19bd16150ee0eaf133d66e"),
            // k(bytes(i % 256 for i in range(1000)))
            (1000, "aca79e4146e30eb1c733f6d6060d72471c36ea4e01ebf45d7f4916249c2bbd82"),
        ]
        for (count, hex) in expected {
            let input = pattern(count)
            XCTAssertEqual(Keccak256.hash(input).hex, hex, "\(count) bytes")
            XCTAssertEqual(input.withUnsafeBytes { Keccak256.hash($0) }.hex, hex, "\(count) bytes, raw buffer")
        }
    }

    /// Checks every length 0...600 against the reference through one digest of all their digests.
    func testEveryLengthUpTo600() {
        var digests: [UInt8] = []
        for count in 0...600 {
            digests += Keccak256.hash(pattern(count)).bytes
        }
        // k(b''.join(keccak.new(digest_bits=256, data=bytes(i % 256 for i in range(n))).digest() for n in range(601)))
        XCTAssertEqual(Keccak256.hash(digests).hex, "ad45c9269eb2ac45826aced53ff7f8cc2c48866032ca492f77e86e7a93f7b032")
    }

    func testRandomChunkedStreamingMatchesOneShot() {
        var random = SplitMix64(seed: 0x6361_7363_6164_65)
        for count in 0...600 {
            let input = pattern(count).map { $0 ^ 0x5A }
            let oneShot = Keccak256.hash(input)
            for _ in 0..<3 {
                var hasher = Keccak256()
                var start = 0
                while start < count {
                    let end = min(count, start + Int(random.next() % 300))
                    if random.next() % 2 == 0 {
                        input[start..<end].withUnsafeBytes { hasher.update($0) }
                    } else {
                        hasher.update(input[start..<end])
                    }
                    start = end
                }
                XCTAssertEqual(hasher.finalize(), oneShot, "\(count) bytes")
            }
        }
    }

    func testNonContiguousSequenceMatchesArray() {
        for count in [0, 1, 135, 136, 137, 300, 409] {
            let lazyBytes = (0..<count).lazy.map { UInt8(truncatingIfNeeded: $0) }
            XCTAssertEqual(Keccak256.hash(lazyBytes), Keccak256.hash(pattern(count)), "\(count) bytes")
        }
    }

    func testCopiedHasherForksTheState() {
        var prefix = Keccak256()
        prefix.update("abc".utf8)
        var extended = prefix
        extended.update("def".utf8)
        XCTAssertEqual(prefix.finalize(), Keccak256.hash("abc".utf8))
        XCTAssertEqual(extended.finalize(), Keccak256.hash("abcdef".utf8))
    }

    func testDiffersFromSHA3() {
        // SHA3-256 pads with 0x06 instead of 0x01; python: hashlib.sha3_256(b'').hexdigest()
        XCTAssertNotEqual(Keccak256.hash([]).hex, "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a")
    }

    func testDigestRepresentations() throws {
        let digest = Keccak256.hash("abc".utf8)
        let hex = "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"
        XCTAssertEqual(digest.description, "0x" + hex)
        XCTAssertEqual(digest.bytes.count, 32)
        XCTAssertEqual(Array(digest.bytes.prefix(4)), [0x4e, 0x03, 0x65, 0x7a])
        XCTAssertEqual(digest.withUnsafeBytes { Array($0) }, digest.bytes)
        XCTAssertEqual(digest.words.0, 0x4e03_657a_ea45_a94f)
        XCTAssertEqual(digest.words.3, 0xec44_f58f_a12d_6c45)
        XCTAssertEqual(try XCTUnwrap(Keccak256.Digest(bytes: digest.bytes)), digest)
        XCTAssertNil(Keccak256.Digest(bytes: digest.bytes.dropLast()))
        XCTAssertEqual(MemoryLayout<Keccak256.Digest>.size, 32)
    }
}

