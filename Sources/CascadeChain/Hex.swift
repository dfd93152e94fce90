/// Hexadecimal text ⇄ bytes, as Ethereum tools write them (`0x` prefix, two digits per byte).
public enum Hex {
    /// Lowercase hex digits of `bytes`, with a `0x` prefix when `prefix` is true.
    public static func encode(_ bytes: some Sequence<UInt8>, prefix: Bool = true) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = prefix ? [UInt8(ascii: "0"), UInt8(ascii: "x")] : []
        out.reserveCapacity(out.count + bytes.underestimatedCount * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes hex digits (either case) with an optional `0x`; surrounding whitespace is ignored.
    /// Throws ``HexError`` naming the offending column for an odd count or a non-hex character.
    public static func decode(_ text: String) throws(HexError) -> [UInt8] {
        let trimmed = text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
        var digits = Substring(trimmed)
        let leading = text.prefix(while: \.isWhitespace).count
        var column = leading
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") {
            digits = digits.dropFirst(2)
            column += 2
        }
        guard digits.count % 2 == 0 else { throw .oddLength(digits: digits.count) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var high: UInt8 = 0
        for (i, character) in digits.enumerated() {
            guard character.isASCII, let value = character.hexDigitValue else {
                throw .invalidCharacter(character, column: column + i + 1)
            }
            if i % 2 == 0 { high = UInt8(value) } else { bytes.append(high << 4 | UInt8(value)) }
        }
        return bytes
    }
}
