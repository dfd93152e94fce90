import CSecp256k1

/// A secp256k1 public key: a point (x, y) on y² = x³ + 7 over the field of size p, other than
/// the point at infinity.
///
/// The two 32-byte big-endian affine coordinates are stored inline (no heap allocation). Every
/// initializer validates the point with `secp256k1_ec_pubkey_parse`. Ethereum derives an address
/// from the Keccak-256 hash of `rawXY`; use `withUnsafeRawXY` to hash it without allocating.
public struct PublicKey: Sendable, Hashable {
    /// Big-endian affine coordinates of a validated curve point.
    let x: Secp256k1Bytes
    let y: Secp256k1Bytes

    /// Creates a key from the SEC 1 uncompressed encoding: 65 bytes `0x04‖X‖Y`, or the 64 bytes `X‖Y`.
    ///
    /// - Throws: `KeyError.invalidUncompressedLength`, `.invalidUncompressedPrefix`, or
    ///   `.publicKeyNotOnCurve` when a coordinate is ≥ p or the point is not on the curve.
    public init(uncompressed: some Collection<UInt8>) throws(KeyError) {
        switch uncompressed.count {
        case 64:
            break
        case 65:
            let prefix = uncompressed.first!
            guard prefix == 0x04 else { throw .invalidUncompressedPrefix(found: prefix) }
        default:
            throw .invalidUncompressedLength(found: uncompressed.count)
        }
        let coordinates = uncompressed.suffix(64)
        x = Secp256k1Bytes(coordinates.prefix(32))
        y = Secp256k1Bytes(coordinates.suffix(32))
        guard libraryPoint != nil else { throw .publicKeyNotOnCurve }
    }

    /// Creates a key from the SEC 1 compressed encoding: 33 bytes, `0x02` (even y) or `0x03` (odd y), then X.
    ///
    /// - Throws: `KeyError.invalidCompressedLength`, `.invalidCompressedPrefix`, or
    ///   `.publicKeyNotOnCurve` when X is ≥ p or no point has that X.
    public init(compressed: some Collection<UInt8>) throws(KeyError) {
        guard compressed.count == 33 else { throw .invalidCompressedLength(found: compressed.count) }
        let prefix = compressed.first!
        guard prefix == 0x02 || prefix == 0x03 else { throw .invalidCompressedPrefix(found: prefix) }
        var point = secp256k1_pubkey()
        let parsed = Array(compressed).withUnsafeBufferPointer {
            secp256k1_ec_pubkey_parse(Secp256k1Context.shared.pointer, &point, $0.baseAddress!, 33)
        }
        guard parsed == 1 else { throw .publicKeyNotOnCurve }
        self.init(point)
    }

    /// Wraps a point produced by libsecp256k1, which is always valid.
    init(_ point: secp256k1_pubkey) {
        var point = point
        (x, y) = withUnsafeTemporaryAllocation(byteCount: 65, alignment: 8) { encoded in
            var length = 65
            let output = encoded.baseAddress!.assumingMemoryBound(to: UInt8.self)
            _ = secp256k1_ec_pubkey_serialize(
                Secp256k1Context.shared.pointer, output, &length, &point, UInt32(SECP256K1_EC_UNCOMPRESSED))
            return (Secp256k1Bytes(encoded[1..<33]), Secp256k1Bytes(encoded[33..<65]))
        }
    }

    /// The 65-byte uncompressed encoding `0x04‖X‖Y` (allocates an array).
    public var uncompressed: [UInt8] { [0x04] + rawXY }

    /// The 33-byte compressed encoding: `0x02` if y is even, `0x03` if odd, then X (allocates an array).
    public var compressed: [UInt8] {
        let parity = y.withUnsafeBytes { $0[31] & 1 }
        return [0x02 | parity] + x.array
    }

    /// The 64 bytes `X‖Y` — the input Ethereum hashes to derive an address (allocates an array).
    public var rawXY: [UInt8] { withUnsafeRawXY { Array($0) } }

    /// Calls `body` with the 64 bytes `X‖Y` without allocating; the buffer is valid only inside `body`.
    public func withUnsafeRawXY<Result, Failure: Error>(
        _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        // A homogeneous tuple is laid out contiguously: x's 32 bytes, then y's.
        try withUnsafeBytes(of: (x, y), body)
    }

    /// The point parsed into libsecp256k1's internal form, or `nil` if it is not on the curve
    /// (only possible while `init(uncompressed:)` validates its input).
    var libraryPoint: secp256k1_pubkey? {
        var point = secp256k1_pubkey()
        let parsed = withUnsafeTemporaryAllocation(byteCount: 65, alignment: 8) { encoded in
            encoded[0] = 0x04
            withUnsafeRawXY { UnsafeMutableRawBufferPointer(rebasing: encoded[1...]).copyMemory(from: $0) }
            let input = UnsafePointer(encoded.baseAddress!.assumingMemoryBound(to: UInt8.self))
            return secp256k1_ec_pubkey_parse(Secp256k1Context.shared.pointer, &point, input, 65)
        }
        return parsed == 1 ? point : nil
    }
}
