import CascadeChain
import CascadeMath

extension AavePool {
    /// The health factors of `users` at `timestamp`, wad (`2²⁵⁶ − 1` for an account without
    /// debt), for the end-of-block scan that finds liquidatable positions.
    ///
    /// Equal, account by account, to ``healthFactor(of:prices:timestamp:)`` (the same
    /// `GenericLogic.calculateUserAccountData` arithmetic), but each reserve's price and
    /// normalised indexes are computed once for the whole scan instead of once per position, so a
    /// position costs one dictionary lookup and its own arithmetic. Reverts when a position uses a
    /// reserve without a price, as the single-account call does.
    /// - Complexity: O(reserves + Σ reserves each account uses).
    public func healthFactors(of users: [Address], prices: AssetPrices, timestamp: UInt64) throws(Revert) -> [UInt256] {
        var reservePrices = [UInt256](repeating: .zero, count: reserves.count)
        var incomes = [UInt256](repeating: .zero, count: reserves.count)
        var debtIndexes = [UInt256](repeating: .zero, count: reserves.count)
        for (id, reserve) in reserves.enumerated() {
            reservePrices[id] = prices[reserve.asset.address] ?? .zero
            incomes[id] = try reserve.normalizedIncome(at: timestamp)
            debtIndexes[id] = try reserve.normalizedVariableDebt(at: timestamp)
        }
        var result = [UInt256]()
        result.reserveCapacity(users.count)
        // Positions and reserves are read in place: copies would move whole values for a few fields.
        try book.withPositions { (positions, slot) throws(Revert) in
            try reserves.withUnsafeBufferPointer { (reserves) throws(Revert) in
                for user in users {
                    guard let slot = slot(user) else {
                        result.append(.max)
                        continue
                    }
                    result.append(try Self.healthFactor(
                        of: positions.baseAddress! + slot, reserves: reserves, prices: prices, reservePrices: reservePrices,
                        incomes: incomes, debtIndexes: debtIndexes))
                }
            }
        }
        return result
    }

    /// One position's health factor from per-reserve prices and normalised indexes
    /// (`calculateUserAccountData` without the LTV sum).
    @inline(__always)
    private static func healthFactor(
        of position: UnsafePointer<AaveUserPosition>, reserves: UnsafeBufferPointer<AaveReserve>, prices: AssetPrices,
        reservePrices: [UInt256], incomes: [UInt256], debtIndexes: [UInt256]
    ) throws(Revert) -> UInt256 {
        var totalCollateral = UInt256.zero
        var totalDebt = UInt256.zero
        var thresholdSum = UInt256.zero
        var mask = position.pointee.collateralMask | position.pointee.borrowingMask
        while mask != 0 {
            let id = mask.trailingZeroBitCount
            mask &= mask &- 1
            let reserve = reserves.baseAddress! + id
            let price = reservePrices[id]
            if price.isZero { _ = try prices.price(of: reserve.pointee.asset.address) }   // the oracle's revert
            if position.pointee.isUsingAsCollateral(id) {
                let balance = try AaveMathUtils.aTokenBalance(position.pointee.scaledATokenBalance(id), liquidityIndex: incomes[id])
                let value = try AaveReserve.baseValue(balance, price: price, unit: reserve.pointee.assetUnit,
                                                      divisor: reserve.pointee.assetUnitDivisor, roundingUp: false)
                totalCollateral = try totalCollateral + value   // overflows exactly where the single call does
                thresholdSum = try thresholdSum + value * UInt256(reserve.pointee.configuration.liquidationThreshold)
            }
            if position.pointee.isBorrowing(id) {
                let debt = try AaveMathUtils.vTokenBalance(position.pointee.scaledVariableDebt(id), variableBorrowIndex: debtIndexes[id])
                totalDebt = try totalDebt + AaveReserve.baseValue(debt, price: price, unit: reserve.pointee.assetUnit,
                                                                  divisor: reserve.pointee.assetUnitDivisor, roundingUp: true)
            }
        }
        return totalDebt.isZero
            ? .max
            : try WadRayMath.wadDiv(thresholdSum, totalDebt).quotientAndRemainder(dividingBy: LimbDivisor.e4).quotient
    }
}
