// Tests of AmountParser and AmountParseError (AmountParser.swift, AmountParseError.swift).
//
// Every malformed class has its own test pinning the error's `offset` (zero-based, into the
// input), `expected` and `found`. Valid inputs are checked against values computed with the
// oracle (BigUInt powers of ten), never against the parser itself.
import BigInt
import CascadeMath
import XCTest

private let unitList = "a unit (%, bps, wei, gwei, ether) or end of input"

/// Asserts that parsing `text` throws an AmountParseError with exactly these fields.
private func assertParseError(_ text: String, decimals: Int = 18, signed: Bool = false,
                              offset: Int, expected: String, found: String,
                              file: StaticString = #filePath, line: UInt = #line) {
    let parse: () throws -> Any = signed
        ? { try AmountParser.parseSigned(text, decimals: decimals) }
        : { try AmountParser.parse(text, decimals: decimals) }
    XCTAssertThrowsError(try parse(), "\"\(text)\" at \(decimals) decimals", file: file, line: line) { error in
        guard let error = error as? AmountParseError else {
            return XCTFail("\"\(text)\": not an AmountParseError: \(error)", file: file, line: line)
        }
        XCTAssertEqual(error.input, text, "input", file: file, line: line)
        XCTAssertEqual(error.offset, offset, "offset of \"\(text)\"", file: file, line: line)
        XCTAssertEqual(error.expected, expected, "expected of \"\(text)\"", file: file, line: line)
        XCTAssertEqual(error.found, found, "found of \"\(text)\"", file: file, line: line)
        XCTAssertEqual(error.description, "invalid amount \"\(text)\" at column \(offset + 1): expected \(expected), found \(found)",
                       file: file, line: line)
    }
}

/// digits · 10^k through the oracle.
private func scaled(_ digits: BigUInt, _ k: Int) -> UInt256 { u256(digits * BigUInt(10).power(k)) }

final class AmountParserTests: XCTestCase {
    // MARK: Malformed input, one class per test

    func testEmpty() {
        assertParseError("", offset: 0, expected: "an amount", found: "end of input")
    }

    func testWhitespaceOnly() {
        assertParseError("   ", offset: 3, expected: "an amount", found: "end of input")
        assertParseError(" \t", offset: 2, expected: "an amount", found: "end of input")
    }

    func testLoneSign() {
        assertParseError("-", offset: 1, expected: "a decimal digit", found: "end of input")
        assertParseError("+", offset: 1, expected: "a decimal digit", found: "end of input")
        assertParseError("- 5", offset: 1, expected: "a decimal digit", found: "' '")
        assertParseError("-", signed: true, offset: 1, expected: "a decimal digit", found: "end of input")
    }

    func testNegativeForUnsigned() {
        assertParseError("-5", offset: 0, expected: "a non-negative amount", found: "'-'")
        assertParseError("  -1.5 ether", offset: 2, expected: "a non-negative amount", found: "'-'")
        assertParseError("-0x2a", offset: 0, expected: "a non-negative amount", found: "'-'")
        // Negative zero is zero, not negative.
        XCTAssertEqual(try AmountParser.parse("-0", decimals: 18), 0)
    }

    func testLetters() {
        assertParseError("abc", offset: 0, expected: "a decimal digit", found: "'a'")
        assertParseError("€5", offset: 0, expected: "a decimal digit", found: "'€'")
        assertParseError("1a", offset: 1, expected: unitList, found: "\"a\"")
    }

    func testDoubleDot() {
        assertParseError("1.2.3", offset: 3, expected: unitList, found: "\".3\"")
        assertParseError("1..2", offset: 2, expected: "a digit after the decimal point", found: "'.'")
    }

    func testTrailingDot() {
        assertParseError("1.", offset: 2, expected: "a digit after the decimal point", found: "end of input")
        assertParseError("1. ether", offset: 2, expected: "a digit after the decimal point", found: "' '")
    }

    func testLeadingDot() {
        assertParseError(".5", offset: 0, expected: "a decimal digit", found: "'.'")
        assertParseError("-.5", signed: true, offset: 1, expected: "a decimal digit", found: "'.'")
    }

    func testExponentWithoutDigits() {
        assertParseError("1e", offset: 2, expected: "exponent digits", found: "end of input")
        assertParseError("1e+", offset: 3, expected: "exponent digits", found: "end of input")
        assertParseError("1e-x", offset: 3, expected: "exponent digits", found: "'x'")
        assertParseError("2.5E gwei", offset: 4, expected: "exponent digits", found: "' '")
    }

    func testExponentTooLong() {
        assertParseError("1e10000", offset: 2, expected: "an exponent of at most 4 digits", found: "5 digits")
        assertParseError("1e-00001", offset: 3, expected: "an exponent of at most 4 digits", found: "5 digits")
        // Four digits are accepted: 0e9999 is zero, 1e-9999 has too many decimals, 1e9999 overflows.
        XCTAssertEqual(try AmountParser.parse("0e9999", decimals: 0), 0)
        assertParseError("1e-9999", decimals: 0, offset: 1, expected: "at most 0 decimal places (the scale of this amount)",
                         found: "9999 decimal places")
        assertParseError("1e9999", decimals: 0, offset: 0, expected: "an amount below 2^256 raw units", found: "a larger value")
    }

    func testUnknownUnit() {
        assertParseError("5 eth", offset: 2, expected: unitList, found: "\"eth\"")
        assertParseError("5 WEIS", offset: 2, expected: unitList, found: "\"WEIS\"")
        assertParseError("12.5 %%", decimals: 4, offset: 5, expected: unitList, found: "\"%%\"")
    }

    func testMisplacedUnderscore() {
        let message = "an underscore only between two digits"
        assertParseError("_1", offset: 0, expected: message, found: "'_'")
        assertParseError("1_", offset: 1, expected: message, found: "'_'")
        assertParseError("1__0", offset: 1, expected: message, found: "'_'")
        assertParseError("1_.5", offset: 1, expected: message, found: "'_'")
        assertParseError("1._5", offset: 2, expected: message, found: "'_'")
        assertParseError("1e_3", offset: 2, expected: message, found: "'_'")
        assertParseError("0x_2a", offset: 2, expected: message, found: "'_'")
    }

    func testTooManyDecimals() {
        assertParseError("1.0000001", decimals: 6, offset: 2, expected: "at most 6 decimal places (the scale of this amount)",
                         found: "7 decimal places")
        assertParseError("0.5", decimals: 0, offset: 2, expected: "at most 0 decimal places (the scale of this amount)",
                         found: "1 decimal places")
        assertParseError("1.0000000001 gwei", decimals: 18, offset: 2, expected: "at most 9 decimal places (the scale of this amount)",
                         found: "10 decimal places")
        assertParseError("1.5 wei", offset: 2, expected: "at most 0 decimal places (the scale of this amount)", found: "1 decimal places")
        // The boundary: exactly `decimals` places pass.
        XCTAssertEqual(try AmountParser.parse("1.000001", decimals: 6), 1_000_001)
    }

    func testOverflow() {
        let message = "an amount below 2^256 raw units"
        let two256Text = "115792089237316195423570985008687907853269984665640564039457584007913129639936"
        assertParseError(two256Text, decimals: 0, offset: 0, expected: message, found: "a larger value")
        // The same value with 18 decimals, written as a decimal fraction of its wad.
        assertParseError("115792089237316195423570985008687907853269984665640564039457.584007913129639936",
                         offset: 0, expected: message, found: "a larger value")
        assertParseError("2", decimals: 77, offset: 0, expected: message, found: "a larger value") // 2·10^77 > 2^256
        // One below passes at both scales; 10^77 is the largest power of ten that fits.
        XCTAssertEqual(try AmountParser.parse("115792089237316195423570985008687907853269984665640564039457584007913129639935", decimals: 0), .max)
        XCTAssertEqual(try AmountParser.parse("115792089237316195423570985008687907853269984665640564039457.584007913129639935",
                                              decimals: 18), .max)
        XCTAssertEqual(try AmountParser.parse("1", decimals: 77), pow10(77))
    }

    func testHexEmpty() {
        assertParseError("0x", offset: 2, expected: "a hexadecimal digit", found: "end of input")
        assertParseError("0X ", offset: 2, expected: "a hexadecimal digit", found: "end of input") // trailing spaces are ignored
    }

    func testBadHexDigit() {
        assertParseError("0xg1", offset: 2, expected: "a hexadecimal digit", found: "'g'")
        assertParseError("0x1g", offset: 3, expected: "end of a hexadecimal amount (hex takes no unit or fraction)", found: "'g'")
    }

    func testHexWithUnitOrFraction() {
        let message = "end of a hexadecimal amount (hex takes no unit or fraction)"
        assertParseError("0x10 wei", offset: 5, expected: message, found: "'w'")
        assertParseError("0x1.8", offset: 3, expected: message, found: "'.'")
        assertParseError("0x10%", decimals: 4, offset: 4, expected: message, found: "'%'")
    }

    func testHexTooLong() {
        assertParseError("0x1" + String(repeating: "0", count: 64), offset: 2,
                         expected: "at most 64 significant hex digits (256 bits)", found: "65")
        // Leading zeros do not count.
        XCTAssertEqual(try AmountParser.parse("0x" + String(repeating: "0", count: 70) + String(repeating: "f", count: 64), decimals: 0), .max)
    }

    func testDecimalsOutOfRange() {
        assertParseError("1", decimals: -1, offset: 0, expected: "decimals between 0 and 77", found: "-1")
        assertParseError("1", decimals: 78, offset: 0, expected: "decimals between 0 and 77", found: "78")
        assertParseError("1", decimals: 78, signed: true, offset: 0, expected: "decimals between 0 and 77", found: "78")
    }

    func testSignedOutOfRange() {
        let min = "57896044618658097711785492504343953926634992332820282019728792003956564819968" // 2^255
        assertParseError(min, decimals: 0, signed: true, offset: 0, expected: "an amount within the int256 range",
                         found: "\(min) raw units")
        assertParseError("-57896044618658097711785492504343953926634992332820282019728792003956564819969", decimals: 0, signed: true,
                         offset: 0, expected: "an amount within the int256 range",
                         found: "-57896044618658097711785492504343953926634992332820282019728792003956564819969 raw units")
        XCTAssertEqual(try AmountParser.parseSigned("-" + min, decimals: 0), .min)
    }

    // MARK: Valid input

    func testValidUnits() throws {
        for decimals in [0, 6, 18] { // units fix the scale whatever `decimals` says
            XCTAssertEqual(try AmountParser.parse("1.5 ether", decimals: decimals), scaled(15, 17))
            XCTAssertEqual(try AmountParser.parse("250 gwei", decimals: decimals), scaled(250, 9))
            XCTAssertEqual(try AmountParser.parse("7 wei", decimals: decimals), 7)
        }
        XCTAssertEqual(try AmountParser.parse("1.5 ETHER", decimals: 6), scaled(15, 17))
        XCTAssertEqual(try AmountParser.parse("  7\twei", decimals: 0), 7)
        XCTAssertEqual(try AmountParser.parse("1e3 gwei", decimals: 0), scaled(1, 12))
    }

    func testValidPercentAndBasisPoints() throws {
        XCTAssertEqual(try AmountParser.parse("12.5%", decimals: 4), 1_250) // Aave's 10^4 = 100 %
        XCTAssertEqual(try AmountParser.parse("12.5%", decimals: 18), scaled(125, 15)) // 0.125 wad
        XCTAssertEqual(try AmountParser.parse("12.5 %", decimals: 4), 1_250)
        XCTAssertEqual(try AmountParser.parse("50 bps", decimals: 4), 50)
        XCTAssertEqual(try AmountParser.parse("50 bps", decimals: 18), scaled(5, 15)) // 0.005 wad
        XCTAssertEqual(try AmountParser.parse("100%", decimals: 0), 1)
    }

    func testValidExponents() throws {
        XCTAssertEqual(try AmountParser.parse("1e27", decimals: 0), pow10(27))
        XCTAssertEqual(try AmountParser.parse("2.5e-3", decimals: 18), scaled(25, 14))
        XCTAssertEqual(try AmountParser.parse("2.5E+3", decimals: 0), 2_500)
        XCTAssertEqual(try AmountParser.parse("25e-1", decimals: 1), 25)
        XCTAssertEqual(try AmountParser.parse("1.5e1", decimals: 0), 15)
    }

    func testValidSeparatorsScalesAndHex() throws {
        XCTAssertEqual(try AmountParser.parse("1_000_000", decimals: 6), scaled(1, 12))
        XCTAssertEqual(try AmountParser.parse("0x2a", decimals: 18), 42) // hex is raw units
        XCTAssertEqual(try AmountParser.parse("0X2A", decimals: 0), 42)
        XCTAssertEqual(try AmountParser.parse("0x2_a", decimals: 0), 42)
        XCTAssertEqual(try AmountParser.parse("1.500", decimals: 3), 1_500)
        XCTAssertEqual(try AmountParser.parse("1.5000", decimals: 1), 15) // zeros beyond the scale are fine
        XCTAssertEqual(try AmountParser.parse("0.000", decimals: 0), 0)
        XCTAssertEqual(try AmountParser.parse("+5", decimals: 2), 500)
    }

    func testValidSigned() throws {
        XCTAssertEqual(try AmountParser.parseSigned("-3", decimals: 0), -3)
        XCTAssertEqual(try AmountParser.parseSigned("-3", decimals: 18), i256(-BigInt(3) * BigInt(10).power(18)))
        XCTAssertEqual(try AmountParser.parseSigned("-1.5 gwei", decimals: 0), -1_500_000_000)
        XCTAssertEqual(try AmountParser.parseSigned("-0x2a", decimals: 0), -42)
        XCTAssertEqual(try AmountParser.parseSigned("+12.5%", decimals: 4), 1_250)
    }

    /// Random well-formed amounts against the oracle: digits · 10^(decimals − fraction length).
    func testRandomWellFormedAmountsMatchOracle() {
        var rng = SplitMix64(seed: 0x8001)
        var m = Mismatches("AmountParser random")
        for _ in 0..<3_000 {
            let decimals = rng.below(78)
            let integerDigits = (0..<(1 + rng.below(30))).map { _ in String(rng.below(10)) }.joined()
            let fractionDigits = (0..<rng.below(decimals + 1)).map { _ in String(rng.below(10)) }.joined()
            let text = fractionDigits.isEmpty ? integerDigits : integerDigits + "." + fractionDigits
            let exact = BigUInt(integerDigits + fractionDigits)! * BigUInt(10).power(decimals - fractionDigits.count)
            let result = Result { try AmountParser.parse(text, decimals: decimals) }
            switch result {
            case .success(let value):
                m.check(exact <= uint256MaxOracle && value == u256(exact), "\"\(text)\" at \(decimals) = \(value)")
            case .failure(let error):
                let overflow = (error as? AmountParseError)?.expected == "an amount below 2^256 raw units"
                m.check(exact > uint256MaxOracle && overflow, "\"\(text)\" at \(decimals) threw \(error)")
            }
        }
        m.finish(minimumCases: 3_000)
    }

    /// A unit may follow the number without a space even when it starts with `e`, and trailing
    /// whitespace after a unit is ignored like leading whitespace.
    func testUnitWithoutSpaceAndTrailingWhitespace() throws {
        XCTAssertEqual(try AmountParser.parse("1.5ether", decimals: 0), scaled(15, 17))
        XCTAssertEqual(try AmountParser.parse("2e3ether", decimals: 0), scaled(2, 21))
        XCTAssertEqual(try AmountParser.parse("5 wei \t", decimals: 18), 5)
        XCTAssertEqual(try AmountParser.parse("250gwei ", decimals: 0), scaled(25, 10))
    }

    /// A fraction finer than a percentage's scale reports the places it actually has.
    func testPercentBelowTheScaleCountsItsDecimalPlaces() {
        assertParseError("50%", decimals: 0, offset: 2, expected: "at most 0 decimal places (the scale of this amount)",
                         found: "1 decimal places")
    }
}
