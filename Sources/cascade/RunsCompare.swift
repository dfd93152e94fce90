import ArgumentParser
import CascadeStore

/// `cascade runs compare ID ID`: two recorded commands side by side.
struct RunsCompare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two recorded runs: settings, key metrics with differences, changed input files."
    )

    @Argument(help: "The first run's id.")
    var first: Int64

    @Argument(help: "The second run's id.")
    var second: Int64

    @OptionGroup var store: StoreOption

    @Flag(help: "Print the comparison as JSON.")
    var json = false

    func run() throws {
        let comparison = try store.open(create: false).compare(first, second)
        if json {
            print(comparison.json.serialized())
            return
        }
        let mark = { (differs: Bool) in differs ? "*" : "" }
        var settings = TextTable(header: ["setting", "run \(first)", "run \(second)", ""])
        settings.rows = comparison.settings.map { [$0.name, $0.first, $0.second, mark($0.differs)] }
        var metrics = TextTable(header: ["metric", "unit", "run \(first)", "run \(second)", "difference"])
        metrics.numeric = [2, 3, 4]
        metrics.rows = comparison.metrics.map {
            [$0.metric.column, $0.metric.unit, MetricText.format($0.first, $0.metric), MetricText.format($0.second, $0.metric),
             MetricText.difference($0.difference, $0.metric)]
        }
        var sections = [settings.text, metrics.text]
        if comparison.inputChanges.isEmpty {
            sections.append("inputs: identical (\(comparison.first.inputs.count) files, same Keccak-256)")
        } else {
            var inputs = TextTable(header: ["changed input", "run \(first)", "run \(second)"])
            inputs.rows = comparison.inputChanges.map { [$0.path, $0.first ?? "–", $0.second ?? "–"] }
            sections.append(inputs.text)
        }
        print(sections.joined(separator: "\n\n"))
    }
}
