import ArgumentParser
import CascadeChain
import CascadeEngine
import CascadeReport
import Foundation

/// `cascade verify DIR [--signer ADDRESS] [--rerun]`: checks a signed output folder and, with
/// `--rerun`, re-executes its command and compares the outputs byte for byte.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the signed manifest of an output folder: every hash, the signature, the signer; --rerun re-executes.",
        discussion: """
            Rehashes every file DIR/manifest.json lists (inputs at their recorded paths, relative to \
            the current directory as in the run; outputs in DIR), recomputes the signed digest, \
            recovers and prints the signer's address, and names every changed, missing or unlisted \
            file. With --rerun it runs the command recorded in run.json again with this executable \
            into a temporary folder and checks that every simulation output in DIR is byte-identical. \
            Exits non-zero on any failure (docs/reports.md).
            """
    )

    @Argument(help: "Output folder with a manifest.json (cascade report DIR --sign KEYFILE).")
    var folder: String

    @Option(help: ArgumentHelp("Require this signer (0x address).", valueName: "ADDRESS"))
    var signer: String?

    @Flag(help: "Re-execute the recorded command and require byte-identical outputs.")
    var rerun = false

    func run() throws {
        var required: Address?
        if let signer {
            do { required = try Address(hex: signer) } catch { throw CommandError("--signer \(signer): \(error.description)") }
        }
        let verification: ManifestVerification
        do {
            verification = try ManifestVerification.verify(folder: folder, requiredSigner: required)
        } catch {
            throw CommandError(error.description)
        }
        print("signer \(verification.signer?.checksummed ?? "unknown (no key recovers)")")
        for path in verification.unchanged { print("ok \(path)") }
        var problems = verification.problems.map(\.description)
        for problem in problems { print("FAIL \(problem)") }
        if rerun {
            let differences = try rerunOutputs(verification.manifest.body)
            for difference in differences { print("FAIL \(difference)") }
            problems += differences
        }
        guard problems.isEmpty else {
            throw CommandError("\(folder): verification failed, \(problems.count) problem\(problems.count == 1 ? "" : "s")")
        }
        print("verified \(folder): \(verification.unchanged.count) files, signed by \(verification.signer!.checksummed)"
              + (rerun ? ", rerun byte-identical" : ""))
    }

    /// Runs the recorded command into a temporary folder with this executable; returns a line
    /// per simulation output of DIR that the rerun did not reproduce byte for byte.
    private func rerunOutputs(_ manifest: Manifest) throws -> [String] {
        let info: RunInfo
        do { info = try RunInfo.read(path: RunFolder.file(folder, "run.json")) } catch { throw CommandError(error.description) }
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("cascade-rerun-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executablePath)
        process.arguments = RerunCommand.arguments(for: info, out: temporary.path)
        process.standardOutput = FileHandle.nullDevice
        print("rerun: cascade \(process.arguments!.joined(separator: " "))")
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return ["rerun: cascade \(info.command) exited with status \(process.terminationStatus)"]
        }
        var differences: [String] = []
        for name in RunFolder.outputNames where manifest.outputs.contains(where: { $0.path == name }) {
            let original = FileManager.default.contents(atPath: RunFolder.file(folder, name))
            guard let again = FileManager.default.contents(atPath: temporary.appendingPathComponent(name).path) else {
                differences.append("\(name): the rerun did not write it")
                continue
            }
            if original == again {
                print("rerun ok \(name)")
            } else {
                differences.append("\(name): differs from the rerun (keccak256 \(original.map { Keccak256.hash($0).description } ?? "missing"), rerun \(Keccak256.hash(again)))")
            }
        }
        return differences
    }

    /// This executable: /proc/self/exe where it exists, else the first command-line argument.
    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
