import CascadeChain
import CascadeMath
import CascadeProtocols

/// The price path of one Maker collateral type, as deployed: reporters sign prices off chain, a
/// relayer `poke`s the ``Median`` with `bar` of them, the ``OSM`` reads the Median once per
/// `hop` (one hour) and releases the value one hop later; when the OSM is poked its current
/// value becomes the ilk's feed, which a Spotter `poke` writes into the Vat.
public struct MakerOracle: Sendable, Hashable {
    /// The collateral type.
    public let ilk: Bytes32
    /// The median of the reporters' signed prices.
    public var median: Median
    /// The one-hour delay module between the Median and the Spotter.
    public var osm: OSM

    public init(ilk: Bytes32, median: Median, osm: OSM) {
        self.ilk = ilk
        self.median = median
        self.osm = osm
    }
}
