import CascadeEngine
import CascadeStore
import Foundation
import XCTest

/// `cascade run`: bad scenarios give a located error, exit non-zero and write nothing; a good
/// one writes its two files.
final class RunCommandTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var workspace: URL!

    /// A copy of scenarios/ and protocols/ in a temporary folder, so the test can break files.
    override func setUpWithError() throws {
        workspace = FileManager.default.temporaryDirectory.appendingPathComponent("cascade-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        for folder in ["scenarios", "protocols"] {
            try FileManager.default.copyItem(at: Self.root.appendingPathComponent(folder), to: workspace.appendingPathComponent(folder))
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workspace)
    }

    var scenario: URL { workspace.appendingPathComponent("scenarios/black-thursday-2020.toml") }
    var output: URL { workspace.appendingPathComponent("out") }

    /// Edits the scenario, runs it and checks the error names `expected` pieces and nothing was written.
    func assertFails(_ edit: (inout String) -> Void, mentions expected: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        var text = try String(contentsOf: scenario, encoding: .utf8)
        edit(&text)
        try text.write(to: scenario, atomically: true, encoding: .utf8)
        let result = try CascadeProcess.run(["run", scenario.path, "--out", output.path, "--set", "duration_hours=1"])
        XCTAssertNotEqual(result.status, 0, file: file, line: line)
        for piece in expected {
            XCTAssertTrue(result.standardError.contains(piece), "\(piece) not in: \(result.standardError)", file: file, line: line)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "nothing may be written", file: file, line: line)
    }

    func testMissingKeyIsLocated() throws {
        try assertFails({ $0 = $0.replacingOccurrences(of: "seed = 20200312\n", with: "") },
                        mentions: ["black-thursday-2020.toml", "seed", "required"])
    }

    func testWrongTypeIsLocated() throws {
        try assertFails({ $0 = $0.replacingOccurrences(of: "gas_limit = 10_000_000", with: "gas_limit = \"lots\"") },
                        mentions: ["chain.gas_limit", "lots"])
    }

    func testUnknownProtocolKindIsLocated() throws {
        let path = workspace.appendingPathComponent("protocols/maker-mcd-2020.toml")
        var text = try String(contentsOf: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "kind = \"maker\"", with: "kind = \"makerdao\"")
        try text.write(to: path, atomically: true, encoding: .utf8)
        try assertFails({ _ in }, mentions: ["maker-mcd-2020.toml", "kind", "makerdao"])
    }

    func testMissingProtocolFileIsLocated() throws {
        try assertFails({ $0 = $0.replacingOccurrences(of: "maker-mcd-2020.toml", with: "maker-1999.toml") },
                        mentions: ["protocols.maker.file", "maker-1999.toml"])
    }

    func testMissingCSVIsLocated() throws {
        try assertFails({ $0 = $0.replacingOccurrences(of: "eth-usd.csv", with: "eth-usd-missing.csv") },
                        mentions: ["market.assets.ETH.series", "eth-usd-missing.csv"])
    }

    func testUnsortedCSVIsLocatedByLine() throws {
        let path = workspace.appendingPathComponent("scenarios/data/black-thursday-2020/eth-usd.csv")
        var lines = try String(contentsOf: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let data = lines.indices.filter { lines[$0].hasPrefix("2020-") }
        lines.swapAt(data[3], data[4])
        try lines.joined(separator: "\n").write(to: path, atomically: true, encoding: .utf8)
        try assertFails({ _ in }, mentions: ["eth-usd.csv:\(data[4] + 1):", "timestamps must increase"])
    }

    func testUnknownKeyIsLocated() throws {
        try assertFails({ $0 = $0.replacingOccurrences(of: "dai_symbol = \"DAI\"", with: "dai_symbol = \"DAI\"\ndai_symbl = \"DAI\"") },
                        mentions: ["dai_symbl", "unknown"])
    }

    func testBadOverrideIsLocated() throws {
        let result = try CascadeProcess.run(["run", scenario.path, "--out", output.path, "--set", "chain.gas_limit=lots"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.standardError.contains("chain.gas_limit"), result.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
    }

    func testShortRunWritesSummaryAndTrace() throws {
        let database = workspace.appendingPathComponent("runs.sqlite")
        let result = try CascadeProcess.run(["run", scenario.path, "--out", output.path, "--set", "duration_hours=0.5", "--json",
                                             "--db", database.path])
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertEqual(try RunStore(path: database.path, create: false).list().map(\.outputFolder), [output.path],
                       "recorded in the run store; standard output stays pure JSON")
        let summary = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as! [String: Any]
        XCTAssertEqual(summary["scenario"] as? String, "black-thursday-2020")
        XCTAssertEqual(summary["blocks"] as? Int, 138)
        for key in ["bad_debt_usd", "liquidations", "liquidated_debt_usd", "auctions", "liquidation_delay_blocks", "cascade", "protocols"] {
            XCTAssertNotNil(summary[key], key)
        }
        let written = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        XCTAssertEqual(written, ["run.json", "summary.json", "trace.jsonl"], "no temporary files left")
        let info = try RunInfo.read(path: output.appendingPathComponent("run.json").path)
        XCTAssertEqual(info.command, "run")
        XCTAssertEqual(info.overrides, ["duration_hours=0.5"])
        XCTAssertEqual(info.seed, "20200312")
        XCTAssertEqual(info.inputs.first?.path, scenario.path)
        let names = info.inputs.map { ($0.path as NSString).lastPathComponent }
        for file in ["gas-prices.csv", "eth-usd.csv", "maker-mcd-2020.toml", "compound-v2.toml", "uniswap-v2.toml"] {
            XCTAssertTrue(names.contains(file), "\(file) is an input: \(names)")
        }
    }
}
