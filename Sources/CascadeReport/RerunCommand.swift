import Foundation
import CascadeEngine

/// The command line that re-executes a run from its `run.json` alone, for any command: the
/// subcommand, the scenario, `--seed`, each `--set` override and each recorded argument
/// `name=value` as `--name value` (a bare `name` as the flag `--name`; `_` in a name becomes
/// `-`), writing to `out`, not recorded in the run store.
public enum RerunCommand {
    public static func arguments(for info: RunInfo, out: String) -> [String] {
        var arguments = [info.command, info.scenario, "--seed", info.seed]
        for override in info.overrides { arguments += ["--set", override] }
        for argument in info.arguments {
            if let equals = argument.firstIndex(of: "=") {
                // Recorded names use `_` (`insolvency_fraction`), options `-` (`--insolvency-fraction`).
                let name = argument[..<equals].replacingOccurrences(of: "_", with: "-")
                arguments += ["--" + name, String(argument[argument.index(after: equals)...])]
            } else {
                arguments.append("--" + argument)
            }
        }
        // A rerun is a check, not a run of its own: it is not recorded in the run store.
        return arguments + ["--out", out, "--no-db"]
    }
}
