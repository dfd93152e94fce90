import CascadeChain
import CascadeMath

extension Vat {
    /// The key of Solidity's two-level mappings `urns[ilk][usr]` and `gem[ilk][usr]`, flattened
    /// into one dictionary key (one hash instead of two).
    public struct UrnKey: Sendable, Hashable {
        public var ilk: Bytes32
        public var usr: Address

        @inlinable
        public init(_ ilk: Bytes32, _ usr: Address) {
            self.ilk = ilk
            self.usr = usr
        }

        /// Feeds the hasher one 64-bit word mixed from all 52 bytes (multiply-xor with odd
        /// constants) instead of seven: the Vat hashes these keys on every call. Equal keys mix
        /// equally; the Hasher's per-process seed still randomises the table.
        @inlinable
        public func hash(into hasher: inout Hasher) {
            let w = ilk.word
            var x = w.w0 &* 0x9E37_79B9_7F4A_7C15
            x ^= w.w1 &* 0xC2B2_AE3D_27D4_EB4F
            x ^= w.w2 &* 0x1656_67B1_9E37_79F9
            x ^= w.w3 &* 0xD6E8_FEB8_6659_FD93
            x = (x ^ (x >> 29)) &* 0xBF58_476D_1CE4_E5B9
            x ^= usr.high &* 0x94D0_49BB_1331_11EB
            x ^= usr.middle &* 0x2545_F491_4F6C_DD1D
            x ^= UInt64(usr.low) &* 0x9FB2_1C65_1E98_DF25
            hasher.combine(x)
        }
    }
}
