import CascadeChain

/// Addresses of Maker's core contracts: the keys of their balances in the Vat, and the `to` of
/// the transactions that call them.
///
/// ``mainnet`` holds the Ethereum mainnet deployment (MCD release 1.0, November 2019; the Dog
/// of Liquidations 2.0 from April 2021), as listed in Maker's spells, e.g. the "DEFCON-1
/// Emergency Spell" verified on Etherscan on 2020-05-08, and in
/// docs.makerdao.com/smart-contract-modules/dog-and-clipper-detailed-documentation.
public struct MakerAddresses: Sendable, Hashable {
    /// `MCD_VAT`.
    public var vat: Address
    /// `MCD_JUG`.
    public var jug: Address
    /// `MCD_SPOT`.
    public var spotter: Address
    /// `MCD_VOW`.
    public var vow: Address
    /// `MCD_CAT` of Liquidations 1.0 (2019–2020).
    public var cat: Address
    /// `MCD_DOG` of Liquidations 2.0.
    public var dog: Address
    /// `MCD_DAI`, the DAI ERC-20 token.
    public var dai: Address
    /// `MCD_JOIN_DAI`, the adapter between Vat DAI and the ERC-20.
    public var daiJoin: Address

    public init(vat: Address, jug: Address, spotter: Address, vow: Address, cat: Address, dog: Address, dai: Address, daiJoin: Address) {
        self.vat = vat
        self.jug = jug
        self.spotter = spotter
        self.vow = vow
        self.cat = cat
        self.dog = dog
        self.dai = dai
        self.daiJoin = daiJoin
    }

    /// Ethereum mainnet.
    public static let mainnet = MakerAddresses(
        vat: Address("0x35d1b3f3d7966a1dfe207aa4514c12a259a0492b")!,
        jug: Address("0x19c0976f590d67707e62397c87829d896dc0f1f1")!,
        spotter: Address("0x65c79fcb50ca1594b025960e539ed7a9a6d434a3")!,
        vow: Address("0xa950524441892a31ebddf91d3ceefa04bf454466")!,
        cat: Address("0x78f2c2af65126834c51822f56be0d7469d7a523e")!,
        dog: Address("0x135954d155898d42c90d2a57824c690e0c7bef1b")!,
        dai: Address("0x6b175474e89094c44da98b954eedeac495271d0f")!,
        daiJoin: Address("0x9759a6ac90977b93b58547b4a71c78317f391a28")!)
}
