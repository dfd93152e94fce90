import CascadeChain
import CascadeMath

/// Maker's oracle medianizer: a quorum of whitelisted feeds sign `(val, age)` price messages
/// off chain, and anyone posts `bar` of them in one `poke` transaction; the median becomes the
/// price.
///
/// Restates `median.sol` (makerdao/median `src/`, commit 0316acd), contract `Median`:
///
/// - **Message.** A feed signs `keccak256(abi.encodePacked(val, age, wat))` — `val` and `age` as
///   32-byte big-endian `uint256`, `wat` the feed's `bytes32` name (`"ethusd"`), 96 bytes — as
///   an EIP-191 personal message: the contract recovers from
///   `keccak256("\x19Ethereum Signed Message:\n32" ‖ thatHash)` (function `recover`).
/// - **`poke(val_, age_, v, r, s)`.** Exactly `bar` messages (`Median/bar-too-low`), then for
///   each in order: the recovered signer is a lifted feed (`Median/invalid-oracle`; a signature
///   that recovers nothing gives address zero, which is never a feed), its `age` is newer than
///   the stored `age` (`Median/stale-message`), values are non-decreasing
///   (`Median/messages-not-in-order`), and no two signers share a **slot** — the first byte of
///   the address, tracked in a 256-bit bloom (`Median/oracle-already-signed`). The median
///   `val_[bar/2]` is stored truncated to `uint128` and `age` becomes `uint32(block.timestamp)`.
///   A shorter `age_`, `v`, `r` or `s` array fails at the first missing index (an `invalid`
///   opcode under Solidity 0.5: `Median: array index out of bounds`).
/// - **Feeds.** `lift` requires a non-zero address (`Median/no-oracle-0`) whose slot is free
///   (`Median/signer-already-exists`); `setBar` requires an odd, non-zero quorum
///   (`Median/quorum-is-zero`, `Median/quorum-not-odd-number`).
///
/// Not modelled: `wards` (admin functions are plain methods) and `bud` (every reader is
/// whitelisted, so `peek` never reverts `Median/contract-not-whitelisted`).
///
/// The poke transaction reuses ``CascadeChain/ContractCall/medianPoke(val:age:v:r:s:)``, the
/// real selector of `poke(uint256[],uint256[],uint8[],bytes32[],bytes32[])`.
public struct Median: Sendable, Hashable {
    /// The contract's address.
    public let address: Address
    /// `wat`: the feed's name, part of every signed message (`"ethusd"` in the source).
    public let wat: Bytes32
    /// The name events carry as their source.
    public var source: String
    /// Gas per `poke` (see ``pokeGas(signatures:)``).
    public var gas: Gas

    /// `val`: the median price, a wad (USD per token, 18 decimals) for Maker's feeds, `uint128`.
    public private(set) var val: UInt256 = .zero
    /// `age`: `uint32(block.timestamp)` of the last successful poke.
    public private(set) var age: UInt32 = 0
    /// `bar`: the number of messages a poke must carry.
    public private(set) var bar: Int = 1
    /// The block of the last successful poke.
    public private(set) var lastUpdateBlock: UInt64 = 0
    /// `orcl`: the lifted feeds.
    public private(set) var feeds: Set<Address> = []
    /// `slot`: which feed holds each first-address-byte slot.
    private var slots: [UInt8: Address] = [:]

    /// Gas a `poke` uses: `base + perSignature · bar`.
    ///
    /// Estimate from the EVM's prices, not a measurement: 21,000 intrinsic plus two storage
    /// writes and the event (≈ 10,000) make `base` 31,000; each message adds 160 calldata bytes
    /// (≈ 2,600 at 16 gas per non-zero byte, EIP-2028), the `ecrecover` precompile (3,000) and two
    /// Keccak hashes and checks (≈ 900): `perSignature` 6,500. For `bar` = 13 that is ≈ 115,500.
    public struct Gas: Sendable, Hashable {
        public var base: UInt64
        public var perSignature: UInt64
        /// What a reverted poke burns.
        public var reverted: UInt64

        public init(base: UInt64 = 31_000, perSignature: UInt64 = 6_500, reverted: UInt64 = 40_000) {
            self.base = base
            self.perSignature = perSignature
            self.reverted = reverted
        }
    }

    /// Deploys a median named `wat` with `bar` = 1 and no feeds.
    public init(address: Address, wat: Bytes32, gas: Gas = Gas(), source: String? = nil) {
        self.address = address
        self.wat = wat
        self.gas = gas
        self.source = source ?? "median \(wat.asciiText ?? wat.description)"
    }

    /// Gas of a poke carrying `signatures` messages.
    public func pokeGas(signatures: Int) -> UInt64 {
        gas.base + gas.perSignature * UInt64(signatures)
    }

    // MARK: Reading

    /// `read()`: the price; reverts `Median/invalid-price-feed` while it is zero.
    public func read() throws(Revert) -> UInt256 {
        if val.isZero { throw .reason("Median/invalid-price-feed") }
        return val
    }

    // MARK: Administration (auth)

    /// `lift(a)`: whitelists feeds. Each must be non-zero and take a free slot (first address byte).
    public mutating func lift(_ addresses: [Address]) throws(Revert) {
        var copy = self
        for feed in addresses {
            if feed == .zero { throw .reason("Median/no-oracle-0") }
            let slot = Self.slot(of: feed)
            if copy.slots[slot] != nil { throw .reason("Median/signer-already-exists") }
            copy.feeds.insert(feed)
            copy.slots[slot] = feed
        }
        self = copy
    }

    /// `drop(a)`: removes feeds and frees their slots.
    public mutating func drop(_ addresses: [Address]) {
        for feed in addresses {
            feeds.remove(feed)
            slots[Self.slot(of: feed)] = nil
        }
    }

    /// `setBar(bar_)`: the quorum, odd and non-zero.
    public mutating func setBar(_ newBar: Int) throws(Revert) {
        if newBar <= 0 { throw .reason("Median/quorum-is-zero") }
        if newBar % 2 == 0 { throw .reason("Median/quorum-not-odd-number") }
        bar = newBar
    }

    // MARK: Calls

    /// Runs a decoded call addressed to the median: `poke`; anything else reverts.
    public mutating func execute(_ call: ContractCall, context: CallContext) throws(Revert) -> CallOutcome {
        guard case let .medianPoke(val, age, v, r, s) = call else {
            throw .reason("Median: no function \(call.function.signature)")
        }
        return try poke(val: val, age: age, v: v, r: r, s: s, context: context)
    }

    /// `poke(val_, age_, v, r, s)`: checks `bar` signed messages and stores their median.
    /// See the type's documentation for the checks and their reasons, in order. A signer is
    /// recovered with ``ECRecover/signer(digest:v:r:s:context:)`` (a vouched mark stands for
    /// a signature only where `context` vouches for signatures).
    ///
    /// - Complexity: O(bar) signature recoveries (≈ 50 µs each).
    public mutating func poke(
        val values: [UInt256], age ages: [UInt256], v: [UInt8], r: [Bytes32], s: [Bytes32], context: CallContext
    ) throws(Revert) -> CallOutcome {
        if values.count != bar { throw .reason("Median/bar-too-low") }
        var bloom = UInt256.zero
        var last = UInt256.zero
        let zzz = UInt256(UInt64(age))
        for i in values.indices {
            guard i < ages.count, i < v.count, i < r.count, i < s.count else {
                throw .reason("Median: array index out of bounds")
            }
            let signer = ECRecover.signer(digest: { Self.signedDigest(val: values[i], age: ages[i], wat: wat) },
                                          v: v[i], r: r[i], s: s[i], context: context) ?? .zero
            if !feeds.contains(signer) { throw .reason("Median/invalid-oracle") }
            if ages[i] <= zzz { throw .reason("Median/stale-message") }
            if values[i] < last { throw .reason("Median/messages-not-in-order") }
            last = values[i]
            let bit = UInt256.one << Int(Self.slot(of: signer))
            if !(bloom & bit).isZero { throw .reason("Median/oracle-already-signed") }
            bloom = bloom | bit
        }
        val = values[values.count >> 1] & UInt256(w0: .max, w1: .max, w2: 0, w3: 0)  // uint128(…)
        age = UInt32(truncatingIfNeeded: context.timestamp)
        lastUpdateBlock = context.blockNumber
        return CallOutcome(gasUsed: pokeGas(signatures: values.count), events: [
            ProtocolEvent(source: source, name: "LogMedianPrice", fields: [
                EventField("val", .fixedPoint(val, decimals: 18, unit: "USD")),
                EventField("age", .integer(UInt256(UInt64(age)))),
            ]),
        ])
    }

    // MARK: Messages (feed side)

    /// `keccak256(abi.encodePacked(val, age, wat))`: the 32-byte hash a feed signs.
    public static func messageHash(val: UInt256, age: UInt256, wat: Bytes32) -> Keccak256.Digest {
        var hasher = Keccak256()
        hasher.update(val.bigEndianBytes)
        hasher.update(age.bigEndianBytes)
        hasher.update(wat.bytes)
        return hasher.finalize()
    }

    /// The digest `ecrecover` checks: the EIP-191 personal-message hash of ``messageHash(val:age:wat:)``,
    /// `keccak256("\x19Ethereum Signed Message:\n32" ‖ messageHash)`.
    public static func signedDigest(val: UInt256, age: UInt256, wat: Bytes32) -> Keccak256.Digest {
        messageHash(val: val, age: age, wat: wat).withUnsafeBytes { PersonalMessage.hash($0) }
    }

    /// A feed's signed message for this median: `(v, r, s)` over `(val, age, wat)`, as the
    /// feed software (`setzer`/`omnia`) produces with `eth_sign`.
    public func sign(val: UInt256, age: UInt64, with key: PrivateKey) -> (v: UInt8, r: Bytes32, s: Bytes32) {
        let hash = Self.messageHash(val: val, age: UInt256(age), wat: wat)
        return ECRecover.components(of: hash.withUnsafeBytes { PersonalMessage.sign($0, with: key) })
    }

    /// The `poke` call carrying `messages`, each signed by its feed, sorted by value as the
    /// contract requires (ties by signer address, so the calldata is deterministic). Without
    /// `signing` each message carries its feed's ``ECRecover/vouchedMark(for:)`` instead, for
    /// runs whose contracts are called in a context that vouches for signatures.
    public func makePoke(_ messages: [(val: UInt256, age: UInt64, signer: Signer)], signing: Bool = true) -> ContractCall {
        let sorted = messages.sorted { ($0.val, $0.signer.address) < ($1.val, $1.signer.address) }
        let signatures = sorted.map {
            signing ? sign(val: $0.val, age: $0.age, with: $0.signer.key) : ECRecover.vouchedMark(for: $0.signer.address)
        }
        return .medianPoke(
            val: sorted.map(\.val), age: sorted.map { UInt256($0.age) },
            v: signatures.map(\.v), r: signatures.map(\.r), s: signatures.map(\.s))
    }

    /// The slot of an address: its first byte (`uint8(uint256(a) >> 152)`).
    public static func slot(of address: Address) -> UInt8 {
        UInt8(truncatingIfNeeded: address.high >> 56)
    }
}

extension Median: PriceOracle {
    /// `peek()`: `(val, val > 0)`.
    public func peek() -> (value: UInt256, ok: Bool) { (val, !val.isZero) }

    /// The `age` of the last poke (seconds since the Unix epoch).
    public var lastUpdateTimestamp: UInt64 { UInt64(age) }
}
