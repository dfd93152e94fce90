/// The gas an agent expects its transaction to use and the limit it signs.
public struct GasEstimate: Sendable, Hashable {
    /// Gas the transaction uses when it succeeds, as a receipt reports it (the 21,000 intrinsic
    /// gas included, as in every protocol gas schedule).
    public let expected: UInt64
    /// The signed gas limit (≥ `expected`).
    public let limit: UInt64

    /// `gasUsed` (the protocol schedule's figure for the call, at least 21,000), with a limit
    /// `marginPercent` above (default 20 %, rounded down), as wallets pad `eth_estimateGas`.
    public init(gasUsed: UInt64, marginPercent: UInt64 = 20) {
        expected = max(gasUsed, 21_000)
        limit = expected + expected * marginPercent / 100
    }
}
