/// The mempool's rules: lifetime, size, replacement bump and the per-transaction gas cap.
///
/// | parameter | default | source |
/// | --- | --- | --- |
/// | ``lifetimeBlocks`` | 3 h of blocks (830 at 13 s, 900 at 12 s) | geth `txpool.lifetime` = 3 h (`legacypool.DefaultConfig`) |
/// | ``maxSize`` | 6,144 transactions | geth `GlobalSlots` 4,096 + 1,024 plus `GlobalQueue` 1,024 |
/// | ``priceBumpPercent`` | 10 % | geth `txpool.pricebump` = 10 |
/// | ``txGasCap`` | the block gas limit | a transaction cannot use more gas than a block holds (EIP-7825 later caps it at 2²⁴) |
///
/// geth applies its lifetime to queued (non-executable) transactions only; here every pending
/// transaction expires, which also models a sender who gives up on a transaction.
public struct MempoolPolicy: Sendable, Hashable {
    /// Blocks a transaction may stay pending, ≥ 1: one submitted for block `s` is removed before
    /// block `s + lifetimeBlocks` is built (it had `lifetimeBlocks` chances).
    public let lifetimeBlocks: UInt64
    /// Most transactions held at once, ≥ 1; beyond it the cheapest is evicted.
    public let maxSize: Int
    /// Fee bump a same-nonce replacement needs, in percent (geth's `PriceBump`).
    public let priceBumpPercent: UInt64
    /// Largest gas limit admitted (gas); larger transactions are rejected.
    public let txGasCap: UInt64

    /// A policy; `lifetimeBlocks` and `maxSize` must be at least 1.
    public init(lifetimeBlocks: UInt64, maxSize: Int, priceBumpPercent: UInt64, txGasCap: UInt64) {
        precondition(lifetimeBlocks >= 1 && maxSize >= 1, "a mempool needs a lifetime and a size of at least 1")
        self.lifetimeBlocks = lifetimeBlocks
        self.maxSize = maxSize
        self.priceBumpPercent = priceBumpPercent
        self.txGasCap = txGasCap
    }

    /// geth's lifetime in seconds: 3 hours.
    public static let gethLifetimeSeconds: UInt64 = 3 * 3_600
    /// geth's pool capacity: `GlobalSlots` (4,096 + 1,024) + `GlobalQueue` (1,024) = 6,144.
    public static let gethMaxSize = 6_144
    /// geth's replacement bump: 10 %.
    public static let gethPriceBumpPercent: UInt64 = 10

    /// geth's defaults for a chain with `blockTimeSeconds` (≥ 1) and a cap of `txGasCap` gas:
    /// the lifetime is ⌊10,800 / blockTimeSeconds⌋ blocks (at least 1).
    public static func geth(blockTimeSeconds: UInt64, txGasCap: UInt64) -> MempoolPolicy {
        MempoolPolicy(lifetimeBlocks: Swift.max(1, gethLifetimeSeconds / blockTimeSeconds), maxSize: gethMaxSize,
                      priceBumpPercent: gethPriceBumpPercent, txGasCap: txGasCap)
    }
}
