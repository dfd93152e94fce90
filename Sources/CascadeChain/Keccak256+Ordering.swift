extension Keccak256.Digest {
    /// `true` when `self` is below `other` as big-endian 256-bit integers: a deterministic
    /// last-resort tiebreak between transactions with equal fee and arrival stamps.
    func precedes(_ other: Keccak256.Digest) -> Bool {
        words < other.words
    }
}
