import CascadeChain
import CascadeMath

// The token adapters of makerdao/dss `src/join.sol` (`GemJoin`, `DaiJoin`), restated: they move
// value between ERC-20 balances in the ledger and balances in the Vat. The adapters are assumed
// to be approved (`transferFrom` is modelled as a transfer from the sender).

extension Maker {
    /// `GemJoin.join(usr, wad)` sent by `context.sender`: deposits `wad` of the ilk's token and
    /// credits it to `usr` as Vat `gem`. Reverts `"GemJoin/overflow"` for `wad ≥ 2²⁵⁵`, and as
    /// the token transfer does. Atomic.
    public mutating func join(_ ilk: Bytes32, usr: Address, wad: UInt256, context: CallContext, ledger: inout TokenLedger) throws(Revert) {
        guard let adapter = gemJoins[ilk] else { throw .reason("Maker: no GemJoin for \(name(ilk))") }
        guard let amount = Int256(exactly: wad) else { throw .reason("GemJoin/overflow") }
        let credited = try DSSMath.add(vat.gem(ilk, usr), amount)
        try ledger.transfer(wad, of: adapter.gem, from: context.sender, to: adapter.address)
        vat.writeGem(Vat.UrnKey(ilk, usr), credited)
    }

    /// `GemJoin.exit(usr, wad)` sent by `context.sender`: debits `wad` of the sender's Vat
    /// `gem` and sends the tokens to `usr`. Reverts `"GemJoin/overflow"` for `wad > 2²⁵⁵`, when
    /// the sender's gem is short, and as the token transfer does. Atomic.
    public mutating func exit(_ ilk: Bytes32, usr: Address, wad: UInt256, context: CallContext, ledger: inout TokenLedger) throws(Revert) {
        guard let adapter = gemJoins[ilk] else { throw .reason("Maker: no GemJoin for \(name(ilk))") }
        guard let amount = Int256(negative: true, magnitude: wad) else { throw .reason("GemJoin/overflow") }
        let debited = try DSSMath.add(vat.gem(ilk, context.sender), amount)
        try ledger.transfer(wad, of: adapter.gem, from: adapter.address, to: usr)
        vat.writeGem(Vat.UrnKey(ilk, context.sender), debited)
    }

    /// `DaiJoin.join(usr, wad)` sent by `context.sender`: burns `wad` of the sender's DAI
    /// tokens and credits `wad · 10²⁷` [rad] of Vat DAI to `usr` from the adapter. Atomic.
    public mutating func daiJoin(usr: Address, wad: UInt256, context: CallContext, ledger: inout TokenLedger) throws(Revert) {
        let rad = try wad * DSSMath.ray
        let mark = vat.beginJournal()
        do throws(Revert) {
            try vat.move(from: addresses.daiJoin, to: usr, rad)
            try ledger.burn(wad, of: addresses.dai, from: context.sender)
            vat.commitJournal(mark)
        } catch {
            vat.rollbackJournal(mark)
            throw error
        }
    }

    /// `DaiJoin.exit(usr, wad)` sent by `context.sender`: moves `wad · 10²⁷` [rad] of the
    /// sender's Vat DAI to the adapter and mints `wad` DAI tokens to `usr`. Atomic.
    public mutating func daiExit(usr: Address, wad: UInt256, context: CallContext, ledger: inout TokenLedger) throws(Revert) {
        let rad = try wad * DSSMath.ray
        let mark = vat.beginJournal()
        do throws(Revert) {
            try vat.move(from: context.sender, to: addresses.daiJoin, rad)
            try ledger.mint(wad, of: addresses.dai, to: usr)
            vat.commitJournal(mark)
        } catch {
            vat.rollbackJournal(mark)
            throw error
        }
    }
}
