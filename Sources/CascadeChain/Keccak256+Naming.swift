extension Keccak256.Digest {
    /// A 32-byte name for the `sequence`-th transaction `sender` builds, for agents that name
    /// their transactions before (or without) signing them; not a Keccak-256 output.
    ///
    /// Bytes 8..<28 are the sender's address, bytes 28..<32 zero, and bytes 0..<8 the
    /// SplitMix64 finaliser of `sequence` XOR a mix of the address. The finaliser is a bijection,
    /// so the address and those 8 bytes give back `sequence`: distinct (sender, sequence) pairs
    /// have distinct names, with no hashing of bytes. The mixed first word keeps the names
    /// spread in hash tables, which hash the first two words.
    public init(sender: Address, sequence: UInt64) {
        let mixed = Address.mix(sequence ^ sender.mixedHash(seed: 0))
        self.init(mixed.byteSwapped, sender.high.byteSwapped, sender.middle.byteSwapped, (UInt64(sender.low) << 32).byteSwapped)
    }
}
