// Hashing of 256-bit words. Auction ids, ilk names (`Bytes32`) and amounts key the protocols'
// tables; the four limbs are folded with the SplitMix64 finaliser into one word instead of
// SipHash over 32 bytes. Nothing adversarial chooses keys inside a simulation, the per-process
// seed is still folded in, and no simulation order depends on hash order.

extension UInt256 {
    @inlinable @inline(__always)
    static func mixHash(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z &>> 31)
    }

    /// The limbs absorbed one after another with `seed`, each followed by the finaliser.
    @inlinable @inline(__always)
    public func mixedHash(seed: UInt64) -> UInt64 {
        Self.mixHash(Self.mixHash(Self.mixHash(Self.mixHash(w0 ^ seed) ^ w1) ^ w2) ^ w3)
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(mixedHash(seed: 0))
    }

    /// The hash `Dictionary` and `Set` use: the mix alone, without SipHash's finalisation.
    @inlinable
    public func _rawHashValue(seed: Int) -> Int {
        Int(truncatingIfNeeded: mixedHash(seed: UInt64(bitPattern: Int64(seed))))
    }
}
