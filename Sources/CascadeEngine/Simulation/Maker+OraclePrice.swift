import CascadeChain
import CascadeProtocols

extension Maker {
    /// The collateral price the Vat liquidates `ilk` at, USD per unit (floating point, for
    /// metrics and traces): `spot · mat`, i.e. the OSM value the Spotter last poked (`par` = 1).
    func oraclePriceUSD(_ ilk: Bytes32) -> Double {
        let spot = vat.ilk(ilk).spot.doubleValue / 1e27
        let mat = (spotter.ilks[ilk]?.mat.doubleValue ?? 0) / 1e27
        return spot * mat
    }
}
