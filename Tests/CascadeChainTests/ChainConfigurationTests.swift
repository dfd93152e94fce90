import CascadeChain
import CascadeMath
import XCTest

final class ChainConfigurationTests: XCTestCase {
    let gwei = BlockSpace.gwei

    func testFirstPriceDefaultsAreMarch2020Mainnet() throws {
        let config = try ChainConfiguration(["chain.fee_market": .string("first-price"), "engine.seed": .integer(7)])
        XCTAssertEqual(config.feeMarket, .firstPrice)
        XCTAssertEqual(config.gasLimit, 10_000_000)
        XCTAssertEqual(config.blockTimeSeconds, 13)
        XCTAssertEqual(config.txGasCap, 10_000_000)
        XCTAssertEqual(config.initialBaseFee, 0)
        XCTAssertEqual(config.startTimestamp, 0)
        XCTAssertEqual(config.mempool, MempoolPolicy(lifetimeBlocks: 830, maxSize: 6_144, priceBumpPercent: 10, txGasCap: 10_000_000))
        XCTAssertEqual(config.background, .none)
    }

    func testEIP1559DefaultsAreLondon() throws {
        let config = try ChainConfiguration(["chain.fee_market": .string("eip1559")])
        XCTAssertEqual(config.feeMarket, .eip1559(BaseFee(elasticity: 2, maxChangeDenominator: 8)))
        XCTAssertEqual(config.gasLimit, 30_000_000)
        XCTAssertEqual(config.blockTimeSeconds, 12)
        XCTAssertEqual(config.initialBaseFee, 1_000_000_000)
        XCTAssertEqual(config.mempool.lifetimeBlocks, 900)
        let builder = BlockBuilder(configuration: config)
        XCTAssertEqual(builder.baseFee, 1_000_000_000)
        XCTAssertEqual(builder.nextBlockNumber, 1)
    }

    func testExplicitValues() throws {
        let config = try ChainConfiguration([
            "chain.fee_market": .string("eip1559"), "chain.gas_limit": .integer(36_000_000), "chain.block_time_seconds": .integer(12),
            "chain.tx_gas_cap": .integer(16_777_216), "chain.initial_base_fee": .string("25 gwei"), "chain.elasticity": .integer(3),
            "chain.base_fee_change_denominator": .integer(50), "chain.start_timestamp": .string("2024-08-05T00:00:00Z"),
            "chain.mempool.lifetime_blocks": .integer(50), "chain.mempool.max_size": .integer(100),
            "chain.mempool.price_bump_percent": .integer(12), "chain.background.mode": .string("constant"),
            "chain.background.demand_share": .float(0.9), "chain.background.median_bid": .string("20 gwei"),
            "chain.background.p90_bid": .integer(60_000_000_000), "chain.background.slices": .integer(64),
            "chain.background.demand_noise": .integer(0), "chain.background.priority_fee": .string("1.5 gwei"),
        ])
        XCTAssertEqual(config.feeMarket, .eip1559(BaseFee(elasticity: 3, maxChangeDenominator: 50)))
        XCTAssertEqual(config.initialBaseFee, 25 &* gwei)
        XCTAssertEqual(config.txGasCap, 16_777_216)
        XCTAssertEqual(config.startTimestamp, 1_722_816_000)
        XCTAssertEqual(config.mempool, MempoolPolicy(lifetimeBlocks: 50, maxSize: 100, priceBumpPercent: 12, txGasCap: 16_777_216))
        guard case .constant(let share, let bids) = config.background else { return XCTFail("\(config.background)") }
        XCTAssertEqual(share, 0.9)
        XCTAssertEqual(bids.median, 20, accuracy: 1e-9)
        XCTAssertEqual(bids.quantile(0.9), 60, accuracy: 1e-6)
        XCTAssertEqual(config.backgroundSlices, 64)
        XCTAssertEqual(config.backgroundDemandNoise, 0)
        XCTAssertEqual(config.backgroundPriorityFee, 1_500_000_000)
    }

    func testReplayReadsTheSeriesTextAndStartsWithIt() throws {
        let csv = "timestamp,mean_gwei,p60_gwei,p90_gwei\n2020-03-12T00:00:00Z,10.0,8.3,28.4\n2020-03-12T01:00:00Z,12.0,10.0,33.0\n"
        let config = try ChainConfiguration(["chain.fee_market": .string("first-price"), "chain.background.mode": .string("replay"),
                                             "chain.background.series": .string("data/gas.csv")], texts: ["data/gas.csv": csv])
        XCTAssertEqual(config.startTimestamp, 1_583_971_200)
        guard case .replay(let series, let share) = config.background else { return XCTFail("\(config.background)") }
        XCTAssertEqual(series.rows.count, 2)
        XCTAssertEqual(share, 1.5)
        var background = BackgroundDemand(configuration: config, random: SplitMix64(seed: 1))
        XCTAssertEqual(background.demand(at: config.startTimestamp).bids.count, 100)
    }

    func testVolatilityDefaults() throws {
        let config = try ChainConfiguration(["chain.fee_market": .string("first-price"), "chain.background.mode": .string("volatility"),
                                             "chain.background.bid_elasticity": .float(2)])
        guard case .volatilityCoupled(let coupling) = config.background else { return XCTFail("\(config.background)") }
        XCTAssertEqual(coupling.bidElasticity, 2)
        XCTAssertEqual(coupling.halfLifeHours, VolatilityCoupling.blackThursday.halfLifeHours)
        XCTAssertEqual(coupling.calmBids, VolatilityCoupling.blackThursday.calmBids)
    }

    // MARK: Errors name the key, what was expected and what was found

    func assertError(_ values: [String: ConfigScalar], texts: [String: String] = [:], key: String, expected: String? = nil,
                     found: String, line: Int? = nil, file: StaticString = #filePath, lineNumber: UInt = #line) {
        XCTAssertThrowsError(try ChainConfiguration(values, texts: texts), file: file, line: lineNumber) { error in
            guard let e = error as? ChainConfigurationError else { return XCTFail("\(error)", file: file, line: lineNumber) }
            XCTAssertEqual(e.keyPath, key, file: file, line: lineNumber)
            if let expected { XCTAssertEqual(e.expected, expected, file: file, line: lineNumber) }
            XCTAssertEqual(e.found, found, file: file, line: lineNumber)
            XCTAssertEqual(e.line, line, file: file, line: lineNumber)
        }
    }

    func testErrors() {
        let fp: [String: ConfigScalar] = ["chain.fee_market": .string("first-price")]
        let eip: [String: ConfigScalar] = ["chain.fee_market": .string("eip1559")]
        assertError([:], key: "chain.fee_market", expected: "one of \"first-price\", \"eip1559\"", found: "nothing")
        assertError(["chain.fee_market": .string("second-price")], key: "chain.fee_market", found: "\"second-price\"")
        assertError(fp.merging(["chain.gas_limit": .integer(0)]) { $1 }, key: "chain.gas_limit",
                    expected: "an integer from 21000 to 9223372036854775807 (gas)", found: "0")
        assertError(fp.merging(["chain.gas_limit": .string("10M")]) { $1 }, key: "chain.gas_limit", found: "\"10M\"")
        assertError(fp.merging(["chain.tx_gas_cap": .integer(20_000_000)]) { $1 }, key: "chain.tx_gas_cap", found: "20000000")
        assertError(fp.merging(["chain.initial_base_fee": .string("1 gwei")]) { $1 }, key: "chain.initial_base_fee",
                    expected: "no value: the key applies only when chain.fee_market = \"eip1559\"", found: "\"1 gwei\"")
        assertError(eip.merging(["chain.initial_base_fee": .integer(-5)]) { $1 }, key: "chain.initial_base_fee", found: "-5")
        assertError(eip.merging(["chain.initial_base_fee": .string("-3 gwei")]) { $1 }, key: "chain.initial_base_fee",
                    found: "\"-3 gwei\" (at column 1: expected a non-negative amount, found '-')")
        assertError(eip.merging(["chain.initial_base_fee": .string("fast")]) { $1 }, key: "chain.initial_base_fee",
                    found: "\"fast\" (at column 1: expected a decimal digit, found 'f')")
        assertError(eip.merging(["chain.initial_base_fee": .float(1.5)]) { $1 }, key: "chain.initial_base_fee", found: "1.5")
        assertError(eip.merging(["chain.elasticity": .integer(0)]) { $1 }, key: "chain.elasticity", found: "0")
        assertError(fp.merging(["chain.gas_limt": .integer(5)]) { $1 }, key: "chain.gas_limt",
                    expected: "a known chain key (see docs/blockspace.md)", found: "5")
        assertError(fp.merging(["chain.background.median_bid": .string("5 gwei")]) { $1 }, key: "chain.background.median_bid",
                    found: "\"5 gwei\"")
        assertError(fp.merging(["chain.background.mode": .string("constant"), "chain.background.priority_fee": .string("2 gwei")]) { $1 },
                    key: "chain.background.priority_fee", found: "\"2 gwei\"")
        assertError(fp.merging(["chain.background.mode": .string("constant"), "chain.background.demand_share": .float(-0.5)]) { $1 },
                    key: "chain.background.demand_share", expected: "a number ≥ 0.0", found: "-0.5")
        assertError(fp.merging(["chain.background.mode": .string("constant"), "chain.background.median_bid": .string("40 gwei"),
                                "chain.background.p90_bid": .string("30 gwei")]) { $1 },
                    key: "chain.background.p90_bid", found: "30000000000 wei")
        assertError(fp.merging(["chain.background.mode": .string("replay")]) { $1 }, key: "chain.background.series", found: "nothing")
        assertError(fp.merging(["chain.background.mode": .string("replay"), "chain.background.series": .string("gas.csv")]) { $1 },
                    key: "chain.background.series", found: "\"no text for that name\"")
        assertError(fp.merging(["chain.mempool.max_size": .boolean(true)]) { $1 }, key: "chain.mempool.max_size", found: "true")
        assertError(fp.merging(["chain.start_timestamp": .string("yesterday")]) { $1 }, key: "chain.start_timestamp", found: "\"yesterday\"")
    }

    func testSeriesErrorsCarryTheSourceAndLine() {
        let values: [String: ConfigScalar] = ["chain.fee_market": .string("first-price"), "chain.background.mode": .string("replay"),
                                              "chain.background.series": .string("gas.csv")]
        let unsorted = "timestamp,p60_gwei,p90_gwei\n# hourly\n7200,1,2\n3600,1,2\n"
        assertError(values, texts: ["gas.csv": unsorted], key: "chain.background.series",
                    expected: "column timestamp: a time after 7200 (line 3): timestamps must increase", found: "3600", line: 4)
        let gapped = "timestamp,p60_gwei,p90_gwei\n0,1,2\n3600,1,2\n10800,1,2\n"
        XCTAssertThrowsError(try ChainConfiguration(values, texts: ["gas.csv": gapped])) { error in
            XCTAssertEqual((error as? ChainConfigurationError)?.description,
                           "gas.csv:4: chain.background.series: expected column timestamp: 7200, one interval of 3600 s after line 3, found 10800: a gap of 3600 s (missing rows)")
        }
    }

    func testFirstErrorIsDeterministic() {
        // Two unknown keys: the alphabetically first is reported, whatever the dictionary order.
        for _ in 0..<20 {
            assertError(["chain.fee_market": .string("first-price"), "chain.zeta": .integer(1), "chain.alpha": .integer(2)],
                        key: "chain.alpha", found: "2")
        }
    }
}
