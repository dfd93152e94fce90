import CascadeEngine
import XCTest

/// The ordered JSON reader: what JSONValue writes reads back identically; errors are located.
final class JSONReaderTests: XCTestCase {
    func testRoundTripKeepsOrderAndNumberText() throws {
        let value = JSONValue.object([
            ("z", .integer(-3)), ("a", .number(1234567.89)), ("m", .array([.null, .bool(true), .string("q\"\\\n\u{1}é")])),
            ("small", .number(1e-05)), ("nested", .object([("k", .object([]))])), ("list", .array([])),
        ])
        for indent in [nil, 2] {
            let text = value.serialized(indent: indent)
            let parsed = try JSONReader.parse(text, file: "t.json")
            XCTAssertEqual(parsed.serialized(indent: indent), text)
        }
        XCTAssertEqual(try JSONReader.parse("\"\\u00e9\\ud83d\\ude00\"", file: "t.json"), .string("é😀"))
    }

    func testErrorsNameFileAndLine() {
        XCTAssertThrowsError(try JSONReader.parse("{\n  \"a\": 1,\n  \"b\" 2\n}", file: "bad.json")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("bad.json"), text)
            XCTAssertTrue(text.contains("3"), text)
            XCTAssertTrue(text.contains("':'"), text)
        }
        XCTAssertThrowsError(try JSONReader.parse("[1, 2] x", file: "t.json"))
        XCTAssertThrowsError(try JSONReader.parse("{\"a\": tru}", file: "t.json"))
    }

    func testEscapesSurrogatePairsAndNumbers() throws {
        XCTAssertEqual(try JSONReader.parse(#"["\u00e9\/\ud83d\ude00\b\f"]"#, file: "t"), .array([.string("é/😀\u{8}\u{C}")]))
        XCTAssertEqual(try JSONReader.parse("[1, -0, 2.50, 1E3, 9223372036854775808]", file: "t"),
                       .array([.integer(1), .integer(0), .number(2.5), .number(1000), .number(9223372036854775808)]))
    }

    func testPathsAndAccessors() throws {
        let value = try JSONReader.parse(#"{"a": {"b": [1, "2"]}, "seed": 7}"#, file: "t")
        XCTAssertEqual(value[["a", "b"]]?.items?.compactMap(\.double), [1, 2])
        XCTAssertEqual(value["seed"]?.text, "7")
        XCTAssertNil(value[["a", "missing"]])
    }
}
