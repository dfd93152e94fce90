import ArgumentParser
import CascadeStore

/// `--db PATH` and `--no-db` of the commands that simulate: after the outputs are committed,
/// the output folder is recorded in the run store in one transaction.
struct RecordingOptions: ParsableArguments {
    @OptionGroup var store: StoreOption

    @Flag(name: .customLong("no-db"), help: "Do not record the run in the run store.")
    var noDatabase = false

    /// Opens (or creates) the store before simulating, so that a bad `--db` fails before any
    /// work is done; `nil` with `--no-db`.
    func open() throws -> RunStore? {
        noDatabase ? nil : try store.open(create: true)
    }

    /// Records the completed `outputFolder` in `runs` (from ``open()``); returns its id, or
    /// `nil` with `--no-db`.
    /// - Throws: ``CommandError`` saying that the outputs are complete and how to record them later.
    func record(outputFolder: String, in runs: RunStore?) throws -> Int64? {
        guard let runs else { return nil }
        do {
            return try StoreOption.record(outputFolder: outputFolder, in: runs)
        } catch {
            throw CommandError("\(error) (the outputs in \(outputFolder) are complete; record them later with `cascade runs add \(outputFolder) --db PATH`)")
        }
    }
}
