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
    /// (``GasPriceSeries``), with `demandShare` of the gas limit demanded. With the default 1.5
    /// the block holds the top two thirds of the recorded distribution, so the clearing price
    /// tracks the recorded 33rd percentile (≈ 152 gwei at 15:00 UTC on 12 March 2020, when the
    /// 60th percentile was 188.5 gwei) and a keeper bidding 20 gwei does not get in.
    case replay(GasPriceSeries, demandShare: Double)
    /// Demand and bids rising with recent absolute price returns (``VolatilityCoupling``).
    case volatilityCoupled(VolatilityCoupling)

    /// Default gas demand as a share of the block gas limit: 1.5.
    ///
    /// Bid distributions are fitted to recorded prices of *included* transactions, and blocks of
    /// congested periods were full. Demand of 1.5 blocks keeps the block full in every block
    /// unless the demand noise factor falls below 2/3 (Z < −4 at σ = 0.1), and puts the clearing
    /// price at the distribution's 33rd percentile: a transaction must outbid the lower third of
    /// the recorded prices to displace background traffic.
    public static let defaultDemandShare = 1.5

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
