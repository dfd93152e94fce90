import CascadeChain
import CascadeEngine
import CascadeReport
import XCTest

/// Signed manifests: the exact bytes signed, the signer recovered, and every kind of change to
/// a signed folder detected and named.
final class ManifestTests: XCTestCase {
    var root: String!
    var folder: String { RunFolder.file(root, "out") }
    var input: String { RunFolder.file(root, "scenario.toml") }
    let key = try! PrivateKey(hex: "0x" + String(repeating: "0", count: 63) + "1")
    let otherKey = try! PrivateKey(hex: "0x" + String(repeating: "0", count: 63) + "2")

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("cascade-manifest-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "name = \"t\"\n".write(toFile: input, atomically: true, encoding: .utf8)
        let info = RunInfo(command: "run", scenario: input, overrides: ["duration_hours=1"], seed: 42, engineVersion: "0.1.0",
                           inputs: try RunInfo.inputs([input]))
        try (info.json.serialized() + "\n").write(toFile: RunFolder.file(folder, "run.json"), atomically: true, encoding: .utf8)
        try "{\"bad_debt_usd\": 1}\n".write(toFile: RunFolder.file(folder, "summary.json"), atomically: true, encoding: .utf8)
        try "# report\n".write(toFile: RunFolder.file(folder, "report.md"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: root)
    }

    func sign(_ key: PrivateKey) throws {
        let signed = try Manifest.make(folder: folder).signed(with: key)
        try (signed.json.serialized() + "\n").write(toFile: RunFolder.file(folder, Manifest.fileName), atomically: true, encoding: .utf8)
    }

    func verify(requiredSigner: Address? = nil) throws -> ManifestVerification {
        try ManifestVerification.verify(folder: folder, requiredSigner: requiredSigner)
    }

    /// Changes one byte of `path` (its lowest bit): at `offset`, or in the middle.
    func flipByte(_ path: String, at offset: Int? = nil) throws {
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let index = offset ?? bytes.count / 2
        bytes[index] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    func testSignedBytesAreTheCompactBodyAndTheSignerRecovers() throws {
        let manifest = try Manifest.make(folder: folder)
        let text = String(decoding: manifest.canonicalBytes, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix(#"{"format":"cascade-manifest/1","command":"run","scenario":""#), text)
        XCTAssertTrue(text.contains(#""overrides":["duration_hours=1"],"seed":"42","engine_version":"0.1.0","arguments":[],"inputs":[{"path":""#), text)
        XCTAssertEqual(manifest.outputs.map(\.path), ["run.json", "summary.json", "report.md"])
        XCTAssertEqual(manifest.digest, Keccak256.hash(manifest.canonicalBytes))
        let signed = manifest.signed(with: key)
        XCTAssertEqual(signed.signatureBytes.count, 65)
        XCTAssertTrue([27, 28].contains(signed.signatureBytes[64]))
        // The signature is an EIP-191 personal_sign of the 32-byte digest: any Ethereum tool recovers it.
        XCTAssertEqual(try PersonalMessage.recoverSigner(manifest.digest.bytes, signature: signed.signature), key.address)
        try sign(key)
        let verification = try verify(requiredSigner: key.address)
        XCTAssertEqual(verification.problems, [])
        XCTAssertEqual(verification.signer, key.address)
        XCTAssertEqual(verification.unchanged, [input, "run.json", "summary.json", "report.md"])
    }

    func testChangedInputIsNamed() throws {
        try sign(key)
        try flipByte(input, at: 0)
        let problems = try verify().problems
        XCTAssertEqual(problems.count, 1)
        guard case .changed(let path, _, _) = problems.first else { return XCTFail("\(problems)") }
        XCTAssertEqual(path, input)
    }

    func testChangedOutputsAreNamed() throws {
        try sign(key)
        for name in ["run.json", "summary.json", "report.md"] {
            try flipByte(RunFolder.file(folder, name))
            XCTAssertEqual(try verify().problems.map(\.description).filter { $0.hasPrefix(name + ": changed") }.count, 1, name)
            try flipByte(RunFolder.file(folder, name))
            XCTAssertEqual(try verify().problems, [], "restored \(name)")
        }
    }

    func testMissingAndExtraFilesAreNamed() throws {
        try sign(key)
        try FileManager.default.removeItem(atPath: RunFolder.file(folder, "report.md"))
        try "x".write(toFile: RunFolder.file(folder, "paths.csv"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try verify().problems, [.missing(path: "report.md"), .extra(path: "paths.csv")])
    }

    func testChangedManifestBodyIsDetected() throws {
        try sign(key)
        let path = RunFolder.file(folder, Manifest.fileName)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"seed\": \"42\"", with: "\"seed\": \"43\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let problems = try verify().problems
        XCTAssertTrue(problems.contains { if case .bodyChanged = $0 { true } else { false } }, "\(problems)")
        XCTAssertTrue(problems.contains { if case .signerMismatch(_, let stated) = $0 { stated == key.address } else { false } }, "\(problems)")
    }

    func testResignedManifestNamesTheOtherSigner() throws {
        try sign(key)
        try "{\"bad_debt_usd\": 0}\n".write(toFile: RunFolder.file(folder, "summary.json"), atomically: true, encoding: .utf8)
        try sign(otherKey)
        let verification = try verify()
        XCTAssertEqual(verification.problems, [], "a consistent manifest by another key verifies on its own")
        XCTAssertEqual(verification.signer, otherKey.address)
        XCTAssertEqual(try verify(requiredSigner: key.address).problems,
                       [.unexpectedSigner(recovered: otherKey.address, required: key.address)])
    }

    func testSignatureByAnotherKeyThanTheStatedSigner() throws {
        try sign(otherKey)
        let path = RunFolder.file(folder, Manifest.fileName)
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: otherKey.address.checksummed, with: key.address.checksummed)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(try verify().problems, [.signerMismatch(recovered: otherKey.address, stated: key.address)])
    }

    func testInputChangedBeforeSigningIsRefused() throws {
        try flipByte(input, at: 0)
        XCTAssertThrowsError(try Manifest.make(folder: folder)) { error in
            XCTAssertTrue("\(error)".contains(input) && "\(error)".contains("changed"), "\(error)")
        }
    }
}
