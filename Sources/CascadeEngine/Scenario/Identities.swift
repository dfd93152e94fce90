import CascadeAgents
import CascadeChain
import CascadeMath
import CascadeProtocols

/// Who is who in a scenario's world: the addresses of its contracts and of the owners who never
/// sign (the last 20 bytes of a Keccak-256 of the seed and a label), and the keys of every
/// account that signs (``CascadeChain/PrivateKey/derive(seed:label:index:)``).
///
/// **The seed is the scenario's own** (its `seed` key), not the run's: `cascade run --seed`,
/// Monte Carlo paths, sweep cells and counterfactuals draw their market, population and
/// background demand from their own seeds but keep the same names — owner 17 of a population,
/// the second liquidator, a feed — at the same addresses. A run with the scenario's seed (a
/// plain `cascade run`) is the same whichever way it is read.
///
/// Keys come from a ``SignerCache``: deriving a key's address costs a scalar multiplication, and
/// the worlds of one Monte Carlo run share them.
struct Identities {
    /// The scenario's seed.
    let seed: UInt64
    /// Where derived signers are kept.
    let signers: SignerCache

    /// A contract or owner address from the seed and `label` (the last 20 bytes of a Keccak-256).
    func address(_ label: String) -> Address {
        var hasher = Keccak256()
        hasher.update("cascade/address/v1".utf8)
        withUnsafeBytes(of: seed.bigEndian) { hasher.update($0) }
        hasher.update(label.utf8)
        let (_, w2, w1, w0) = hasher.finalize().words
        return Address(truncating: UInt256(w0: w0, w1: w1, w2: w2, w3: 0))
    }

    /// The signer of key `index` of `label`.
    func signer(_ label: String, index: UInt64) -> Signer {
        signers.signer(seed: seed, label: label, index: index)
    }

    /// The account of key `index` of `role`, sending on `chainID` (`signs`: whether it signs).
    func account(_ role: String, index: UInt64, chainID: UInt64, signs: Bool) -> AgentAccount {
        AgentAccount(signer: signer(role, index: index), chainID: chainID, signs: signs)
    }

    /// `count` reporter keys of `label` whose addresses start with distinct bytes (the Median's
    /// slots): the first such keys in index order.
    func distinctSlotSigners(_ label: String, count: Int) -> [Signer] {
        var found: [Signer] = []
        var used = Set<UInt8>()
        var index: UInt64 = 0
        while found.count < count {
            let signer = signer(label, index: index)
            index += 1
            if used.insert(Median.slot(of: signer.address)).inserted { found.append(signer) }
        }
        return found
    }
}
