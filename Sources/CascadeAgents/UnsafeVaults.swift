import CascadeChain
import CascadeMath
import CascadeProtocols

/// The vaults of one Maker collateral type that `Cat.bite` / `Dog.bark` would accept now —
/// `ink · spot < art · rate`, checked exactly — kept current by the block loop and shared by
/// every keeper and by the metrics, so that a vault is checked once per change rather than
/// once per keeper per block.
///
/// Ordered lowest collateralisation first: by the vault's liquidation-price key
/// (``PositionIndexes/makerVaults``) descending, then by address bytes.
///
/// **Maintenance** (``PositionIndexes/refreshLiquidatable(in:touched:timestamp:)``): the set changes only when
/// the ilk's `spot` or `rate` changes (a Spotter `poke`, a Jug `drip`) — then it is recomputed
/// from the liquidation index's candidates — or when a vault changes, which only a transaction on
/// it does — then that vault alone is rechecked.
public struct UnsafeVaults: Sendable {
    /// The unsafe vaults' owners, lowest collateralisation first.
    public private(set) var owners: [Address] = []
    /// The keys of ``owners``, in the same order.
    private var keys: [Double] = []
    private var members: Set<Address> = []
    /// The `spot` and `rate` the set was last computed at (ray).
    private var spot: UInt256?
    private var rate: UInt256?

    public init() {}

    /// Whether `owner`'s vault is in the set.
    public func contains(_ owner: Address) -> Bool { members.contains(owner) }

    /// Brings the set up to date with `maker`'s state for `ilk`, given the vaults whose `ink` or
    /// `art` may have changed since the last refresh; `index` is the ilk's liquidation index.
    mutating func refresh(_ maker: Maker, ilk: Bytes32, index: LiquidationIndex?, touched: [Address]) -> LiquidatableSetChange {
        let vatIlk = maker.vat.ilk(ilk)
        var change = LiquidatableSetChange()
        if vatIlk.spot == spot, vatIlk.rate == rate {
            for owner in touched {
                change.examined += 1
                let wasUnsafe = members.contains(owner)
                if wasUnsafe { remove(owner) }
                if Self.isUnsafe(maker.vat.urn(ilk, owner), spot: vatIlk.spot, rate: vatIlk.rate), let key = index?.key(of: owner) {
                    insert(owner, key: key)
                    if !wasUnsafe { change.entered.append(owner) }
                } else if wasUnsafe {
                    change.left.append(owner)
                }
            }
            return change
        }
        spot = vatIlk.spot
        rate = vatIlk.rate
        let previous = members
        owners.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        members.removeAll(keepingCapacity: true)
        if let index, let threshold = Self.threshold(maker, ilk: ilk) {
            for (owner, key) in index.entries(atOrAbove: threshold) {
                change.examined += 1
                guard Self.isUnsafe(maker.vat.urn(ilk, owner), spot: vatIlk.spot, rate: vatIlk.rate) else { continue }
                owners.append(owner)
                keys.append(key)
                members.insert(owner)
                if !previous.contains(owner) { change.entered.append(owner) }
            }
        }
        change.left = previous.filter { !members.contains($0) }.sorted { $0 < $1 }
        return change
    }

    /// The index level whose keys are the candidates for `ilk` now: `key · rate ≥ spot · mat`
    /// (the OSM price), widened by ``indexTolerance`` (the exact check decides); `nil` while
    /// `spot` or `rate` is zero or the ilk has no `mat`.
    static func threshold(_ maker: Maker, ilk: Bytes32) -> Double? {
        let vatIlk = maker.vat.ilk(ilk)
        guard !vatIlk.spot.isZero, !vatIlk.rate.isZero, let mat = maker.spotter.ilks[ilk]?.mat else { return nil }
        return vatIlk.spot.doubleValue * (mat.doubleValue / 1e27) / vatIlk.rate.doubleValue * (1 - indexTolerance)
    }

    /// How much the index query is widened below the Vat's price: the keys are floating point,
    /// and a vault unsafe by one wei has a key equal to the price up to rounding. The exact check
    /// drops the vaults this lets in.
    static let indexTolerance = 1e-9

    /// `Cat.bite`'s and `Dog.bark`'s test: `ink · spot < art · rate`, both sides exact (512-bit).
    static func isUnsafe(_ urn: Vat.Urn, spot: UInt256, rate: UInt256) -> Bool {
        guard !urn.art.isZero else { return false }
        let collateral = urn.ink.multipliedFullWidth(by: spot)
        let debt = urn.art.multipliedFullWidth(by: rate)
        return (collateral.high, collateral.low) < (debt.high, debt.low)
    }

    private mutating func insert(_ owner: Address, key: Double) {
        var low = 0, high = owners.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] > key || (keys[middle] == key && owners[middle] < owner) { low = middle + 1 } else { high = middle }
        }
        owners.insert(owner, at: low)
        keys.insert(key, at: low)
        members.insert(owner)
    }

    private mutating func remove(_ owner: Address) {
        guard let position = owners.firstIndex(of: owner) else { return }
        owners.remove(at: position)
        keys.remove(at: position)
        members.remove(owner)
    }
}
