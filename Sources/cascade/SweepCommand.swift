import ArgumentParser
import CascadeEngine
import Foundation

/// `cascade sweep SCENARIO --vary key=values …`: the risk measures over a grid of keys.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a Monte Carlo in every cell of a grid of scenario or protocol keys; write run.json, sweep.json and cells.csv.",
        discussion: """
            Each --vary adds an axis: key=v1,v2,… (TOML values; commas inside quotes, brackets or \
            braces do not separate) or key=start:stop:step (numbers, stop inclusive). Keys are \
            those of --set (scenario keys, protocols.NAME.KEY). Cells are the Cartesian product, \
            the last axis varying fastest; each cell applies --set, then its axis values. Every \
            cell is loaded and validated before any simulation: a bad key or value is reported \
            with its location and nothing is written. Every cell runs the same path seeds \
            (those of `cascade montecarlo`), so differences between cells are not sampling noise.
            """
    )

    @OptionGroup var options: ScenarioOptions

    @OptionGroup var parallel: PathOptions

    @OptionGroup var recording: RecordingOptions

    @Option(name: .customLong("vary"), help: ArgumentHelp("An axis: key=v1,v2,… or key=start:stop:step (repeatable).",
                                                          valueName: "key=values"))
    var axes: [String] = []

    @Option(help: "Paths per cell.")
    var paths: Int = 100

    @Option(help: "Bad debt above this fraction of the initial debt counts as insolvency (0 … 1).")
    var insolvencyFraction: Double = RiskMeasures.defaultInsolvencyFraction

    @Flag(help: "Print sweep.json to stdout instead of the text table.")
    var json = false

    func run() throws {
        try parallel.validate(paths: paths)
        try MonteCarloCommand.validate(insolvencyFraction: insolvencyFraction)
        let grid: SweepGrid
        do {
            grid = try SweepGrid(axes: try axes.map(SweepAxis.parse))
        } catch {
            throw CommandError(error.description)
        }
        let base = try options.load()
        let store = try recording.open()
        var cells: [Scenario] = []
        for index in 0..<grid.count {
            let values = grid.cell(index)
            do {
                cells.append(try options.load(extra: values))
            } catch {
                throw CommandError("cell \(index + 1) of \(grid.count) (\(values.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))): \(error)")
            }
        }
        let results = try parallel.simulate(cells, seed: options.seed, paths: paths, label: "\(base.name) sweep",
                                            scenarioFile: options.scenario)
        let result = SweepResult(grid: grid, cells: results)
        let arguments = ["paths=\(paths)"] + grid.axes.map { "vary=\($0.key)=\($0.values.joined(separator: ","))" }
            + ["insolvency_fraction=\(insolvencyFraction)"]
        let info = try options.runInfo(command: "sweep", loaded: base, arguments: arguments)
        let document = result.json(engineVersion: CascadeVersion.string, insolvencyFraction: insolvencyFraction)
        let table = result.csv(insolvencyFraction: insolvencyFraction)
        let output = try options.write(info, [("sweep.json", document.serialized() + "\n"), ("cells.csv", table)])
        let recorded = try recording.record(outputFolder: output.path, in: store)
        if json {
            print(document.serialized())
        } else {
            let horizon = results[0].horizonText
            print("\(base.name) (seed \(results[0].seed)): \(grid.count) cells × \(paths) paths; percentiles over paths, horizon \(horizon) per path")
            print(table, terminator: "")
            print("wrote \(output.path)/sweep.json and \(output.path)/cells.csv")
            if let recorded { print("recorded as run \(recorded) in \(recording.store.path)") }
        }
    }
}
