import ArgumentParser
import CascadeEngine
import CascadeReport
import Foundation

/// `cascade report DIR [--sign KEYFILE]`: writes DIR/report.md and DIR/report.html from the
/// outputs in DIR; with `--sign`, also the signed DIR/manifest.json.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write report.md and a self-contained report.html for an output folder; --sign also writes manifest.json.",
        discussion: """
            Reads whichever of run.json, summary.json, trace.jsonl, montecarlo.json, paths.csv, \
            sweep.json, cells.csv and attribution.json are in DIR and writes DIR/report.md and \
            DIR/report.html (inline SVG charts and CSS; no scripts, no network). With --sign KEYFILE \
            it writes DIR/manifest.json: the Keccak-256 of every input and output file, the seed and \
            engine version, signed with the secp256k1 key in KEYFILE (docs/reports.md). Check it with \
            cascade verify DIR.
            """
    )

    @Argument(help: "Output folder of cascade run, montecarlo, sweep or attribute.")
    var folder: String

    @Option(help: ArgumentHelp("Sign a manifest with this key file (one line: 0x + 64 hex digits, a secp256k1 private key).",
                               valueName: "KEYFILE"))
    var sign: String?

    func run() throws {
        let key: PrivateKeyFile?
        do {
            key = try sign.map { path throws(ConfigurationError) in try PrivateKeyFile.read(path: path) }
        } catch {
            throw CommandError(error.description)
        }
        let report: Report
        do {
            report = Report(folder: try RunFolder.read(path: folder))
        } catch {
            throw CommandError(error.description)
        }
        let output = try OutputFolder(path: folder)
        let markdown = try output.temporaryFile("report.md"), html = try output.temporaryFile("report.html")
        try Data(report.markdown.utf8).write(to: URL(fileURLWithPath: markdown))
        try Data(report.html.utf8).write(to: URL(fileURLWithPath: html))
        try output.commit(markdown, as: "report.md")
        try output.commit(html, as: "report.html")
        print("wrote \(folder)/report.md and \(folder)/report.html (\(report.chartIDs.count) charts)")
        guard let key else { return }
        let manifest: Manifest
        do {
            manifest = try Manifest.make(folder: folder)
        } catch {
            throw CommandError(error.description)
        }
        let signed = manifest.signed(with: key.key)
        let path = try output.temporaryFile(Manifest.fileName)
        try Data((signed.json.serialized() + "\n").utf8).write(to: URL(fileURLWithPath: path))
        try output.commit(path, as: Manifest.fileName)
        print("wrote \(folder)/\(Manifest.fileName): \(manifest.files.count) files, signed by \(key.key.address.checksummed)")
    }
}
