import CascadeMath

/// An account's borrow in one Compound v2 market (`CTokenStorage.BorrowSnapshot`): the balance
/// after its last change and the market's borrow index then.
public struct CompoundBorrowSnapshot: Sendable, Hashable {
    /// Borrow balance (underlying units) after the last change, interest included.
    public var principal: UInt256
    /// The market's `borrowIndex` at that change, mantissa.
    public var interestIndex: UInt256

    public init(principal: UInt256, interestIndex: UInt256) {
        self.principal = principal
        self.interestIndex = interestIndex
    }
}
