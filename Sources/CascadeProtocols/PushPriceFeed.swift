import CascadeChain
import CascadeMath

/// A Chainlink-style push price feed: a fixed set of reporters observe the market off chain,
/// each signs its observation, and one transaction carrying at least `quorum` signed
/// observations updates the answer to their median.
///
/// Modelled on Chainlink's OCR aggregator (smartcontractkit/libocr `contract/OffchainAggregator.sol`,
/// function `transmit`: at least f+1 signatures, every signer a registered oracle, no signer
/// twice, a report newer than the last, observations sorted, the median in
/// `[minAnswer, maxAnswer]`, `updatedAt = block.timestamp`), simplified in one respect: each
/// reporter signs its **own** observation, as Maker's median feeds do, instead of all signing
/// one shared report. That keeps one calldata shape for both oracle families.
///
/// **Transaction.** The update reuses ``CascadeChain/ContractCall/medianPoke(val:age:v:r:s:)``
/// (`poke(uint256[] val_, uint256[] age_, uint8[] v, bytes32[] r, bytes32[] s)`) sent to the
/// feed's address: `val_[i]` is reporter i's price, `age_[i]` its observation timestamp, and
/// `(v, r, s)` its signature. No new ``CascadeChain/ContractCall`` case is needed.
///
/// **Signed message.** Reporter i signs, as an EIP-191 personal message (`eth_sign`), the 96
/// bytes `feedID ‖ price ‖ timestamp` (`abi.encode(bytes32, uint256, uint256)`: the feed's
/// `bytes32` id, then price and timestamp as 32-byte big-endian integers), i.e. the digest
/// `keccak256("\x19Ethereum Signed Message:\n96" ‖ feedID ‖ price ‖ timestamp)`; see
/// ``message(feedID:price:timestamp:)``. The feed id keeps a signature for one feed from being
/// replayed on another.
///
/// **Checks, in order, with their revert reasons.**
///
/// | check | reason |
/// | --- | --- |
/// | the five arrays have one length | `PushPriceFeed/length-mismatch` |
/// | at least `quorum` observations | `PushPriceFeed/too-few-signers` |
/// | at most one per reporter | `PushPriceFeed/too-many-signers` |
/// | per observation: a signature recovers (`v` ∈ {27, 28}, r and s in range) | `PushPriceFeed/bad-signature` |
/// | … the signer is a reporter | `PushPriceFeed/unknown-signer` |
/// | … no reporter signs twice | `PushPriceFeed/duplicate-signer` |
/// | … its timestamp is after every timestamp already accepted | `PushPriceFeed/stale-report` |
/// | … its timestamp is not after the block's | `PushPriceFeed/future-report` |
/// | … prices are non-decreasing | `PushPriceFeed/not-sorted` |
/// | the median `val_[count/2]` lies in `[minAnswer, maxAnswer]` | `PushPriceFeed/answer-out-of-range` |
///
/// **Units.** Prices are integers with ``decimals`` places (8 for Chainlink's USD feeds);
/// timestamps are seconds since the Unix epoch.
public struct PushPriceFeed: Sendable, Hashable {
    /// Gas of an update: `base + perSignature · signatures`.
    ///
    /// Estimate from EVM prices, not a measurement: 21,000 intrinsic, the round's storage writes
    /// and events (≈ 30,000) make `base` 51,000; each observation adds 160 calldata bytes
    /// (≈ 2,600, EIP-2028), `ecrecover` (3,000) and hashing and checks (≈ 900): `perSignature`
    /// 6,500. Chainlink's OCR transmissions of ETH/USD (31 oracles, 11 signatures) use ≈ 200,000
    /// including oracle reimbursement, which this does not model.
    public struct Gas: Sendable, Hashable {
        public var base: UInt64
        public var perSignature: UInt64
        /// What a reverted update burns.
        public var reverted: UInt64

        public init(base: UInt64 = 51_000, perSignature: UInt64 = 6_500, reverted: UInt64 = 40_000) {
            self.base = base
            self.perSignature = perSignature
            self.reverted = reverted
        }
    }

    /// The contract's address.
    public let address: Address
    /// The feed's id, part of every signed message, e.g. `Bytes32(ascii: "ETH/USD")`.
    public let feedID: Bytes32
    /// Decimal places of the answer (8 for Chainlink's USD feeds).
    public let decimals: UInt8
    /// The reporters' addresses; a reporter's index is its position here.
    public let reporters: [Address]
    /// The minimum number of signed observations per update (OCR: f + 1).
    public let quorum: Int
    /// Reporters push when the market moves more than this many basis points from the answer
    /// (Chainlink ETH/USD: 50, i.e. 0.5 %).
    public var deviationThresholdBps: UInt64
    /// Reporters push when the answer is older than this many seconds (Chainlink ETH/USD: 3,600).
    public var heartbeat: UInt64
    /// The smallest median accepted.
    public var minAnswer: UInt256
    /// The largest median accepted (OCR answers are `int192`: 2¹⁹¹ − 1 by default).
    public var maxAnswer: UInt256
    /// Gas per update.
    public var gas: Gas
    /// The name events carry as their source.
    public var source: String

    /// The answer of the latest round (0 before the first).
    public private(set) var latestAnswer: UInt256 = .zero
    /// The number of accepted rounds (the round id of the latest answer).
    public private(set) var latestRound: UInt64 = 0
    /// `updatedAt`: the block timestamp of the latest round (0 before the first).
    public private(set) var updatedAt: UInt64 = 0
    /// The block of the latest round.
    public private(set) var lastUpdateBlock: UInt64 = 0
    /// The newest observation timestamp accepted so far: later reports must be newer.
    public private(set) var latestReportTimestamp: UInt64 = 0
    /// Reporter index by address.
    private let reporterIndex: [Address: Int]

    /// Deploys a feed. `reporters` must be distinct and non-zero, and
    /// `1 ≤ quorum ≤ reporters.count` (programmer errors otherwise).
    public init(
        address: Address, feedID: Bytes32, decimals: UInt8 = 8, reporters: [Address], quorum: Int,
        deviationThresholdBps: UInt64 = 50, heartbeat: UInt64 = 3_600,
        minAnswer: UInt256 = 1, maxAnswer: UInt256 = (UInt256.one << 191) &- .one,
        gas: Gas = Gas(), source: String? = nil
    ) {
        var index: [Address: Int] = [:]
        for (i, reporter) in reporters.enumerated() {
            precondition(reporter != .zero, "reporter \(i) is the zero address")
            precondition(index.updateValue(i, forKey: reporter) == nil, "reporter \(reporter) listed twice")
        }
        precondition(quorum >= 1 && quorum <= reporters.count, "quorum \(quorum) outside 1…\(reporters.count)")
        self.address = address
        self.feedID = feedID
        self.decimals = decimals
        self.reporters = reporters
        self.reporterIndex = index
        self.quorum = quorum
        self.deviationThresholdBps = deviationThresholdBps
        self.heartbeat = heartbeat
        self.minAnswer = minAnswer
        self.maxAnswer = maxAnswer
        self.gas = gas
        self.source = source ?? "push-feed \(feedID.asciiText ?? feedID.description)"
    }

    /// Gas of an update carrying `signatures` observations.
    public func updateGas(signatures: Int) -> UInt64 {
        gas.base + gas.perSignature * UInt64(signatures)
    }

    // MARK: Calls

    /// Runs a decoded call addressed to the feed: the `poke`-shaped update; anything else reverts.
    public mutating func execute(_ call: ContractCall, context: CallContext) throws(Revert) -> CallOutcome {
        guard case let .medianPoke(val, age, v, r, s) = call else {
            throw .reason("PushPriceFeed: no function \(call.function.signature)")
        }
        return try transmit(prices: val, timestamps: age, v: v, r: r, s: s, context: context)
    }

    /// Verifies a set of signed observations and, when all checks pass, starts a new round with
    /// their median. See the type's documentation for the checks and reasons, in order. A signer
    /// is recovered with ``ECRecover/signer(digest:v:r:s:context:)`` (a vouched mark stands for
    /// a signature only where `context` vouches for signatures).
    ///
    /// - Complexity: O(count) signature recoveries (≈ 50 µs each).
    public mutating func transmit(
        prices: [UInt256], timestamps: [UInt256], v: [UInt8], r: [Bytes32], s: [Bytes32], context: CallContext
    ) throws(Revert) -> CallOutcome {
        let count = prices.count
        guard timestamps.count == count, v.count == count, r.count == count, s.count == count else {
            throw .reason("PushPriceFeed/length-mismatch")
        }
        if count < quorum { throw .reason("PushPriceFeed/too-few-signers") }
        if count > reporters.count { throw .reason("PushPriceFeed/too-many-signers") }
        var signed = [Bool](repeating: false, count: reporters.count)
        var last = UInt256.zero
        var newest = latestReportTimestamp
        let previous = UInt256(latestReportTimestamp)
        let now = UInt256(context.timestamp)
        for i in 0..<count {
            let digest = { PersonalMessage.hash(Self.message(feedID: self.feedID, price: prices[i], timestamp: timestamps[i])) }
            guard let signer = ECRecover.signer(digest: digest, v: v[i], r: r[i], s: s[i], context: context) else {
                throw .reason("PushPriceFeed/bad-signature")
            }
            guard let index = reporterIndex[signer] else { throw .reason("PushPriceFeed/unknown-signer") }
            if signed[index] { throw .reason("PushPriceFeed/duplicate-signer") }
            signed[index] = true
            if timestamps[i] <= previous { throw .reason("PushPriceFeed/stale-report") }
            if timestamps[i] > now { throw .reason("PushPriceFeed/future-report") }
            if prices[i] < last { throw .reason("PushPriceFeed/not-sorted") }
            last = prices[i]
            // ≤ now, so it fits 64 bits.
            newest = max(newest, timestamps[i].w0)
        }
        let median = prices[count / 2]
        guard median >= minAnswer && median <= maxAnswer else { throw .reason("PushPriceFeed/answer-out-of-range") }

        latestRound += 1
        latestAnswer = median
        updatedAt = context.timestamp
        lastUpdateBlock = context.blockNumber
        latestReportTimestamp = newest
        return CallOutcome(gasUsed: updateGas(signatures: count), events: [
            ProtocolEvent(source: source, name: "AnswerUpdated", fields: [
                EventField("current", .fixedPoint(median, decimals: decimals, unit: feedID.asciiText ?? "price")),
                EventField("roundId", .integer(UInt256(latestRound))),
                EventField("updatedAt", .integer(UInt256(context.timestamp))),
            ]),
        ])
    }

    // MARK: Messages

    /// The 96 bytes a reporter signs: `feedID ‖ price ‖ timestamp`, each a 32-byte big-endian word.
    public static func message(feedID: Bytes32, price: UInt256, timestamp: UInt256) -> [UInt8] {
        var bytes = feedID.bytes
        bytes.reserveCapacity(96)
        bytes += price.bigEndianBytes
        bytes += timestamp.bigEndianBytes
        return bytes
    }
}

extension PushPriceFeed: PriceOracle {
    /// The latest answer (``decimals`` places) and whether a round has been accepted.
    public func peek() -> (value: UInt256, ok: Bool) { (latestAnswer, latestRound > 0) }

    /// `updatedAt` of the latest round.
    public var lastUpdateTimestamp: UInt64 { updatedAt }
}
