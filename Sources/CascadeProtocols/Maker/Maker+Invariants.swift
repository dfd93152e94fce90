import CascadeChain
import CascadeMath

extension Maker {
    /// Every broken accounting identity, as readable messages (empty when the system is
    /// consistent). Sums use arbitrary precision, so an identity cannot hold by wrap-around.
    ///
    /// - Vat: `debt = Σ dai`, `vice = Σ sin`, `debt = Σ_ilk Art·rate + vice`, and for each
    ///   ilk `Art = Σ urn.art`;
    /// - Vow: `Sin = Σ sin[era]`;
    /// - Dog: `Dirt = Σ dirt`, and each ilk's `dirt` equals the `tab`s of its running auctions;
    /// - auction houses hold exactly the collateral of their running auctions (`gem` of a
    ///   Flipper = Σ `lot`, of a Clipper = Σ `lot`), a Flipper's `active` list names exactly its
    ///   auctions, the Cat holds none, and a Clipper's `active` list matches its sales;
    /// - no composite call left its Vat journal open.
    ///
    /// - Complexity: O(size of the state).
    public func invariantViolations() -> [String] {
        var violations: [String] = []
        func sum<S: Sequence>(_ values: S) -> BigInteger where S.Element == UInt256 {
            values.reduce(BigInteger.zero) { $0 + BigInteger($1) }
        }
        func check(_ holds: Bool, _ message: @autoclosure () -> String) {
            if !holds { violations.append(message()) }
        }

        let totalDai = sum(vat.dai.values), totalSin = sum(vat.sin.values)
        check(BigInteger(vat.debt) == totalDai, "Vat: debt \(vat.debt) ≠ Σ dai \(totalDai)")
        check(BigInteger(vat.vice) == totalSin, "Vat: vice \(vat.vice) ≠ Σ sin \(totalSin)")
        var backed = BigInteger(vat.vice)
        for ilk in vat.ilks.keys.sorted(by: { $0.word < $1.word }) {
            let entry = vat.ilk(ilk)
            backed += BigInteger(entry.Art) * BigInteger(entry.rate)
            let arts = sum(vat.urns.lazy.filter { $0.key.ilk == ilk }.map(\.value.art))
            check(BigInteger(entry.Art) == arts, "Vat: \(name(ilk)) Art \(entry.Art) ≠ Σ art \(arts)")
        }
        check(BigInteger(vat.debt) == backed, "Vat: debt \(vat.debt) ≠ Σ Art·rate + vice \(backed)")
        check(!vat.isJournaling && vat.journal.isEmpty, "Vat: journal left open")

        let queued = sum(vow.sin.values)
        check(BigInteger(vow.Sin) == queued, "Vow: Sin \(vow.Sin) ≠ Σ sin[era] \(queued)")

        var dirts = BigInteger.zero
        for ilk in dog.ilks.keys.sorted(by: { $0.word < $1.word }) {
            let dirt = dog.ilk(ilk).dirt
            dirts += BigInteger(dirt)
            let tabs = sum((clipper(ilk)?.sales.values).map { $0.map(\.tab) } ?? [])
            check(BigInteger(dirt) == tabs, "Dog: \(name(ilk)) dirt \(dirt) ≠ Σ tab of running auctions \(tabs)")
        }
        check(BigInteger(dog.Dirt) == dirts, "Dog: Dirt \(dog.Dirt) ≠ Σ dirt \(dirts)")

        for ilk in ilkNames {
            check(vat.gem(ilk, cat.address).isZero, "Cat holds \(vat.gem(ilk, cat.address)) \(name(ilk))")
            if let flipper = flipper(ilk) {
                let lots = sum(flipper.bids.values.map(\.lot))
                check(BigInteger(vat.gem(ilk, flipper.address)) == lots, "Flipper \(name(ilk)): gem \(vat.gem(ilk, flipper.address)) ≠ Σ lot \(lots)")
                check(flipper.active == flipper.bids.keys.sorted(), "Flipper \(name(ilk)): active ids differ from its auctions")
            }
            if let clipper = clipper(ilk) {
                let lots = sum(clipper.sales.values.map(\.lot))
                check(BigInteger(vat.gem(ilk, clipper.address)) == lots, "Clipper \(name(ilk)): gem \(vat.gem(ilk, clipper.address)) ≠ Σ lot \(lots)")
                check(clipper.active.count == clipper.sales.count, "Clipper \(name(ilk)): \(clipper.active.count) active ids for \(clipper.sales.count) sales")
                for (index, id) in clipper.active.enumerated() {
                    check(clipper.sales[id]?.pos == index, "Clipper \(name(ilk)): active[\(index)] = \(id) has pos \(String(describing: clipper.sales[id]?.pos))")
                }
            }
        }
        return violations
    }
}
