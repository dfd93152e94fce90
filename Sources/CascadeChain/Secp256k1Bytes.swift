/// Exactly 32 bytes stored inline as four `UInt64` words (no heap allocation).
///
/// The words hold the bytes in memory order, so `withUnsafeBytes` yields byte 0 first — the
/// layout libsecp256k1 reads and writes. Only `<` interprets the bytes as a number: a big-endian
/// 256-bit integer, which is how scalars and coordinates are encoded.
struct Secp256k1Bytes: Sendable, Hashable, Comparable {
    private var words: (UInt64, UInt64, UInt64, UInt64)

    /// All 32 bytes zero.
    static let zero = Secp256k1Bytes(bigEndianWords: (0, 0, 0, 0))

    /// The big-endian 256-bit integer whose 64-bit words, most significant first, are `value`.
    init(bigEndianWords value: (UInt64, UInt64, UInt64, UInt64)) {
        words = (value.0.bigEndian, value.1.bigEndian, value.2.bigEndian, value.3.bigEndian)
    }

    /// Copies `bytes`, which must hold exactly 32 bytes; callers check the count and throw first.
    init(_ bytes: some Collection<UInt8>) {
        precondition(bytes.count == 32, "Secp256k1Bytes needs 32 bytes, found \(bytes.count)")
        words = (0, 0, 0, 0)
        Swift.withUnsafeMutableBytes(of: &words) { $0.copyBytes(from: bytes) }
    }

    /// Whether all 32 bytes are zero.
    var isZero: Bool { words == (0, 0, 0, 0) }

    /// The bytes as a new array (allocates).
    var array: [UInt8] { withUnsafeBytes { Array($0) } }

    /// `0x` followed by 64 lowercase hex digits; used in error messages.
    var hex: String {
        Hex.encode(array)
    }

    /// Calls `body` with the 32 bytes, byte 0 first; the buffer is valid only inside `body`.
    func withUnsafeBytes<Result, Failure: Error>(
        _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try Swift.withUnsafeBytes(of: words, body)
    }

    /// Calls `body` with a pointer to the 32 bytes, in the form libsecp256k1's `unsigned char *` takes.
    func withBytePointer<Result>(_ body: (UnsafePointer<UInt8>) -> Result) -> Result {
        withUnsafeBytes { body($0.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
    }

    static func == (lhs: Secp256k1Bytes, rhs: Secp256k1Bytes) -> Bool { lhs.words == rhs.words }

    func hash(into hasher: inout Hasher) {
        withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    /// Compares the values as big-endian 256-bit integers.
    static func < (lhs: Secp256k1Bytes, rhs: Secp256k1Bytes) -> Bool {
        lhs.bigEndianWords < rhs.bigEndianWords
    }

    /// The value's 64-bit words, most significant first.
    private var bigEndianWords: (UInt64, UInt64, UInt64, UInt64) {
        (UInt64(bigEndian: words.0), UInt64(bigEndian: words.1),
         UInt64(bigEndian: words.2), UInt64(bigEndian: words.3))
    }
}
