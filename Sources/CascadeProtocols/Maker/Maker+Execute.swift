import CascadeChain
import CascadeMath

extension Maker {
    /// Runs a decoded call at `context` (sender, block, timestamp) and returns the gas used
    /// and the events emitted; throws the call's ``CascadeMath/Revert`` and leaves the system
    /// unchanged when it reverts (charge ``MakerGasSchedule/reverted`` then).
    ///
    /// Flipper and Clipper calls name an auction id but not the collateral: they go to the only
    /// Flipper (Clipper) deployed, and revert when there are several — then use
    /// ``execute(_:to:context:ledger:)`` with the transaction's `to`. `ledger` is not touched by
    /// these calls (they move Vat balances); the joins use it.
    ///
    /// Handles `frob`, Spotter `poke`, `drip`, `bite`, `tend`, `dent`, `deal`, `bark`, `take`
    /// and `redo`; any other call reverts (`Maker: … is not a Maker core call`).
    public mutating func execute(_ call: ContractCall, context: CallContext, ledger: inout TokenLedger) throws(Revert) -> CallOutcome {
        try execute(call, to: nil, context: context, ledger: &ledger)
    }

    /// Runs a decoded call sent to `contract` (the transaction's `to`; `nil` to resolve it from
    /// the call alone, see ``execute(_:context:ledger:)``). Reverts when `contract` is not the
    /// modelled contract that has the called function, as calling a missing function does.
    public mutating func execute(_ call: ContractCall, to contract: Address?, context: CallContext, ledger: inout TokenLedger) throws(Revert) -> CallOutcome {
        let sender = context.sender
        switch call {
        case let .vatFrob(i, u, v, w, dink, dart):
            try expect(contract, .vat, call)
            try frob(i, u: u, v: v, w: w, dink: dink, dart: dart, context: context)
            return outcome(gasSchedule.frob, [
                event("Frob", [
                    EventField("ilk", .bytes32(i)), EventField("u", .address(u)), EventField("v", .address(v)),
                    EventField("w", .address(w)), EventField("dink", .signedFixedPoint(dink, decimals: 18, unit: name(i))),
                    EventField("dart", .signedFixedPoint(dart, decimals: 18, unit: "art")),
                ]),
            ])

        case .spotterPoke(let ilk):
            try expect(contract, .spotter, call)
            let (val, spot) = try poke(ilk)
            return outcome(gasSchedule.poke, [
                event("Poke", [
                    EventField("ilk", .bytes32(ilk)), EventField("val", .fixedPoint(val, decimals: 18, unit: "USD")),
                    EventField("spot", .fixedPoint(spot, decimals: 27, unit: "USD")),
                ]),
            ])

        case .jugDrip(let ilk):
            try expect(contract, .jug, call)
            let rate = try drip(ilk, context: context)
            return outcome(gasSchedule.drip, [
                event("Drip", [EventField("ilk", .bytes32(ilk)), EventField("rate", .fixedPoint(rate, decimals: 27, unit: "ray"))]),
            ])

        case let .catBite(ilk, urn):
            try expect(contract, .cat, call)
            let bite = try self.bite(ilk, urn: urn, context: context)
            let flipper = self.flipper(ilk)!
            return outcome(gasSchedule.bite, [
                event("Kick", [
                    EventField("contract", .address(flipper.address)),
                    EventField("id", .integer(bite.id)), EventField("lot", .fixedPoint(bite.ink, decimals: 18, unit: name(ilk))),
                    EventField("bid", .fixedPoint(.zero, decimals: 45, unit: "DAI")),
                    EventField("tab", .fixedPoint(bite.tab, decimals: 45, unit: "DAI")),
                    EventField("usr", .address(urn)), EventField("gal", .address(vow.address)),
                ]),
                event("Bite", [
                    EventField("ilk", .bytes32(ilk)), EventField("urn", .address(urn)),
                    EventField("ink", .fixedPoint(bite.ink, decimals: 18, unit: name(ilk))),
                    EventField("art", .fixedPoint(bite.art, decimals: 18, unit: "art")),
                    EventField("tab", .fixedPoint(bite.due, decimals: 45, unit: "DAI")),
                    EventField("flip", .address(bite.flip)), EventField("id", .integer(bite.id)),
                ]),
            ])

        case let .flipperTend(id, lot, bid):
            let ilk = try flipperIlk(contract, call)
            try tend(ilk, id: id, lot: lot, bid: bid, context: context)
            return outcome(gasSchedule.tend, [flipEvent("Tend", ilk, id, lot: lot, bid: bid, guy: sender)])

        case let .flipperDent(id, lot, bid):
            let ilk = try flipperIlk(contract, call)
            try dent(ilk, id: id, lot: lot, bid: bid, context: context)
            return outcome(gasSchedule.dent, [flipEvent("Dent", ilk, id, lot: lot, bid: bid, guy: sender)])

        case .flipperDeal(let id):
            let ilk = try flipperIlk(contract, call)
            let settled = try deal(ilk, id: id, context: context)
            return outcome(gasSchedule.deal, [flipEvent("Deal", ilk, id, lot: settled.lot, bid: settled.bid, guy: settled.guy, tab: settled.tab)])

        case let .dogBark(ilk, urn, kpr):
            try expect(contract, .dog, call)
            let bark = try self.bark(ilk, urn: urn, kpr: kpr, context: context)
            return outcome(gasSchedule.bark, [
                event("Kick", [
                    EventField("contract", .address(bark.clip)),
                    EventField("id", .integer(bark.id)), EventField("top", .fixedPoint(bark.top, decimals: 27, unit: "DAI")),
                    EventField("tab", .fixedPoint(bark.tab, decimals: 45, unit: "DAI")),
                    EventField("lot", .fixedPoint(bark.ink, decimals: 18, unit: name(ilk))),
                    EventField("usr", .address(urn)), EventField("kpr", .address(kpr)),
                    EventField("coin", .fixedPoint(bark.coin, decimals: 45, unit: "DAI")),
                ]),
                event("Bark", [
                    EventField("ilk", .bytes32(ilk)), EventField("urn", .address(urn)),
                    EventField("ink", .fixedPoint(bark.ink, decimals: 18, unit: name(ilk))),
                    EventField("art", .fixedPoint(bark.art, decimals: 18, unit: "art")),
                    EventField("due", .fixedPoint(bark.due, decimals: 45, unit: "DAI")),
                    EventField("clip", .address(bark.clip)), EventField("id", .integer(bark.id)),
                ]),
            ])

        case let .clipperTake(id, amt, max, who, _):
            let ilk = try clipperIlk(contract, call)
            let purchase = try take(ilk, id: id, amt: amt, max: max, who: who, context: context)
            return outcome(gasSchedule.take, [
                event("Take", [
                    EventField("contract", .address(clipper(ilk)!.address)),
                    EventField("id", .integer(id)), EventField("max", .fixedPoint(max, decimals: 27, unit: "DAI")),
                    EventField("price", .fixedPoint(purchase.price, decimals: 27, unit: "DAI")),
                    EventField("owe", .fixedPoint(purchase.owe, decimals: 45, unit: "DAI")),
                    EventField("tab", .fixedPoint(purchase.tab, decimals: 45, unit: "DAI")),
                    EventField("lot", .fixedPoint(purchase.lot, decimals: 18, unit: name(ilk))),
                    EventField("usr", .address(purchase.usr)),
                ]),
            ])

        case let .clipperRedo(id, kpr):
            let ilk = try clipperIlk(contract, call)
            let restart = try redo(ilk, id: id, kpr: kpr, context: context)
            return outcome(gasSchedule.redo, [
                event("Redo", [
                    EventField("contract", .address(clipper(ilk)!.address)),
                    EventField("id", .integer(id)), EventField("top", .fixedPoint(restart.top, decimals: 27, unit: "DAI")),
                    EventField("tab", .fixedPoint(restart.tab, decimals: 45, unit: "DAI")),
                    EventField("lot", .fixedPoint(restart.lot, decimals: 18, unit: name(ilk))),
                    EventField("usr", .address(restart.usr)), EventField("kpr", .address(kpr)),
                    EventField("coin", .fixedPoint(restart.coin, decimals: 45, unit: "DAI")),
                ]),
            ])

        default:
            throw .reason("Maker: \(call.name) (\(call.function.contract)) is not a Maker core call")
        }
    }

    // MARK: - Routing

    /// Reverts unless `contract` is nil or the address of `kind`.
    private func expect(_ contract: Address?, _ kind: Contract, _ call: ContractCall) throws(Revert) {
        guard let contract else { return }
        guard contracts[contract] == kind else { throw Self.missingFunction(contract, call) }
    }

    /// The ilk of the Flipper a Flipper call goes to.
    private func flipperIlk(_ contract: Address?, _ call: ContractCall) throws(Revert) -> Bytes32 {
        if let contract {
            guard case .flipper(let ilk)? = contracts[contract] else { throw Self.missingFunction(contract, call) }
            return ilk
        }
        guard flipperList.count == 1 else {
            throw .reason("Maker: \(flipperList.count) Flippers deployed; name the Flipper (the transaction's to)")
        }
        return flipperList[0].ilk
    }

    /// The ilk of the Clipper a Clipper call goes to.
    private func clipperIlk(_ contract: Address?, _ call: ContractCall) throws(Revert) -> Bytes32 {
        if let contract {
            guard case .clipper(let ilk)? = contracts[contract] else { throw Self.missingFunction(contract, call) }
            return ilk
        }
        guard clipperList.count == 1 else {
            throw .reason("Maker: \(clipperList.count) Clippers deployed; name the Clipper (the transaction's to)")
        }
        return clipperList[0].ilk
    }

    private static func missingFunction(_ contract: Address, _ call: ContractCall) -> Revert {
        .reason("Maker: no modelled contract at \(contract) has \(call.function.signature)")
    }

    // MARK: - Events

    private func outcome(_ gas: UInt64, _ events: [ProtocolEvent]) -> CallOutcome {
        CallOutcome(gasUsed: gas, events: events)
    }

    /// An event; an auction house's events start with a `contract` field naming it.
    private func event(_ name: String, _ fields: [EventField]) -> ProtocolEvent {
        ProtocolEvent(source: Self.source, name: name, fields: fields)
    }

    /// A Flipper bid or settlement (LibNote logs on chain).
    private func flipEvent(_ name: String, _ ilk: Bytes32, _ id: UInt256, lot: UInt256, bid: UInt256, guy: Address, tab: UInt256? = nil) -> ProtocolEvent {
        var fields = [
            EventField("contract", .address(flipper(ilk)?.address ?? .zero)),
            EventField("id", .integer(id)), EventField("lot", .fixedPoint(lot, decimals: 18, unit: self.name(ilk))),
            EventField("bid", .fixedPoint(bid, decimals: 45, unit: "DAI")), EventField("guy", .address(guy)),
        ]
        if let tab { fields.append(EventField("tab", .fixedPoint(tab, decimals: 45, unit: "DAI"))) }
        return event(name, fields)
    }
}
