import ArgumentParser
import Foundation

/// `cascade runs export ID --csv FILE`: the per-path metrics of a recorded run for notebooks.
struct RunsExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the per-path metrics of a recorded run as CSV (a single run is one row).",
        discussion: "Columns as paths.csv (docs/outputs.md); FILE - writes to standard output."
    )

    @Argument(help: "The run's id (cascade runs list).")
    var id: Int64

    @Option(help: ArgumentHelp("The CSV file to write (replaced atomically), or - for standard output.", valueName: "file"))
    var csv: String

    @OptionGroup var store: StoreOption

    func run() throws {
        let text = try store.open(create: false).pathsCSV(runID: id)
        if csv == "-" {
            print(text, terminator: "")
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: csv), options: .atomic)
        } catch {
            throw CommandError("--csv \(csv): cannot write the file (\(error.localizedDescription))")
        }
    }
}
