import CascadeMath

/// A Compound v2 call that failed *without reverting*: the CToken emitted
/// `Failure(error, info, detail)` and returned the error code. The transaction succeeds — its gas
/// is spent and any interest accrual it did stays — but the action (mint, borrow, repay,
/// liquidation) did not happen.
public struct CompoundFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The CToken error code (`TokenErrorReporter.Error`).
    public let error: CompoundError
    /// Where it failed (`TokenErrorReporter.FailureInfo`).
    public let info: CompoundFailureInfo
    /// The opaque detail: for `COMPTROLLER_REJECTION`, the Comptroller's error code; otherwise 0.
    public let detail: UInt256

    public init(_ error: CompoundError, _ info: CompoundFailureInfo, detail: UInt256 = .zero) {
        self.error = error
        self.info = info
        self.detail = detail
    }

    /// A Comptroller rejection (`failOpaque(COMPTROLLER_REJECTION, info, allowed)`).
    public init(rejectedBy comptrollerError: CompoundComptrollerError, _ info: CompoundFailureInfo) {
        self.init(.comptrollerRejection, info, detail: UInt256(UInt64(comptrollerError.rawValue)))
    }

    /// The Comptroller's error when the failure is a rejection.
    public var comptrollerError: CompoundComptrollerError? {
        guard error == .comptrollerRejection, let raw = detail.uint64Value, raw <= UInt8.max else { return nil }
        return CompoundComptrollerError(rawValue: UInt8(raw))
    }

    public var description: String {
        if let comptrollerError { return "\(error) (\(comptrollerError)) at \(info)" }
        return "\(error) at \(info)"
    }
}
