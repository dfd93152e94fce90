import CascadeProtocols

/// The positions a run opens at its start, validated: either described by aggregates
/// (``SyntheticPopulation``, built by ``PopulationGenerator``) or listed one by one (a CSV file,
/// ``PositionSpec/list(csv:source:minimumCollateralRatio:)``). A scenario's population table
/// reads into one (docs/population.md).
///
/// ```swift
/// let configuration = try PopulationConfiguration(.synthetic(book), minimumCollateralRatio: 1.5)
/// let positions = PopulationGenerator.generate(configuration, random: SplitMix64(seed: 7))
/// ```
public struct PopulationConfiguration: Sendable, Hashable {
    /// Where the positions come from.
    public enum Source: Sendable, Hashable {
        /// Generated from aggregates.
        case synthetic(SyntheticPopulation)
        /// Exactly these positions, in this order.
        case listed([PositionSpec])
    }

    /// Where the positions come from.
    public let source: Source
    /// The smallest collateral ratio a position may start with (e.g. Maker's `mat`, 1.5), > 1;
    /// `nil`: any ratio above 1.
    public let minimumCollateralRatio: Double?

    /// A validated configuration; throws the first of
    /// ``validationErrors(_:minimumCollateralRatio:key:)`` (keys under `population`).
    public init(_ source: Source, minimumCollateralRatio: Double? = nil) throws(ParameterError) {
        if let problem = Self.validationErrors(source, minimumCollateralRatio: minimumCollateralRatio).first { throw problem }
        self.init(validated: source, minimumCollateralRatio: minimumCollateralRatio)
    }

    /// A configuration whose ``validationErrors(_:minimumCollateralRatio:key:)`` are empty.
    init(validated source: Source, minimumCollateralRatio: Double?) {
        self.source = source
        self.minimumCollateralRatio = minimumCollateralRatio
    }

    /// Whether a position may start at collateral ratio `ratio`: ≥ the minimum when one is
    /// given, else > 1.
    static func accepts(collateralRatio ratio: Double, minimum: Double?) -> Bool {
        guard ratio.isFinite else { return false }
        if let minimum { return ratio >= minimum }
        return ratio > 1
    }

    /// The rule of ``accepts(collateralRatio:minimum:)`` in words.
    static func ratioRule(minimum: Double?) -> String {
        minimum.map { "a collateral ratio ≥ \($0) (minimum_collateral_ratio)" } ?? "a collateral ratio > 1 (collateral worth more than the debt)"
    }
}
