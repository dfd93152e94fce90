/// Why text is not hex-encoded bytes.
public enum HexError: Error, Hashable, Sendable, CustomStringConvertible {
    /// An odd number of hex digits.
    case oddLength(digits: Int)
    /// A character that is not a hex digit, at a one-based column of the input.
    case invalidCharacter(Character, column: Int)

    public var description: String {
        switch self {
        case .oddLength(let digits): "invalid hex: expected an even number of digits (two per byte), found \(digits)"
        case .invalidCharacter(let character, let column): "invalid hex: expected a hex digit at column \(column), found '\(character)'"
        }
    }
}
