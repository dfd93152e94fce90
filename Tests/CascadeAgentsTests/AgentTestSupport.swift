import CascadeChain
import CascadeMath
import Testing
@testable import CascadeAgents
@testable import CascadeProtocols

/// Shared setup for the agent tests: small chains built by hand, the view an agent sees after a
/// block, and the checks every agent transaction must pass.
enum AgentFixture {
    static let ethA = Bytes32(ascii: "ETH-A")!
    /// 12 March 2020, 00:00 UTC.
    static let t0: UInt64 = 1_583_971_200
    static let chainID: UInt64 = 1
    static let seed: UInt64 = 20_200_312
    static let block0: UInt64 = 9_650_000

    static func wad(_ whole: UInt64) -> UInt256 { MakerUnits.wad(whole) }
    static func rad(_ whole: UInt64) -> UInt256 { MakerUnits.rad(whole) }
    static func ray(_ whole: UInt64) -> UInt256 { MakerUnits.ray(whole) }
    /// A decimal literal as a fixed-point integer, e.g. `fixed("1.13", 27)`.
    static func fixed(_ text: String, _ decimals: Int) -> UInt256 { try! AmountParser.parse(text, decimals: decimals) }
    static func int(_ value: UInt256) -> Int256 { Int256(exactly: value)! }

    /// The account of agent `index` in role `role`.
    static func account(_ role: String, _ index: UInt64) -> AgentAccount {
        AgentAccount(seed: seed, role: role, index: index, chainID: chainID)
    }

    // MARK: Maker

    /// A chain with Maker under Liquidations 2.0 (ETH-A, Dog and Clipper) and the ETH price at
    /// `price` USD (wad) in the Vat.
    static func makerChain(price: UInt256) throws -> ChainState {
        let maker = try Maker(parameters: .liquidations2, now: t0)
        var state = ChainState(ledger: TokenLedger(), maker: maker, makerOracles: [], aave: nil, aaveAddress: nil,
                               compound: nil, pairs: [], feeds: [])
        try setPrice(&state, price)
        return state
    }

    /// Sets the price the ETH-A feed returns (wad, USD) and pokes it into the Vat, as the OSM and
    /// Spotter would.
    static func setPrice(_ state: inout ChainState, _ price: UInt256) throws {
        try state.setUp { (setup: inout ChainState.Setup) throws(Revert) in
            setup.maker.feed(ethA, val: price)
            try setup.maker.poke(ethA)
        }
    }

    /// Gives `owner` `ink` collateral, opens its vault drawing `art` DAI (at rate 1) and leaves
    /// it `gem` more collateral in the Vat.
    static func openVault(_ state: inout ChainState, _ owner: Address, ink: UInt256, art: UInt256, gem: UInt256 = .zero) throws {
        try state.setUp { (setup: inout ChainState.Setup) throws(Revert) in
            try setup.maker.vat.slip(ethA, owner, int(ink &+ gem))
            try setup.maker.frob(ethA, u: owner, v: owner, w: owner, dink: int(ink), dart: int(art),
                                 context: CallContext(sender: owner, blockNumber: block0, timestamp: t0))
        }
    }

    /// Creates `rad` of Vat DAI for `holder` (against system debt, as `suck` does).
    static func giveDai(_ state: inout ChainState, _ holder: Address, _ amount: UInt256) throws {
        try state.setUp { (setup: inout ChainState.Setup) throws(Revert) in
            try setup.maker.vat.suck(setup.maker.addresses.vow, holder, amount)
        }
    }

    /// The liquidation indexes and liquidatable sets of `owners`' positions, as the block loop keeps them.
    static func indexes(_ state: ChainState, owners: [Address], nextTimestamp: UInt64 = t0 + 12) -> PositionIndexes {
        var indexes = PositionIndexes()
        for owner in owners { indexes.refresh(owner, in: state) }
        _ = indexes.refreshLiquidatable(in: state, touched: owners, timestamp: nextTimestamp)  // the next block of `view`
        return indexes
    }

    // MARK: Views and transactions

    /// What an agent sees after block `block` built at `timestamp`; the next block comes 12 s later.
    static func view(_ state: ChainState, block: UInt64 = block0, timestamp: UInt64 = t0, prices: [String: Double],
                     positions: PositionIndexes? = nil, mempool: MempoolView = MempoolView()) -> AgentView {
        let symbols = prices.keys.sorted()
        return AgentView(blockNumber: block, timestamp: timestamp, nextTimestamp: timestamp + 12, feeMarket: .firstPrice,
                         baseFee: .zero, gasPrices: GasPriceWindow(capacity: 10), state: state, mempool: mempool,
                         market: MarketQuotes(symbols: symbols, prices: symbols.map { prices[$0]! }),
                         positions: positions ?? indexes(state, owners: [], nextTimestamp: timestamp + 12))
    }

    /// Gwei as wei.
    static func gwei(_ amount: UInt64) -> UInt256 { UInt256(amount) &* UInt256(1_000_000_000 as UInt64) }

    /// Checks that `transaction` decodes from its raw bytes to `call` sent to `to`, recovers to
    /// `sender`, and carries the gas limit it was signed with.
    static func expectSigned(_ transaction: AgentTransaction, _ call: ContractCall, to: Address, sender: Address,
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        let decoded = try SignedTransaction.decode(transaction.signedAndVerified().signed!.raw, expectedChainID: chainID)
        #expect(decoded.sender == sender, sourceLocation: sourceLocation)
        #expect(decoded.transaction.to == to, sourceLocation: sourceLocation)
        #expect(try ContractCall.decode(decoded.transaction.data) == call, sourceLocation: sourceLocation)
        #expect(transaction.call == call, sourceLocation: sourceLocation)
        #expect(decoded.transaction.gasLimit == transaction.gas.limit, sourceLocation: sourceLocation)
    }

    /// Runs `transaction` against `state` in the block after the view's, as the block loop does;
    /// records an issue and returns `nil` when it reverts.
    @discardableResult
    static func apply(_ transaction: AgentTransaction, to state: inout ChainState, block: UInt64 = block0 + 1,
                      timestamp: UInt64 = t0 + 12, sourceLocation: SourceLocation = #_sourceLocation) -> CallOutcome? {
        let sender = transaction.sender
        switch state.apply(transaction.call, to: transaction.to, sender: sender,
                           context: CallContext(sender: sender, blockNumber: block, timestamp: timestamp)) {
        case .success(let outcome):
            return outcome
        case .reverted(let revert, _):
            Issue.record("\(transaction.call.name) reverted: \(revert)", sourceLocation: sourceLocation)
            return nil
        }
    }
}
