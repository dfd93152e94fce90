import CascadeEngine
import CascadeReport
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
}
