/// `ComptrollerErrorReporter.Error` (compound-finance/compound-protocol `contracts/ErrorReporter.sol`
/// at Compound 2.9, commit `ae4388e`): what a Comptroller `…Allowed` hook returns. Raw values are
/// the Solidity enum's ordinals, as they appear in a `Failure` event's `detail`.
public enum CompoundComptrollerError: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case noError = 0
    case unauthorized = 1
    case comptrollerMismatch = 2
    case insufficientShortfall = 3
    case insufficientLiquidity = 4
    case invalidCloseFactor = 5
    case invalidCollateralFactor = 6
    case invalidLiquidationIncentive = 7
    case marketNotEntered = 8
    case marketNotListed = 9
    case marketAlreadyListed = 10
    case mathError = 11
    case nonzeroBorrowBalance = 12
    case priceError = 13
    case rejection = 14
    case snapshotError = 15
    case tooManyAssets = 16
    case tooMuchRepay = 17

    /// The Solidity enum member's name, e.g. `UNAUTHORIZED`.
    public var description: String {
        switch self {
        case .noError: "NO_ERROR"
        case .unauthorized: "UNAUTHORIZED"
        case .comptrollerMismatch: "COMPTROLLER_MISMATCH"
        case .insufficientShortfall: "INSUFFICIENT_SHORTFALL"
        case .insufficientLiquidity: "INSUFFICIENT_LIQUIDITY"
        case .invalidCloseFactor: "INVALID_CLOSE_FACTOR"
        case .invalidCollateralFactor: "INVALID_COLLATERAL_FACTOR"
        case .invalidLiquidationIncentive: "INVALID_LIQUIDATION_INCENTIVE"
        case .marketNotEntered: "MARKET_NOT_ENTERED"
        case .marketNotListed: "MARKET_NOT_LISTED"
        case .marketAlreadyListed: "MARKET_ALREADY_LISTED"
        case .mathError: "MATH_ERROR"
        case .nonzeroBorrowBalance: "NONZERO_BORROW_BALANCE"
        case .priceError: "PRICE_ERROR"
        case .rejection: "REJECTION"
        case .snapshotError: "SNAPSHOT_ERROR"
        case .tooManyAssets: "TOO_MANY_ASSETS"
        case .tooMuchRepay: "TOO_MUCH_REPAY"
        }
    }
}
