extension PrivateKey {
    /// Derives a private key deterministically from the run seed, so every agent of a run has
    /// its own reproducible key.
    ///
    /// The key is the first candidate, for counter = 0, 1, …, of
    /// `keccak256("cascade/key/v1" ‖ seed ‖ len(label) ‖ label ‖ index ‖ counter)`
    /// (seed and index as 8 big-endian bytes, the label's UTF-8 length and the counter as 4
    /// big-endian bytes) that is a valid secp256k1 secret (non-zero and below the curve order;
    /// a candidate fails with probability about 2⁻¹²⁸, so the counter is practically always 0).
    ///
    /// - Parameters:
    ///   - seed: the run seed.
    ///   - label: the key's role, e.g. `"liquidator"` or `"oracle-reporter"`.
    ///   - index: the agent's number within its role.
    public static func derive(seed: UInt64, label: String, index: UInt64) -> PrivateKey {
        var prefix = Array("cascade/key/v1".utf8)
        prefix += bigEndianBytes(seed)
        let labelBytes = Array(label.utf8)
        prefix += bigEndianBytes(UInt32(labelBytes.count))
        prefix += labelBytes
        prefix += bigEndianBytes(index)
        var counter: UInt32 = 0
        while true {
            let digest = Keccak256.hash(prefix + bigEndianBytes(counter))
            if let key = PrivateKey(candidate: digest.bytes) { return key }
            counter &+= 1
        }
    }

    private static func bigEndianBytes<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        (0..<T.bitWidth / 8).reversed().map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }
}
