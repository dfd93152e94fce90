import CascadeChain
import CascadeMath

/// The reporter side of a ``PushPriceFeed``: when to push an update and how to build it.
extension PushPriceFeed {
    /// Why reporters push a new round.
    public enum ReportTrigger: Sendable, Hashable {
        /// No round has been accepted yet.
        case firstReport
        /// The market moved more than the deviation threshold away from the answer.
        case deviation
        /// The answer is older than the heartbeat.
        case heartbeat
    }

    /// Why the reporters would push a round now, or `nil` when they would not, judged against the
    /// on-chain answer as libocr's median plugin does (`offchainreporting2/reportingplugin/median/median.go`,
    /// `shouldReport`): the first round; a **deviation** when
    /// `|marketPrice − latestAnswer| / latestAnswer > deviationThresholdBps / 10⁴`, computed
    /// exactly as `|m − a|·10⁴ > a·bps` (strictly greater, as `deviates`); or a **heartbeat**
    /// when `now > updatedAt + heartbeat` (strictly later, as the `deltaC` timeout).
    ///
    /// - Parameters:
    ///   - marketPrice: the reporters' observation, with ``decimals`` places.
    ///   - now: the reporters' clock, seconds since the Unix epoch.
    public func reportTrigger(marketPrice: UInt256, now: UInt64) -> ReportTrigger? {
        if latestRound == 0 { return .firstReport }
        let answer = latestAnswer
        let difference = marketPrice > answer ? marketPrice &- answer : answer &- marketPrice
        if answer.isZero {
            if !difference.isZero { return .deviation }
        } else {
            // Both sides below 2²⁵⁶ / 10⁴ for any answer an int192 feed holds; a product that
            // overflows is a deviation far beyond any threshold.
            let moved = difference.multipliedReportingOverflow(by: 10_000)
            let allowed = answer.multipliedReportingOverflow(by: UInt256(deviationThresholdBps))
            if moved.overflow || (!allowed.overflow && moved.partialValue > allowed.partialValue) { return .deviation }
        }
        let (deadline, late) = updatedAt.addingReportingOverflow(heartbeat)
        if !late && now > deadline { return .heartbeat }
        return nil
    }

    /// Whether the reporters would push a round now (``reportTrigger(marketPrice:now:)`` is not `nil`).
    public func shouldReport(marketPrice: UInt256, now: UInt64) -> Bool {
        reportTrigger(marketPrice: marketPrice, now: now) != nil
    }

    /// One reporter's signature `(v, r, s)` over its observation `(price, timestamp)` for this
    /// feed (``message(feedID:price:timestamp:)`` as an EIP-191 personal message).
    public func sign(price: UInt256, timestamp: UInt64, with key: PrivateKey) -> (v: UInt8, r: Bytes32, s: Bytes32) {
        ECRecover.components(of: PersonalMessage.sign(Self.message(feedID: feedID, price: price, timestamp: UInt256(timestamp)), with: key))
    }

    /// The update call carrying each reporter's signed observation, sorted by price as the feed
    /// requires (ties by reporter address, so the calldata is deterministic). All observations
    /// carry `timestamp`, the round's observation time. Without `signing` each observation
    /// carries its reporter's ``ECRecover/vouchedMark(for:)`` instead, for runs whose contracts
    /// are called in a context that vouches for signatures.
    public func makeReport(observations: [(price: UInt256, signer: Signer)], timestamp: UInt64, signing: Bool = true) -> ContractCall {
        let sorted = observations.sorted { ($0.price, $0.signer.address) < ($1.price, $1.signer.address) }
        let signatures = sorted.map {
            signing ? sign(price: $0.price, timestamp: timestamp, with: $0.signer.key) : ECRecover.vouchedMark(for: $0.signer.address)
        }
        return .medianPoke(
            val: sorted.map(\.price), age: Array(repeating: UInt256(timestamp), count: sorted.count),
            v: signatures.map(\.v), r: signatures.map(\.r), s: signatures.map(\.s))
    }

    /// The update call in which every one of `signers` reports `price` at `timestamp`.
    public func makeReport(price: UInt256, timestamp: UInt64, signers: [Signer], signing: Bool = true) -> ContractCall {
        makeReport(observations: signers.map { (price, $0) }, timestamp: timestamp, signing: signing)
    }
}
