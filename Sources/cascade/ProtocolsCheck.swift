import ArgumentParser
import CascadeEngine
import Foundation

/// `cascade protocols check FILE…`: load and validate protocol files.
///
/// Prints `ok FILE (kind, N markets)` for each good file and every located problem of each bad
/// one (`FILE:LINE: KEY: expected …, found …`) on standard error; exits 1 when any file failed.
struct ProtocolsCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load and validate protocol files; print ok or the located errors."
    )

    @Argument(help: "Protocol files (TOML).")
    var files: [String]

    func run() throws {
        var failed = 0
        for file in files {
            do {
                let definition = try ProtocolDefinitionLoader.load(path: file)
                let count = definition.marketCount
                print("ok \(file) (\(definition.kind), \(count) market\(count == 1 ? "" : "s"))")
            } catch {
                failed += 1
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
            }
        }
        if failed > 0 { throw ExitCode.failure }
    }
}
