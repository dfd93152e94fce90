import Benchmark
import CascadeChain
import CascadeMath
import CascadeProtocols

// Maker liquidation calls on realistic state (ETH-A, Liquidations 2.0 parameters).
//
// Each sample copies a prepared system and runs one untimed call first, so that the copy-on-write
// copies of the state it touches happen outside the measurement; then it times 1,000 calls
// (`scalingFactor: .kilo`), each on fresh inputs: `take` buys a small slice of one large
// auction, `bark` liquidates a different vault each time.

private let ethA = Bytes32(ascii: "ETH-A")!
private let start: UInt64 = 1_700_000_000
private let taker = Address(truncating: 0x7A4E5)
private let faucet = Address(truncating: 0xFA0CE7)
private let keeper = Address(truncating: 0x4EE9E5)

private func wad(_ whole: UInt64) -> UInt256 { MakerUnits.wad(whole) }

private func context(_ sender: Address, _ time: UInt64) -> CallContext {
    CallContext(sender: sender, blockNumber: 18_000_000, timestamp: time)
}

/// ETH-A with the feed at 2,000 USD; `vaults` owners with 10 ETH / 10,000 DAI each, made unsafe
/// by a fall to 1,400 USD.
private func unsafeVaults(_ count: Int) throws -> (Maker, [Address]) {
    var maker = try Maker(parameters: .liquidations2, now: start)
    var ledger = TokenLedger()
    let weth = maker.gemJoins[ethA]!.gem
    ledger.register(Token(address: weth, symbol: "WETH", decimals: 18))
    maker.feed(ethA, val: wad(2_000))
    try maker.poke(ethA)
    var owners: [Address] = []
    for index in 0..<count {
        let owner = Address(truncating: UInt256(UInt64(0x1_0000 + index)))
        let ctx = context(owner, start)
        try ledger.mint(wad(10), of: weth, to: owner)
        try maker.join(ethA, usr: owner, wad: wad(10), context: ctx, ledger: &ledger)
        try maker.frob(ethA, u: owner, v: owner, w: owner, dink: Int256(exactly: wad(10))!, dart: Int256(exactly: wad(10_000))!, context: ctx)
        owners.append(owner)
    }
    maker.feed(ethA, val: wad(1_400))
    try maker.poke(ethA)
    return (maker, owners)
}

/// One large auction (a 100,000 ETH vault barked up to `hole`, 40M DAI) and a taker with DAI.
private func largeAuction() throws -> Maker {
    var maker = try Maker(parameters: .liquidations2, now: start)
    var ledger = TokenLedger()
    let weth = maker.gemJoins[ethA]!.gem
    ledger.register(Token(address: weth, symbol: "WETH", decimals: 18))
    ledger.register(Token(address: maker.addresses.dai, symbol: "DAI", decimals: 18))
    maker.feed(ethA, val: wad(2_000))
    try maker.poke(ethA)
    let owner = Address(truncating: 0xB16)
    let ctx = context(owner, start)
    try ledger.mint(wad(100_000), of: weth, to: owner)
    try maker.join(ethA, usr: owner, wad: wad(100_000), context: ctx, ledger: &ledger)
    try maker.frob(ethA, u: owner, v: owner, w: owner, dink: Int256(exactly: wad(100_000))!, dart: Int256(exactly: wad(100_000_000))!, context: ctx)
    maker.feed(ethA, val: wad(1_400))
    try maker.poke(ethA)
    try maker.bark(ethA, urn: owner, kpr: keeper, context: context(keeper, start))
    // The taker gets DAI the way a keeper does: from its own vault.
    let takerContext = context(taker, start)
    try ledger.mint(wad(100_000), of: weth, to: taker)
    try maker.join(ethA, usr: taker, wad: wad(100_000), context: takerContext, ledger: &ledger)
    try maker.frob(ethA, u: taker, v: taker, w: taker, dink: Int256(exactly: wad(100_000))!, dart: Int256(exactly: wad(90_000_000))!, context: takerContext)
    return maker
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 3,
        scalingFactor: .kilo,
        maxDuration: .seconds(2)
    )

    let auction = try! largeAuction()
    let clipper = auction.clippers[ethA]!.address
    let amt: UInt256 = 1_000_000_000_000_000  // 0.001 ETH per take
    let max = MakerUnits.ray(2_000)
    let takeTime = start + 100  // two stairsteps into the auction

    Benchmark("Maker take (typed call)") { benchmark in
        var maker = auction
        try maker.take(ethA, id: 1, amt: amt, max: max, who: taker, context: context(taker, takeTime))
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try maker.take(ethA, id: 1, amt: amt, max: max, who: taker, context: context(taker, takeTime)))
        }
        benchmark.stopMeasurement()
        blackHole(maker)   // its deallocation is not the call's
    }

    Benchmark("Maker take (execute: decoded call, events)") { benchmark in
        var maker = auction
        var ledger = TokenLedger()
        let call = ContractCall.clipperTake(id: 1, amt: amt, max: max, who: taker, data: [])
        _ = try maker.execute(call, to: clipper, context: context(taker, takeTime), ledger: &ledger)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try maker.execute(call, to: clipper, context: context(taker, takeTime), ledger: &ledger))
        }
        benchmark.stopMeasurement()
        blackHole(maker)   // its deallocation is not the call's
    }

    let (vaults, owners) = try! unsafeVaults(1_001)
    Benchmark("Maker bark (typed call)") { benchmark in
        var maker = vaults
        try maker.bark(ethA, urn: owners[0], kpr: keeper, context: context(keeper, start))
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations {
            blackHole(try maker.bark(ethA, urn: owners[i + 1], kpr: keeper, context: context(keeper, start)))
        }
        benchmark.stopMeasurement()
        blackHole(maker)   // its deallocation is not the call's
    }

    Benchmark("Maker bark (execute: decoded call, events)") { benchmark in
        var maker = vaults
        var ledger = TokenLedger()
        _ = try maker.execute(.dogBark(ilk: ethA, urn: owners[0], kpr: keeper), context: context(keeper, start), ledger: &ledger)
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations {
            blackHole(try maker.execute(.dogBark(ilk: ethA, urn: owners[i + 1], kpr: keeper), context: context(keeper, start), ledger: &ledger))
        }
        benchmark.stopMeasurement()
        blackHole(maker)   // its deallocation is not the call's
    }
}
