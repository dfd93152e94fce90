import CascadeChain
import CascadeMath
import Foundation
import XCTest

// Helpers shared by the ABI tests: a seeded generator, hex, random ABI types and values, the
// reference vectors, and error assertions.

/// Sebastiano Vigna's SplitMix64: a tiny, seedable, deterministic generator.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) }
    }

    mutating func word() -> UInt256 {
        UInt256(w0: next(), w1: next(), w2: next(), w3: next())
    }
}

// MARK: - Hex

/// Lowercase hex digits without prefix.
func hexString(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map { String(format: "%02x", $0) }.joined()
}

/// The bytes of hex digits, with or without `0x`; traps on malformed input (test data only).
func hexBytes(_ text: String) -> [UInt8] {
    let digits = Array((text.hasPrefix("0x") ? String(text.dropFirst(2)) : text).utf8)
    precondition(digits.count % 2 == 0, "odd hex length in test data")
    return stride(from: 0, to: digits.count, by: 2).map {
        UInt8(String(decoding: digits[$0...$0 + 1], as: UTF8.self), radix: 16)!
    }
}

/// A 32-byte big-endian word of `value`.
func word(_ value: UInt256) -> [UInt8] {
    value.bigEndianBytes
}

/// The address whose 20 bytes are all `byte`.
func address(repeating byte: UInt8) -> Address {
    Address(bytes: [UInt8](repeating: byte, count: 20))!
}

// MARK: - Random types and values

/// A random valid type: scalars of every kind and width, and arrays, fixed arrays and tuples
/// nested up to `depth` levels.
func randomType(_ rng: inout SeededGenerator, depth: Int) -> ABIType {
    if depth == 0 || Int.random(in: 0..<5, using: &rng) < 2 {
        switch Int.random(in: 0..<8, using: &rng) {
        case 0: return .uint(8 * Int.random(in: 1...32, using: &rng))
        case 1: return .int(8 * Int.random(in: 1...32, using: &rng))
        case 2: return .fixedBytes(Int.random(in: 1...32, using: &rng))
        case 3: return .address
        case 4: return .bool
        case 5: return .bytes
        case 6: return .string
        default: return .uint256
        }
    }
    switch Int.random(in: 0..<3, using: &rng) {
    case 0: return .array(randomType(&rng, depth: depth - 1))
    case 1: return .fixedArray(randomType(&rng, depth: depth - 1), Int.random(in: 1...3, using: &rng))
    default: return .tuple((0..<Int.random(in: 1...3, using: &rng)).map { _ in randomType(&rng, depth: depth - 1) })
    }
}

/// A random well-formed value of `type`, with integers often at their range's edges.
func randomValue(_ type: ABIType, _ rng: inout SeededGenerator) -> ABIValue {
    switch type {
    case .uint(let bits):
        let full = [UInt256.zero, .one, .max, rng.word(), UInt256(rng.next())].randomElement(using: &rng)!
        return .uint(bits == 256 ? full : full & ((UInt256.one << bits) &- .one), bits: bits)
    case .int(let bits):
        let pattern = [UInt256.zero, .max, Int256.min.bitPattern, Int256.max.bitPattern, rng.word()].randomElement(using: &rng)!
        // Keep the low `bits` bits and sign-extend them.
        let shift = 256 - bits
        let low = pattern << shift
        let extended = Int256(bitPattern: low).isNegative ? ~(~low >> shift) : low >> shift
        return .int(Int256(bitPattern: extended), bits: bits)
    case .address:
        return .address(Address(truncating: rng.word()))
    case .bool:
        return .bool(Bool.random(using: &rng))
    case .fixedBytes(let size):
        return .fixedBytes(Bytes32(word: (rng.word() >> (256 - 8 * size)) << (256 - 8 * size)), size: size)
    case .bytes:
        return .bytes(rng.bytes([0, 1, 31, 32, 33, 64, 100].randomElement(using: &rng)!))
    case .string:
        let alphabet = Array("abcXYZ09 -_é€𝄞")
        return .string(String((0..<Int.random(in: 0...20, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }))
    case .array(let element):
        return .array(element: element, (0..<Int.random(in: 0...4, using: &rng)).map { _ in randomValue(element, &rng) })
    case .fixedArray(let element, let count):
        return .fixedArray(element: element, (0..<count).map { _ in randomValue(element, &rng) })
    case .tuple(let members):
        return .tuple(members.map { randomValue($0, &rng) })
    }
}

/// Applies one random edit: overwrite a byte, flip a bit, insert or delete a byte, truncate, or
/// append a byte or a zero word.
func mutate(_ input: [UInt8], _ rng: inout SeededGenerator) -> [UInt8] {
    var bytes = input
    guard !bytes.isEmpty else { return [UInt8.random(in: 0...255, using: &rng)] }
    let position = Int.random(in: 0..<bytes.count, using: &rng)
    switch Int.random(in: 0..<7, using: &rng) {
    case 0: bytes[position] = UInt8.random(in: 0...255, using: &rng)
    case 1: bytes[position] ^= 1 << UInt8.random(in: 0...7, using: &rng)
    case 2: bytes[position] = [0, 1, 0x1f, 0x20, 0x40, 0x80, 0xff].randomElement(using: &rng)!
    case 3: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: position)
    case 4: bytes.remove(at: position)
    case 5: bytes.removeSubrange(position...)
    default: bytes += Bool.random(using: &rng) ? [0] : [UInt8](repeating: 0, count: 32)
    }
    return bytes
}

// MARK: - Reference vectors

/// `Vectors/abi_vectors.json`, written by `gen_abi_vectors.py` with eth-abi and eth-utils.
struct ABIVectors: Decodable {
    struct Selector: Decodable {
        let signature: String
        let selector: String
    }

    struct Call: Decodable {
        let name: String
        let signature: String
        let args: [JSONValue]
        let calldata: String
    }

    struct Codec: Decodable {
        let name: String
        let types: [String]
        let values: [JSONValue]
        let encoded: String
    }

    let selectors: [Selector]
    let calls: [Call]
    let codec: [Codec]

    static func load() throws -> ABIVectors {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "abi_vectors", withExtension: "json", subdirectory: "Vectors"))
        return try JSONDecoder().decode(ABIVectors.self, from: Data(contentsOf: url))
    }
}

/// A JSON value of the vectors: strings, booleans and arrays (integers are decimal strings).
enum JSONValue: Decodable {
    case string(String)
    case bool(Bool)
    case array([JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else {
            self = .array(try container.decode([JSONValue].self))
        }
    }

    /// The ABI value of `type` this JSON value writes; traps on a mismatch (test data only).
    func abiValue(_ type: ABIType) -> ABIValue {
        switch (type, self) {
        case let (.uint(bits), .string(text)): .uint(UInt256(decimal: text)!, bits: bits)
        case let (.int(bits), .string(text)): .int(Int256(text)!, bits: bits)
        case let (.address, .string(text)): .address(Address(bytes: hexBytes(text))!)
        case let (.bool, .bool(flag)): .bool(flag)
        case let (.fixedBytes(size), .string(text)):
            .fixedBytes(Bytes32(bytes: hexBytes(text) + [UInt8](repeating: 0, count: 32 - size))!, size: size)
        case let (.bytes, .string(text)): .bytes(hexBytes(text))
        case let (.string, .string(text)): .string(text)
        case let (.array(element), .array(items)): .array(element: element, items.map { $0.abiValue(element) })
        case let (.fixedArray(element, _), .array(items)): .fixedArray(element: element, items.map { $0.abiValue(element) })
        case let (.tuple(members), .array(items)): .tuple(zip(members, items).map { $1.abiValue($0) })
        default: preconditionFailure("JSON value \(self) does not fit \(type)")
        }
    }
}

// MARK: - Assertions

/// Asserts that `expression` throws exactly `expected`.
func assertABIError<T>(
    _ expression: @autoclosure () throws -> T, _ expected: ABIError,
    file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertThrowsError(try expression(), file: file, line: line) { error in
        XCTAssertEqual(error as? ABIError, expected, file: file, line: line)
    }
}
