import CascadeMath

extension RLP {
    /// Encodes one list field by field, straight into its payload bytes, without building an
    /// ``RLP/Item`` tree: what a transaction's fields need on every signing and hash.
    /// The result equals ``RLP/encode(_:)`` of the list of the same items.
    public struct ListEncoder {
        /// The concatenated encodings of the fields appended so far.
        private var payload: [UInt8] = []

        /// An empty list with room for about `capacity` payload bytes.
        public init(capacity: Int) {
            payload.reserveCapacity(capacity)
        }

        /// Appends a byte string.
        public mutating func append(bytes: some Collection<UInt8>) {
            RLP.appendByteString(bytes, into: &payload)
        }

        /// Appends an unsigned integer as its minimal big-endian byte string (0: empty).
        public mutating func append(integer value: UInt64) {
            withUnsafeBytes(of: value.bigEndian) { append(bytes: $0.drop { $0 == 0 }) }
        }

        /// Appends a 256-bit unsigned integer as its minimal big-endian byte string (0: empty).
        public mutating func append(integer value: UInt256) {
            guard let small = value.uint64Value else {
                append(bytes: value.bigEndianBytes.drop { $0 == 0 })
                return
            }
            append(integer: small)
        }

        /// Appends any item (a nested list, say).
        public mutating func append(_ item: Item) {
            RLP.encode(item, into: &payload)
        }

        /// The list's encoding, after the `prefix` bytes (an EIP-2718 type byte, say).
        public func encoded(prefix: UInt8? = nil) -> [UInt8] {
            var buffer: [UInt8] = []
            buffer.reserveCapacity(payload.count + 10)
            if let prefix { buffer.append(prefix) }
            RLP.appendHeader(payloadLength: payload.count, shortBase: 0xc0, into: &buffer)
            buffer.append(contentsOf: payload)
            return buffer
        }
    }
}
