/// `TokenErrorReporter.Error` (compound-finance/compound-protocol `contracts/ErrorReporter.sol` at
/// Compound 2.9, commit `ae4388e`): the error code a CToken function returns (and logs in a
/// `Failure` event) instead of reverting. Raw values are the Solidity enum's ordinals.
public enum CompoundError: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case noError = 0
    case unauthorized = 1
    case badInput = 2
    case comptrollerRejection = 3
    case comptrollerCalculationError = 4
    case interestRateModelError = 5
    case invalidAccountPair = 6
    case invalidCloseAmountRequested = 7
    case invalidCollateralFactor = 8
    case mathError = 9
    case marketNotFresh = 10
    case marketNotListed = 11
    case tokenInsufficientAllowance = 12
    case tokenInsufficientBalance = 13
    case tokenInsufficientCash = 14
    case tokenTransferInFailed = 15
    case tokenTransferOutFailed = 16

    /// The Solidity enum member's name, e.g. `UNAUTHORIZED`.
    public var description: String {
        switch self {
        case .noError: "NO_ERROR"
        case .unauthorized: "UNAUTHORIZED"
        case .badInput: "BAD_INPUT"
        case .comptrollerRejection: "COMPTROLLER_REJECTION"
        case .comptrollerCalculationError: "COMPTROLLER_CALCULATION_ERROR"
        case .interestRateModelError: "INTEREST_RATE_MODEL_ERROR"
        case .invalidAccountPair: "INVALID_ACCOUNT_PAIR"
        case .invalidCloseAmountRequested: "INVALID_CLOSE_AMOUNT_REQUESTED"
        case .invalidCollateralFactor: "INVALID_COLLATERAL_FACTOR"
        case .mathError: "MATH_ERROR"
        case .marketNotFresh: "MARKET_NOT_FRESH"
        case .marketNotListed: "MARKET_NOT_LISTED"
        case .tokenInsufficientAllowance: "TOKEN_INSUFFICIENT_ALLOWANCE"
        case .tokenInsufficientBalance: "TOKEN_INSUFFICIENT_BALANCE"
        case .tokenInsufficientCash: "TOKEN_INSUFFICIENT_CASH"
        case .tokenTransferInFailed: "TOKEN_TRANSFER_IN_FAILED"
        case .tokenTransferOutFailed: "TOKEN_TRANSFER_OUT_FAILED"
        }
    }
}
