/// A small, fast, seedable random number generator: SplitMix64 (Steele, Lea & Flood,
/// "Fast splittable pseudorandom number generators", OOPSLA 2014; constants as in Vigna's
/// reference implementation).
///
/// Runs draw every random number from generators of this type, seeded from the run seed, so a
/// run is reproducible. ``derived(stream:)`` splits off an independent stream per component
/// (per Monte Carlo path, per agent) whose sequence does not depend on how many numbers other
/// components drew.
@frozen
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    @usableFromInline var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    @inlinable
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// An independent generator for sub-stream `stream`, derived from this generator's current
    /// state without advancing it: `SplitMix64(seed: mix(state ⊕ mix(stream + golden)))`.
    @inlinable
    public func derived(stream: UInt64) -> SplitMix64 {
        SplitMix64(seed: Self.mix(state ^ Self.mix(stream &+ 0x9E37_79B9_7F4A_7C15)))
    }

    /// The SplitMix64 output function (a bijective 64-bit mixer).
    @inlinable
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
