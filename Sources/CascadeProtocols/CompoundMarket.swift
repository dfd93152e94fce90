import CascadeChain
import CascadeMath

/// One Compound v2 market: a `CErc20` cToken and its state (compound-finance/compound-protocol
/// `contracts/CToken.sol` at Compound 2.9, commit `ae4388e`).
///
/// Units: cToken amounts have 8 decimals; underlying amounts are raw units of ``underlying``;
/// `borrowIndex` and the exchange rate are mantissas (10¹⁸). The market's cash is its underlying
/// balance in the ``TokenLedger`` at ``cToken`` (`getCashPrior` reads `balanceOf(this)`), so tokens
/// sent to the cToken directly raise the exchange rate, as on chain.
public struct CompoundMarket: Sendable, Equatable {
    /// The cToken's address: where its cash sits and what transactions call.
    public let cToken: Address
    /// The underlying ERC-20.
    public let underlying: Token
    /// The market's parameters.
    public var configuration: CompoundMarketConfiguration

    /// cTokens in circulation.
    public internal(set) var totalSupply: UInt256
    /// Total borrows, underlying units, as of ``accrualBlockNumber``.
    public internal(set) var totalBorrows: UInt256
    /// Reserves, underlying units.
    public internal(set) var totalReserves: UInt256
    /// Cumulated borrow interest, mantissa (starts at 10¹⁸).
    public internal(set) var borrowIndex: UInt256
    /// The block interest was last accrued at.
    public internal(set) var accrualBlockNumber: UInt64
    /// cToken balances.
    public internal(set) var accountTokens: [Address: UInt256]
    /// Borrow snapshots.
    public internal(set) var accountBorrows: [Address: CompoundBorrowSnapshot]

    /// `borrowRateMaxMantissa` = 0.0005 % per block: `accrueInterest` reverts above it.
    public static let borrowRateMaxMantissa = UInt256(5_000_000_000_000 as UInt64)

    /// A freshly initialised market (`CToken.initialize`): borrow index 10¹⁸, accrued at `blockNumber`.
    public init(cToken: Address, underlying: Token, configuration: CompoundMarketConfiguration, blockNumber: UInt64) {
        self.cToken = cToken
        self.underlying = underlying
        self.configuration = configuration
        totalSupply = .zero
        totalBorrows = .zero
        totalReserves = .zero
        borrowIndex = CompoundMath.expScale
        accrualBlockNumber = blockNumber
        accountTokens = [:]
        accountBorrows = [:]
    }

    /// `getCashPrior`: the cToken's underlying balance.
    public func cash(in ledger: TokenLedger) -> UInt256 {
        ledger.balance(of: cToken, in: underlying.address)
    }

    /// `balanceOf(account)`: cTokens.
    public func balance(of account: Address) -> UInt256 {
        accountTokens[account] ?? .zero
    }

    /// `exchangeRateStoredInternal`: `initialExchangeRate` with no supply, else
    /// `⌊(cash + totalBorrows − totalReserves) · 10¹⁸ / totalSupply⌋`. Reverts
    /// `exchangeRateStored: exchangeRateStoredInternal failed` when reserves exceed cash plus borrows.
    public func exchangeRateStored(cash: UInt256) throws(Revert) -> UInt256 {
        if totalSupply.isZero { return configuration.initialExchangeRateMantissa }
        let (sum, overflow) = cash.addingReportingOverflow(totalBorrows)
        guard !overflow, sum >= totalReserves else { throw .reason("exchangeRateStored: exchangeRateStoredInternal failed") }
        return try CompoundMath.divExp(sum &- totalReserves, totalSupply)
    }

    /// `borrowBalanceStored(account)`: `⌊principal · borrowIndex / interestIndex⌋`, 0 without a borrow.
    public func borrowBalanceStored(_ account: Address) throws(Revert) -> UInt256 {
        guard let snapshot = accountBorrows[account], !snapshot.principal.isZero else { return .zero }
        return try CompoundMath.div(CompoundMath.mul(snapshot.principal, borrowIndex), snapshot.interestIndex)
    }

    /// The interest `accrueInterest` would book at `blockNumber` with `cash`, without writing it:
    /// `(totalBorrows, totalReserves, borrowIndex)` after accrual.
    ///
    /// `rate = model.borrowRate(cash, borrows, reserves)` (reverts `borrow rate is absurdly high`
    /// above ``borrowRateMaxMantissa``); `sif = rate · Δblocks`; `interest = ⌊sif·borrows/10¹⁸⌋`;
    /// `borrows += interest`; `reserves += ⌊reserveFactor·interest/10¹⁸⌋`;
    /// `index += ⌊sif·index/10¹⁸⌋`.
    public func accrued(at blockNumber: UInt64, cash: UInt256) throws(Revert)
        -> (totalBorrows: UInt256, totalReserves: UInt256, borrowIndex: UInt256) {
        if blockNumber == accrualBlockNumber { return (totalBorrows, totalReserves, borrowIndex) }
        let rate = try configuration.interestRateModel.borrowRate(cash: cash, borrows: totalBorrows, reserves: totalReserves)
        guard rate <= Self.borrowRateMaxMantissa else { throw .reason("borrow rate is absurdly high") }
        guard blockNumber >= accrualBlockNumber else { throw .reason("could not calculate block delta") }
        let simpleInterestFactor = try CompoundMath.mul(rate, UInt256(blockNumber &- accrualBlockNumber))
        let interestAccumulated = try CompoundMath.mulScalarTruncate(simpleInterestFactor, totalBorrows)
        let borrows = try CompoundMath.add(interestAccumulated, totalBorrows)
        let reserves = try CompoundMath.mulScalarTruncateAdd(configuration.reserveFactorMantissa, interestAccumulated, totalReserves)
        let index = try CompoundMath.mulScalarTruncateAdd(simpleInterestFactor, borrowIndex, borrowIndex)
        return (borrows, reserves, index)
    }
}
