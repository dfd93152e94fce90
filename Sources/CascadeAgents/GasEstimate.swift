/// The gas an agent expects its transaction to use and the limit it signs.
public struct GasEstimate: Sendable, Hashable {
    /// Gas the transaction uses when it succeeds, intrinsic 21,000 included.
    public let expected: UInt64
    /// The signed gas limit (≥ `expected`).
    public let limit: UInt64

    /// 21,000 intrinsic gas plus `callGas`, with a limit `margin` above (default 20 %, rounded down),
    /// as wallets pad `eth_estimateGas`.
    public init(callGas: UInt64, marginPercent: UInt64 = 20) {
        expected = 21_000 + callGas
        limit = expected + expected * marginPercent / 100
    }
}
