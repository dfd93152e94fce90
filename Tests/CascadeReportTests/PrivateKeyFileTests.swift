import CascadeChain
import CascadeReport
import XCTest

/// Key files: one line `0x` + 64 hex digits; every other shape refused with the file named and
/// the key never repeated.
final class PrivateKeyFileTests: XCTestCase {
    var path: String!
    let secret = String(repeating: "ab", count: 32)

    override func setUp() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("cascade-key-\(UUID().uuidString)").path
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: path)
    }

    func read(_ text: String) throws -> PrivateKeyFile {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try PrivateKeyFile.read(path: path)
    }

    func testReadsOneLineWithOrWithoutNewline() throws {
        let expected = try PrivateKey(hex: secret)
        XCTAssertEqual(try read("0x\(secret)\n").key, expected)
        XCTAssertEqual(try read("0x\(secret)").key, expected)
    }

    func testRefusesMalformedFilesWithoutRepeatingTheKey() throws {
        let cases: [(String, String)] = [
            ("", "an empty file"), ("\(secret)\n", "no 0x prefix"), ("0x\(secret.dropLast(2))\n", "64"),
            ("0x\(secret.dropLast())g\n", "hex"), ("0x\(String(repeating: "0", count: 64))\n", "zero"),
            ("0x\(secret)\n0x\(secret)\n", "2 lines"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try read(text), text) { error in
                let message = "\(error)"
                XCTAssertTrue(message.contains(path), message)
                XCTAssertTrue(message.contains(expected), "\(expected) not in \(message)")
                XCTAssertFalse(message.contains(secret.prefix(16)), "the key must not be printed: \(message)")
            }
        }
        XCTAssertThrowsError(try PrivateKeyFile.read(path: path + ".missing"))
    }
}
