import CascadeChain
import Synchronization

/// Signers (``CascadeChain/PrivateKey/derive(seed:label:index:)`` with their addresses) kept
/// once derived, safe to share between threads: the worlds of a Monte Carlo run, a sweep or an
/// attribution all name their accounts from the scenario's seed (``WorldBuilder``), so every
/// path after the first finds its keys here instead of paying a scalar multiplication for each.
///
/// A signer is a pure function of its seed, label and index, so what the cache holds never
/// changes a result. It keeps at most ``capacity`` signers; past that, keys are derived afresh.
public final class SignerCache: Sendable {
    private struct Key: Hashable {
        var seed: UInt64
        var label: String
        var index: UInt64
    }

    /// The most signers kept (about 100 bytes each).
    public static let capacity = 1_000_000

    private let signers = Mutex<[Key: Signer]>([:])

    public init() {}

    /// The signer of key `index` of `label` under `seed`.
    public func signer(seed: UInt64, label: String, index: UInt64) -> Signer {
        let key = Key(seed: seed, label: label, index: index)
        if let known = signers.withLock({ $0[key] }) { return known }
        let signer = Signer(key: PrivateKey.derive(seed: seed, label: label, index: index))
        signers.withLock { if $0.count < Self.capacity { $0[key] = signer } }
        return signer
    }

    /// The number of signers kept.
    public var count: Int { signers.withLock { $0.count } }
}
