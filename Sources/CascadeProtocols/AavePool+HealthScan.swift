import CascadeChain
import CascadeMath

extension AavePool {
    /// The health factors of `users` at `timestamp`, wad (`2²⁵⁶ − 1` for an account without
    /// debt), with the reserves each borrows, for the end-of-block scan that finds liquidatable
    /// positions.
    ///
    /// Equal, account by account, to ``healthFactor(of:prices:timestamp:)`` (the same
    /// `GenericLogic.calculateUserAccountData` arithmetic), but each reserve's price and
    /// normalised indexes are computed once for the whole scan instead of once per position, so a
    /// position costs its own arithmetic and finding it: a comparison when `users` follow the
    /// pool's ``accounts`` order, one dictionary lookup otherwise. Reverts when a position uses a
    /// reserve without a price, as the single-account call does.
    /// - Complexity: O(reserves + Σ reserves each account uses).
    public func healthFactors(of users: [Address], prices: AssetPrices, timestamp: UInt64) throws(Revert) -> [AaveAccountHealth] {
        // What a position needs of each reserve, once per scan, in one flat array of plain numbers.
        var terms: [ScanTerms] = []
        terms.reserveCapacity(reserves.count)
        for reserve in reserves {
            terms.append(ScanTerms(
                asset: reserve.asset.address, price: prices[reserve.asset.address] ?? .zero,
                income: try reserve.normalizedIncome(at: timestamp), debtIndex: try reserve.normalizedVariableDebt(at: timestamp),
                unit: reserve.assetUnit, divisor: reserve.assetUnitDivisor,
                liquidationThreshold: UInt256(reserve.configuration.liquidationThreshold)))
        }
        var result = [AaveAccountHealth]()
        result.reserveCapacity(users.count)
        // Positions are read in place: a copy would move the whole value for a few fields. Users
        // listed in the pool's own order (``accounts``, or any part of it in order) are found
        // by comparing with the account after the previous one; others are looked up by hash.
        try book.withPositions { (positions, accounts) throws(Revert) in
            try terms.withUnsafeBufferPointer { (terms) throws(Revert) in
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
                    result.append(AaveAccountHealth(healthFactor: try Self.healthFactor(of: position, terms: terms, prices: prices),
                                                    borrowingMask: position.pointee.borrowingMask))
                }
            }
        }
        return result
    }

    /// A reserve's price, normalised indexes and parameters for one scan.
    private struct ScanTerms {
        let asset: Address
        /// Zero when the oracle has no price (a position using the reserve reverts).
        let price: UInt256
        let income: UInt256
        let debtIndex: UInt256
        let unit: UInt256
        let divisor: LimbDivisor?
        let liquidationThreshold: UInt256
    }

    /// One position's health factor (`calculateUserAccountData` without the LTV sum).
    @inline(__always)
    private static func healthFactor(
        of position: UnsafePointer<AaveUserPosition>, terms: UnsafeBufferPointer<ScanTerms>, prices: AssetPrices
    ) throws(Revert) -> UInt256 {
        var totalCollateral = UInt256.zero
        var totalDebt = UInt256.zero
        var thresholdSum = UInt256.zero
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
                thresholdSum = try thresholdSum + value * reserve.pointee.liquidationThreshold
            }
            if position.pointee.isBorrowing(id) {
                let debt = try AaveMathUtils.vTokenBalance(position.pointee.scaledVariableDebt(id), variableBorrowIndex: reserve.pointee.debtIndex)
                totalDebt = try totalDebt + AaveReserve.baseValue(debt, price: price, unit: reserve.pointee.unit,
                                                                  divisor: reserve.pointee.divisor, roundingUp: true)
            }
        }
        return totalDebt.isZero
            ? .max
            : try WadRayMath.wadDiv(thresholdSum, totalDebt).quotientAndRemainder(dividingBy: LimbDivisor.e4).quotient
    }
}
