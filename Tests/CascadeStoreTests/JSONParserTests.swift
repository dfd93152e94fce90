import CascadeEngine
@testable import CascadeStore
import XCTest

/// The JSON reader keeps key order, so that documents print back as written.
final class JSONParserTests: XCTestCase {
    func testRoundTripKeepsOrderAndText() throws {
        let value = JSONValue.object([
            ("z", .integer(-3)), ("a", .number(0.1)), ("m", .array([.null, .bool(true), .bool(false), .string("x\"\\\n\t\u{1}é😀")])),
            ("big", .string("18446744073709551615")), ("e", .number(1e-05)), ("empty", .object([])), ("none", .array([])),
        ])
        for indent in [nil, 2] {
            let text = value.serialized(indent: indent)
            XCTAssertEqual(try JSONParser.parse(text).serialized(indent: indent), text)
        }
    }

    func testEscapesAndSurrogatePairs() throws {
        XCTAssertEqual(try JSONParser.parse(#"["\u00e9\/\ud83d\ude00\b\f"]"#), .array([.string("é/😀\u{8}\u{C}")]))
    }

    func testNumbers() throws {
        XCTAssertEqual(try JSONParser.parse("[1, -0, 2.50, 1E3, 9223372036854775808]"),
                       .array([.integer(1), .integer(0), .number(2.5), .number(1000), .number(9223372036854775808)]))
    }

    func testErrorsGiveTheOffset() {
        for (text, expected) in [("{\"a\" 1}", "at byte 5: expected ':'"), ("[1,]", "at byte 3: expected a value"),
                                 ("{} x", "at byte 3: expected the end of the document"), ("\"abc", "at byte 4: expected '\"' closing the string"),
                                 ("[tru]", "at byte 1: expected a value"), ("{\"a\":1", "at byte 6: expected ',' or '}'")] {
            XCTAssertThrowsError(try JSONParser.parse(text), text) { error in
                XCTAssertEqual("\(error)", expected, text)
            }
        }
    }
}
