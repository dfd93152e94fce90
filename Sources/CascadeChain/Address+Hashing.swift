// Hashing of addresses. Every balance, position and vault lookup hashes an address, so the hash
// is a single 64-bit mix instead of SipHash over 20 bytes. Addresses are Keccak outputs, already
// uniformly distributed, and nothing adversarial chooses them inside a simulation, so flooding
// resistance buys nothing here; the per-process seed is still folded in, and no simulation
// order ever depends on hash order.

extension Address {
    /// The three words absorbed one after another, each followed by the SplitMix64 finaliser
    /// (a bijection, so no two distinct words collide at any step), with `seed`.
    @inlinable @inline(__always)
    func mixedHash(seed: UInt64) -> UInt64 {
        Self.mix(Self.mix(Self.mix(high ^ seed) ^ middle) ^ UInt64(low))
    }

    @inlinable @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z &>> 31)
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
