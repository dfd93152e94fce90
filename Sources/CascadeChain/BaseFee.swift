import CascadeMath

/// EIP-1559's base-fee rule: how the base fee per gas of a block follows from its parent.
///
/// With `target = parentGasLimit / elasticity` (integer division, rounded down):
///
/// | parent gas used | next base fee (wei per gas) |
/// | --- | --- |
/// | `== target` | `b` (unchanged) |
/// | `> target` | `b + max(1, b·(used − target) / target / denominator)` |
/// | `< target` | `b − b·(target − used) / target / denominator` |
///
/// Each `/` is an integer division rounding down, applied left to right exactly as the EIP's
/// reference code (`parent_base_fee_per_gas * gas_used_delta // parent_gas_target //
/// BASE_FEE_MAX_CHANGE_DENOMINATOR`) and geth's `CalcBaseFee`
/// (`consensus/misc/eip1559/eip1559.go`); the product is taken at full 512-bit width, so no
/// intermediate overflows. Consequences at small base fees:
/// - any block above the target raises the base fee by at least 1 wei (`max(1, …)`), so it can
///   climb from any value, even 0;
/// - an empty block lowers it by `⌊b/8⌋`, which is 0 for `b ≤ 7`: from 7 wei or below no block
///   can lower the base fee, and a decrease from 8 wei or more never lands below 7
///   (`b − ⌊b/8⌋ ≥ 7` for `b ≥ 8`). The "7-wei floor" is this rounding, not a rule of the EIP.
///
/// ```swift
/// let rule = BaseFee.london
/// rule.next(parentBaseFee: 1_000_000_000, parentGasUsed: 30_000_000, parentGasLimit: 30_000_000)
/// // 1_125_000_000 (+12.5 %)
/// ```
public struct BaseFee: Sendable, Hashable {
    /// Gas limit divided by the gas target: EIP-1559's `ELASTICITY_MULTIPLIER`, 2 on mainnet.
    public let elasticity: UInt64
    /// The inverse of the largest relative change per block: `BASE_FEE_MAX_CHANGE_DENOMINATOR`,
    /// 8 on mainnet (±12.5 %).
    public let maxChangeDenominator: UInt64

    /// Mainnet's parameters since London (EIP-1559): elasticity 2, denominator 8.
    public static let london = BaseFee(elasticity: 2, maxChangeDenominator: 8)

    /// EIP-1559's `INITIAL_BASE_FEE`: 1 gwei = 10⁹ wei, the base fee of the first London block.
    public static let initialBaseFee: UInt256 = 1_000_000_000

    /// A rule with the given elasticity and denominator, both ≥ 1.
    public init(elasticity: UInt64, maxChangeDenominator: UInt64) {
        precondition(elasticity >= 1 && maxChangeDenominator >= 1, "elasticity and denominator must be at least 1")
        self.elasticity = elasticity
        self.maxChangeDenominator = maxChangeDenominator
    }

    /// The gas target of a block with `gasLimit`: `gasLimit / elasticity`, rounded down (gas).
    @inlinable
    public func gasTarget(gasLimit: UInt64) -> UInt64 {
        gasLimit / elasticity
    }

    /// The base fee (wei per gas) of the block after a parent with `parentBaseFee`, which used
    /// `parentGasUsed` of its `parentGasLimit` (gas); rounding as in the table above.
    ///
    /// Requires `parentGasUsed ≤ parentGasLimit` and a target of at least 1 gas
    /// (`parentGasLimit ≥ elasticity`). The result saturates at 2²⁵⁶ − 1, which only a parent
    /// base fee above 2²⁵⁶ · 8/9 wei could reach.
    /// - Complexity: O(1).
    public func next(parentBaseFee: UInt256, parentGasUsed: UInt64, parentGasLimit: UInt64) -> UInt256 {
        let target = gasTarget(gasLimit: parentGasLimit)
        precondition(target > 0, "the gas target must be at least 1 gas")
        precondition(parentGasUsed <= parentGasLimit, "a block cannot use more gas than its limit")
        if parentGasUsed == target { return parentBaseFee }
        let above = parentGasUsed > target
        let gasDelta = above ? parentGasUsed - target : target - parentGasUsed
        // ⌊⌊b·Δ / target⌋ / denominator⌋: mulDiv keeps the 512-bit product; the quotient is at most
        // b·(elasticity − 1) and cannot overflow for any base fee that leaves room to increase.
        guard let scaled = try? FullMath.mulDiv(parentBaseFee, UInt256(gasDelta), UInt256(target)) else { return .max }
        let delta = scaled.quotientAndRemainder(dividingByLimb: maxChangeDenominator).quotient
        if above {
            let (sum, overflow) = parentBaseFee.addingReportingOverflow(Swift.max(delta, .one))
            return overflow ? .max : sum
        }
        return parentBaseFee &- delta  // delta ≤ ⌊b/denominator⌋ ≤ b, so no underflow
    }
}
