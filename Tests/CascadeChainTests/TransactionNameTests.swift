import CascadeChain
import CascadeMath
import XCTest

/// ``Keccak256/Digest/init(sender:sequence:)``: names are injective, so no two transactions
/// share one. Shown by reading the sender and the sequence number back from the name.
final class TransactionNameTests: XCTestCase {
    /// The inverse of the SplitMix64 finaliser: each xorshift undone by repeated shifting, each
    /// odd multiplier by its inverse modulo 2⁶⁴ (Newton's iteration).
    private static func unfinalise(_ value: UInt64) -> UInt64 {
        func inverse(_ odd: UInt64) -> UInt64 {
            var x = odd
            for _ in 0..<6 { x = x &* (2 &- odd &* x) }
            return x
        }
        func unshift(_ y: UInt64, _ shift: UInt64) -> UInt64 {
            var x = y
            for _ in 0..<(64 / Int(shift) + 1) { x = y ^ (x >> shift) }
            return x
        }
        var z = unshift(value, 31)
        z = unshift(z &* inverse(0x94D0_49BB_1331_11EB), 27)
        return unshift(z &* inverse(0xBF58_476D_1CE4_E5B9), 30)
    }

    func testTheSenderAndSequenceAreReadBackFromEveryName() {
        var random = SplitMix64(seed: 20_261_129)
        var names: Set<Keccak256.Digest> = []
        let sequences: [UInt64] = [0, 1, 2, .max, .max - 1, 1 << 32, 1 << 63]
        for round in 0..<400 {
            let sender = Address(truncating: UInt256(w0: random.next(), w1: random.next(), w2: random.next() >> 32, w3: 0))
            let sequence = round < sequences.count ? sequences[round] : random.next() >> (random.next() % 64)
            let name = Keccak256.Digest(sender: sender, sequence: sequence)
            let bytes = name.bytes
            XCTAssertEqual(Address(bytes: bytes[8..<28]), sender)
            XCTAssertEqual(Array(bytes[28..<32]), [0, 0, 0, 0])
            // The first word is finalise(sequence ^ m) for the sender's mix m: the same sender with
            // sequence 0 gives finalise(m), hence m, hence the sequence.
            let first = { (name: Keccak256.Digest) in name.words.0 }
            let mix = Self.unfinalise(first(Keccak256.Digest(sender: sender, sequence: 0)))
            XCTAssertEqual(Self.unfinalise(first(name)) ^ mix, sequence)
            names.insert(name)
            names.insert(Keccak256.Digest(sender: sender, sequence: sequence &+ 1))
        }
        XCTAssertEqual(names.count, 800)
    }
}
