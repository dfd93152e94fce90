import CascadeChain
import Foundation

/// What produced an output folder (`run.json`, docs/outputs.md): the command and its
/// result-determining arguments, the seed, the engine version and the Keccak-256 of every input
/// file the scenario read. Enough to re-execute the command (`cascade verify --rerun`) and to
/// prove which inputs a report was computed from.
///
/// Arguments that cannot change results (`--jobs`, `--out`, `--db`, progress) are not recorded.
public struct RunInfo: Sendable, Equatable, Codable {
    /// One input file and its digest.
    public struct Input: Sendable, Equatable, Codable {
        /// The path as the scenario named it (relative to the working directory of the run).
        public var path: String
        /// Keccak-256 of the file's bytes, `0x` + 64 lowercase hex digits.
        public var keccak256: String

        public init(path: String, keccak256: String) {
            self.path = path
            self.keccak256 = keccak256
        }
    }

    /// The `cascade` subcommand: `run`, `montecarlo`, `sweep` or `attribute`.
    public var command: String
    /// The scenario file as given on the command line.
    public var scenario: String
    /// The `--set key=value` overrides, in command-line order.
    public var overrides: [String]
    /// The seed the run used (decimal; a string because seeds exceed 2⁵³).
    public var seed: String
    /// The engine version (`cascade --version`).
    public var engineVersion: String
    /// Command-specific arguments that determine the results, as `name=value` strings in
    /// command-line order (e.g. `paths=1000`, `vary=chain.gas_limit=10000000,30000000`).
    public var arguments: [String]
    /// Every file the scenario read, in reading order, with its digest.
    public var inputs: [Input]

    enum CodingKeys: String, CodingKey {
        case command, scenario, overrides, seed, arguments, inputs
        case engineVersion = "engine_version"
    }

    public init(command: String, scenario: String, overrides: [String], seed: UInt64, engineVersion: String,
                arguments: [String] = [], inputs: [Input]) {
        self.command = command
        self.scenario = scenario
        self.overrides = overrides
        self.seed = String(seed)
        self.engineVersion = engineVersion
        self.arguments = arguments
        self.inputs = inputs
    }

    /// Hashes `files` (e.g. ``Scenario/files``), reading each again from disk.
    /// - Throws: ``ConfigurationError`` naming the file that cannot be read.
    public static func inputs(_ files: [String]) throws(ConfigurationError) -> [Input] {
        var seen = Set<String>()
        var inputs: [Input] = []
        for path in files where seen.insert(path).inserted {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ConfigurationError(file: path, key: "", line: nil, expected: "a readable input file", found: "no such file or no permission")
            }
            inputs.append(Input(path: path, keccak256: Keccak256.hash(data).description))
        }
        return inputs
    }

    /// The ordered JSON document written as `run.json`.
    public var json: JSONValue {
        .object([
            ("command", .string(command)),
            ("scenario", .string(scenario)),
            ("overrides", .array(overrides.map(JSONValue.string))),
            ("seed", .string(seed)),
            ("engine_version", .string(engineVersion)),
            ("arguments", .array(arguments.map(JSONValue.string))),
            ("inputs", .array(inputs.map { .object([("path", .string($0.path)), ("keccak256", .string($0.keccak256))]) })),
        ])
    }

    /// Reads a `run.json`.
    /// - Throws: ``ConfigurationError`` naming the file and what is wrong with it.
    public static func read(path: String) throws(ConfigurationError) -> RunInfo {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(file: path, key: "", line: nil, expected: "a run.json written by cascade", found: "no such file")
        }
        do {
            return try JSONDecoder().decode(RunInfo.self, from: data)
        } catch {
            throw ConfigurationError(file: path, key: "", line: nil, expected: "a run.json written by cascade (docs/outputs.md)",
                                     found: "\(error)")
        }
    }
}
