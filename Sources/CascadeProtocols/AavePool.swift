import CascadeChain
import CascadeMath

/// An Aave v3 lending pool: reserves, positions, and the pool's five user actions — `supply`,
/// `withdraw`, `borrow`, `repay` and `liquidationCall` — with Aave's exact integer arithmetic.
///
/// Models aave-dao/aave-v3-origin at v3.7.0 (commit `4fbd7442`, the repository's main branch at
/// `fd1fbd91`): `Pool.sol` and the logic libraries `SupplyLogic`, `BorrowLogic`,
/// `LiquidationLogic`, `ValidationLogic`, `GenericLogic`, `ReserveLogic`, with v3.5+ `TokenMath`
/// rounding and the v3.3+ liquidation rules, which can be switched back to the v3.0 close factor
/// (``AaveLiquidationRules``). See `docs/protocols-lending.md` for formulas and for what is not
/// modelled (e-mode, isolation mode, stable rate, flash loans, credit delegation, grace periods).
///
/// Tokens: the underlying of every reserve sits in the ``TokenLedger`` at the pool's
/// ``AavePoolConfiguration/address``; aTokens and variable-debt tokens are scaled balances kept in
/// the pool (``AaveUserPosition``), not ledger tokens. Users approve the pool, which pulls with
/// `transferFrom`, as the real pool does.
///
/// Atomicity: a call that reverts throws ``Revert`` and leaves the pool and the ledger exactly as
/// they were. Calls write state in the order the Solidity code does and journal the old values
/// (``AaveJournal``); a revert restores them.
///
/// ```swift
/// var pool = AavePool(configuration: .init(address: poolAddress, treasury: treasury))
/// pool.listReserve(weth, configuration: wethParameters, timestamp: t0)
/// let outcome = try pool.execute(call, context: context, prices: prices, ledger: &ledger)
/// ```
public struct AavePool: Sendable, Equatable {
    /// Deployment settings.
    public var configuration: AavePoolConfiguration
    /// The reserves in listing order (`_reservesList`); ``AaveReserve/id`` is the index.
    public internal(set) var reserves: [AaveReserve] = []
    /// Reserve id by underlying address.
    public internal(set) var reserveIDs: [Address: Int] = [:]
    /// Every account's position, in place (``AavePositionBook``).
    var book = AavePositionBook()
    /// How many times a reserve's parameters changed after listing (``setConfiguration(_:of:timestamp:)``):
    /// whoever derives data from the parameters (a liquidation index) knows when to derive again.
    public private(set) var configurationVersion: UInt64 = 0

    /// Every account that has touched the pool, with its position. Built on each access
    /// (O(accounts)); ``position(of:)`` reads one account.
    public var positions: [Address: AaveUserPosition] { book.dictionary }

    /// The accounts that have touched the pool, in the order they first did (the natural list for
    /// ``healthFactors(of:prices:timestamp:)``).
    public var accounts: [Address] { book.accounts }

    /// The most reserves a pool lists (`UserConfigurationMap` has two bits per reserve in 256).
    public static let maxReserves = 128

    public init(configuration: AavePoolConfiguration) {
        self.configuration = configuration
    }

    // MARK: Setup

    /// Lists `asset` as a new reserve (`PoolConfigurator.initReserves`): indexes at 1 RAY, last
    /// updated at `timestamp`. Listing an asset twice, or more than ``maxReserves``, is a
    /// programmer error; validate parameters first with
    /// ``AaveReserveConfiguration/validationErrors(key:)``.
    public mutating func listReserve(_ asset: Token, configuration: AaveReserveConfiguration, timestamp: UInt64) {
        precondition(reserveIDs[asset.address] == nil, "reserve \(asset.symbol) listed twice")
        precondition(reserves.count < Self.maxReserves, "more than \(Self.maxReserves) reserves")
        let id = reserves.count
        reserves.append(AaveReserve(asset: asset, id: id, configuration: configuration, timestamp: timestamp))
        reserveIDs[asset.address] = id
    }

    /// Changes a listed reserve's parameters as governance would (`PoolConfigurator` setters):
    /// the reserve's state is first brought to `timestamp` (`syncIndexesState`), then the new
    /// parameters apply and the rates are recomputed (`syncRatesState`).
    public mutating func setConfiguration(_ configuration: AaveReserveConfiguration, of asset: Address,
                                          timestamp: UInt64) throws(Revert) {
        let id = try reserveID(asset)
        var reserve = reserves[id]
        try reserve.updateState(at: timestamp)
        reserve.configuration = configuration
        try reserve.updateInterestRatesAndVirtualBalance(liquidityAdded: .zero, liquidityTaken: .zero)
        reserves[id] = reserve
        configurationVersion &+= 1
    }

    // MARK: Views

    /// The reserve of `asset`, if listed.
    public func reserve(for asset: Address) -> AaveReserve? {
        reserveIDs[asset].map { reserves[$0] }
    }

    /// `user`'s position (empty if the account never touched the pool).
    public func position(of user: Address) -> AaveUserPosition {
        book[user] ?? AaveUserPosition()
    }

    /// `getUserAccountData`: `user`'s totals and health factor at `timestamp`, with interest
    /// accrued on the fly (the state is not written).
    /// - Complexity: O(reserves the account uses).
    public func accountData(of user: Address, prices: AssetPrices, timestamp: UInt64) throws(Revert) -> AaveAccountData {
        guard let position = book[user] else { return .empty }
        return try calculateUserAccountData(position, prices: prices, timestamp: timestamp)
    }

    /// `user`'s health factor at `timestamp`, wad (`2²⁵⁶ − 1` with no debt).
    public func healthFactor(of user: Address, prices: AssetPrices, timestamp: UInt64) throws(Revert) -> UInt256 {
        try accountData(of: user, prices: prices, timestamp: timestamp).healthFactor
    }

    /// `aToken.balanceOf(user)` at `timestamp`: `rayMulFloor(scaled, normalizedIncome)`.
    public func aTokenBalance(of user: Address, asset: Address, timestamp: UInt64) throws(Revert) -> UInt256 {
        let id = try reserveID(asset)
        return try AaveMathUtils.aTokenBalance(
            position(of: user).scaledATokenBalance(id), liquidityIndex: reserves[id].normalizedIncome(at: timestamp))
    }

    /// `variableDebtToken.balanceOf(user)` at `timestamp`: `rayMulCeil(scaled, normalizedDebt)`.
    public func variableDebt(of user: Address, asset: Address, timestamp: UInt64) throws(Revert) -> UInt256 {
        let id = try reserveID(asset)
        return try AaveMathUtils.vTokenBalance(
            position(of: user).scaledVariableDebt(id), variableBorrowIndex: reserves[id].normalizedVariableDebt(at: timestamp))
    }

    /// `GenericLogic.calculateUserAccountData` for `position` at `timestamp`.
    ///
    /// For each reserve the position uses, in id order: the oracle price (reverts when missing);
    /// as collateral, `value = ⌊rayMulFloor(scaled, normalizedIncome) · price / unit⌋` added to the
    /// collateral total, `value · ltv` to the LTV sum (or the zero-LTV flag set) and
    /// `value · liquidationThreshold` to the threshold sum; as debt,
    /// `mulDivCeil(rayMulCeil(scaled, normalizedDebt), price, unit)` added to the debt total.
    /// Then `HF = wadDiv(thresholdSum, totalDebt) / 10⁴` (v3.5+; earlier versions computed
    /// `wadDiv(percentMul(totalCollateral, avgThreshold), totalDebt)`); the averages
    /// `⌊sum / totalCollateral⌋` are computed on demand. Products and sums are checked.
    /// - Complexity: O(reserves the position uses).
    @inlinable
    public func calculateUserAccountData(_ position: AaveUserPosition, prices: AssetPrices,
                                         timestamp: UInt64) throws(Revert) -> AaveAccountData {
        if position.isEmpty { return .empty }
        // Read the reserves in place: a method call on `reserves[id]` would copy the whole reserve.
        return try reserves.withUnsafeBufferPointer { (reserves) throws(Revert) -> AaveAccountData in
            var totalCollateral = UInt256.zero
            var totalDebt = UInt256.zero
            var ltvSum = UInt256.zero
            var thresholdSum = UInt256.zero
            var hasZeroLtvCollateral = false
            var mask = position.collateralMask | position.borrowingMask
            while mask != 0 {
                let id = mask.trailingZeroBitCount
                mask &= mask &- 1
                // Field reads only: passing the reserve to a method would copy all of it.
                let reserve = reserves.baseAddress! + id
                let price = try prices.price(of: reserve.pointee.asset.address)
                let lastUpdate = reserve.pointee.lastUpdateTimestamp
                if position.isUsingAsCollateral(id) {
                    var income = reserve.pointee.liquidityIndex
                    if timestamp != lastUpdate {
                        income = try WadRayMath.rayMul(AaveMathUtils.calculateLinearInterest(
                            rate: reserve.pointee.currentLiquidityRate, from: lastUpdate, to: timestamp), income)
                    }
                    let balance = try AaveMathUtils.aTokenBalance(position.scaledATokenBalance(id), liquidityIndex: income)
                    let value = try AaveReserve.baseValue(balance, price: price, unit: reserve.pointee.assetUnit,
                                                          divisor: reserve.pointee.assetUnitDivisor, roundingUp: false)
                    totalCollateral = try totalCollateral + value
                    let ltv = reserve.pointee.configuration.ltv
                    if ltv == 0 {
                        hasZeroLtvCollateral = true
                    } else {
                        ltvSum = try ltvSum + value * UInt256(ltv)
                    }
                    thresholdSum = try thresholdSum + value * UInt256(reserve.pointee.configuration.liquidationThreshold)
                }
                if position.isBorrowing(id) {
                    var debtIndex = reserve.pointee.variableBorrowIndex
                    if timestamp != lastUpdate {
                        debtIndex = try WadRayMath.rayMul(AaveMathUtils.calculateCompoundedInterest(
                            rate: reserve.pointee.currentVariableBorrowRate, from: lastUpdate, to: timestamp), debtIndex)
                    }
                    let debt = try AaveMathUtils.vTokenBalance(position.scaledVariableDebt(id), variableBorrowIndex: debtIndex)
                    totalDebt = try totalDebt + AaveReserve.baseValue(debt, price: price, unit: reserve.pointee.assetUnit,
                                                                      divisor: reserve.pointee.assetUnitDivisor, roundingUp: true)
                }
            }
            let healthFactor = totalDebt.isZero
                ? UInt256.max
                : try WadRayMath.wadDiv(thresholdSum, totalDebt).quotientAndRemainder(dividingBy: LimbDivisor.e4).quotient
            return AaveAccountData(
                totalCollateralBase: totalCollateral, totalDebtBase: totalDebt, ltvWeightedSum: ltvSum,
                liquidationThresholdWeightedSum: thresholdSum, healthFactor: healthFactor,
                hasZeroLtvCollateral: hasZeroLtvCollateral)
        }
    }

    // MARK: Calls

    /// Runs `call` as a transaction to the pool from `context.sender`.
    ///
    /// Handles `supply`, `withdraw`, `borrow`, `repay` and `liquidationCall`; any other function
    /// reverts (the pool has no such function). On success returns the gas used and the events;
    /// on a revert throws and changes nothing — charge ``revertGas(for:)``.
    public mutating func execute(_ call: ContractCall, context: CallContext, prices: AssetPrices,
                                 ledger: inout TokenLedger) throws(Revert) -> CallOutcome {
        switch call {
        case let .aaveSupply(asset, amount, onBehalfOf, referralCode):
            return try supply(asset: asset, amount: amount, onBehalfOf: onBehalfOf, referralCode: referralCode,
                              context: context, ledger: &ledger)
        case let .aaveWithdraw(asset, amount, to):
            return try withdraw(asset: asset, amount: amount, to: to, context: context, prices: prices, ledger: &ledger)
        case let .aaveBorrow(asset, amount, interestRateMode, referralCode, onBehalfOf):
            return try borrow(asset: asset, amount: amount, interestRateMode: interestRateMode,
                              referralCode: referralCode, onBehalfOf: onBehalfOf,
                              context: context, prices: prices, ledger: &ledger)
        case let .aaveRepay(asset, amount, interestRateMode, onBehalfOf):
            return try repay(asset: asset, amount: amount, interestRateMode: interestRateMode, onBehalfOf: onBehalfOf,
                             context: context, ledger: &ledger)
        case let .aaveLiquidationCall(collateralAsset, debtAsset, user, debtToCover, receiveAToken):
            return try liquidationCall(
                collateralAsset: collateralAsset, debtAsset: debtAsset, user: user, debtToCover: debtToCover,
                receiveAToken: receiveAToken, context: context, prices: prices, ledger: &ledger).outcome
        default:
            throw .reason("function \(call.name) is not part of the Aave v3 pool")
        }
    }

    /// Gas burned by `call` when it reverts (``AaveGasSchedule``).
    public func revertGas(for call: ContractCall) -> UInt64 {
        if case .aaveLiquidationCall = call { return configuration.gasSchedule.revertedLiquidationCall }
        return configuration.gasSchedule.revertedCall
    }

    // MARK: Internals shared by the calls

    /// The id of a listed reserve. An unlisted asset reverts `AssetNotListed` (on chain the call
    /// reverts without data, reading a debt token at address zero).
    func reserveID(_ asset: Address) throws(Revert) -> Int {
        guard let id = reserveIDs[asset] else { throw .reason("AssetNotListed") }
        return id
    }

    /// Reads reserve `id` in place: `reserves[id].field` copies the whole reserve (≈ 550 bytes) first.
    @inline(__always)
    func readReserve<Value>(_ id: Int, _ read: (UnsafePointer<AaveReserve>) -> Value) -> Value {
        reserves.withUnsafeBufferPointer { read($0.baseAddress! + id) }
    }

    /// `value = value − amount` in place, checked.
    static func subtract(_ amount: UInt256, from value: inout UInt256) throws(Revert) {
        value = try value - amount
    }

    /// `value = value + amount` in place, checked.
    static func add(_ amount: UInt256, to value: inout UInt256) throws(Revert) {
        value = try value + amount
    }

    /// Runs `body` with a fresh journal; rolls the pool and the ledger back if it throws.
    mutating func transact<Result>(
        _ ledger: inout TokenLedger,
        _ body: (inout AavePool, inout AaveJournal, inout TokenLedger) throws(Revert) -> Result
    ) throws(Revert) -> Result {
        var journal = AaveJournal()
        do {
            return try body(&self, &journal, &ledger)
        } catch {
            journal.rollback(&self, &ledger)
            throw error
        }
    }

    /// `reserve.cache(); reserve.updateState(cache)`, journalled.
    mutating func updateState(_ id: Int, at timestamp: UInt64, _ journal: inout AaveJournal) throws(Revert) {
        journal.save(reserve: id, of: self)
        try reserves[id].updateState(at: timestamp)
    }

    /// `updateInterestRatesAndVirtualBalance`, journalled.
    mutating func updateInterestRates(_ id: Int, added: UInt256, taken: UInt256, _ journal: inout AaveJournal) throws(Revert) {
        journal.save(reserve: id, of: self)
        try reserves[id].updateInterestRatesAndVirtualBalance(liquidityAdded: added, liquidityTaken: taken)
    }

    /// Edits `user`'s position, journalled.
    mutating func modifyPosition(_ user: Address, _ journal: inout AaveJournal,
                                 _ body: (inout AaveUserPosition) throws(Revert) -> Void) throws(Revert) {
        journal.save(position: user, of: self)
        try book.modify(user, body)
    }

    /// An amount of `reserve`'s asset for an event.
    func amount(_ value: UInt256, _ id: Int) -> EventValue {
        .amount(value, of: reserves[id].asset)
    }

    /// An event from this pool.
    func event(_ name: String, _ fields: [EventField]) -> ProtocolEvent {
        ProtocolEvent(source: configuration.name, name: name, fields: fields)
    }
}
