/// Ethereum's Keccak-256 hash function.
///
/// This is the original Keccak submission that Ethereum uses for addresses, function
/// selectors, event topics and storage slots. It pads with the byte `0x01`, so it is **not**
/// FIPS 202 SHA3-256 (which pads with `0x06` and gives different digests):
/// `Keccak256.hash([])` is `0xc5d24601…`, whereas SHA3-256 of the empty input is `0xa7ffc6f8…`.
///
/// Parameters: the keccak-f[1600] permutation (24 rounds), a rate of 136 bytes,
/// a capacity of 64 bytes and a 32-byte output.
///
/// The hasher is a value type that never allocates: its 200-byte state is stored inline.
/// Copying a hasher forks it, which lets a shared prefix be hashed once:
/// ```swift
/// var hasher = Keccak256()
/// hasher.update("transfer(address,uint256)".utf8)
/// let digest = hasher.finalize()  // 0xa9059cbb…
/// ```
public struct Keccak256: Sendable {
    /// Bytes absorbed per permutation (the sponge rate): 136 bytes = 1088 bits.
    @inlinable public static var rate: Int { 136 }

    /// The 5×5 state of 64-bit lanes; lane (x, y) is element `x + 5·y`.
    @usableFromInline typealias Lanes = (
        UInt64, UInt64, UInt64, UInt64, UInt64,
        UInt64, UInt64, UInt64, UInt64, UInt64,
        UInt64, UInt64, UInt64, UInt64, UInt64,
        UInt64, UInt64, UInt64, UInt64, UInt64,
        UInt64, UInt64, UInt64, UInt64, UInt64
    )

    @usableFromInline var lanes: Lanes

    /// Bytes of the current block absorbed so far, in `0..<rate`: a full block is permuted at once.
    @usableFromInline var position: Int

    /// Creates a hasher with an empty (all-zero) state.
    @inlinable
    public init() {
        lanes = (
            0, 0, 0, 0, 0,
            0, 0, 0, 0, 0,
            0, 0, 0, 0, 0,
            0, 0, 0, 0, 0,
            0, 0, 0, 0, 0
        )
        position = 0
    }

    /// Absorbs the bytes of `buffer`; this is the fastest way to feed the hasher.
    @inlinable
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        guard let source = buffer.baseAddress else { return }
        var position = self.position
        withLanes { Self.absorb(source, count: buffer.count, into: $0, position: &position) }
        self.position = position
    }

    /// Absorbs a sequence of bytes, such as `[UInt8]`, `ArraySlice<UInt8>` or `String.UTF8View`.
    ///
    /// Contiguous collections are hashed in place; other sequences are staged through a
    /// 136-byte stack buffer, so neither path allocates.
    @inlinable
    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let hashedInPlace: Void? = bytes.withContiguousStorageIfAvailable {
            update(UnsafeRawBufferPointer($0))
        }
        if hashedInPlace != nil { return }

        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.rate) { block in
            var count = 0
            for byte in bytes {
                block.initializeElement(at: count, to: byte)
                count += 1
                if count == Self.rate {
                    update(UnsafeRawBufferPointer(block))
                    count = 0
                }
            }
            update(UnsafeRawBufferPointer(start: block.baseAddress, count: count))
        }
    }

    /// Pads the absorbed input (Keccak padding `0x01 … 0x80`) and returns its 32-byte digest.
    ///
    /// Consumes the hasher; copy it beforehand to keep absorbing after a shared prefix.
    @inlinable
    public consuming func finalize() -> Digest {
        let position = self.position
        return withLanes { Self.squeeze($0, position: position) }
    }

    /// Returns the Keccak-256 digest of a sequence of bytes, such as `[UInt8]` or `String.UTF8View`.
    @inlinable
    public static func hash(_ bytes: some Sequence<UInt8>) -> Digest {
        var hasher = Keccak256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Returns the Keccak-256 digest of the bytes in `buffer`.
    @inlinable
    public static func hash(_ buffer: UnsafeRawBufferPointer) -> Digest {
        var hasher = Keccak256()
        hasher.update(buffer)
        return hasher.finalize()
    }

    /// Calls `body` with the 25 lanes viewed as contiguous `UInt64`s (homogeneous tuples are laid out contiguously).
    @inlinable
    mutating func withLanes<Result>(_ body: (UnsafeMutablePointer<UInt64>) -> Result) -> Result {
        withUnsafeMutablePointer(to: &lanes) { tuple in
            tuple.withMemoryRebound(to: UInt64.self, capacity: 25, body)
        }
    }
}

// MARK: - Sponge

extension Keccak256 {
    /// XORs `count` bytes at `source` into the state from byte `position` on, running the
    /// permutation after every completed block; on return `position` is in `0..<rate`.
    @usableFromInline
    static func absorb(
        _ source: UnsafeRawPointer, count: Int, into lanes: UnsafeMutablePointer<UInt64>, position: inout Int
    ) {
        var source = source
        var remaining = count
        if position > 0 {
            let taken = min(remaining, rate - position)
            xor(source, count: taken, into: lanes, at: position)
            source += taken
            remaining -= taken
            position += taken
            guard position == rate else { return }
            permute(lanes)
            position = 0
        }
        while remaining >= rate {
            xor(source, count: rate, into: lanes, at: 0)
            permute(lanes)
            source += rate
            remaining -= rate
        }
        xor(source, count: remaining, into: lanes, at: 0)
        position = remaining
    }

    /// Pads the block after `position` absorbed bytes, permutes, and reads the first four lanes.
    @usableFromInline
    static func squeeze(_ lanes: UnsafeMutablePointer<UInt64>, position: Int) -> Digest {
        xor(0x01, into: lanes, at: position)
        xor(0x80, into: lanes, at: rate - 1)
        permute(lanes)
        return Digest(lanes[0], lanes[1], lanes[2], lanes[3])
    }

    /// XORs `count` bytes at `source` into the state starting at byte `offset`
    /// (`offset + count ≤ rate`): whole 8-byte lanes where aligned, single bytes elsewhere.
    @inline(__always)
    static func xor(_ source: UnsafeRawPointer, count: Int, into lanes: UnsafeMutablePointer<UInt64>, at offset: Int) {
        var index = 0
        while index < count, (offset + index) & 7 != 0 {
            xor(source.load(fromByteOffset: index, as: UInt8.self), into: lanes, at: offset + index)
            index += 1
        }
        while count - index >= 8 {
            let lane = UInt64(littleEndian: source.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            lanes[(offset + index) >> 3] ^= lane
            index += 8
        }
        while index < count {
            xor(source.load(fromByteOffset: index, as: UInt8.self), into: lanes, at: offset + index)
            index += 1
        }
    }

    /// XORs one byte into the state at byte `offset`; lanes hold their bytes little-endian.
    @inline(__always)
    static func xor(_ byte: UInt8, into lanes: UnsafeMutablePointer<UInt64>, at offset: Int) {
        lanes[offset >> 3] ^= UInt64(byte) &<< UInt64((offset & 7) * 8)
    }
}

// MARK: - keccak-f[1600]

extension Keccak256 {
    /// Round constants for the ι step, one per round (Keccak reference, section 1.2).
    private static let roundConstants: [UInt64] = [
        0x0000_0000_0000_0001, 0x0000_0000_0000_8082, 0x8000_0000_0000_808A, 0x8000_0000_8000_8000,
        0x0000_0000_0000_808B, 0x0000_0000_8000_0001, 0x8000_0000_8000_8081, 0x8000_0000_0000_8009,
        0x0000_0000_0000_008A, 0x0000_0000_0000_0088, 0x0000_0000_8000_8009, 0x0000_0000_8000_000A,
        0x0000_0000_8000_808B, 0x8000_0000_0000_008B, 0x8000_0000_0000_8089, 0x8000_0000_0000_8003,
        0x8000_0000_0000_8002, 0x8000_0000_0000_0080, 0x0000_0000_0000_800A, 0x8000_0000_8000_000A,
        0x8000_0000_8000_8081, 0x8000_0000_0000_8080, 0x0000_0000_8000_0001, 0x8000_0000_8000_8008,
    ]

    /// Applies the 24-round keccak-f[1600] permutation to the 25 lanes at `state`.
    ///
    /// Lane (x, y) is kept in the local `axy`. Each round is fully unrolled:
    /// θ mixes column parities into every lane, ρ rotates each lane by its fixed offset,
    /// π moves lane (x, y) to (y, 2x + 3y), χ combines each row non-linearly and ι adds the round constant.
    @usableFromInline
    static func permute(_ state: UnsafeMutablePointer<UInt64>) {
        var a00 = state[0], a10 = state[1], a20 = state[2], a30 = state[3], a40 = state[4]
        var a01 = state[5], a11 = state[6], a21 = state[7], a31 = state[8], a41 = state[9]
        var a02 = state[10], a12 = state[11], a22 = state[12], a32 = state[13], a42 = state[14]
        var a03 = state[15], a13 = state[16], a23 = state[17], a33 = state[18], a43 = state[19]
        var a04 = state[20], a14 = state[21], a24 = state[22], a34 = state[23], a44 = state[24]

        for roundConstant in roundConstants {
            // θ: c_x is the parity of column x; d_x = c_(x-1) ⊕ rot(c_(x+1), 1) is XORed into column x.
            let c0 = a00 ^ a01 ^ a02 ^ a03 ^ a04
            let c1 = a10 ^ a11 ^ a12 ^ a13 ^ a14
            let c2 = a20 ^ a21 ^ a22 ^ a23 ^ a24
            let c3 = a30 ^ a31 ^ a32 ^ a33 ^ a34
            let c4 = a40 ^ a41 ^ a42 ^ a43 ^ a44
            let d0 = c4 ^ rotl(c1, 1)
            let d1 = c0 ^ rotl(c2, 1)
            let d2 = c1 ^ rotl(c3, 1)
            let d3 = c2 ^ rotl(c4, 1)
            let d4 = c3 ^ rotl(c0, 1)

            // θ, ρ and π together: b_(y, 2x+3y) = rot(a_xy ⊕ d_x, r_xy), grouped by output row.
            let b00 = a00 ^ d0
            let b10 = rotl(a11 ^ d1, 44)
            let b20 = rotl(a22 ^ d2, 43)
            let b30 = rotl(a33 ^ d3, 21)
            let b40 = rotl(a44 ^ d4, 14)

            let b01 = rotl(a30 ^ d3, 28)
            let b11 = rotl(a41 ^ d4, 20)
            let b21 = rotl(a02 ^ d0, 3)
            let b31 = rotl(a13 ^ d1, 45)
            let b41 = rotl(a24 ^ d2, 61)

            let b02 = rotl(a10 ^ d1, 1)
            let b12 = rotl(a21 ^ d2, 6)
            let b22 = rotl(a32 ^ d3, 25)
            let b32 = rotl(a43 ^ d4, 8)
            let b42 = rotl(a04 ^ d0, 18)

            let b03 = rotl(a40 ^ d4, 27)
            let b13 = rotl(a01 ^ d0, 36)
            let b23 = rotl(a12 ^ d1, 10)
            let b33 = rotl(a23 ^ d2, 15)
            let b43 = rotl(a34 ^ d3, 56)

            let b04 = rotl(a20 ^ d2, 62)
            let b14 = rotl(a31 ^ d3, 55)
            let b24 = rotl(a42 ^ d4, 39)
            let b34 = rotl(a03 ^ d0, 41)
            let b44 = rotl(a14 ^ d1, 2)

            // χ: a_xy = b_xy ⊕ (¬b_(x+1)y ∧ b_(x+2)y), and ι on lane (0, 0).
            a00 = b00 ^ (~b10 & b20) ^ roundConstant
            a10 = b10 ^ (~b20 & b30)
            a20 = b20 ^ (~b30 & b40)
            a30 = b30 ^ (~b40 & b00)
            a40 = b40 ^ (~b00 & b10)

            a01 = b01 ^ (~b11 & b21)
            a11 = b11 ^ (~b21 & b31)
            a21 = b21 ^ (~b31 & b41)
            a31 = b31 ^ (~b41 & b01)
            a41 = b41 ^ (~b01 & b11)

            a02 = b02 ^ (~b12 & b22)
            a12 = b12 ^ (~b22 & b32)
            a22 = b22 ^ (~b32 & b42)
            a32 = b32 ^ (~b42 & b02)
            a42 = b42 ^ (~b02 & b12)

            a03 = b03 ^ (~b13 & b23)
            a13 = b13 ^ (~b23 & b33)
            a23 = b23 ^ (~b33 & b43)
            a33 = b33 ^ (~b43 & b03)
            a43 = b43 ^ (~b03 & b13)

            a04 = b04 ^ (~b14 & b24)
            a14 = b14 ^ (~b24 & b34)
            a24 = b24 ^ (~b34 & b44)
            a34 = b34 ^ (~b44 & b04)
            a44 = b44 ^ (~b04 & b14)
        }

        state[0] = a00; state[1] = a10; state[2] = a20; state[3] = a30; state[4] = a40
        state[5] = a01; state[6] = a11; state[7] = a21; state[8] = a31; state[9] = a41
        state[10] = a02; state[11] = a12; state[12] = a22; state[13] = a32; state[14] = a42
        state[15] = a03; state[16] = a13; state[17] = a23; state[18] = a33; state[19] = a43
        state[20] = a04; state[21] = a14; state[22] = a24; state[23] = a34; state[24] = a44
    }
}

/// Rotates `lane` left by `count` bits, `0 < count < 64`.
@inline(__always)
private func rotl(_ lane: UInt64, _ count: UInt64) -> UInt64 {
    (lane &<< count) | (lane &>> (64 - count))
}

// MARK: - Digest

extension Keccak256 {
    /// A 32-byte Keccak-256 digest, stored inline as four 64-bit lanes (no heap allocation).
    ///
    /// Byte order everywhere is the printed order: byte 0 is the first hex pair of `hex`.
    public struct Digest: Hashable, Sendable, CustomStringConvertible {
        /// Output lanes: `lane0` holds digest bytes 0..<8 in little-endian order (Keccak's lane encoding), and so on.
        @usableFromInline let lane0, lane1, lane2, lane3: UInt64

        @usableFromInline
        init(_ lane0: UInt64, _ lane1: UInt64, _ lane2: UInt64, _ lane3: UInt64) {
            (self.lane0, self.lane1, self.lane2, self.lane3) = (lane0, lane1, lane2, lane3)
        }

        /// Creates a digest from exactly 32 bytes in printed order; returns `nil` for any other count.
        public init?(bytes: some Collection<UInt8>) {
            guard bytes.count == 32 else { return nil }
            var lanes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            Swift.withUnsafeMutableBytes(of: &lanes) { $0.copyBytes(from: bytes) }
            self.init(
                UInt64(littleEndian: lanes.0), UInt64(littleEndian: lanes.1),
                UInt64(littleEndian: lanes.2), UInt64(littleEndian: lanes.3)
            )
        }

        /// The 32 digest bytes in printed order. Allocates an array; prefer `withUnsafeBytes` on hot paths.
        public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

        /// The digest read as a big-endian 256-bit integer, split into four 64-bit words,
        /// most significant first: `words.0` is bytes 0..<8, so a function selector is `words.0 >> 32`.
        public var words: (UInt64, UInt64, UInt64, UInt64) {
            (lane0.byteSwapped, lane1.byteSwapped, lane2.byteSwapped, lane3.byteSwapped)
        }

        /// Calls `body` with the 32 digest bytes in printed order; the buffer is valid only inside `body`.
        @inlinable
        public func withUnsafeBytes<Result, Failure: Error>(
            _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
        ) throws(Failure) -> Result {
            let encoded = (lane0.littleEndian, lane1.littleEndian, lane2.littleEndian, lane3.littleEndian)
            return try Swift.withUnsafeBytes(of: encoded, body)
        }

        /// The 64 lowercase hex digits of the digest, without a `0x` prefix.
        public var hex: String {
            withUnsafeBytes { digest in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { text in
                    for (index, byte) in digest.enumerated() {
                        text.initializeElement(at: 2 * index, to: Self.hexDigit(byte >> 4))
                        text.initializeElement(at: 2 * index + 1, to: Self.hexDigit(byte & 0xF))
                    }
                    return String(decoding: text, as: UTF8.self)
                }
            }
        }

        /// `0x` followed by the 64 lowercase hex digits.
        public var description: String { "0x" + hex }

        /// The ASCII code of the lowercase hex digit for `nibble` (`0...15`).
        private static func hexDigit(_ nibble: UInt8) -> UInt8 {
            nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
        }
    }
}

// Hashing of digests. Transaction hashes key the mempool's and the engine's tables; a digest is
// already uniformly distributed, so one 64-bit mix of its lanes replaces SipHash over 32 bytes
// (as for `Address`, see Address+Hashing.swift); no order ever depends on hash order.
extension Keccak256.Digest {
    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(lane0 ^ (lane1 &* 0x9E37_79B9_7F4A_7C15) ^ (lane2 &>> 7) ^ lane3)
    }

    /// The hash `Dictionary` and `Set` use: the lanes mixed with the seed, without SipHash.
    @inlinable
    public func _rawHashValue(seed: Int) -> Int {
        Int(truncatingIfNeeded: Address.mix(lane0 ^ UInt64(bitPattern: Int64(seed))) ^ lane1)
    }
}
