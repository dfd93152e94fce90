import ArgumentParser

/// `cascade runs …`: the run store (docs/run-store.md).
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List, show, compare and export recorded runs (the run store, docs/run-store.md).",
        discussion: """
            Every completed run, montecarlo, sweep and attribute is recorded in a SQLite database \
            (default \(StoreOption.defaultPath), relative to the working directory; --db chooses another).
            """,
        subcommands: [RunsList.self, RunsShow.self, RunsCompare.self, RunsExport.self, RunsAdd.self]
    )
}
