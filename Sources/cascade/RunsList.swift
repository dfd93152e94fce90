import ArgumentParser
import CascadeEngine
import CascadeStore

/// `cascade runs list`: one line per recorded command, oldest first.
struct RunsList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List recorded runs: id, kind, time, scenario, seed, paths and the main metrics."
    )

    @OptionGroup var store: StoreOption

    @Flag(help: "Print a JSON array of the records (without their result documents).")
    var json = false

    /// The metrics shown as columns (all are in `--json` and `cascade runs show`).
    static let metrics: [KeyMetric] = [.badDebtUSD, .liquidations, .liquidatedDebtUSD, .var99USD, .insolvencyProbability]

    func run() throws {
        let runs = try store.open(create: false).list()
        if json {
            print(JSONValue.array(runs.map { $0.json(details: false) }).serialized())
            return
        }
        var table = TextTable(header: ["id", "kind", "created_at", "scenario", "seed", "paths"] + Self.metrics.map(\.column) + ["output_folder"])
        table.numeric = Set([0, 5] + Self.metrics.indices.map { $0 + 6 })
        table.rows = runs.map { run in
            [String(run.id), run.kind, run.createdAt, run.scenario, run.seed, run.paths.map(String.init) ?? "–"]
                + Self.metrics.map { MetricText.format(run.metrics[$0], $0) } + [run.outputFolder]
        }
        print(table.text)
    }
}
