import CascadeChain
import CascadeMath
import Testing
@testable import CascadeAgents
@testable import CascadeProtocols

/// A feed relayer's reports: signed by its reporters when its account signs, and carrying their
/// vouched marks, with no secp256k1 work, when it does not.
@Suite struct OracleRelayerTests {
    typealias F = AgentFixture
    static let feedAddress = Address(truncating: 0xFEED)
    static let reporters = (0..<3).map { Signer(key: PrivateKey.derive(seed: F.seed, label: "relayer-test-reporter", index: UInt64($0))) }

    /// A chain whose only contract is an ETH/USD push feed with three reporters and a quorum of three.
    static func chain() -> ChainState {
        let feed = PushPriceFeed(address: feedAddress, feedID: Bytes32(ascii: "ETH/USD")!, reporters: reporters.map(\.address), quorum: 3)
        return ChainState(ledger: TokenLedger(), maker: nil, makerOracles: [], aave: nil, aaveAddress: nil, compound: nil,
                          pairs: [], feeds: [LendingPriceFeed(feed: feed, assets: [])])
    }

    static func relayer(signs: Bool) -> OracleRelayer {
        OracleRelayer(account: AgentAccount(seed: F.seed, role: "feed-relayer", index: 0, chainID: F.chainID, signs: signs),
                      reporters: reporters, signaturesPerUpdate: 3,
                      configuration: .init(target: .feed(index: 0), symbol: "ETH", spreadBps: 0, heartbeat: 3_600, gas: .fixed(F.gwei(10))))
    }

    @Test func unsignedReportsCarryVouchedMarksThatOnlyAVouchingContextAccepts() throws {
        let state = Self.chain()
        let view = F.view(state, prices: ["ETH": 2_000])
        var signing = Self.relayer(signs: true), marking = Self.relayer(signs: false)
        let signed = signing.act(view), marked = marking.act(view)
        #expect(signed.count == 1 && marked.count == 1)
        guard case let .medianPoke(val, age, v, r, s)? = marked.first?.call,
              case let .medianPoke(signedVal, signedAge, signedV, _, _)? = signed.first?.call else {
            Issue.record("no report sent")
            return
        }
        #expect(val == signedVal && age == signedAge)
        #expect(Set(signedV).isSubset(of: [27, 28]))
        #expect(v == [0, 0, 0] && s == [.zero, .zero, .zero])
        #expect(Set(r.map { Address(truncating: $0.word) }) == Set(Self.reporters.map(\.address)))

        let report = try #require(marked.first)
        let at = CallContext(sender: report.sender, blockNumber: F.block0 + 1, timestamp: F.t0 + 12)
        var rejecting = state
        guard case .reverted(let reason, _) = rejecting.apply(report.call, to: Self.feedAddress, sender: report.sender, context: at) else {
            Issue.record("a mark passed for a signature")
            return
        }
        #expect(reason == .reason("PushPriceFeed/bad-signature"))
        var accepting = state, verifying = state
        let vouching = CallContext(sender: report.sender, blockNumber: F.block0 + 1, timestamp: F.t0 + 12, vouchesForSignatures: true)
        guard case .success = accepting.apply(report.call, to: Self.feedAddress, sender: report.sender, context: vouching),
              case .success = verifying.apply(try #require(signed.first).call, to: Self.feedAddress, sender: report.sender, context: at) else {
            Issue.record("a report reverted")
            return
        }
        #expect(accepting.feeds[0].feed.latestAnswer == 2_000_00000000)
        #expect(accepting.feeds == verifying.feeds)
    }
}
