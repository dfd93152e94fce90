import CascadeChain
import CascadeMath

extension Vat {
    /// One overwritten storage value (`nil`: the slot was absent), kept while a composite call (a `bite`, a `take`) runs so
    /// that a revert in a later step can restore the Vat exactly (see ``Vat/beginJournal()``).
    enum JournalEntry: Sendable, Hashable {
        // Boxed: these payloads are large, and rare on the hot paths (grab, fold, frob).
        indirect case ilk(Bytes32, Ilk?)
        indirect case urn(UrnKey, Urn?)
        case gem(UrnKey, UInt256?)
        case dai(Address, UInt256?)
        case sin(Address, UInt256?)
        case debt(UInt256)
        case vice(UInt256)
    }
}
