/// Why a text could not be read as an ``Address``.
public enum AddressError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Not 40 hex digits (after an optional `0x`).
    case wrongLength(input: String, digits: Int)
    /// A character that is not a hex digit, at a zero-based offset in the input.
    case invalidCharacter(input: String, offset: Int, character: Character)
    /// Mixed case that is not the EIP-55 checksum of the address.
    case badChecksum(input: String, expected: String)

    public var description: String {
        switch self {
        case .wrongLength(let input, let digits):
            "invalid address \"\(input)\": expected 40 hex digits, found \(digits)"
        case .invalidCharacter(let input, let offset, let character):
            "invalid address \"\(input)\": expected a hex digit at column \(offset + 1), found '\(character)'"
        case .badChecksum(let input, let expected):
            "invalid address \"\(input)\": mixed-case EIP-55 checksum does not match, expected \(expected)"
        }
    }
}
