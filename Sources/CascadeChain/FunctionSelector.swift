/// A function's 4-byte selector: the first 4 bytes of the Keccak-256 hash of its canonical
/// signature, which calldata starts with.
///
/// ```swift
/// let transfer = FunctionSelector(signature: "transfer(address,uint256)")
/// transfer.selector   // 0xa9059cbb
/// transfer.hex        // "0xa9059cbb"
/// ```
///
/// The signature must be canonical — the function name, then the parameters' canonical type
/// names (``ABIType/canonicalName``) separated by commas, without spaces or parameter names —
/// or the selector will not match the contract's.
public struct FunctionSelector: Sendable, Hashable, CustomStringConvertible {
    /// The canonical signature, e.g. `liquidationCall(address,address,address,uint256,bool)`.
    public let signature: String
    /// The selector as a big-endian integer: calldata byte 0 is its top byte.
    public let selector: UInt32

    /// Hashes `signature`, which must be canonical.
    ///
    /// - Complexity: one Keccak-256 permutation per 136 bytes of signature.
    public init(signature: String) {
        self.signature = signature
        self.selector = UInt32(truncatingIfNeeded: Keccak256.hash(signature.utf8).words.0 >> 32)
    }

    /// The selector of `name(types…)`.
    public init(name: String, parameterTypes: [ABIType]) {
        self.init(signature: name + "(" + parameterTypes.map(\.canonicalName).joined(separator: ",") + ")")
    }

    /// The 4 selector bytes, in calldata order.
    public var bytes: [UInt8] {
        withUnsafeBytes(of: selector.bigEndian) { Array($0) }
    }

    /// `0x` followed by 8 lowercase hex digits, e.g. `0xa9059cbb`.
    public var hex: String { ABICodec.selectorHex(selector) }

    /// The hex selector and the signature, e.g. `0xa9059cbb transfer(address,uint256)`.
    public var description: String { hex + " " + signature }
}
