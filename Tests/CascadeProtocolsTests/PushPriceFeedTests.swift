import CascadeChain
import CascadeMath
import CascadeProtocols
import XCTest

final class PushPriceFeedTests: XCTestCase {
    let feedAddress = Address(truncating: 0xFEED)
    let transmitter = Address(truncating: 0x7A45)
    let ethUSD = Bytes32(ascii: "ETH/USD")!

    func at(_ timestamp: UInt64, block: UInt64 = 1) -> CallContext {
        CallContext(sender: transmitter, blockNumber: block, timestamp: timestamp)
    }

    func reporters(_ count: Int, seed: UInt64 = 11) -> [Signer] {
        (0..<count).map { Signer(key: PrivateKey.derive(seed: seed, label: "oracle-reporter", index: UInt64($0))) }
    }

    func feed(_ signers: [Signer], quorum: Int) -> PushPriceFeed {
        PushPriceFeed(address: feedAddress, feedID: ethUSD, reporters: signers.map(\.address), quorum: quorum)
    }

    /// Observations signed by eth-account are accepted; Swift reproduces the message bytes, the
    /// EIP-191 digest and the signatures.
    func testPythonSignedReportIsAcceptedAndReproduced() throws {
        let vectors = try OracleVectors.load().pushFeed
        XCTAssertEqual(Bytes32(testHex: vectors.feedID), ethUSD)
        let signers = try vectors.observations.map { Signer(key: try PrivateKey(hex: $0.privateKey)) }
        var feed = feed(signers, quorum: 3)
        for (observation, signer) in zip(vectors.observations, signers) {
            let price = UInt256(testDecimal: observation.price)
            let message = PushPriceFeed.message(feedID: ethUSD, price: price, timestamp: UInt256(observation.timestamp))
            XCTAssertEqual(Hex.encode(message, prefix: false), observation.message)
            XCTAssertEqual(PersonalMessage.hash(message).hex, observation.digest)
            let signature = feed.sign(price: price, timestamp: observation.timestamp, with: signer.key)
            XCTAssertEqual(signature.v, observation.v)
            XCTAssertEqual(signature.r, Bytes32(testHex: observation.r))
            XCTAssertEqual(signature.s, Bytes32(testHex: observation.s))
        }
        let call = ContractCall.medianPoke(
            val: vectors.observations.map { UInt256(testDecimal: $0.price) }, age: vectors.observations.map { UInt256($0.timestamp) },
            v: vectors.observations.map(\.v), r: vectors.observations.map { Bytes32(testHex: $0.r) },
            s: vectors.observations.map { Bytes32(testHex: $0.s) })
        let timestamp = vectors.observations[0].timestamp
        XCTAssertEqual(
            feed.makeReport(observations: Array(zip(vectors.observations.map { UInt256(testDecimal: $0.price) }, signers).map { (price: $0, signer: $1) }.reversed()), timestamp: timestamp),
            call)
        let outcome = try feed.execute(try ContractCall.decode(call.encode()), context: at(timestamp + 40, block: 77))
        XCTAssertEqual(feed.latestAnswer, UInt256(testDecimal: vectors.median))
        XCTAssertEqual(feed.latestRound, 1)
        XCTAssertEqual(feed.updatedAt, timestamp + 40)
        XCTAssertEqual(feed.lastUpdateBlock, 77)
        XCTAssertEqual(feed.latestReportTimestamp, timestamp)
        XCTAssertEqual(outcome.gasUsed, 51_000 + 3 * 6_500)
        XCTAssertEqual(outcome.events.map(\.name), ["AnswerUpdated"])
        XCTAssertEqual(feed.peek().value, UInt256(testDecimal: vectors.median))
    }

    /// Each verification failure reverts with its own reason and leaves the feed unchanged.
    func testQuorumAndSignatureFailuresRevertEachWithItsReason() throws {
        let signers = reporters(4)
        var feed = feed(signers, quorum: 3)
        let good = feed.makeReport(
            observations: [(2_000_00000000, signers[0]), (2_001_00000000, signers[1]), (2_002_00000000, signers[2])],
            timestamp: 1_000)
        guard case let .medianPoke(val, age, v, r, s) = good else { return XCTFail() }
        let now = at(1_010)
        func transmit(_ val: [UInt256], _ age: [UInt256], _ v: [UInt8], _ r: [Bytes32], _ s: [Bytes32], _ context: CallContext? = nil) throws {
            _ = try feed.transmit(prices: val, timestamps: age, v: v, r: r, s: s, context: context ?? now)
        }
        let pristine = feed

        XCTAssertReverts(.reason("PushPriceFeed/length-mismatch"), try transmit(val, age, v, r, Array(s.prefix(2))))
        XCTAssertReverts(.reason("PushPriceFeed/too-few-signers"), try transmit(Array(val.prefix(2)), Array(age.prefix(2)), Array(v.prefix(2)), Array(r.prefix(2)), Array(s.prefix(2))))
        XCTAssertReverts(.reason("PushPriceFeed/too-many-signers"), try transmit(val + val, age + age, v + v, r + r, s + s))
        XCTAssertReverts(.reason("PushPriceFeed/bad-signature"), try transmit(val, age, [v[0], 26, v[2]], r, s))
        XCTAssertReverts(.reason("PushPriceFeed/bad-signature"), try transmit(val, age, v, r, [s[0], s[1], .zero]))
        // A changed price recovers some other address: not a reporter.
        XCTAssertReverts(.reason("PushPriceFeed/unknown-signer"), try transmit([val[0], val[1], val[2] &+ 1], age, v, r, s))
        let outsider = Signer(key: PrivateKey.derive(seed: 99, label: "outsider", index: 0))
        let forged = feed.sign(price: val[2], timestamp: 1_000, with: outsider.key)
        XCTAssertReverts(.reason("PushPriceFeed/unknown-signer"), try transmit(val, age, [v[0], v[1], forged.v], [r[0], r[1], forged.r], [s[0], s[1], forged.s]))
        XCTAssertReverts(.reason("PushPriceFeed/duplicate-signer"), try transmit([val[0], val[0], val[2]], age, [v[0], v[0], v[2]], [r[0], r[0], r[2]], [s[0], s[0], s[2]]))
        XCTAssertReverts(.reason("PushPriceFeed/not-sorted"), try transmit([val[1], val[0], val[2]], age, [v[1], v[0], v[2]], [r[1], r[0], r[2]], [s[1], s[0], s[2]]))
        XCTAssertReverts(.reason("PushPriceFeed/future-report"), try transmit(val, age, v, r, s, at(999)))
        var strict = feed
        strict.minAnswer = 2_001_50000000
        XCTAssertReverts(.reason("PushPriceFeed/answer-out-of-range"), try strict.transmit(prices: val, timestamps: age, v: v, r: r, s: s, context: now))
        XCTAssertEqual(feed, pristine, "reverted updates change nothing")

        try transmit(val, age, v, r, s)
        XCTAssertEqual(feed.latestAnswer, 2_001_00000000)
        // Replaying the same report, or one observed no later than the last, is stale.
        XCTAssertReverts(.reason("PushPriceFeed/stale-report"), try transmit(val, age, v, r, s, at(1_020)))
        let sameSecond = feed.makeReport(price: 1_900_00000000, timestamp: 1_000, signers: Array(signers.prefix(3)))
        XCTAssertReverts(.reason("PushPriceFeed/stale-report"), try feed.execute(sameSecond, context: at(1_020)))
        let next = feed.makeReport(price: 1_900_00000000, timestamp: 1_001, signers: Array(signers.suffix(3)))
        _ = try feed.execute(next, context: at(1_020, block: 2))
        XCTAssertEqual(feed.latestAnswer, 1_900_00000000)
        XCTAssertEqual(feed.latestRound, 2)
        XCTAssertReverts(.reason("PushPriceFeed: no function poke()"), try feed.execute(.osmPoke, context: at(1_030)))
    }

    /// Without signing, a report carries vouched marks: a context that vouches for signatures
    /// accepts them and starts the same round as the signed report; any other context rejects
    /// them as bad signatures; a mark for a non-reporter is an unknown signer.
    func testVouchedMarksStandForSignaturesOnlyWhereTheContextVouches() throws {
        let signers = reporters(4)
        var feed = feed(signers, quorum: 3)
        let observations = [(price: UInt256(2_002_00000000), signer: signers[2]), (2_000_00000000, signers[0]), (2_001_00000000, signers[1])]
        let marked = feed.makeReport(observations: observations, timestamp: 1_000, signing: false)
        guard case let .medianPoke(val, age, v, r, s) = marked else { return XCTFail() }
        XCTAssertEqual(val, [2_000_00000000, 2_001_00000000, 2_002_00000000])
        XCTAssertEqual(v, [0, 0, 0])
        XCTAssertEqual(r.map { Address(truncating: $0.word) }, [signers[0].address, signers[1].address, signers[2].address])
        let vouching = CallContext(sender: transmitter, blockNumber: 1, timestamp: 1_010, vouchesForSignatures: true)
        let pristine = feed
        XCTAssertReverts(.reason("PushPriceFeed/bad-signature"), try feed.execute(marked, context: at(1_010)))
        let outsider = ECRecover.vouchedMark(for: Signer(key: PrivateKey.derive(seed: 99, label: "outsider", index: 0)).address)
        XCTAssertReverts(.reason("PushPriceFeed/unknown-signer"),
                         try feed.transmit(prices: val, timestamps: age, v: [v[0], v[1], outsider.v], r: [r[0], r[1], outsider.r],
                                           s: [s[0], s[1], outsider.s], context: vouching))
        XCTAssertEqual(feed, pristine)

        var signed = feed
        _ = try signed.execute(feed.makeReport(observations: observations, timestamp: 1_000), context: at(1_010))
        _ = try feed.execute(marked, context: vouching)
        XCTAssertEqual(feed, signed, "a vouched report starts the round the signed one does")
        XCTAssertEqual(feed.latestAnswer, 2_001_00000000)
    }

    /// Deviation (strictly more than the threshold) and heartbeat (strictly after it) decisions.
    func testDeviationAndHeartbeatDecisions() throws {
        let signers = reporters(3)
        var feed = feed(signers, quorum: 2)
        XCTAssertEqual(feed.deviationThresholdBps, 50)
        XCTAssertEqual(feed.heartbeat, 3_600)
        XCTAssertEqual(feed.reportTrigger(marketPrice: 2_000_00000000, now: 100), .firstReport)
        _ = try feed.execute(feed.makeReport(price: 2_000_00000000, timestamp: 100, signers: signers), context: at(112))
        XCTAssertEqual(feed.updatedAt, 112)

        // 0.5 % of 2,000 is 10: a move of exactly 10 does not trigger, 10 plus one unit does.
        XCTAssertNil(feed.reportTrigger(marketPrice: 2_010_00000000, now: 200))
        XCTAssertNil(feed.reportTrigger(marketPrice: 1_990_00000000, now: 200))
        XCTAssertEqual(feed.reportTrigger(marketPrice: 2_010_00000001, now: 200), .deviation)
        XCTAssertEqual(feed.reportTrigger(marketPrice: 1_989_99999999, now: 200), .deviation)
        XCTAssertFalse(feed.shouldReport(marketPrice: 2_000_00000000, now: 112 + 3_600))
        XCTAssertEqual(feed.reportTrigger(marketPrice: 2_000_00000000, now: 112 + 3_601), .heartbeat)
        XCTAssertTrue(feed.shouldReport(marketPrice: 2_000_00000000, now: 112 + 3_601))
        XCTAssertEqual(feed.reportTrigger(marketPrice: .max, now: 200), .deviation, "an overflowing move is a deviation")
        feed.deviationThresholdBps = 10_000
        XCTAssertNil(feed.reportTrigger(marketPrice: 4_000_00000000, now: 200))
        XCTAssertEqual(feed.reportTrigger(marketPrice: 4_000_00000001, now: 200), .deviation)
    }

    func testStalenessIsReported() throws {
        let signers = reporters(3)
        var feed = feed(signers, quorum: 2)
        XCTAssertEqual(feed.peek().ok, false)
        XCTAssertEqual(feed.age(at: 5_000), 5_000)
        _ = try feed.execute(feed.makeReport(price: 1_000_00000000, timestamp: 4_990, signers: Array(signers.prefix(2))), context: at(5_000, block: 321))
        XCTAssertEqual(feed.age(at: 5_000), 0)
        XCTAssertEqual(feed.age(at: 8_600), 3_600)
        XCTAssertEqual(feed.lastUpdateBlock, 321)
        XCTAssertEqual(feed.blocksSinceUpdate(at: 600), 279)
        XCTAssertEqual(feed.updateGas(signatures: 2), 64_000)
    }

    /// A push feed can sit behind an OSM like a median.
    func testFeedBehindAnOSM() throws {
        let signers = reporters(3)
        var feed = feed(signers, quorum: 2)
        _ = try feed.execute(feed.makeReport(price: 3_000_00000000, timestamp: 7_190, signers: signers), context: at(7_200))
        var osm = OSM(address: Address(truncating: 0x05A))
        _ = try osm.poke(source: feed, context: at(7_200))
        _ = try osm.poke(source: feed, context: at(10_800))
        XCTAssertEqual(osm.peek().value, 3_000_00000000)
        XCTAssertEqual(osm.valueAge(at: 10_800), 3_600)
    }
}
