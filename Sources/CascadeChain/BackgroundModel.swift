import CascadeMath

/// Which model generates the rest of the network's demand for block space.
///
/// Background demand is aggregate gas with a bid distribution, not individual signed
/// transactions: it takes block space and sets prices without nonces, senders or hashes.
public enum BackgroundModel: Sendable, Hashable {
    /// No background traffic: only the simulated agents compete.
    case none
    /// Constant demand: `demandShare` of the block gas limit every block (≥ 0; above 1 means more
    /// demand than room), bidding per gas (gwei) as `bids`.
    case constant(demandShare: Double, bids: LogNormal)
    /// A recorded gas-price series: at each block the bids follow the row in force
    /// (``GasPriceSeries``), with `demandShare` of the gas limit demanded. With 1.0 (the default)
    /// background alone fills the block with bids distributed as recorded, so the block's
    /// clearing price tracks the recorded percentiles and a transaction must outbid the recorded
    /// low end to get in.
    case replay(GasPriceSeries, demandShare: Double)
    /// Demand and bids rising with recent absolute price returns (``VolatilityCoupling``).
    case volatilityCoupled(VolatilityCoupling)

    /// The scenario-file name of the mode: `none`, `constant`, `replay` or `volatility`.
    public var name: String {
        switch self {
        case .none: "none"
        case .constant: "constant"
        case .replay: "replay"
        case .volatilityCoupled: "volatility"
        }
    }
}
