import CascadeEngine
import Foundation
import XCTest

final class RunInfoTests: XCTestCase {
    func testInputsAreHashedWithKeccak256AndReadBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("runinfo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty.toml").path
        let abc = folder.appendingPathComponent("abc.toml").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        FileManager.default.createFile(atPath: abc, contents: Data("abc".utf8))

        // Keccak-256 of "" and of "abc" (the Ethereum, pre-NIST padding values); a repeated path is hashed once.
        let inputs = try RunInfo.inputs([empty, abc, empty])
        XCTAssertEqual(inputs.map(\.path), [empty, abc])
        XCTAssertEqual(inputs[0].keccak256, "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")
        XCTAssertEqual(inputs[1].keccak256, "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")

        let info = RunInfo(command: "montecarlo", scenario: "s.toml", overrides: ["chain.gas_limit=30000000"],
                           seed: UInt64.max, engineVersion: "9.9.9", arguments: ["paths=10"], inputs: inputs)
        let path = folder.appendingPathComponent("run.json").path
        try Data(info.json.serialized().utf8).write(to: URL(fileURLWithPath: path))
        let read = try RunInfo.read(path: path)
        XCTAssertEqual(read, info)
        XCTAssertEqual(read.seed, "18446744073709551615")
    }

    func testMissingFilesAreNamed() {
        XCTAssertThrowsError(try RunInfo.inputs(["/nonexistent/scenario.toml"])) { error in
            XCTAssertTrue("\(error)".contains("/nonexistent/scenario.toml"), "\(error)")
        }
        XCTAssertThrowsError(try RunInfo.read(path: "/nonexistent/run.json")) { error in
            XCTAssertTrue("\(error)".contains("/nonexistent/run.json"), "\(error)")
        }
    }
}
