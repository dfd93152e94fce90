import CascadeEngine
import XCTest

final class TOMLDocumentTests: XCTestCase {
    func testTablesDottedKeysAndValues() throws {
        let document = try TOMLDocument(parsing: """
            # comment
            a = "x # not a comment" # comment
            [t."ETH-A"]
            b.c = 1_000
            d = [1, 2.5, true, 'lit']
            e = 0x2a
            """)
        XCTAssertEqual(document.entries["a"]?.value, .string("x # not a comment"))
        XCTAssertEqual(document.entries["t.ETH-A.b.c"]?.value, .integer(1_000))
        XCTAssertEqual(document.entries["t.ETH-A.b.c"]?.line, 4)
        XCTAssertEqual(document.entries["t.ETH-A.d"]?.value, .array([.integer(1), .float(2.5), .boolean(true), .string("lit")]))
        XCTAssertEqual(document.entries["t.ETH-A.e"]?.value, .integer(42))
        XCTAssertEqual(document.orderedKeys, ["a", "t.ETH-A.b.c", "t.ETH-A.d", "t.ETH-A.e"])
    }

    func testInlineTablesFlattenWithTheirKeyLine() throws {
        let document = try TOMLDocument(parsing: "kind = \"x\"\n\nx = { a = 1, b.c = \"s\" }\n")
        XCTAssertEqual(document.entries["x.a"]?.value, .integer(1))
        XCTAssertEqual(document.entries["x.a"]?.line, 3)
        XCTAssertEqual(document.entries["x.b.c"]?.line, 3)
        XCTAssertEqual(document.orderedKeys, ["kind", "x.a", "x.b.c"])
    }

    func testRefusals() {
        let cases = [("a = 1\na = 2", 2), ("[[t]]\na = 1", 1), ("d = 1979-05-27", 1), ("a = 1 2", 1), ("a = \"open", 1),
                     ("\n= 1", 2), ("\"a.b\" = 1", 1)]
        for (text, line) in cases {
            XCTAssertThrowsError(try TOMLDocument(parsing: text), text) { error in
                XCTAssertEqual((error as? TOMLDocument.SyntaxError)?.line, line, text)
            }
        }
    }
}
