import CascadeChain
import CascadeMath

/// Maker's liquidation agent of March 2020 ("Liquidations 1.0": makerdao/dss tag 1.0.2,
/// `src/cat.sol`, deployed November 2019, replaced by the `box`/`dunk` Cat of Liquidations 1.2
/// in 2020 and by the Dog in 2021), restated.
///
/// `bite(ilk, urn)` on an unsafe urn (`ink·spot < art·rate`) confiscates
/// `lot = min(ink, lump)` collateral and the proportional debt `art' = min(art, lot·art/ink)`,
/// books `art'·rate` as system debt in the Vow's queue, and starts a Flipper auction for
/// `tab = rmul(art'·rate, chop)` [rad] with `bid = 0`.
///
/// **What limits liquidations per vault.** The only limit is `lump`: a vault holding more
/// than `lump` collateral is liquidated in several `bite`s, each a separate auction. Nothing in
/// the contract limits how often an urn is bitten: after a `bite` the urn keeps its
/// collateralisation ratio, so it is still unsafe and can be bitten again in the same block,
/// even in the same transaction (see `CatTests`). A "one auction per vault per block" rule
/// does not exist in this Cat; what serialised liquidations on 12 March 2020 was keepers'
/// transactions competing for block space.
public struct Cat: Sendable, Hashable {
    /// The Cat's address: confiscated collateral passes through its gem balance.
    public let address: Address
    /// Collateral types by name.
    public internal(set) var ilks: [Bytes32: Ilk] = [:]
    /// `false` after `cage`.
    public internal(set) var live: Bool = true
    /// Where confiscated debt is booked.
    public let vow: Address

    public init(address: Address, vow: Address) {
        self.address = address
        self.vow = vow
    }

    /// `file(ilk, "chop"/"lump"/"flip", …)`.
    public mutating func file(_ ilk: Bytes32, _ terms: Ilk) {
        ilks[ilk] = terms
    }

    /// `cage()`.
    public mutating func cage() {
        live = false
    }

    /// What one `bite` confiscates from `urn`: `lot = min(ink, lump)` [wad] and
    /// `art = min(art, ⌊lot·art / ink⌋)` [wad], after the `"Cat/not-live"` and
    /// `"Cat/not-unsafe"` checks and before `"Cat/overflow"`.
    public func confiscation(_ ilk: Bytes32, urn: Vat.Urn, vatIlk: Vat.Ilk) throws(Revert) -> (lot: UInt256, art: UInt256) {
        guard live else { throw .reason("Cat/not-live") }
        // `spot > 0 && …` short-circuits: the products are computed only for a priced ilk.
        guard !vatIlk.spot.isZero, try urn.ink * vatIlk.spot < urn.art * vatIlk.rate else {
            throw .reason("Cat/not-unsafe")
        }
        let lump = ilks[ilk]?.lump ?? .zero
        let lot = Swift.min(urn.ink, lump)
        let art = Swift.min(urn.art, try (try lot * urn.art) / urn.ink)
        let limit = UInt256(w0: 0, w1: 0, w2: 0, w3: 1 << 63)
        guard lot <= limit, art <= limit else { throw .reason("Cat/overflow") }
        return (lot, art)
    }
}
