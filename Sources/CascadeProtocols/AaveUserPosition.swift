import CascadeMath

/// One account's Aave v3 position: scaled aToken and variable-debt balances per reserve, and the
/// `UserConfigurationMap` flags saying which reserves are collateral and which are borrowed.
///
/// Balances are *scaled* (aave-dao/aave-v3-origin `ScaledBalanceTokenBase`): the aToken balance
/// is `rayMulFloor(scaled, liquidityIndex)` and the debt `rayMulCeil(scaled, variableBorrowIndex)`
/// (``AaveMathUtils``). A reserve never touched has zero balances. The masks hold one bit per
/// reserve id (the pool lists at most 128).
///
/// **Storage.** The balances of the first ``inlineReserves`` reserves an account touches live in
/// the value itself, further ones in an array. Copying a position (the journal's snapshot before a
/// call writes it) and editing the copy then allocate nothing, and the end-of-block health scan
/// reads one contiguous value per account instead of following pointers.
public struct AaveUserPosition: Sendable {
    /// Bit `id`: the reserve is used as collateral (`isUsingAsCollateral`).
    public internal(set) var collateralMask: UInt128
    /// Bit `id`: the account borrows the reserve (`isBorrowing`).
    public internal(set) var borrowingMask: UInt128

    /// The reserve ids of the inline slots, one byte each (slot k in bits 8k…8k+7), `0xFF` for a
    /// free slot; slots are taken in the order reserves are first given a non-zero balance.
    private var slotIDs: UInt16
    private var slot0 = Balances(), slot1 = Balances()
    /// Reserves beyond the inline slots, in the order they were first touched.
    private var overflow: [(id: Int, balances: Balances)]

    /// Reserves whose balances are kept inline.
    public static let inlineReserves = 2

    /// A reserve's scaled balances.
    private struct Balances: Sendable {
        var scaledAToken = UInt256.zero
        var scaledDebt = UInt256.zero
    }

    /// An empty position.
    public init() {
        collateralMask = 0
        borrowingMask = 0
        slotIDs = .max
        overflow = []
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
    public func scaledATokenBalance(_ id: Int) -> UInt256 {
        if let slot = slot(of: id) { return balances(inSlot: slot).scaledAToken }
        return overflow.first { $0.id == id }?.balances.scaledAToken ?? .zero
    }

    /// The scaled variable debt in reserve `id` (zero when never touched).
    public func scaledVariableDebt(_ id: Int) -> UInt256 {
        if let slot = slot(of: id) { return balances(inSlot: slot).scaledDebt }
        return overflow.first { $0.id == id }?.balances.scaledDebt ?? .zero
    }

    /// Scaled aToken balance per reserve id, up to the highest id touched.
    public var scaledATokenBalances: [UInt256] { balancesByID(\.scaledAToken) }

    /// Scaled variable debt per reserve id, up to the highest id touched.
    public var scaledVariableDebts: [UInt256] { balancesByID(\.scaledDebt) }

    mutating func setScaledATokenBalance(_ value: UInt256, _ id: Int) {
        modifyBalances(id, creating: !value.isZero) { $0.scaledAToken = value }
    }

    mutating func setScaledVariableDebt(_ value: UInt256, _ id: Int) {
        modifyBalances(id, creating: !value.isZero) { $0.scaledDebt = value }
    }

    mutating func setUsingAsCollateral(_ id: Int, _ on: Bool) {
        if on { collateralMask |= 1 << id } else { collateralMask &= ~(1 << id) }
    }

    mutating func setBorrowing(_ id: Int, _ on: Bool) {
        if on { borrowingMask |= 1 << id } else { borrowingMask &= ~(1 << id) }
    }

    // MARK: Slots

    /// The inline slot holding reserve `id`, if any: the first byte of ``slotIDs`` equal to `id`.
    @inline(__always)
    private func slot(of id: Int) -> Int? {
        let byte = UInt16(truncatingIfNeeded: id) & 0xFF
        if slotIDs & 0xFF == byte { return 0 }
        if slotIDs >> 8 == byte { return 1 }
        return nil
    }

    @inline(__always)
    private func balances(inSlot slot: Int) -> Balances {
        slot == 0 ? slot0 : slot1
    }

    @inline(__always)
    private mutating func modifySlot(_ slot: Int, _ body: (inout Balances) -> Void) {
        if slot == 0 { body(&slot0) } else { body(&slot1) }
    }

    /// Edits reserve `id`'s balances; a reserve without balances gets a slot only when `creating`.
    private mutating func modifyBalances(_ id: Int, creating: Bool, _ body: (inout Balances) -> Void) {
        if let slot = slot(of: id) { return modifySlot(slot, body) }
        if let index = overflow.firstIndex(where: { $0.id == id }) { return body(&overflow[index].balances) }
        guard creating else { return }
        if let free = slot(of: 0xFF) {
            slotIDs = slotIDs & ~(0xFF << (8 * UInt16(free))) | UInt16(id) << (8 * UInt16(free))
            modifySlot(free) { $0 = Balances() }
            modifySlot(free, body)
        } else {
            var balances = Balances()
            body(&balances)
            overflow.append((id, balances))
        }
    }

    /// Every touched reserve's balances, by id.
    private func forEachReserve(_ body: (Int, Balances) -> Void) {
        for slot in 0..<Self.inlineReserves {
            let id = Int(slotIDs >> (8 * UInt16(slot)) & 0xFF)
            if id != 0xFF { body(id, balances(inSlot: slot)) }
        }
        for entry in overflow { body(entry.id, entry.balances) }
    }

    private func balancesByID(_ field: KeyPath<Balances, UInt256>) -> [UInt256] {
        var result: [UInt256] = []
        forEachReserve { id, balances in
            if id >= result.count { result += repeatElement(.zero, count: id + 1 - result.count) }
            result[id] = balances[keyPath: field]
        }
        return result
    }
}

extension AaveUserPosition: Hashable {
    /// Positions are equal when their flags and every reserve's scaled balances are (where the
    /// balances are stored does not matter).
    public static func == (lhs: AaveUserPosition, rhs: AaveUserPosition) -> Bool {
        guard lhs.collateralMask == rhs.collateralMask, lhs.borrowingMask == rhs.borrowingMask else { return false }
        var equal = true
        lhs.forEachReserve { id, balances in
            equal = equal && rhs.scaledATokenBalance(id) == balances.scaledAToken && rhs.scaledVariableDebt(id) == balances.scaledDebt
        }
        rhs.forEachReserve { id, balances in
            equal = equal && lhs.scaledATokenBalance(id) == balances.scaledAToken && lhs.scaledVariableDebt(id) == balances.scaledDebt
        }
        return equal
    }

    /// Hashes the flags only (equal positions have equal flags).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(collateralMask)
        hasher.combine(borrowingMask)
    }
}
