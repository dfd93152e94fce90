import CascadeMath

/// One account's Aave v3 position: scaled aToken and variable-debt balances per reserve, and the
/// `UserConfigurationMap` flags saying which reserves are collateral and which are borrowed.
///
/// Balances are *scaled* (aave-dao/aave-v3-origin `ScaledBalanceTokenBase`): the aToken balance
/// is `rayMulFloor(scaled, liquidityIndex)` and the debt `rayMulCeil(scaled, variableBorrowIndex)`
/// (``AaveMathUtils``). Arrays are indexed by ``AaveReserve/id`` and grow as reserves are touched;
/// a missing entry is zero. The masks hold one bit per reserve id (the pool lists at most 128).
public struct AaveUserPosition: Sendable, Hashable {
    /// Scaled aToken balance per reserve id.
    public internal(set) var scaledATokenBalances: [UInt256]
    /// Scaled variable-debt balance per reserve id.
    public internal(set) var scaledVariableDebts: [UInt256]
    /// Bit `id`: the reserve is used as collateral (`isUsingAsCollateral`).
    public internal(set) var collateralMask: UInt128
    /// Bit `id`: the account borrows the reserve (`isBorrowing`).
    public internal(set) var borrowingMask: UInt128

    /// An empty position.
    public init() {
        scaledATokenBalances = []
        scaledVariableDebts = []
        collateralMask = 0
        borrowingMask = 0
    }

    /// `UserConfiguration.isEmpty`: neither collateral nor borrowing anywhere.
    public var isEmpty: Bool { collateralMask | borrowingMask == 0 }

    /// `isBorrowingAny`.
    public var isBorrowingAny: Bool { borrowingMask != 0 }

    /// Whether reserve `id` is used as collateral.
    @inlinable
    public func isUsingAsCollateral(_ id: Int) -> Bool { collateralMask >> id & 1 == 1 }

    /// Whether reserve `id` is borrowed.
    @inlinable
    public func isBorrowing(_ id: Int) -> Bool { borrowingMask >> id & 1 == 1 }

    /// The scaled aToken balance in reserve `id` (zero when never touched).
    @inlinable
    public func scaledATokenBalance(_ id: Int) -> UInt256 {
        id < scaledATokenBalances.count ? scaledATokenBalances[id] : .zero
    }

    /// The scaled variable debt in reserve `id` (zero when never touched).
    @inlinable
    public func scaledVariableDebt(_ id: Int) -> UInt256 {
        id < scaledVariableDebts.count ? scaledVariableDebts[id] : .zero
    }

    mutating func setScaledATokenBalance(_ value: UInt256, _ id: Int) {
        if id >= scaledATokenBalances.count {
            if value.isZero { return }
            scaledATokenBalances += repeatElement(.zero, count: id + 1 - scaledATokenBalances.count)
        }
        scaledATokenBalances[id] = value
    }

    mutating func setScaledVariableDebt(_ value: UInt256, _ id: Int) {
        if id >= scaledVariableDebts.count {
            if value.isZero { return }
            scaledVariableDebts += repeatElement(.zero, count: id + 1 - scaledVariableDebts.count)
        }
        scaledVariableDebts[id] = value
    }

    mutating func setUsingAsCollateral(_ id: Int, _ on: Bool) {
        if on { collateralMask |= 1 << id } else { collateralMask &= ~(1 << id) }
    }

    mutating func setBorrowing(_ id: Int, _ on: Bool) {
        if on { borrowingMask |= 1 << id } else { borrowingMask &= ~(1 << id) }
    }
}
