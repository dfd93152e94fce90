import CascadeMath
import Foundation

/// The rest of the network's traffic, block by block: aggregate gas with a bid distribution that
/// competes with the agents' transactions in the same auction.
///
/// Background demand is **not** made of individual signed transactions. Each block it is a total
/// amount of gas, cut into ``sliceCount`` equal slices, each bidding one quantile of the model's
/// bid distribution (``BackgroundBlockDemand``). It takes block space and sets the clearing
/// price, and shows in every block's utilisation and gas shares (``BlockMetrics``); it has no
/// nonces, no mempool entries, and demand not served in a block is not carried over (the model's
/// level already describes the steady backlog of the period).
///
/// **Per block** (``demand(at:absoluteLogReturn:)``):
/// 1. the model gives a demand level `d` (share of the gas limit) and a lognormal bid distribution
///    in gwei (``BackgroundModel``);
/// 2. noise: gas demanded = `⌊gasLimit · d · exp(σ·Z − σ²/2)⌋` with `Z` standard normal
///    (Box–Muller) and σ = ``demandNoise``; the factor has mean 1;
/// 3. slices: slice `i` of `k` (`i = k−1 … 0`, highest first) bids the quantile
///    `(i + Uᵢ)/k`, `Uᵢ` uniform in `[0, 1)`: stratified sampling, so the ladder follows the
///    distribution closely and is sorted by construction; the gas is split evenly (the first
///    `gas mod k` slices carry one gas more) and empty slices are left out;
/// 4. each bid in gwei becomes wei as `⌊gwei · 10⁹⌋` (truncated toward zero, so a slice never
///    bids above the model's willingness to pay), clamped to `[0, 2⁶⁴ − 1]`.
///
/// Every block draws exactly `k + 2` values from the generator (two for `Z`, one per slice) —
/// none for ``BackgroundModel/none`` — whatever the demand, so changing a level or the noise never
/// shifts the random stream.
///
/// Defaults and their sources are in ``ChainConfiguration`` and `docs/blockspace.md`.
public struct BackgroundDemand: Sendable {
    /// The demand model.
    public let model: BackgroundModel
    /// Block gas limit the demand share refers to (gas).
    public let gasLimit: UInt64
    /// Seconds between blocks (used by the volatility model).
    public let blockTimeSeconds: UInt64
    /// Slices per block, ≥ 1.
    public let sliceCount: Int
    /// Standard deviation of the log of the per-block demand factor (≥ 0).
    public let demandNoise: Double
    /// Tip cap per gas of background slices under EIP-1559 (wei).
    public let priorityFee: UInt256
    private var random: SplitMix64
    /// The volatility estimate: mean absolute log return per block (volatility model only).
    public private(set) var volatility: Double

    /// Background demand from `model` for blocks of `gasLimit` gas every `blockTimeSeconds`,
    /// drawing from `random` (give it a stream of its own, e.g. `runSeed.derived(stream: …)`).
    public init(model: BackgroundModel, gasLimit: UInt64, blockTimeSeconds: UInt64, sliceCount: Int,
                demandNoise: Double, priorityFee: UInt256, random: SplitMix64) {
        precondition(sliceCount >= 1 && demandNoise >= 0 && demandNoise.isFinite && blockTimeSeconds >= 1,
                     "invalid background-demand parameters")
        self.model = model
        self.gasLimit = gasLimit
        self.blockTimeSeconds = blockTimeSeconds
        self.sliceCount = sliceCount
        self.demandNoise = demandNoise
        self.priorityFee = priorityFee
        self.random = random
        if case .volatilityCoupled(let coupling) = model {
            volatility = coupling.calmAbsoluteReturn(blockTimeSeconds: blockTimeSeconds)
        } else {
            volatility = 0
        }
    }

    /// The background demand a validated configuration describes.
    public init(configuration: ChainConfiguration, random: SplitMix64) {
        self.init(model: configuration.background, gasLimit: configuration.gasLimit,
                  blockTimeSeconds: configuration.blockTimeSeconds, sliceCount: configuration.backgroundSlices,
                  demandNoise: configuration.backgroundDemandNoise, priorityFee: configuration.backgroundPriorityFee,
                  random: random)
    }

    /// The volatility model's stress `s = max(1, volatility / calm level)`; 1 for other models.
    public var stress: Double {
        guard case .volatilityCoupled(let coupling) = model else { return 1 }
        return Swift.max(1, volatility / coupling.calmAbsoluteReturn(blockTimeSeconds: blockTimeSeconds))
    }

    /// The demand for the block at `timestamp` (Unix seconds). `absoluteLogReturn` is
    /// `|ln(price now / price one block ago)|` of the reference asset; only the volatility model
    /// reads it (negative values count by magnitude; it must be finite).
    /// - Complexity: O(``sliceCount``).
    public mutating func demand(at timestamp: UInt64, absoluteLogReturn: Double = 0) -> BackgroundBlockDemand {
        precondition(absoluteLogReturn.isFinite, "the price return must be finite")
        let level: Double
        let bids: LogNormal
        switch model {
        case .none:
            return BackgroundBlockDemand(bids: [], priorityFee: priorityFee)
        case .constant(let share, let distribution):
            level = share
            bids = distribution
        case .replay(let series, let share):
            level = share
            bids = series.row(at: timestamp).bids
        case .volatilityCoupled(let coupling):
            let decay = coupling.decay(blockTimeSeconds: blockTimeSeconds)
            volatility = decay * volatility + (1 - decay) * Swift.abs(absoluteLogReturn)
            let stress = self.stress
            level = coupling.demandShare * Foundation.pow(stress, coupling.demandElasticity)
            bids = coupling.calmBids.scaled(by: Foundation.pow(stress, coupling.bidElasticity))
        }

        let z = Distributions.standardNormal(using: &random)
        let factor = Foundation.exp(demandNoise * z - demandNoise * demandNoise / 2)
        let gas = Self.clampedUInt64(Double(gasLimit) * level * factor)
        let k = UInt64(sliceCount)
        let (each, extra) = gas.quotientAndRemainder(dividingBy: k)
        var slices: [BackgroundBid] = []
        slices.reserveCapacity(sliceCount)
        for j in 0..<k {
            let stratum = k - 1 - j
            // (i + U)/k can round up to 1 for the top stratum; stay below it (Φ⁻¹(1) = +∞).
            let u = Swift.min((Double(stratum) + Distributions.unitInterval(using: &random)) / Double(k), 1 - 0x1p-53)
            let sliceGas = each + (j < extra ? 1 : 0)
            guard sliceGas > 0 else { continue }
            slices.append(BackgroundBid(gas: sliceGas, weiPerGas: Self.clampedUInt64(bids.quantile(u) * 1e9)))
        }
        return BackgroundBlockDemand(sortedBids: slices, gasDemanded: gas, priorityFee: priorityFee)
    }

    /// `⌊x⌋` clamped to `[0, 2⁶⁴ − 1]`; NaN gives 0.
    private static func clampedUInt64(_ x: Double) -> UInt64 {
        guard x >= 1 else { return 0 }
        guard x < 0x1p64 else { return .max }
        return UInt64(x)
    }
}
