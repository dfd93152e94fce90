import Foundation
import XCTest

/// `cascade protocols check` end to end: the built executable on real files.
final class ProtocolsCheckTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testShippedFilesAreOK() throws {
        let file = Self.root.appendingPathComponent("protocols/maker-mcd-2020.toml").path
        let result = try CascadeProcess.run(["protocols", "check", file])
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertEqual(result.standardOutput, "ok \(file) (maker, 1 market)\n")
    }

    func testBadFileIsLocatedAndFails() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cascade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = Self.root.appendingPathComponent("protocols/aave-v3-ethereum.toml").path
        let text = try String(contentsOfFile: good, encoding: .utf8)
            .replacingOccurrences(of: "liquidation_threshold = \"83%\"", with: "liquidation_threshold = \"80%\"")
        let bad = directory.appendingPathComponent("bad.toml").path
        try text.write(toFile: bad, atomically: true, encoding: .utf8)

        let result = try CascadeProcess.run(["protocols", "check", good, bad])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.standardOutput, "ok \(good) (aave-v3, 4 markets)\n")
        XCTAssertTrue(result.standardError.contains("\(bad):29: reserves.WETH.liquidation_threshold: expected ≥ ltv (8050), found 8000"),
                      result.standardError)
    }
}
