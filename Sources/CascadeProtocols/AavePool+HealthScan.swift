import CascadeChain
import CascadeMath

/// Each Aave reserve's oracle price and normalised indexes at one timestamp, with the parameters
/// `calculateUserAccountData` reads, resolved once for many accounts
/// (``AavePool/accountTerms(prices:timestamp:)``).
public struct AaveAccountTerms: Sendable {
    /// The timestamp the indexes were accrued to.
    public let timestamp: UInt64
    /// The oracle prices (kept to revert, as the single-account call does, for a reserve without one).
    let prices: AssetPrices
    /// By reserve id.
    let reserves: [Reserve]

    /// What a position needs of one reserve, in plain numbers.
    struct Reserve: Sendable {
        let asset: Address
        /// Zero when the oracle has no price (a position using the reserve reverts).
        let price: UInt256
        let income: UInt256
        let debtIndex: UInt256
        let unit: UInt256
        let divisor: LimbDivisor?
        let ltv: UInt256
        let liquidationThreshold: UInt256
    }
}

extension AavePool {
    /// Every reserve's price and normalised indexes at `timestamp` (``AaveAccountTerms``), for
    /// ``accountData(of:terms:)`` and ``healthFactors(of:prices:timestamp:)``. Reverts when a
    /// reserve's interest overflows, for every account — unlike the single-account call, which
    /// reverts only for accounts using that reserve.
    public func accountTerms(prices: AssetPrices, timestamp: UInt64) throws(Revert) -> AaveAccountTerms {
        var terms: [AaveAccountTerms.Reserve] = []
        terms.reserveCapacity(reserves.count)
        for reserve in reserves {
            terms.append(AaveAccountTerms.Reserve(
                asset: reserve.asset.address, price: prices[reserve.asset.address] ?? .zero,
                income: try reserve.normalizedIncome(at: timestamp), debtIndex: try reserve.normalizedVariableDebt(at: timestamp),
                unit: reserve.assetUnit, divisor: reserve.assetUnitDivisor, ltv: UInt256(reserve.configuration.ltv),
                liquidationThreshold: UInt256(reserve.configuration.liquidationThreshold)))
        }
        return AaveAccountTerms(timestamp: timestamp, prices: prices, reserves: terms)
    }

    /// `getUserAccountData` of `user` at the prices and timestamp of `terms`, made by this pool in
    /// its present state: equal to ``accountData(of:prices:timestamp:)`` there, without
    /// accruing any reserve's interest again.
    public func accountData(of user: Address, terms: AaveAccountTerms) throws(Revert) -> AaveAccountData {
        guard let slot = book.slot(of: user) else { return .empty }
        return try book.withPositions { (positions, _) throws(Revert) in
            try terms.reserves.withUnsafeBufferPointer { (reserves) throws(Revert) in
                try Self.accountData(of: positions.baseAddress! + slot, terms: reserves, prices: terms.prices)
            }
        }
    }

    /// The health factors of `users` at `timestamp`, wad (`2²⁵⁶ − 1` for an account without
    /// debt), with the reserves each borrows, for the end-of-block scan that finds liquidatable
    /// positions.
    ///
    /// Equal, account by account, to ``healthFactor(of:prices:timestamp:)`` (the same
    /// `GenericLogic.calculateUserAccountData` arithmetic), but each reserve's price and
    /// normalised indexes are computed once for the whole scan instead of once per position
    /// (``accountTerms(prices:timestamp:)``), so a position costs its own arithmetic and finding
    /// it: a comparison when `users` follow the pool's ``accounts`` order, one dictionary lookup
    /// otherwise. Reverts when a position uses a reserve without a price, as the single-account
    /// call does.
    /// - Complexity: O(reserves + Σ reserves each account uses).
    public func healthFactors(of users: [Address], prices: AssetPrices, timestamp: UInt64) throws(Revert) -> [AaveAccountHealth] {
        let terms = try accountTerms(prices: prices, timestamp: timestamp)
        var result = [AaveAccountHealth]()
        result.reserveCapacity(users.count)
        // Positions are read in place: a copy would move the whole value for a few fields. Users
        // listed in the pool's own order (``accounts``, or any part of it in order) are found
        // by comparing with the account after the previous one; others are looked up by hash.
        try book.withPositions { (positions, accounts) throws(Revert) in
            try terms.reserves.withUnsafeBufferPointer { (reserves) throws(Revert) in
                var next = 0
                for user in users {
                    let slot: Int
                    if next < accounts.count, accounts[next] == user {
                        slot = next
                    } else if let found = book.slot(of: user) {
                        slot = found
                    } else {
                        result.append(AaveAccountHealth(healthFactor: .max, borrowingMask: 0))
                        continue
                    }
                    next = slot + 1
                    let position = positions.baseAddress! + slot
                    result.append(AaveAccountHealth(
                        healthFactor: try Self.accountData(of: position, terms: reserves, prices: prices).healthFactor,
                        borrowingMask: position.pointee.borrowingMask))
                }
            }
        }
        return result
    }

    /// One position's `calculateUserAccountData` from resolved reserve terms.
    @inline(__always)
    private static func accountData(
        of position: UnsafePointer<AaveUserPosition>, terms: UnsafeBufferPointer<AaveAccountTerms.Reserve>, prices: AssetPrices
    ) throws(Revert) -> AaveAccountData {
        var totalCollateral = UInt256.zero
        var totalDebt = UInt256.zero
        var ltvSum = UInt256.zero
        var thresholdSum = UInt256.zero
        var hasZeroLtvCollateral = false
        var mask = position.pointee.collateralMask | position.pointee.borrowingMask
        while mask != 0 {
            let id = mask.trailingZeroBitCount
            mask &= mask &- 1
            let reserve = terms.baseAddress! + id
            let price = reserve.pointee.price
            if price.isZero { _ = try prices.price(of: reserve.pointee.asset) }   // the oracle's revert
            if position.pointee.isUsingAsCollateral(id) {
                let balance = try AaveMathUtils.aTokenBalance(position.pointee.scaledATokenBalance(id), liquidityIndex: reserve.pointee.income)
                let value = try AaveReserve.baseValue(balance, price: price, unit: reserve.pointee.unit,
                                                      divisor: reserve.pointee.divisor, roundingUp: false)
                totalCollateral = try totalCollateral + value   // overflows exactly where the single call does
                if reserve.pointee.ltv.isZero {
                    hasZeroLtvCollateral = true
                } else {
                    ltvSum = try ltvSum + value * reserve.pointee.ltv
                }
                thresholdSum = try thresholdSum + value * reserve.pointee.liquidationThreshold
            }
            if position.pointee.isBorrowing(id) {
                let debt = try AaveMathUtils.vTokenBalance(position.pointee.scaledVariableDebt(id), variableBorrowIndex: reserve.pointee.debtIndex)
                totalDebt = try totalDebt + AaveReserve.baseValue(debt, price: price, unit: reserve.pointee.unit,
                                                                  divisor: reserve.pointee.divisor, roundingUp: true)
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
