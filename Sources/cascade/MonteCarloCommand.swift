import ArgumentParser
import CascadeEngine
import Foundation

/// `cascade montecarlo SCENARIO --paths N`: the distribution of a scenario's outcomes over paths.
struct MonteCarloCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "montecarlo",
        abstract: "Run a scenario over many seeded paths; write run.json, montecarlo.json and paths.csv (docs/outputs.md).",
        discussion: """
            Path i runs with seed SplitMix64(seed: S).derived(stream: i).next(), S the scenario's \
            seed or --seed; each path builds its own world (population, market path, background \
            demand) and keeps only its metrics (no trace, no signatures). Results are collected \
            in path order, so the outputs are byte-identical for any --jobs. Writes \
            DIR/run.json, DIR/montecarlo.json (distributions and risk measures: VaR and \
            liquidations-at-risk at 95 % and 99 % with expected shortfall, probability of \
            insolvency) and DIR/paths.csv atomically, only when every path completed.
            """
    )

    @OptionGroup var options: ScenarioOptions

    @OptionGroup var parallel: PathOptions

    @OptionGroup var recording: RecordingOptions

    @Option(help: "Number of paths.")
    var paths: Int = 100

    @Option(help: "Bad debt above this fraction of the initial debt counts as insolvency (0 … 1).")
    var insolvencyFraction: Double = RiskMeasures.defaultInsolvencyFraction

    @Flag(help: "Print montecarlo.json to stdout instead of the text summary.")
    var json = false

    func run() throws {
        try parallel.validate(paths: paths)
        try Self.validate(insolvencyFraction: insolvencyFraction)
        let scenario = try options.load()
        let store = try recording.open()
        let result = try parallel.simulate([scenario], seed: options.seed, paths: paths, label: scenario.name,
                                           scenarioFile: options.scenario)[0]
        let info = try options.runInfo(command: "montecarlo", loaded: scenario,
                                       arguments: ["paths=\(paths)", "insolvency_fraction=\(insolvencyFraction)"])
        let document = result.json(engineVersion: CascadeVersion.string, insolvencyFraction: insolvencyFraction)
        let output = try options.write(info, [("montecarlo.json", document.serialized() + "\n"), ("paths.csv", result.csv)])
        let recorded = try recording.record(outputFolder: output.path, in: store)
        if json {
            print(document.serialized())
        } else {
            print(result.text(insolvencyFraction: insolvencyFraction))
            print("wrote \(output.path)/montecarlo.json and \(output.path)/paths.csv")
            if let recorded { print("recorded as run \(recorded) in \(recording.store.path)") }
        }
    }

    /// Checks an insolvency fraction.
    static func validate(insolvencyFraction: Double) throws {
        guard insolvencyFraction.isFinite, insolvencyFraction >= 0, insolvencyFraction <= 1 else {
            throw CommandError("--insolvency-fraction \(insolvencyFraction): expected a fraction of the initial debt, 0 … 1 (e.g. 0.01)")
        }
    }
}
