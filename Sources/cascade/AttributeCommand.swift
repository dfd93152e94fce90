import ArgumentParser
import CascadeEngine
import Foundation

/// `cascade attribute SCENARIO`: how much of the mean bad debt each factor accounts for.
struct AttributeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attribute",
        abstract: "Attribute a scenario's mean bad debt to congestion, oracle delay, market depth and keeper capacity; write run.json and attribution.json.",
        discussion: """
            Runs the scenario's Monte Carlo paths, then the same seeds with one factor removed at \
            a time: (a) no background congestion, (b) an instant oracle, (c) unlimited market and \
            AMM depth, (d) keepers with unlimited capital and escalating gas. A factor accounts \
            for the reduction of mean bad debt when it alone is removed; shares need not sum to 1 \
            (docs/outputs.md).
            """
    )

    @OptionGroup var options: ScenarioOptions

    @OptionGroup var parallel: PathOptions

    @OptionGroup var recording: RecordingOptions

    @Option(help: "Paths per variant (the baseline and each of the four counterfactuals).")
    var paths: Int = 100

    @Flag(help: "Print attribution.json to stdout instead of the text summary.")
    var json = false

    func run() throws {
        try parallel.validate(paths: paths)
        let scenario = try options.load()
        let store = try recording.open()
        let variants = [scenario] + Counterfactual.allCases.map { scenario.removing($0) }
        let results = try parallel.simulate(variants, seed: options.seed, paths: paths, label: "\(scenario.name) attribution",
                                            scenarioFile: options.scenario)
        let attribution = Attribution(baseline: results[0], counterfactuals: Array(zip(Counterfactual.allCases, results.dropFirst())))
        let info = try options.runInfo(command: "attribute", loaded: scenario, arguments: ["paths=\(paths)"])
        let document = attribution.json(engineVersion: CascadeVersion.string)
        let output = try options.write(info, [("attribution.json", document.serialized() + "\n")])
        let recorded = try recording.record(outputFolder: output.path, in: store)
        if json {
            print(document.serialized())
        } else {
            print(attribution.text)
            print("wrote \(output.path)/attribution.json")
            if let recorded { print("recorded as run \(recorded) in \(recording.store.path)") }
        }
    }
}
