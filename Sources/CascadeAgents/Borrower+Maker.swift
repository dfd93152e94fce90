import CascadeChain
import CascadeMath
import CascadeProtocols

extension Borrower {
    /// The Vat's price of `ilk`'s collateral, `spot · mat` (USD per unit), its `rate` and `mat` as
    /// numbers, or `nil` before the first Spotter `poke`.
    static func makerTerms(_ maker: Maker, ilk: Bytes32) -> (price: Double, rate: Double, mat: Double)? {
        let vatIlk = maker.vat.ilk(ilk)
        guard let mat = maker.spotter.ilks[ilk]?.mat, !mat.isZero, !vatIlk.spot.isZero, !vatIlk.rate.isZero else { return nil }
        let matValue = mat.doubleValue / 1e27
        return (vatIlk.spot.doubleValue / 1e27 * matValue, vatIlk.rate.doubleValue / 1e27, matValue)
    }

    /// `price / rate`: a vault's trigger (at `rate` = 1) is reached when it is at most this.
    func makerTriggerLevel(_ ilk: Bytes32, view: AgentView) -> Double? {
        guard let maker = view.state.maker, let terms = Self.makerTerms(maker, ilk: ilk) else { return nil }
        return terms.price / terms.rate
    }

    /// The vault's collateral ratio `ink · price / (art · rate)` and its trigger, the
    /// ``PositionIndexes`` key `art · mat / ink` times `threshold / mat`; `nil` without debt.
    func assessMaker(_ owner: Owner, ilk: Bytes32, view: AgentView) -> Assessment? {
        let address = owner.account.address
        guard let maker = view.state.maker, let terms = Self.makerTerms(maker, ilk: ilk),
              let key = PositionIndexes.makerKey(maker, ilk: ilk, owner: address) else { return nil }
        let urn = maker.vat.urn(ilk, address)
        let ratio = urn.ink.doubleValue * terms.price / (urn.art.doubleValue * terms.rate)
        return Assessment(ratio: ratio, trigger: key * owner.profile.threshold / terms.mat)
    }

    /// The `frob` that brings the vault to the owner's target ratio, within its budget and what
    /// it holds in the Vat: a top-up adds `dink = ⌈tab · target / price⌉ − ink` of its `gem`; a
    /// repayment pays `|dart| · rate` of its DAI, `dart = ⌊ink · price / (target · rate)⌋ − art`, and
    /// never leaves `0 < art · rate < dust` (it repays all, or stops at `dust`). `price` is
    /// `rmul(spot, mat)`; integer arithmetic, rounding towards the target.
    func makerAction(_ owner: Owner, ilk: Bytes32, budgetLeft: UInt256, view: AgentView) -> Action? {
        guard let maker = view.state.maker, let defence = owner.profile.defence, let mat = maker.spotter.ilks[ilk]?.mat,
              let target = UInt256(truncating: owner.profile.target * 1e18) else { return nil }
        let address = owner.account.address
        let urn = maker.vat.urn(ilk, address)
        let vatIlk = maker.vat.ilk(ilk)
        guard let price = try? DSSMath.rmul(vatIlk.spot, mat), !price.isZero else { return nil }
        let gas = GasEstimate(gasUsed: maker.gasSchedule.frob)
        switch defence {
        case .topUp:
            guard let tab = try? urn.art * vatIlk.rate, let wanted = try? FullMath.mulDivRoundingUp(tab, target, DSSMath.wad),
                  let ink = try? (wanted &+ price &- .one) / price, ink > urn.ink else { return nil }
            let dink = min(ink &- urn.ink, maker.vat.gem(ilk, address), budgetLeft)
            guard !dink.isZero, let amount = Int256(exactly: dink) else { return nil }
            return Action(call: .vatFrob(i: ilk, u: address, v: address, w: address, dink: amount, dart: .zero),
                          to: maker.addresses.vat, gas: gas, spends: dink)
        case .repay:
            guard let value = try? urn.ink * price, let per = try? target * vatIlk.rate,
                  let art = try? FullMath.mulDiv(value, DSSMath.wad, per), art < urn.art else { return nil }
            let funds = min(maker.vat.dai(address), (try? budgetLeft * DSSMath.ray) ?? .max)  // rad
            let affordable = (try? funds / vatIlk.rate) ?? .zero
            var reduce = min(urn.art &- art, affordable)
            if reduce < urn.art, let rest = try? (urn.art &- reduce) * vatIlk.rate, rest < vatIlk.dust {
                if urn.art <= affordable {
                    reduce = urn.art
                } else {
                    // The least art whose debt reaches dust: ⌈dust / rate⌉.
                    let least = (try? (vatIlk.dust &+ vatIlk.rate &- .one) / vatIlk.rate) ?? urn.art
                    reduce = urn.art > least ? urn.art &- least : .zero
                }
            }
            guard !reduce.isZero, let dart = Int256(negative: true, magnitude: reduce),
                  let cost = try? reduce * vatIlk.rate else { return nil }
            let spends = (try? (cost &+ DSSMath.ray &- .one) / DSSMath.ray) ?? budgetLeft  // DAI wad, rounded up
            return Action(call: .vatFrob(i: ilk, u: address, v: address, w: address, dink: .zero, dart: dart),
                          to: maker.addresses.vat, gas: gas, spends: spends)
        }
    }
}
