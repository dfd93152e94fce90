import ArgumentParser
import CascadeEngine
import Foundation

/// The scenario, seed, overrides and output folder of every command that simulates (`run`,
/// `montecarlo`, `sweep`, `attribute`).
struct ScenarioOptions: ParsableArguments {
    @Argument(help: "Scenario file (TOML), e.g. scenarios/eth-crash-eip1559.toml.")
    var scenario: String

    @Option(help: "Seed (default: the scenario's); Monte Carlo path seeds derive from it.")
    var seed: UInt64?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario or protocol key: key=value (TOML value).",
                                                         valueName: "key=value"))
    var overrides: [String] = []

    @Option(help: "Output folder (created if missing).")
    var out: String = "out"

    /// `--set` items as `(key, value)` pairs.
    func overridePairs() throws -> [(key: String, value: String)] {
        try overrides.map(Self.pair)
    }

    /// Splits a `--set` item at its first `=`.
    static func pair(_ item: String) throws -> (key: String, value: String) {
        guard let equals = item.firstIndex(of: "="), equals != item.startIndex else {
            throw CommandError("--set \(item): expected key=value, e.g. --set chain.gas_limit=30000000")
        }
        return (String(item[..<equals]), String(item[item.index(after: equals)...]))
    }

    /// Loads the scenario with the `--set` overrides, then `extra` ones.
    func load(extra: [(key: String, value: String)] = []) throws -> Scenario {
        do {
            return try ScenarioLoader.load(path: scenario, overrides: try overridePairs() + extra)
        } catch let error as ConfigurationError {
            throw CommandError(error.description)
        }
    }

    /// The `run.json` of a `command` over `scenario` with `arguments`.
    func runInfo(command: String, loaded: Scenario, arguments: [String]) throws -> RunInfo {
        do {
            return RunInfo(command: command, scenario: scenario, overrides: overrides, seed: seed ?? loaded.seed,
                           engineVersion: CascadeVersion.string, arguments: arguments, inputs: try RunInfo.inputs(loaded.files))
        } catch {
            throw CommandError(error.description)
        }
    }

    /// Writes `files` (name, contents) and `run.json` into the output folder atomically: each is
    /// written under a temporary name and renamed when all are complete. Called only after
    /// every simulation succeeded, so a failed command writes nothing.
    func write(_ info: RunInfo, _ files: [(name: String, text: String)]) throws -> OutputFolder {
        let output = try OutputFolder(path: out)
        var staged: [(temporary: String, name: String)] = []
        for (name, text) in [("run.json", info.json.serialized() + "\n")] + files {
            let temporary = try output.temporaryFile(name)
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            staged.append((temporary, name))
        }
        for (temporary, name) in staged { try output.commit(temporary, as: name) }
        return output
    }
}
