import CascadeChain
import CascadeMath
@testable import CascadeProtocols
import XCTest

final class MedianTests: XCTestCase {
    let ethusd = Bytes32(ascii: "ethusd")!
    let medianAddress = Address(truncating: 0x3ED1A)
    let poker = Address(truncating: 0x90CE)

    func context(timestamp: UInt64, block: UInt64 = 1) -> CallContext {
        CallContext(sender: poker, blockNumber: block, timestamp: timestamp)
    }

    // MARK: Vectors

    /// The signed messages of median.sol's own test are accepted, and the median is the 8th of 15.
    func testSourceTestVectorIsAccepted() throws {
        var median = Median(address: medianAddress, wat: ethusd)
        try median.setBar(15)
        try median.lift(Self.sourceFeeds)
        let outcome = try median.poke(
            val: Self.sourceVal, age: Self.sourceAge, v: Self.sourceV, r: Self.sourceR, s: Self.sourceS,
            context: context(timestamp: 1_548_368_000, block: 7))
        XCTAssertEqual(median.peek().value, Self.sourceVal[7])
        XCTAssertTrue(median.peek().ok)
        XCTAssertEqual(try median.read(), 258_679_000_000_000_000_000)
        XCTAssertEqual(median.age, 1_548_368_000)
        XCTAssertEqual(median.lastUpdateBlock, 7)
        XCTAssertEqual(outcome.gasUsed, 31_000 + 15 * 6_500)
        XCTAssertEqual(outcome.events.map(\.name), ["LogMedianPrice"])
    }

    /// Messages signed by eth-account (`gen_oracle_vectors.py`): Swift computes the same message
    /// hash and EIP-191 digest, reproduces the same signatures (RFC 6979), and the median accepts them.
    func testPythonSignedMessagesAreAcceptedAndReproduced() throws {
        let vectors = try OracleVectors.load().median
        let wat = Bytes32(testHex: vectors.wat)
        XCTAssertEqual(wat, ethusd)
        var median = Median(address: medianAddress, wat: wat)
        try median.setBar(5)
        try median.lift(vectors.messages.map { Address($0.address)! })
        var signers: [(val: UInt256, age: UInt64, signer: Signer)] = []
        for message in vectors.messages {
            let val = UInt256(testDecimal: message.val)
            XCTAssertEqual(Median.messageHash(val: val, age: UInt256(message.age), wat: wat).hex, message.messageHash)
            XCTAssertEqual(Median.signedDigest(val: val, age: UInt256(message.age), wat: wat).hex, message.digest)
            let signer = Signer(key: try PrivateKey(hex: message.privateKey))
            XCTAssertEqual(signer.address, Address(message.address))
            let signature = median.sign(val: val, age: message.age, with: signer.key)
            XCTAssertEqual(signature.v, message.v)
            XCTAssertEqual(signature.r, Bytes32(testHex: message.r))
            XCTAssertEqual(signature.s, Bytes32(testHex: message.s))
            signers.append((val, message.age, signer))
        }
        let call = ContractCall.medianPoke(
            val: vectors.messages.map { UInt256(testDecimal: $0.val) }, age: vectors.messages.map { UInt256($0.age) },
            v: vectors.messages.map(\.v), r: vectors.messages.map { Bytes32(testHex: $0.r) },
            s: vectors.messages.map { Bytes32(testHex: $0.s) })
        XCTAssertEqual(median.makePoke(Array(signers.reversed())), call, "makePoke sorts and signs like eth-account")
        _ = try median.execute(try ContractCall.decode(call.encode()), context: context(timestamp: 1_700_000_012))
        XCTAssertEqual(median.val, UInt256(testDecimal: vectors.median))
    }

    /// `ecrecover` accepts high-s signatures: the first message with s → n − s and v flipped
    /// still recovers its feed.
    func testHighSSignatureIsAcceptedAsTheEcrecoverPrecompileDoes() throws {
        let vectors = try OracleVectors.load().median
        var median = Median(address: medianAddress, wat: ethusd)
        try median.lift(vectors.messages.map { Address($0.address)! })
        let first = vectors.messages[0]
        XCTAssertNotEqual(vectors.highS.v, first.v)
        _ = try median.poke(
            val: [UInt256(testDecimal: first.val)], age: [UInt256(first.age)], v: [vectors.highS.v],
            r: [Bytes32(testHex: vectors.highS.r)], s: [Bytes32(testHex: vectors.highS.s)],
            context: context(timestamp: 1_700_000_012))
        XCTAssertEqual(median.val, UInt256(testDecimal: first.val))
    }

    /// Without signing, a poke carries vouched marks: a context that vouches for signatures
    /// accepts them and stores the same median as the signed poke; any other context rejects them
    /// as signatures that recover nothing; a mark for an address that is not a feed is rejected.
    func testVouchedMarksStandForSignaturesOnlyWhereTheContextVouches() throws {
        let keys = (0..<3).map { Signer(key: PrivateKey.derive(seed: 7, label: "median-feed", index: UInt64($0))) }
        var median = Median(address: medianAddress, wat: ethusd)
        try median.setBar(3)
        try median.lift(keys.map(\.address))
        let messages = keys.enumerated().map { (val: UInt256(UInt64(2_000 + $0.offset)) &* e18, age: UInt64(1_000), signer: $0.element) }
        let marked = median.makePoke(messages, signing: false)
        guard case let .medianPoke(val, age, v, r, s) = marked else { return XCTFail() }
        XCTAssertEqual(v, [0, 0, 0])
        XCTAssertEqual(s, [.zero, .zero, .zero])
        XCTAssertEqual(r.map { Address(truncating: $0.word) }, keys.map(\.address).sorted())
        let vouching = CallContext(sender: poker, blockNumber: 1, timestamp: 1_010, vouchesForSignatures: true)
        let before = median
        XCTAssertReverts(.reason("Median/invalid-oracle"), try median.execute(marked, context: context(timestamp: 1_010)))
        let stranger = Signer(key: PrivateKey.derive(seed: 7, label: "stranger", index: 0))
        let (sv, sr, ss) = ECRecover.vouchedMark(for: stranger.address)
        XCTAssertReverts(.reason("Median/invalid-oracle"),
                         try median.poke(val: val, age: age, v: [v[0], v[1], sv], r: [r[0], r[1], sr], s: [s[0], s[1], ss], context: vouching))
        XCTAssertEqual(median, before)

        var signed = median
        _ = try signed.execute(median.makePoke(messages), context: context(timestamp: 1_010))
        let outcome = try median.execute(marked, context: vouching)
        XCTAssertEqual(median, signed, "a vouched poke stores what the signed one does")
        XCTAssertEqual(outcome.gasUsed, median.pokeGas(signatures: 3))
        // Real signatures still recover where the context vouches.
        var mixed = before
        _ = try mixed.execute(before.makePoke(messages), context: vouching)
        XCTAssertEqual(mixed, signed)
    }

    // MARK: Reverts

    func testPokeRevertsEachWithItsReasonAndChangesNothing() throws {
        let keys = (0..<3).map { Signer(key: PrivateKey.derive(seed: 7, label: "median-feed", index: UInt64($0))) }
        XCTAssertEqual(Set(keys.map { Median.slot(of: $0.address) }).count, 3, "distinct slots")
        var median = Median(address: medianAddress, wat: ethusd)
        try median.setBar(3)
        try median.lift(keys.map(\.address))
        let good = median.makePoke(keys.enumerated().map { (UInt256(UInt64(2_000 + $0.offset)) &* e18, 1_000, $0.element) })
        guard case let .medianPoke(val, age, v, r, s) = good else { return XCTFail() }
        let at = context(timestamp: 1_010)
        func poke(_ val: [UInt256], _ age: [UInt256], _ v: [UInt8], _ r: [Bytes32], _ s: [Bytes32]) throws {
            _ = try median.poke(val: val, age: age, v: v, r: r, s: s, context: at)
        }
        let before = median

        XCTAssertReverts(.reason("Median/bar-too-low"), try poke(Array(val.prefix(2)), age, v, r, s))
        XCTAssertReverts(.reason("Median/invalid-oracle"), try poke(val, age, [v[0], 29, v[2]], r, s))
        XCTAssertReverts(.reason("Median/invalid-oracle"), try poke(val, age, v, [r[0], .zero, r[2]], s))
        XCTAssertReverts(.reason("Median/invalid-oracle"), try poke([val[0], val[1] &+ 1, val[2]], age, v, r, s))
        let stranger = Signer(key: PrivateKey.derive(seed: 7, label: "stranger", index: 0))
        let (sv, sr, ss) = median.sign(val: val[2], age: 1_000, with: stranger.key)
        XCTAssertReverts(.reason("Median/invalid-oracle"), try poke(val, age, [v[0], v[1], sv], [r[0], r[1], sr], [s[0], s[1], ss]))
        XCTAssertReverts(.reason("Median/messages-not-in-order"), try poke([val[1], val[0], val[2]], [age[1], age[0], age[2]], [v[1], v[0], v[2]], [r[1], r[0], r[2]], [s[1], s[0], s[2]]))
        XCTAssertReverts(.reason("Median/oracle-already-signed"), try poke([val[0], val[0], val[2]], age, [v[0], v[0], v[2]], [r[0], r[0], r[2]], [s[0], s[0], s[2]]))
        XCTAssertReverts(.reason("Median: array index out of bounds"), try poke(val, Array(age.prefix(2)), v, r, s))
        XCTAssertEqual(median, before, "reverted pokes change nothing")

        try poke(val, age, v, r, s)
        XCTAssertEqual(median.val, val[1])
        XCTAssertEqual(median.age, 1_010)
        // The same messages again are older than the stored age.
        XCTAssertReverts(.reason("Median/stale-message"), try poke(val, age, v, r, s))
        // Messages signed at 1,010 — not after the last poke's timestamp — are stale too.
        let again = median.makePoke(keys.map { (3_000 &* e18, 1_010, $0) })
        XCTAssertReverts(.reason("Median/stale-message"), try median.execute(again, context: context(timestamp: 1_020)))
        let fresh = median.makePoke(keys.map { (3_000 &* e18, 1_011, $0) })
        _ = try median.execute(fresh, context: context(timestamp: 1_020, block: 2))
        XCTAssertEqual(median.val, 3_000 &* e18)
        XCTAssertReverts(.reason("Median: no function poke()"), try median.execute(.osmPoke, context: at))
    }

    func testLiftDropAndBarRules() throws {
        var median = Median(address: medianAddress, wat: ethusd)
        // median.t.sol `test_slot`/`testFail_slot`: 0x0a00… and 0x0A11… share slot 0x0a.
        let a = Address("0x0a00000000000000000000000000000000000000")!
        let b = Address("0x0B00000000000000000000000000000000000000")!
        let clash = Address("0x0A11111111111111111111111111111111111111")!
        try median.lift([a])
        try median.lift([b])
        median.drop([a])
        try median.lift([a])
        XCTAssertReverts(.reason("Median/signer-already-exists"), try median.lift([clash]))
        XCTAssertReverts(.reason("Median/no-oracle-0"), try median.lift([.zero]))
        XCTAssertReverts(.reason("Median/signer-already-exists"), try median.lift([Address("0x0c00000000000000000000000000000000000000")!, Address("0x0c00000000000000000000000000000000000001")!]))
        XCTAssertFalse(median.feeds.contains(Address("0x0c00000000000000000000000000000000000000")!), "a reverted lift lifts nothing")
        XCTAssertEqual(Median.slot(of: clash), 0x0a)
        XCTAssertReverts(.reason("Median/quorum-is-zero"), try median.setBar(0))
        XCTAssertReverts(.reason("Median/quorum-not-odd-number"), try median.setBar(4))
        try median.setBar(13)
        XCTAssertEqual(median.bar, 13)
        XCTAssertEqual(median.pokeGas(signatures: 13), 115_500)
    }

    func testStalenessIsReported() throws {
        let key = Signer(key: PrivateKey.derive(seed: 8, label: "median-feed", index: 0))
        var median = Median(address: medianAddress, wat: ethusd)
        try median.lift([key.address])
        XCTAssertEqual(median.peek().ok, false)
        XCTAssertReverts(.reason("Median/invalid-price-feed"), try median.read())
        _ = try median.execute(median.makePoke([(1_500 &* e18, 5_000, key)]), context: context(timestamp: 5_012, block: 40))
        XCTAssertEqual(median.lastUpdateTimestamp, 5_012)
        XCTAssertEqual(median.lastUpdateBlock, 40)
        XCTAssertEqual(median.age(at: 5_612), 600)
        XCTAssertEqual(median.blocksSinceUpdate(at: 90), 50)
    }

    // MARK: Source vector (median.t.sol)

    /// makerdao/median `src/median.t.sol` (commit 0316acd), `test_Median`: 15 feeds, `wat` "ethusd".
    static let sourceFeeds = [
        "0x2d6691a7Ca09FcFC8a069953AD4Ba4De11DbFFd6",
        "0xEF7a293Adaec73c5E134040DDAd13a15CEB7231A",
        "0xEd1fBB08C70D1d510cF6C6a8B31f69917F0eCd46",
        "0xd4D2CBda7CA421A68aFdb72f16Ad38b8f0Ea3199",
        "0x94e71Afc1C876762aF8aaEd569596E6Fe2d42d86",
        "0x1379F663AE24cFD7cDaad6d8E0fa0dBf2F7D51fb",
        "0x2a4B7b59323B8bC4a78d04a88E853469ED6ea1d4",
        "0x8797FDdF08612100a8B821CD52f8B71dB75Fa9aC",
        "0xdB3E64F17f5E6Af7161dCd01401464835136Af6C",
        "0xCD63177834dDD54aDdD2d9F9845042A21360023A",
        "0x832A0149Beea1e4cb7175b3062Edd10E1b40A951",
        "0xb158f2EC0E44c7cE533C5e41ca5FB09575f1e210",
        "0x555faE91fb4b03473704045737b8b5F628E9E5E5",
        "0x8b8668B708D4edee400Dfd00e9A9038781eb5904",
        "0x06B80b4034FEc8566857f0B9180b025e933093e4",
    ].map { Address($0)! }
    static let sourceVal: [UInt256] = [
        0xda04773c0e7dc8000,
        0xdadaf5fa2ace38000,
        0xdc37cafcfdb070000,
        0xdd2cb5477ce488000,
        0xdda50e698aa8b8000,
        0xdee1b120a84408000,
        0xdf1f6b99173cf8000,
        0xe05e46bf5bd458000,
        0xe0d89f78a64830000,
        0xe25afb05259b10000,
        0xe2f0a37c02c4e0000,
        0xe39eb8b98cc360000,
        0xe4cab42f05fc38000,
        0xe549b69e88b498000,
        0xe68f023a57f3c0000,
    ]
    static let sourceAge: [UInt256] = [
        0x5c4a3710,
        0x5c4a3711,
        0x5c4a3712,
        0x5c4a3713,
        0x5c4a3714,
        0x5c4a3715,
        0x5c4a3716,
        0x5c4a3717,
        0x5c4a3719,
        0x5c4a371a,
        0x5c4a371b,
        0x5c4a371c,
        0x5c4a371d,
        0x5c4a371e,
        0x5c4a371f,
    ]
    static let sourceV: [UInt8] = [0x1c, 0x1b, 0x1c, 0x1b, 0x1b, 0x1b, 0x1c, 0x1c, 0x1b, 0x1c, 0x1b, 0x1b, 0x1c, 0x1c, 0x1b]
    static let sourceR: [Bytes32] = [
        "cde732167a15601b67d9a5a03c14739f05a4128966d5e14157a97178c2b66268",
        "5f7533150ce566f568f0157a9bcb119e84bc0fcee585a8e8fff14b10b7e87ce9",
        "a5e83de72de8cd96edc991b774dbef19dfec5905a3b0438c8b4b14d799c234fb",
        "9a13768dad10e3b2d22e37c5ba74b5fa5d71569efeaa45f8333fdcc799826861",
        "18f7edbf9fa29b6965cd2b63f4a771847af0a1f5e29c0542d14659c3d22d9f39",
        "a9f717be8c0f61aa4a9313858ef46defe4080e81565abe6f3c7b691be81b7512",
        "1d4ddab4935b842e58a4f68813508693c968345d965f0ea65e2cb66d2d87278b",
        "db29ff83b98180bffb0a369972efa7f75a377621f4be9abd98bac8497b6cc7d7",
        "bfe4434091e228a0d57a67ae1cec2d1f24eb470acbc99d3e44477e5ba86ec192",
        "bfe9e874ce4b86886167310e252cb3e792f7577c78c6317131b3b23bd2bac23a",
        "494a00afbf51e94a00fb802464a329788b1787cca413e9606e48b0d4c5db186a",
        "d48a4227257fe62489dd5a876213f0c73dd28b5bbd0062b97c97ad359341a6d0",
        "1036209fd741421b13c947b723c6c36723337831f261261a9f972c92c1024e9c",
        "ddbf5d9d124da617f20aabeadce531bc7bf5a5cc87eee996cd7a7acff335e659",
        "46ad81c37b4fd40b16c428accb368bba91312a5b4491a747abb31594faaa30df",
    ].map { Bytes32(testHex: $0) }
    static let sourceS: [Bytes32] = [
        "7db1ca5ef537cd229d35c88395393f23c8f2bb4708d65d66bb625879686e87b5",
        "6c2ee3a98dfeca39f1b9b79ddcb446be70e771e0737c296c537bfb01ed9f5eb4",
        "1c29866da2db9480c8a7f2a691c194e3deb1c69b50c68005c1f70f20845ae127",
        "7f6aa4bc4be9b59e95653563e6e82c44b26543a7e7f76e4ca5981d3a061f0c06",
        "34fa2d01cd9d6d90376754d63f064079b8369c301545a55d47b1d281ddbe6c0e",
        "7f414a67c20e574065134c43562956ae0c5831540b2a11d27f0cbf55c1a17838",
        "54923524bf791d2e53955ca9016ac24f26c509a28a3bd297a4e2bf92be5c143a",
        "4d81a95311ed8d44ec77725aaa9d7e376156de27a1400c61858e47945102df0a",
        "304b355b420a75f432002c527ea1d1d073bbbe9383e8cc0b35a73e6ab4f8e643",
        "6b115625e7b015434b85d5d3c2a0627564b78df43a12b8ea6f5fc778395fafde",
        "036ff783f19deb152c42ec06238d9cb9de8697765103b32936d6d2cb441fada8",
        "525cd8d3baf77dad049c7092cbbef6979e36924b88cc90faf09256c24552cf9d",
        "242043c823bf48009cbf79e6114de1ce57fd2a031190966d00b89a16871534ed",
        "69dd6213ef7c960ce7123a50dabd2a45d477c8ae3eca2bb860ec75902a23ca81",
        "6573f1f517c89503a1116377f7ac80cbfe2b24bbc5dc1147d03da725198f8cc5",
    ].map { Bytes32(testHex: $0) }
}
