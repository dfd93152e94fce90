import CascadeMath

/// Compound v2's `JumpRateModel` (compound-finance/compound-protocol `contracts/JumpRateModel.sol`):
/// a borrow rate per block that rises with utilisation, steeply above the kink.
///
/// Rates are mantissas (10¹⁸ = 100 %) *per block*; the constructor turns yearly rates into
/// per-block ones by truncating division by `blocksPerYear` = 2 102 400 (15-second blocks).
///
/// `utilization = borrows·10¹⁸ / (cash + borrows − reserves)` (0 without borrows);
/// below or at the kink `rate = ⌊util·multiplier/10¹⁸⌋ + base`, above it
/// `rate = ⌊(util − kink)·jump/10¹⁸⌋ + ⌊kink·multiplier/10¹⁸⌋ + base`. All truncating.
///
/// `JumpRateModelV2` (`BaseJumpRateModelV2.sol`), deployed for later markets, scales the
/// multiplier by the kink (`multiplierPerYear·10¹⁸ / (blocksPerYear·kink)`): build it with
/// ``init(baseRatePerBlock:multiplierPerBlock:jumpMultiplierPerBlock:kink:)`` from its per-block values.
public struct CompoundJumpRateModel: Sendable, Hashable {
    /// `blocksPerYear`.
    public static let blocksPerYear: UInt64 = 2_102_400

    public var baseRatePerBlock: UInt256
    public var multiplierPerBlock: UInt256
    public var jumpMultiplierPerBlock: UInt256
    /// Utilisation where the jump starts, mantissa.
    public var kink: UInt256

    /// From per-block values as stored on chain.
    public init(baseRatePerBlock: UInt256, multiplierPerBlock: UInt256, jumpMultiplierPerBlock: UInt256, kink: UInt256) {
        self.baseRatePerBlock = baseRatePerBlock
        self.multiplierPerBlock = multiplierPerBlock
        self.jumpMultiplierPerBlock = jumpMultiplierPerBlock
        self.kink = kink
    }

    /// The `JumpRateModel` constructor: yearly mantissas divided by `blocksPerYear` (truncating).
    public init(baseRatePerYear: UInt256, multiplierPerYear: UInt256, jumpMultiplierPerYear: UInt256, kink: UInt256) {
        self.init(
            baseRatePerBlock: baseRatePerYear.quotientAndRemainder(dividingByLimb: Self.blocksPerYear).quotient,
            multiplierPerBlock: multiplierPerYear.quotientAndRemainder(dividingByLimb: Self.blocksPerYear).quotient,
            jumpMultiplierPerBlock: jumpMultiplierPerYear.quotientAndRemainder(dividingByLimb: Self.blocksPerYear).quotient,
            kink: kink)
    }

    /// `utilizationRate(cash, borrows, reserves)`, mantissa. Reverts when `cash + borrows < reserves`
    /// or the denominator is zero (SafeMath).
    public func utilizationRate(cash: UInt256, borrows: UInt256, reserves: UInt256) throws(Revert) -> UInt256 {
        if borrows.isZero { return .zero }
        return try CompoundMath.div(CompoundMath.mul(borrows, CompoundMath.expScale),
                                    CompoundMath.sub(CompoundMath.add(cash, borrows), reserves))
    }

    /// `getBorrowRate(cash, borrows, reserves)`, mantissa per block.
    public func borrowRate(cash: UInt256, borrows: UInt256, reserves: UInt256) throws(Revert) -> UInt256 {
        let util = try utilizationRate(cash: cash, borrows: borrows, reserves: reserves)
        if util <= kink {
            return try CompoundMath.add(CompoundMath.mulScalarTruncate(util, multiplierPerBlock), baseRatePerBlock)
        }
        let normalRate = try CompoundMath.add(CompoundMath.mulScalarTruncate(kink, multiplierPerBlock), baseRatePerBlock)
        return try CompoundMath.add(CompoundMath.mulScalarTruncate(util &- kink, jumpMultiplierPerBlock), normalRate)
    }

    /// `getSupplyRate(cash, borrows, reserves, reserveFactor)`, mantissa per block:
    /// `util · ⌊borrowRate·(1 − reserveFactor)⌋`, truncating.
    public func supplyRate(cash: UInt256, borrows: UInt256, reserves: UInt256, reserveFactorMantissa: UInt256) throws(Revert) -> UInt256 {
        let oneMinusReserveFactor = try CompoundMath.sub(CompoundMath.expScale, reserveFactorMantissa)
        let rateToPool = try CompoundMath.mulScalarTruncate(
            borrowRate(cash: cash, borrows: borrows, reserves: reserves), oneMinusReserveFactor)
        return try CompoundMath.mulScalarTruncate(utilizationRate(cash: cash, borrows: borrows, reserves: reserves), rateToPool)
    }
}
