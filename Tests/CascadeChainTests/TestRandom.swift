import CascadeChain
import CascadeMath

/// Random test inputs drawn from the library's seeded generator, so failures reproduce.
extension SplitMix64 {
    /// `count` random bytes.
    mutating func nextBytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) }
    }

    /// A uniformly random valid private key (candidates ≥ n, probability ~2⁻¹²⁸, are redrawn).
    mutating func nextPrivateKey() -> PrivateKey {
        while true {
            if let key = PrivateKey(candidate: nextBytes(32)) { return key }
        }
    }
}
