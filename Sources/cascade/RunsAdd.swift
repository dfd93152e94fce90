import ArgumentParser

/// `cascade runs add DIR…`: records completed output folders (e.g. of a run made with `--no-db`).
struct RunsAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Record completed output folders (run.json and the result files) in the run store.",
        discussion: "Prints the id of each recorded folder. Each folder is one transaction."
    )

    @Argument(help: "Output folders written by cascade run, montecarlo, sweep or attribute.")
    var folders: [String]

    @OptionGroup var store: StoreOption

    func run() throws {
        let runs = try store.open(create: true)
        for folder in folders {
            let id = try StoreOption.record(outputFolder: folder, in: runs)
            print("recorded \(folder) as run \(id) in \(store.path)")
        }
    }
}
