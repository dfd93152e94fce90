import Foundation

/// An output folder written atomically: each file is written under a temporary name in the
/// folder and renamed into place only when complete, so an interrupted run never leaves a
/// half-written `summary.json` or `trace.jsonl`.
struct OutputFolder {
    let path: String

    /// Creates the folder when missing.
    init(path: String) throws {
        self.path = path
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw CommandError("--out \(path): cannot create the folder (\(error.localizedDescription))")
        }
    }

    /// A new empty temporary file in the folder for the future `name`.
    func temporaryFile(_ name: String) throws -> String {
        let temporary = (path as NSString).appendingPathComponent(".\(name).\(ProcessInfo.processInfo.processIdentifier).partial")
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
            throw CommandError("\(temporary): cannot create the file")
        }
        return temporary
    }

    /// Renames a completed temporary file to `name`, replacing an older one.
    func commit(_ temporary: String, as name: String) throws {
        let final = (path as NSString).appendingPathComponent(name)
        if rename(temporary, final) != 0 {
            throw CommandError("\(final): cannot move the completed file into place (errno \(errno))")
        }
    }

    /// Removes `name` from an earlier run, so that the folder never mixes two runs.
    func remove(_ name: String) throws {
        let file = (path as NSString).appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: file) { try FileManager.default.removeItem(atPath: file) }
    }
}
