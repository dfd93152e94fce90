// EIP-55 mixed-case checksum encoding of addresses (https://eips.ethereum.org/EIPS/eip-55):
// the i-th hex letter is upper case when the i-th nibble of keccak256(lowercase hex) is ≥ 8.

extension Address: CustomStringConvertible, LosslessStringConvertible {
    /// The EIP-55 checksummed form, e.g. `0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed`.
    public var checksummed: String {
        let lower = Array(lowercaseHex.utf8)
        let hash = Keccak256.hash(lower).bytes
        var out: [UInt8] = Array("0x".utf8)
        out.reserveCapacity(42)
        for (i, character) in lower.enumerated() {
            let nibble = i % 2 == 0 ? hash[i / 2] >> 4 : hash[i / 2] & 0x0F
            out.append(character >= UInt8(ascii: "a") && nibble >= 8 ? character - 0x20 : character)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The EIP-55 checksummed form.
    public var description: String { checksummed }

    /// Parses an address, `nil` when malformed; see ``init(hex:)`` for the rules and errors.
    public init?(_ description: String) {
        guard let address = try? Address(hex: description) else { return nil }
        self = address
    }

    /// Parses 40 hex digits with an optional `0x`. All-lowercase and all-uppercase inputs carry
    /// no checksum and are accepted; a mixed-case input must be the EIP-55 checksummed form.
    public init(hex text: String) throws(AddressError) {
        var digits = Substring(text)
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") { digits = digits.dropFirst(2) }
        guard digits.count == 40 else { throw .wrongLength(input: text, digits: digits.count) }
        var bytes = [UInt8]()
        bytes.reserveCapacity(20)
        var high: UInt8 = 0
        var hasLower = false, hasUpper = false
        let prefixLength = text.count - digits.count
        for (i, character) in digits.enumerated() {
            guard let value = character.hexDigitValue, character.isASCII else {
                throw .invalidCharacter(input: text, offset: prefixLength + i, character: character)
            }
            if character.isLowercase { hasLower = true }
            if character.isUppercase { hasUpper = true }
            if i % 2 == 0 { high = UInt8(value) } else { bytes.append(high << 4 | UInt8(value)) }
        }
        let address = Address(bytes: bytes)!
        if hasLower && hasUpper {
            let expected = address.checksummed
            guard expected.dropFirst(2) == digits else { throw .badChecksum(input: text, expected: expected) }
        }
        self = address
    }
}

extension Address: Codable {
    /// Decodes from a hex string (checksummed or single-case).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try Address(hex: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes as the EIP-55 checksummed string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(checksummed)
    }
}
