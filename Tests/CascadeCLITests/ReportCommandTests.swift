import CascadeChain
import CascadeEngine
import CascadeReport
import FoundationXML
import XCTest

/// `cascade report` and `cascade verify` on real run folders: the HTML report is XML with every
/// chart, the Markdown matches summary.json, every kind of change to a signed folder is named,
/// another signer is reported, and `--rerun` reproduces a run byte for byte.
final class ReportCommandTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let key = "0x" + String(repeating: "0", count: 63) + "1"
    static let otherKey = "0x" + String(repeating: "0", count: 63) + "2"
    var workspace: URL!

    /// A copy of scenarios/ and protocols/ (the tests change inputs) and two key files.
    override func setUpWithError() throws {
        workspace = FileManager.default.temporaryDirectory.appendingPathComponent("cascade-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        for folder in ["scenarios", "protocols"] {
            try FileManager.default.copyItem(at: Self.root.appendingPathComponent(folder), to: workspace.appendingPathComponent(folder))
        }
        try (Self.key + "\n").write(to: keyFile, atomically: true, encoding: .utf8)
        try (Self.otherKey + "\n").write(to: otherKeyFile, atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workspace)
    }

    var scenario: URL { workspace.appendingPathComponent("scenarios/black-thursday-2020.toml") }
    var output: URL { workspace.appendingPathComponent("out") }
    var keyFile: URL { workspace.appendingPathComponent("key") }
    var otherKeyFile: URL { workspace.appendingPathComponent("other-key") }
    var address: String { try! PrivateKey(hex: Self.key).address.checksummed }
    var otherAddress: String { try! PrivateKey(hex: Self.otherKey).address.checksummed }

    @discardableResult
    func cascade(_ arguments: [String], succeeds: Bool = true, file: StaticString = #filePath, line: UInt = #line) throws -> CascadeProcess {
        let result = try CascadeProcess.run(arguments)
        XCTAssertEqual(result.status == 0, succeeds, "cascade \(arguments.joined(separator: " ")): \(result.standardOutput)\(result.standardError)",
                       file: file, line: line)
        return result
    }

    func run(hours: String) throws {
        try cascade(["run", scenario.path, "--out", output.path, "--set", "duration_hours=\(hours)"])
    }

    func outputFile(_ name: String) -> String { output.appendingPathComponent(name).path }

    /// Changes one byte (the lowest bit of the middle byte) of `path`.
    func flipByte(_ path: String) throws {
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Four hours of Black Thursday: liquidations, auctions and bad debt; every trace chart.
    func testReportOfARunHasEveryChartAndTheSummaryNumbers() throws {
        try run(hours: "4")
        try cascade(["report", output.path])
        let html = try String(contentsOfFile: outputFile("report.html"), encoding: .utf8)
        XCTAssertFalse(html.contains("<script"), "no scripts")
        XCTAssertFalse(html.contains("http://") && html.replacingOccurrences(of: "http://www.w3.org/", with: "").contains("http://"), "no network")
        let document = try XMLDocument(xmlString: html, options: [])
        let ids = try document.nodes(forXPath: "//*[local-name()='svg']").compactMap { try $0.nodes(forXPath: "@id").first?.stringValue }
        XCTAssertEqual(ids, ["chart-price-eth", "chart-price-dai", "chart-fee", "chart-utilisation", "chart-liquidations",
                             "chart-bad-debt", "chart-delay", "chart-generations"])
        XCTAssertEqual(try document.nodes(forXPath: "//*[local-name()='figcaption']").count, ids.count)

        let summaryText = try String(contentsOfFile: outputFile("summary.json"), encoding: .utf8)
        let summary = try JSONReader.parse(summaryText, file: "summary.json")
        XCTAssertGreaterThan(summary["liquidations"]?.double ?? 0, 0, "the fixture liquidates")
        XCTAssertGreaterThan(summary["bad_debt_usd"]?.double ?? 0, 0, "the fixture has bad debt")
        let markdown = try String(contentsOfFile: outputFile("report.md"), encoding: .utf8)
        var leaves = 0
        func check(_ value: JSONValue, _ path: String) {
            if case .object(let members) = value, !members.isEmpty {
                for (key, member) in members { check(member, path.isEmpty ? key : path + "." + key) }
                return
            }
            leaves += 1
            let text = value.displayText
            XCTAssertTrue(markdown.contains("| \(path) | \(text) |"), "\(path) = \(text) not in report.md")
        }
        check(summary, "")
        XCTAssertGreaterThan(leaves, 30)
        let info = try RunInfo.read(path: outputFile("run.json"))
        for input in info.inputs { XCTAssertTrue(markdown.contains("| \(input.path) | \(input.keccak256) |"), input.path) }
        XCTAssertTrue(markdown.contains("| seed | 20200312 |"))
        XCTAssertTrue(markdown.contains("| engine version | \(info.engineVersion) |"))
        XCTAssertTrue(markdown.contains("nearest-rank percentile"), "delay percentiles are defined")

        // Same folder, same bytes.
        try cascade(["report", output.path])
        XCTAssertEqual(try String(contentsOfFile: outputFile("report.html"), encoding: .utf8), html)
    }

    func testSignedRunVerifiesAndEveryChangedFileIsNamed() throws {
        try run(hours: "0.5")
        let signed = try cascade(["report", output.path, "--sign", keyFile.path])
        XCTAssertTrue(signed.standardOutput.contains(address), signed.standardOutput)
        let verified = try cascade(["verify", output.path, "--signer", address])
        XCTAssertTrue(verified.standardOutput.contains("signer \(address)"), verified.standardOutput)

        let info = try RunInfo.read(path: outputFile("run.json"))
        let protocolFile = try XCTUnwrap(info.inputs.first { $0.path.hasSuffix("maker-mcd-2020.toml") }).path
        for (path, name) in [(protocolFile, protocolFile), (scenario.path, scenario.path)]
            + ["run.json", "summary.json", "trace.jsonl", "report.md", "report.html"].map({ (outputFile($0), $0) }) {
            try flipByte(path)
            let result = try cascade(["verify", output.path], succeeds: false)
            XCTAssertTrue(result.standardOutput.contains("FAIL \(name): changed"), "\(name): \(result.standardOutput)")
            XCTAssertTrue(result.standardError.contains("verification failed"), result.standardError)
            try flipByte(path)
        }
        try cascade(["verify", output.path])

        // The manifest body: one hex digit of a listed hash.
        let manifestPath = outputFile("manifest.json")
        let original = try String(contentsOfFile: manifestPath, encoding: .utf8)
        let summaryHash = try XCTUnwrap(original.range(of: #""path": "summary.json",\n        "keccak256": "0x"#, options: .regularExpression))
        var tampered = original
        let digit = tampered.index(summaryHash.upperBound, offsetBy: 0)
        tampered.replaceSubrange(digit...digit, with: tampered[digit] == "0" ? "1" : "0")
        try tampered.write(toFile: manifestPath, atomically: true, encoding: .utf8)
        let result = try cascade(["verify", output.path], succeeds: false)
        XCTAssertTrue(result.standardOutput.contains("manifest.json: body changed after signing"), result.standardOutput)
        XCTAssertTrue(result.standardOutput.contains("FAIL summary.json: changed"), result.standardOutput)

        // Missing and extra files.
        try original.write(toFile: manifestPath, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: outputFile("report.md"))
        try "x".write(toFile: outputFile("notes.txt"), atomically: true, encoding: .utf8)
        let incomplete = try cascade(["verify", output.path], succeeds: false)
        XCTAssertTrue(incomplete.standardOutput.contains("FAIL report.md: missing"), incomplete.standardOutput)
        XCTAssertTrue(incomplete.standardOutput.contains("FAIL notes.txt: not listed in the manifest"), incomplete.standardOutput)
    }

    func testAnotherSignerIsReported() throws {
        try run(hours: "0.5")
        try cascade(["report", output.path, "--sign", keyFile.path])
        // Someone edits the summary and re-signs with their own key: consistent, but not ours.
        let summary = try String(contentsOfFile: outputFile("summary.json"), encoding: .utf8)
        try summary.replacingOccurrences(of: "\"blocks\": 138", with: "\"blocks\": 100").write(toFile: outputFile("summary.json"), atomically: true, encoding: .utf8)
        try cascade(["report", output.path, "--sign", otherKeyFile.path])
        let alone = try cascade(["verify", output.path])
        XCTAssertTrue(alone.standardOutput.contains("signer \(otherAddress)"), alone.standardOutput)
        let required = try cascade(["verify", output.path, "--signer", address], succeeds: false)
        XCTAssertTrue(required.standardOutput.contains("signed by \(otherAddress), expected \(address)"), required.standardOutput)
        try cascade(["verify", output.path, "--signer", "0x1234"], succeeds: false)
    }

    func testBadKeyFileIsLocatedAndNothingIsSigned() throws {
        try run(hours: "0.5")
        try "0x1234\n".write(to: keyFile, atomically: true, encoding: .utf8)
        let result = try cascade(["report", output.path, "--sign", keyFile.path], succeeds: false)
        XCTAssertTrue(result.standardError.contains(keyFile.path) && result.standardError.contains("64"), result.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: outputFile("manifest.json")))
        let unsigned = try cascade(["verify", output.path], succeeds: false)
        XCTAssertTrue(unsigned.standardError.contains("manifest.json"), unsigned.standardError)
    }

    func testRerunConfirmsTheRunAndDetectsAModifiedSummary() throws {
        try run(hours: "0.5")
        try cascade(["report", output.path, "--sign", keyFile.path])
        let confirmed = try cascade(["verify", output.path, "--rerun"])
        for name in ["run.json", "summary.json", "trace.jsonl"] {
            XCTAssertTrue(confirmed.standardOutput.contains("rerun ok \(name)"), confirmed.standardOutput)
        }
        XCTAssertTrue(confirmed.standardOutput.contains("rerun byte-identical"), confirmed.standardOutput)
        // A modified summary, re-signed by the same key: every hash matches, only the rerun tells.
        let summary = try String(contentsOfFile: outputFile("summary.json"), encoding: .utf8)
        try summary.replacingOccurrences(of: "\"blocks\": 138", with: "\"blocks\": 137").write(toFile: outputFile("summary.json"), atomically: true, encoding: .utf8)
        try cascade(["report", output.path, "--sign", keyFile.path])
        try cascade(["verify", output.path])
        let detected = try cascade(["verify", output.path, "--rerun"], succeeds: false)
        XCTAssertTrue(detected.standardOutput.contains("FAIL summary.json: differs from the rerun"), detected.standardOutput)
        XCTAssertTrue(detected.standardOutput.contains("rerun ok trace.jsonl"), detected.standardOutput)
    }
}
