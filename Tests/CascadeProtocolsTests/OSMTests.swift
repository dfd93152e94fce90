import CascadeChain
import CascadeMath
import CascadeProtocols
import XCTest

final class OSMTests: XCTestCase {
    let keeper = Address(truncating: 0x4EE9E5)
    /// 2024-01-01T00:00:00Z, a multiple of 3,600.
    let hour0: UInt64 = 1_704_067_200

    func at(_ timestamp: UInt64, block: UInt64 = 1) -> CallContext {
        CallContext(sender: keeper, blockNumber: block, timestamp: timestamp)
    }

    /// osm.sol: a value read into `nxt` by a poke on the hour becomes `cur` exactly one hop later;
    /// a poke one second earlier reverts `OSM/not-passed`.
    func testValueBecomesCurrentExactlyOneHopAfterItWasRead() throws {
        var osm = OSM(address: Address(truncating: 0x05A))
        var source = StubPrice(value: 2_000 &* e18, lastUpdateTimestamp: hour0 - 30)
        XCTAssertEqual(osm.hop, 3_600)
        _ = try osm.poke(source: source, context: at(hour0, block: 10))
        XCTAssertEqual(osm.peek().ok, false, "cur is still empty")
        XCTAssertEqual(osm.peep().value, 2_000 &* e18)
        XCTAssertEqual(osm.zzz, hour0)

        source.value = 1_500 &* e18
        source.lastUpdateTimestamp = hour0 + 1_800
        XCTAssertFalse(osm.pass(at: hour0 + 3_599))
        XCTAssertReverts(.reason("OSM/not-passed"), try osm.poke(source: source, context: at(hour0 + 3_599, block: 300)))
        XCTAssertEqual(osm.peek().ok, false, "not visible before the hop")

        XCTAssertTrue(osm.pass(at: hour0 + 3_600))
        let outcome = try osm.execute(.osmPoke, context: at(hour0 + 3_600, block: 301), source: source)
        XCTAssertEqual(outcome.gasUsed, 50_000)
        XCTAssertEqual(outcome.events.map(\.name), ["LogValue"])
        XCTAssertEqual(osm.peek().value, 2_000 &* e18, "visible exactly one hop after it was read")
        XCTAssertEqual(try osm.read(), 2_000 &* e18)
        XCTAssertEqual(osm.peep().value, 1_500 &* e18, "the crash is an hour away")
        XCTAssertEqual(osm.lastUpdateBlock, 301)
        XCTAssertEqual(osm.valueAge(at: hour0 + 3_600), 3_630, "the median's price was 30 s old when read")
        XCTAssertEqual(osm.age(at: hour0 + 4_000), 400)
    }

    /// `zzz = prev(now)` rounds down to the hop: a poke at 10:40 allows the next at 11:00, so the
    /// delay of a value read late in an hour is shorter than an hour.
    func testPokeLandingLateInItsHourShortensTheNextDelay() throws {
        var osm = OSM(address: Address(truncating: 0x05A))
        let source = StubPrice(value: 7)
        _ = try osm.poke(source: source, context: at(hour0 + 2_400))
        XCTAssertEqual(osm.zzz, hour0)
        XCTAssertEqual(osm.nextPokeTimestamp, hour0 + 3_600)
        XCTAssertReverts(.reason("OSM/not-passed"), try osm.poke(source: source, context: at(hour0 + 3_599)))
        _ = try osm.poke(source: source, context: at(hour0 + 3_600))
        XCTAssertEqual(osm.peek().value, 7)
        // A keeper whose poke is delayed (congestion) delays every later value with it.
        _ = try osm.poke(source: StubPrice(value: 8), context: at(hour0 + 9_000))
        XCTAssertEqual(osm.zzz, hour0 + 7_200)
        XCTAssertEqual(osm.peep().value, 8)
    }

    func testSourceWithoutValueLeavesEverythingAndEmergencySwitches() throws {
        var osm = OSM(address: Address(truncating: 0x05A))
        XCTAssertReverts(.reason("OSM/no-current-value"), try osm.read())
        _ = try osm.poke(source: StubPrice(value: 0, ok: false), context: at(hour0))
        XCTAssertEqual(osm.zzz, 0, "a poke whose source has no value moves nothing")
        XCTAssertEqual(osm.peep().ok, false)
        // uint128(uint(wut)): the high bits are dropped.
        _ = try osm.poke(source: StubPrice(value: (UInt256.one << 128) &+ 5), context: at(hour0))
        XCTAssertEqual(osm.peep().value, 5)

        osm.stop()
        XCTAssertReverts(.reason("OSM/is-stopped"), try osm.poke(source: StubPrice(value: 1), context: at(hour0 + 3_600)))
        osm.start()
        XCTAssertReverts(.reason("OSM/ts-is-zero"), try osm.step(0))
        try osm.step(600)
        _ = try osm.poke(source: StubPrice(value: 1), context: at(hour0 + 600))
        XCTAssertEqual(osm.peek().value, 5)
        osm.void()
        XCTAssertEqual(osm.peek().ok, false)
        XCTAssertTrue(osm.stopped)
        XCTAssertReverts(.reason("OSM: no function transfer(address,uint256)"), try osm.execute(.erc20Transfer(to: keeper, amount: 1), context: at(hour0 + 7_200), source: StubPrice(value: 1)))
    }

    /// A median behind the OSM: the median's own update time flows through to `valueAge`.
    func testMedianAsSource() throws {
        let feed = Signer(key: PrivateKey.derive(seed: 9, label: "median-feed", index: 0))
        var median = Median(address: Address(truncating: 0x3ED1A), wat: Bytes32(ascii: "ethusd")!)
        try median.lift([feed.address])
        _ = try median.execute(median.makePoke([(1_234 &* e18, hour0 - 100, feed)]), context: at(hour0 - 60))
        var osm = OSM(address: Address(truncating: 0x05A))
        _ = try osm.poke(source: median, context: at(hour0))
        _ = try osm.poke(source: median, context: at(hour0 + 3_600))
        XCTAssertEqual(osm.peek().value, 1_234 &* e18)
        XCTAssertEqual(osm.valueAge(at: hour0 + 3_600), 3_660)
    }
}
