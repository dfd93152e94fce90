import ArgumentParser
import CascadeStore

/// `cascade runs show ID`: one recorded command in full.
struct RunsShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one recorded run: settings, input files with their Keccak-256, key metrics."
    )

    @Argument(help: "The run's id (cascade runs list).")
    var id: Int64

    @OptionGroup var store: StoreOption

    @Flag(help: "Print the record as JSON, with its result document (summary.json, montecarlo.json, …).")
    var json = false

    func run() throws {
        let stored = try store.open(create: false).run(id: id)
        if json {
            print(stored.json(details: true).serialized())
            return
        }
        var settings = TextTable(header: ["run", String(stored.id)])
        settings.rows = [
            ["kind", stored.kind], ["created_at", stored.createdAt], ["scenario", stored.scenario],
            ["scenario_path", stored.scenarioPath], ["seed", stored.seed], ["engine_version", stored.engineVersion],
            ["overrides", stored.overrides.joined(separator: " ")], ["arguments", stored.arguments.joined(separator: " ")],
            ["paths", stored.paths.map(String.init) ?? "–"], ["output_folder", stored.outputFolder], ["document", stored.document],
        ]
        var metrics = TextTable(header: ["metric", "unit", "value"])
        metrics.numeric = [2]
        metrics.rows = KeyMetric.allCases.compactMap { metric in
            stored.metrics[metric].map { [metric.column, metric.unit, MetricText.format($0, metric)] }
        }
        var inputs = TextTable(header: ["input", "keccak256"])
        inputs.rows = stored.inputs.map { [$0.path, $0.keccak256] }
        print([settings.text, metrics.text, inputs.text].joined(separator: "\n\n"))
    }
}
