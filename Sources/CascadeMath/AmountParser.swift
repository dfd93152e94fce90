/// Reads human-written amounts into exact integers.
///
/// | input            | decimals | result                         |
/// | ---------------- | -------- | ------------------------------ |
/// | `"1.5"`          | 18       | 1 500 000 000 000 000 000      |
/// | `"1_000_000"`    | 6        | 1 000 000 000 000              |
/// | `"1e27"`         | 0        | 10²⁷                           |
/// | `"2.5e-3"`       | 18       | 2 500 000 000 000 000          |
/// | `"12.5%"`        | 4        | 1 250 (Aave's 10⁴ = 100 %)     |
/// | `"50 bps"`       | 4        | 50                             |
/// | `"1.5 ether"`    | any      | 1.5·10¹⁸ wei                   |
/// | `"250 gwei"`     | any      | 250·10⁹ wei                    |
/// | `"7 wei"`        | any      | 7                              |
/// | `"0x2a"`         | any      | 42 (hex is always raw units)   |
///
/// A plain number is scaled by 10^`decimals`; `%` by 10^(`decimals` − 2) and `bps` by
/// 10^(`decimals` − 4); the units `wei`, `gwei` and `ether` (case-insensitive) fix the scale at
/// 0, 9 and 18 whatever `decimals` says. Underscores may separate digits. The result must be
/// exact: a fraction finer than the scale allows is an error, never silently rounded. Every
/// malformed or out-of-range input throws an ``AmountParseError`` saying where, what was
/// expected and what was found.
public enum AmountParser {
    /// Parses a non-negative amount into raw units at `decimals` (0…77).
    public static func parse(_ text: String, decimals: Int) throws(AmountParseError) -> UInt256 {
        let (negative, magnitude) = try parseMagnitude(text, decimals: decimals)
        if negative, !magnitude.isZero {
            throw AmountParseError(input: text, offset: signOffset(text), expected: "a non-negative amount", found: "'-'")
        }
        return magnitude
    }

    /// Parses a signed amount into raw units at `decimals` (0…77).
    public static func parseSigned(_ text: String, decimals: Int) throws(AmountParseError) -> Int256 {
        let (negative, magnitude) = try parseMagnitude(text, decimals: decimals)
        guard let value = Int256(negative: negative, magnitude: magnitude) else {
            throw AmountParseError(input: text, offset: 0, expected: "an amount within the int256 range", found: "\(negative ? "-" : "")\(magnitude) raw units")
        }
        return value
    }

    private static func signOffset(_ text: String) -> Int {
        text.utf8.firstIndex(of: UInt8(ascii: "-")).map { text.utf8.distance(from: text.utf8.startIndex, to: $0) } ?? 0
    }

    /// The largest power of ten that fits in 256 bits is 10⁷⁷.
    private static let maxScale = 77

    private static func parseMagnitude(_ text: String, decimals: Int) throws(AmountParseError) -> (negative: Bool, magnitude: UInt256) {
        var scanner = Scanner(text)
        guard (0...maxScale).contains(decimals) else {
            throw scanner.error(expected: "decimals between 0 and \(maxScale)", found: "\(decimals)")
        }
        scanner.skipSpaces()
        if scanner.isAtEnd { throw scanner.error(expected: "an amount") }
        var negative = false
        if scanner.peek == UInt8(ascii: "-") || scanner.peek == UInt8(ascii: "+") {
            negative = scanner.peek == UInt8(ascii: "-")
            scanner.advance()
        }
        if scanner.peek == UInt8(ascii: "0"), let x = scanner.peekNext, x == UInt8(ascii: "x") || x == UInt8(ascii: "X") {
            scanner.advance(2)
            let value = try scanner.hexDigits()
            scanner.skipSpaces()
            if !scanner.isAtEnd { throw scanner.error(expected: "end of a hexadecimal amount (hex takes no unit or fraction)") }
            return (negative, value)
        }

        // Mantissa: integer digits, optional fraction.
        let integerDigits = try scanner.decimalDigits(what: "a decimal digit")
        var fractionDigits: [UInt8] = []
        var fractionStart = scanner.offset
        if scanner.peek == UInt8(ascii: ".") {
            scanner.advance()
            fractionStart = scanner.offset
            fractionDigits = try scanner.decimalDigits(what: "a digit after the decimal point")
        }
        // Exponent.
        var exponent = 0
        // `e` starts an exponent, unless it starts the unit `ether` written without a space.
        if scanner.peek == UInt8(ascii: "e") || scanner.peek == UInt8(ascii: "E"), !scanner.rest.lowercased().hasPrefix("ether") {
            scanner.advance()
            var exponentNegative = false
            if scanner.peek == UInt8(ascii: "-") || scanner.peek == UInt8(ascii: "+") {
                exponentNegative = scanner.peek == UInt8(ascii: "-")
                scanner.advance()
            }
            let start = scanner.offset
            let digits = try scanner.decimalDigits(what: "exponent digits")
            guard digits.count <= 4 else {
                throw AmountParseError(input: text, offset: start, expected: "an exponent of at most 4 digits", found: "\(digits.count) digits")
            }
            exponent = digits.reduce(0) { $0 * 10 + Int($1) }
            if exponentNegative { exponent = -exponent }
        }
        // Unit.
        scanner.skipSpaces()
        let unitStart = scanner.offset
        let unit = scanner.rest.lowercased()
        let scale: Int
        switch unit {
        case "": scale = decimals
        case "%": scale = decimals - 2
        case "bps": scale = decimals - 4
        case "wei": scale = 0
        case "gwei": scale = 9
        case "ether": scale = 18
        default:
            throw AmountParseError(input: text, offset: unitStart, expected: "a unit (%, bps, wei, gwei, ether) or end of input",
                                   found: "\"\(scanner.rest)\"")
        }

        // value = digits · 10^(exponent + scale − fractionDigits.count), and it must be an integer.
        var digits = integerDigits + fractionDigits
        var power = exponent + scale - fractionDigits.count
        while power < 0, let last = digits.last, last == 0, digits.count > 1 {
            digits.removeLast()
            power += 1
        }
        let allZero = digits.allSatisfy { $0 == 0 }
        if allZero { return (negative, .zero) }
        if power < 0 {
            throw AmountParseError(input: text, offset: fractionStart,
                                   expected: "at most \(Swift.max(scale, 0)) decimal places (the scale of this amount)",
                                   found: "\(Swift.max(scale, 0) - power) decimal places")
        }
        var value = UInt256.zero
        for digit in digits.drop(while: { $0 == 0 }) {
            let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = shifted.addingReportingOverflow(UInt256(UInt64(digit)))
            if o1 || o2 { throw overflow(text) }
            value = sum
        }
        if power > maxScale { throw overflow(text) }
        let factor = try! UInt256(10).power(UInt256(UInt64(power)))
        let (scaled, o) = value.multipliedReportingOverflow(by: factor)
        if o { throw overflow(text) }
        return (negative, scaled)
    }

    private static func overflow(_ text: String) -> AmountParseError {
        AmountParseError(input: text, offset: 0, expected: "an amount below 2^256 raw units", found: "a larger value")
    }
}

/// A cursor over the UTF-8 bytes of an amount, with error helpers that know the position.
private struct Scanner {
    let text: String
    let bytes: [UInt8]
    var offset = 0

    /// Trailing spaces and tabs are ignored, as leading ones are.
    init(_ text: String) {
        self.text = text
        var bytes = Array(text.utf8)
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        if !bytes.allSatisfy(isSpace) {
            while let last = bytes.last, isSpace(last) { bytes.removeLast() }
        }
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset >= bytes.count }
    var peek: UInt8? { isAtEnd ? nil : bytes[offset] }
    var peekNext: UInt8? { offset + 1 < bytes.count ? bytes[offset + 1] : nil }
    var rest: String { String(decoding: bytes[Swift.min(offset, bytes.count)...], as: UTF8.self) }

    mutating func advance(_ count: Int = 1) { offset += count }

    mutating func skipSpaces() {
        while let b = peek, b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") { advance() }
    }

    /// Describes the byte at the cursor for an error message.
    var foundHere: String {
        guard let b = peek else { return "end of input" }
        if let character = rest.first { return "'\(character)'" }
        return "byte 0x" + String(b, radix: 16)
    }

    func error(expected: String, found: String? = nil) -> AmountParseError {
        AmountParseError(input: text, offset: offset, expected: expected, found: found ?? foundHere)
    }

    /// One or more decimal digits, optionally separated by single underscores.
    mutating func decimalDigits(what: String) throws(AmountParseError) -> [UInt8] {
        try digits(what: what) { b in (0x30...0x39).contains(b) ? b - 0x30 : nil }
    }

    /// One or more hexadecimal digits with optional single underscores, as a UInt256.
    mutating func hexDigits() throws(AmountParseError) -> UInt256 {
        let start = offset
        let nibbles = try digits(what: "a hexadecimal digit") { b in
            switch b {
            case 0x30...0x39: b - 0x30
            case 0x61...0x66: b - 0x61 + 10
            case 0x41...0x46: b - 0x41 + 10
            default: nil
            }
        }
        let significant = nibbles.drop(while: { $0 == 0 })
        guard significant.count <= 64 else {
            throw AmountParseError(input: text, offset: start, expected: "at most 64 significant hex digits (256 bits)",
                                   found: "\(significant.count)")
        }
        var value = UInt256.zero
        for nibble in significant {
            value = value << 4
            value.w0 |= UInt64(nibble)
        }
        return value
    }

    private mutating func digits(what: String, _ digitValue: (UInt8) -> UInt8?) throws(AmountParseError) -> [UInt8] {
        var out: [UInt8] = []
        while let b = peek {
            if let d = digitValue(b) {
                out.append(d)
                advance()
            } else if b == UInt8(ascii: "_") {
                guard !out.isEmpty, let next = peekNext, digitValue(next) != nil else {
                    throw error(expected: "an underscore only between two digits", found: "'_'")
                }
                advance()
            } else {
                break
            }
        }
        if out.isEmpty { throw error(expected: what) }
        return out
    }
}
