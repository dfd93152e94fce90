import CascadeChain
import CascadeMath
@testable import CascadeProtocols

/// Shared setup for the Maker tests: names, accounts, times and small deployments.
enum MakerFixture {
    static let ethA = Bytes32(ascii: "ETH-A")!
    static let alice = Address(truncating: 0xA11CE)
    static let bob = Address(truncating: 0xB0B)
    static let keeper = Address(truncating: 0x4EE9E5)
    static let rival = Address(truncating: 0x51BA1)
    /// 12 March 2020, 00:00 UTC.
    static let t0: UInt64 = 1_583_971_200

    static let wad = DSSMath.wad
    static let ray = DSSMath.ray
    static let rad = MakerUnits.radOne

    static func context(_ sender: Address, _ timestamp: UInt64, block: UInt64 = 9_650_000) -> CallContext {
        CallContext(sender: sender, blockNumber: block, timestamp: timestamp)
    }

    /// `whole` tokens as a wad.
    static func wad(_ whole: UInt64) -> UInt256 { MakerUnits.wad(whole) }
    /// `whole` as a ray.
    static func ray(_ whole: UInt64) -> UInt256 { MakerUnits.ray(whole) }
    /// `whole` DAI as a rad.
    static func rad(_ whole: UInt64) -> UInt256 { MakerUnits.rad(whole) }
    /// A decimal literal as a fixed-point integer, e.g. `fixed("1.13", 27)`.
    static func fixed(_ text: String, _ decimals: Int) -> UInt256 { try! AmountParser.parse(text, decimals: decimals) }

    static func int(_ value: UInt256) -> Int256 { Int256(exactly: value)! }
    static func negative(_ value: UInt256) -> Int256 { Int256(negative: true, magnitude: value)! }

    /// Maker of 12 March 2020 (ETH-A, Cat and Flipper) with the ETH price at `price` USD.
    static func blackThursday(price: UInt64 = 200) throws -> Maker {
        var maker = try Maker(parameters: .blackThursday2020, now: t0)
        maker.feed(ethA, val: wad(price))
        try maker.poke(ethA)
        return maker
    }

    /// Maker with Liquidations 2.0 (ETH-A, Dog and Clipper) with the ETH price at `price` USD.
    static func liquidations2(price: UInt64 = 2_000, configure: (inout MakerParameters) -> Void = { _ in }) throws -> Maker {
        var parameters = MakerParameters.liquidations2
        configure(&parameters)
        var maker = try Maker(parameters: parameters, now: t0)
        maker.feed(ethA, val: wad(price))
        try maker.poke(ethA)
        return maker
    }

    /// Gives `owner` `ink` collateral and opens a vault drawing `art` DAI (at rate 1).
    static func openVault(_ maker: inout Maker, _ owner: Address, ink: UInt256, art: UInt256, at time: UInt64 = t0) throws(Revert) {
        try maker.vat.slip(ethA, owner, int(ink))
        try maker.frob(ethA, u: owner, v: owner, w: owner, dink: int(ink), dart: int(art), context: context(owner, time))
    }

    /// Sets the price the feed returns and pokes it into the Vat.
    static func setPrice(_ maker: inout Maker, _ price: UInt256) throws(Revert) {
        maker.feed(ethA, val: price)
        try maker.poke(ethA)
    }
}
