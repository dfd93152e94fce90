/// `TokenErrorReporter.FailureInfo` (compound-finance/compound-protocol `contracts/ErrorReporter.sol`
/// at Compound 2.9, commit `ae4388e`): where in a CToken function a failure code came from. Raw
/// values are the Solidity enum's ordinals (the list is kept in alphabetical order on chain).
public enum CompoundFailureInfo: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case acceptAdminPendingAdminCheck = 0
    case accrueInterestAccumulatedInterestCalculationFailed = 1
    case accrueInterestBorrowRateCalculationFailed = 2
    case accrueInterestNewBorrowIndexCalculationFailed = 3
    case accrueInterestNewTotalBorrowsCalculationFailed = 4
    case accrueInterestNewTotalReservesCalculationFailed = 5
    case accrueInterestSimpleInterestFactorCalculationFailed = 6
    case borrowAccumulatedBalanceCalculationFailed = 7
    case borrowAccrueInterestFailed = 8
    case borrowCashNotAvailable = 9
    case borrowFreshnessCheck = 10
    case borrowNewTotalBalanceCalculationFailed = 11
    case borrowNewAccountBorrowBalanceCalculationFailed = 12
    case borrowMarketNotListed = 13
    case borrowComptrollerRejection = 14
    case liquidateAccrueBorrowInterestFailed = 15
    case liquidateAccrueCollateralInterestFailed = 16
    case liquidateCollateralFreshnessCheck = 17
    case liquidateComptrollerRejection = 18
    case liquidateComptrollerCalculateAmountSeizeFailed = 19
    case liquidateCloseAmountIsUintMax = 20
    case liquidateCloseAmountIsZero = 21
    case liquidateFreshnessCheck = 22
    case liquidateLiquidatorIsBorrower = 23
    case liquidateRepayBorrowFreshFailed = 24
    case liquidateSeizeBalanceIncrementFailed = 25
    case liquidateSeizeBalanceDecrementFailed = 26
    case liquidateSeizeComptrollerRejection = 27
    case liquidateSeizeLiquidatorIsBorrower = 28
    case liquidateSeizeTooMuch = 29
    case mintAccrueInterestFailed = 30
    case mintComptrollerRejection = 31
    case mintExchangeCalculationFailed = 32
    case mintExchangeRateReadFailed = 33
    case mintFreshnessCheck = 34
    case mintNewAccountBalanceCalculationFailed = 35
    case mintNewTotalSupplyCalculationFailed = 36
    case mintTransferInFailed = 37
    case mintTransferInNotPossible = 38
    case redeemAccrueInterestFailed = 39
    case redeemComptrollerRejection = 40
    case redeemExchangeTokensCalculationFailed = 41
    case redeemExchangeAmountCalculationFailed = 42
    case redeemExchangeRateReadFailed = 43
    case redeemFreshnessCheck = 44
    case redeemNewAccountBalanceCalculationFailed = 45
    case redeemNewTotalSupplyCalculationFailed = 46
    case redeemTransferOutNotPossible = 47
    case reduceReservesAccrueInterestFailed = 48
    case reduceReservesAdminCheck = 49
    case reduceReservesCashNotAvailable = 50
    case reduceReservesFreshCheck = 51
    case reduceReservesValidation = 52
    case repayBehalfAccrueInterestFailed = 53
    case repayBorrowAccrueInterestFailed = 54
    case repayBorrowAccumulatedBalanceCalculationFailed = 55
    case repayBorrowComptrollerRejection = 56
    case repayBorrowFreshnessCheck = 57
    case repayBorrowNewAccountBorrowBalanceCalculationFailed = 58
    case repayBorrowNewTotalBalanceCalculationFailed = 59
    case repayBorrowTransferInNotPossible = 60
    case setCollateralFactorOwnerCheck = 61
    case setCollateralFactorValidation = 62
    case setComptrollerOwnerCheck = 63
    case setInterestRateModelAccrueInterestFailed = 64
    case setInterestRateModelFreshCheck = 65
    case setInterestRateModelOwnerCheck = 66
    case setMaxAssetsOwnerCheck = 67
    case setOracleMarketNotListed = 68
    case setPendingAdminOwnerCheck = 69
    case setReserveFactorAccrueInterestFailed = 70
    case setReserveFactorAdminCheck = 71
    case setReserveFactorFreshCheck = 72
    case setReserveFactorBoundsCheck = 73
    case transferComptrollerRejection = 74
    case transferNotAllowed = 75
    case transferNotEnough = 76
    case transferTooMuch = 77
    case addReservesAccrueInterestFailed = 78
    case addReservesFreshCheck = 79
    case addReservesTransferInNotPossible = 80

    /// The Solidity enum member's name, e.g. `ACCRUE_INTEREST_ACCUMULATED_INTEREST_CALCULATION_FAILED`.
    public var description: String {
        switch self {
        case .acceptAdminPendingAdminCheck: "ACCEPT_ADMIN_PENDING_ADMIN_CHECK"
        case .accrueInterestAccumulatedInterestCalculationFailed: "ACCRUE_INTEREST_ACCUMULATED_INTEREST_CALCULATION_FAILED"
        case .accrueInterestBorrowRateCalculationFailed: "ACCRUE_INTEREST_BORROW_RATE_CALCULATION_FAILED"
        case .accrueInterestNewBorrowIndexCalculationFailed: "ACCRUE_INTEREST_NEW_BORROW_INDEX_CALCULATION_FAILED"
        case .accrueInterestNewTotalBorrowsCalculationFailed: "ACCRUE_INTEREST_NEW_TOTAL_BORROWS_CALCULATION_FAILED"
        case .accrueInterestNewTotalReservesCalculationFailed: "ACCRUE_INTEREST_NEW_TOTAL_RESERVES_CALCULATION_FAILED"
        case .accrueInterestSimpleInterestFactorCalculationFailed: "ACCRUE_INTEREST_SIMPLE_INTEREST_FACTOR_CALCULATION_FAILED"
        case .borrowAccumulatedBalanceCalculationFailed: "BORROW_ACCUMULATED_BALANCE_CALCULATION_FAILED"
        case .borrowAccrueInterestFailed: "BORROW_ACCRUE_INTEREST_FAILED"
        case .borrowCashNotAvailable: "BORROW_CASH_NOT_AVAILABLE"
        case .borrowFreshnessCheck: "BORROW_FRESHNESS_CHECK"
        case .borrowNewTotalBalanceCalculationFailed: "BORROW_NEW_TOTAL_BALANCE_CALCULATION_FAILED"
        case .borrowNewAccountBorrowBalanceCalculationFailed: "BORROW_NEW_ACCOUNT_BORROW_BALANCE_CALCULATION_FAILED"
        case .borrowMarketNotListed: "BORROW_MARKET_NOT_LISTED"
        case .borrowComptrollerRejection: "BORROW_COMPTROLLER_REJECTION"
        case .liquidateAccrueBorrowInterestFailed: "LIQUIDATE_ACCRUE_BORROW_INTEREST_FAILED"
        case .liquidateAccrueCollateralInterestFailed: "LIQUIDATE_ACCRUE_COLLATERAL_INTEREST_FAILED"
        case .liquidateCollateralFreshnessCheck: "LIQUIDATE_COLLATERAL_FRESHNESS_CHECK"
        case .liquidateComptrollerRejection: "LIQUIDATE_COMPTROLLER_REJECTION"
        case .liquidateComptrollerCalculateAmountSeizeFailed: "LIQUIDATE_COMPTROLLER_CALCULATE_AMOUNT_SEIZE_FAILED"
        case .liquidateCloseAmountIsUintMax: "LIQUIDATE_CLOSE_AMOUNT_IS_UINT_MAX"
        case .liquidateCloseAmountIsZero: "LIQUIDATE_CLOSE_AMOUNT_IS_ZERO"
        case .liquidateFreshnessCheck: "LIQUIDATE_FRESHNESS_CHECK"
        case .liquidateLiquidatorIsBorrower: "LIQUIDATE_LIQUIDATOR_IS_BORROWER"
        case .liquidateRepayBorrowFreshFailed: "LIQUIDATE_REPAY_BORROW_FRESH_FAILED"
        case .liquidateSeizeBalanceIncrementFailed: "LIQUIDATE_SEIZE_BALANCE_INCREMENT_FAILED"
        case .liquidateSeizeBalanceDecrementFailed: "LIQUIDATE_SEIZE_BALANCE_DECREMENT_FAILED"
        case .liquidateSeizeComptrollerRejection: "LIQUIDATE_SEIZE_COMPTROLLER_REJECTION"
        case .liquidateSeizeLiquidatorIsBorrower: "LIQUIDATE_SEIZE_LIQUIDATOR_IS_BORROWER"
        case .liquidateSeizeTooMuch: "LIQUIDATE_SEIZE_TOO_MUCH"
        case .mintAccrueInterestFailed: "MINT_ACCRUE_INTEREST_FAILED"
        case .mintComptrollerRejection: "MINT_COMPTROLLER_REJECTION"
        case .mintExchangeCalculationFailed: "MINT_EXCHANGE_CALCULATION_FAILED"
        case .mintExchangeRateReadFailed: "MINT_EXCHANGE_RATE_READ_FAILED"
        case .mintFreshnessCheck: "MINT_FRESHNESS_CHECK"
        case .mintNewAccountBalanceCalculationFailed: "MINT_NEW_ACCOUNT_BALANCE_CALCULATION_FAILED"
        case .mintNewTotalSupplyCalculationFailed: "MINT_NEW_TOTAL_SUPPLY_CALCULATION_FAILED"
        case .mintTransferInFailed: "MINT_TRANSFER_IN_FAILED"
        case .mintTransferInNotPossible: "MINT_TRANSFER_IN_NOT_POSSIBLE"
        case .redeemAccrueInterestFailed: "REDEEM_ACCRUE_INTEREST_FAILED"
        case .redeemComptrollerRejection: "REDEEM_COMPTROLLER_REJECTION"
        case .redeemExchangeTokensCalculationFailed: "REDEEM_EXCHANGE_TOKENS_CALCULATION_FAILED"
        case .redeemExchangeAmountCalculationFailed: "REDEEM_EXCHANGE_AMOUNT_CALCULATION_FAILED"
        case .redeemExchangeRateReadFailed: "REDEEM_EXCHANGE_RATE_READ_FAILED"
        case .redeemFreshnessCheck: "REDEEM_FRESHNESS_CHECK"
        case .redeemNewAccountBalanceCalculationFailed: "REDEEM_NEW_ACCOUNT_BALANCE_CALCULATION_FAILED"
        case .redeemNewTotalSupplyCalculationFailed: "REDEEM_NEW_TOTAL_SUPPLY_CALCULATION_FAILED"
        case .redeemTransferOutNotPossible: "REDEEM_TRANSFER_OUT_NOT_POSSIBLE"
        case .reduceReservesAccrueInterestFailed: "REDUCE_RESERVES_ACCRUE_INTEREST_FAILED"
        case .reduceReservesAdminCheck: "REDUCE_RESERVES_ADMIN_CHECK"
        case .reduceReservesCashNotAvailable: "REDUCE_RESERVES_CASH_NOT_AVAILABLE"
        case .reduceReservesFreshCheck: "REDUCE_RESERVES_FRESH_CHECK"
        case .reduceReservesValidation: "REDUCE_RESERVES_VALIDATION"
        case .repayBehalfAccrueInterestFailed: "REPAY_BEHALF_ACCRUE_INTEREST_FAILED"
        case .repayBorrowAccrueInterestFailed: "REPAY_BORROW_ACCRUE_INTEREST_FAILED"
        case .repayBorrowAccumulatedBalanceCalculationFailed: "REPAY_BORROW_ACCUMULATED_BALANCE_CALCULATION_FAILED"
        case .repayBorrowComptrollerRejection: "REPAY_BORROW_COMPTROLLER_REJECTION"
        case .repayBorrowFreshnessCheck: "REPAY_BORROW_FRESHNESS_CHECK"
        case .repayBorrowNewAccountBorrowBalanceCalculationFailed: "REPAY_BORROW_NEW_ACCOUNT_BORROW_BALANCE_CALCULATION_FAILED"
        case .repayBorrowNewTotalBalanceCalculationFailed: "REPAY_BORROW_NEW_TOTAL_BALANCE_CALCULATION_FAILED"
        case .repayBorrowTransferInNotPossible: "REPAY_BORROW_TRANSFER_IN_NOT_POSSIBLE"
        case .setCollateralFactorOwnerCheck: "SET_COLLATERAL_FACTOR_OWNER_CHECK"
        case .setCollateralFactorValidation: "SET_COLLATERAL_FACTOR_VALIDATION"
        case .setComptrollerOwnerCheck: "SET_COMPTROLLER_OWNER_CHECK"
        case .setInterestRateModelAccrueInterestFailed: "SET_INTEREST_RATE_MODEL_ACCRUE_INTEREST_FAILED"
        case .setInterestRateModelFreshCheck: "SET_INTEREST_RATE_MODEL_FRESH_CHECK"
        case .setInterestRateModelOwnerCheck: "SET_INTEREST_RATE_MODEL_OWNER_CHECK"
        case .setMaxAssetsOwnerCheck: "SET_MAX_ASSETS_OWNER_CHECK"
        case .setOracleMarketNotListed: "SET_ORACLE_MARKET_NOT_LISTED"
        case .setPendingAdminOwnerCheck: "SET_PENDING_ADMIN_OWNER_CHECK"
        case .setReserveFactorAccrueInterestFailed: "SET_RESERVE_FACTOR_ACCRUE_INTEREST_FAILED"
        case .setReserveFactorAdminCheck: "SET_RESERVE_FACTOR_ADMIN_CHECK"
        case .setReserveFactorFreshCheck: "SET_RESERVE_FACTOR_FRESH_CHECK"
        case .setReserveFactorBoundsCheck: "SET_RESERVE_FACTOR_BOUNDS_CHECK"
        case .transferComptrollerRejection: "TRANSFER_COMPTROLLER_REJECTION"
        case .transferNotAllowed: "TRANSFER_NOT_ALLOWED"
        case .transferNotEnough: "TRANSFER_NOT_ENOUGH"
        case .transferTooMuch: "TRANSFER_TOO_MUCH"
        case .addReservesAccrueInterestFailed: "ADD_RESERVES_ACCRUE_INTEREST_FAILED"
        case .addReservesFreshCheck: "ADD_RESERVES_FRESH_CHECK"
        case .addReservesTransferInNotPossible: "ADD_RESERVES_TRANSFER_IN_NOT_POSSIBLE"
        }
    }
}
