import CascadeChain
import CascadeEngine
import Foundation

/// The body of a signed run manifest (`manifest.json`, docs/reports.md): what ran (from
/// `run.json`) and the Keccak-256 of every input file and every output file in the folder.
///
/// The signed bytes are ``canonicalBytes``: the body as compact JSON (no whitespace, keys in the
/// fixed order of ``json``, strings escaped as ``JSONValue`` writes them), UTF-8. Its
/// Keccak-256, ``digest``, is signed as a 32-byte EIP-191 `personal_sign` message.
public struct Manifest: Sendable, Equatable {
    /// One hashed file.
    public struct File: Sendable, Equatable {
        /// Inputs: the path as run.json records it (relative to the run's working directory);
        /// outputs: the name in the folder.
        public var path: String
        /// `0x` + 64 lowercase hex digits.
        public var keccak256: String

        public init(path: String, keccak256: String) {
            self.path = path
            self.keccak256 = keccak256
        }
    }

    public static let fileName = "manifest.json"
    public static let format = "cascade-manifest/1"

    public var command: String
    public var scenario: String
    public var overrides: [String]
    public var seed: String
    public var engineVersion: String
    public var arguments: [String]
    public var inputs: [File]
    public var outputs: [File]

    /// Inputs then outputs.
    public var files: [File] { inputs + outputs }

    /// The manifest of `folder` now: run.json's record, each input rehashed from disk (and
    /// checked against run.json), each output present in the folder hashed.
    /// - Throws: ``ConfigurationError`` when run.json is missing or unreadable, or an input is
    ///   missing or changed since the run.
    public static func make(folder: String) throws(ConfigurationError) -> Manifest {
        let info = try RunInfo.read(path: RunFolder.file(folder, "run.json"))
        var inputs: [File] = []
        for input in info.inputs {
            guard let data = FileManager.default.contents(atPath: input.path) else {
                throw ConfigurationError(file: input.path, key: "", line: nil, expected: "the input run.json lists", found: "no such file")
            }
            let digest = Keccak256.hash(data).description
            guard digest == input.keccak256 else {
                throw ConfigurationError(file: input.path, key: "", line: nil, expected: "the bytes the run read (run.json: \(input.keccak256))",
                                         found: "a changed file (\(digest))")
            }
            inputs.append(File(path: input.path, keccak256: digest))
        }
        var outputs: [File] = []
        for name in RunFolder.outputNames + RunFolder.reportNames {
            guard let data = FileManager.default.contents(atPath: RunFolder.file(folder, name)) else { continue }
            outputs.append(File(path: name, keccak256: Keccak256.hash(data).description))
        }
        return Manifest(command: info.command, scenario: info.scenario, overrides: info.overrides, seed: info.seed,
                        engineVersion: info.engineVersion, arguments: info.arguments, inputs: inputs, outputs: outputs)
    }

    /// The body as ordered JSON.
    public var json: JSONValue {
        func list(_ files: [File]) -> JSONValue {
            .array(files.map { .object([("path", .string($0.path)), ("keccak256", .string($0.keccak256))]) })
        }
        return .object([
            ("format", .string(Self.format)),
            ("command", .string(command)),
            ("scenario", .string(scenario)),
            ("overrides", .array(overrides.map(JSONValue.string))),
            ("seed", .string(seed)),
            ("engine_version", .string(engineVersion)),
            ("arguments", .array(arguments.map(JSONValue.string))),
            ("inputs", list(inputs)),
            ("outputs", list(outputs)),
        ])
    }

    /// The bytes whose Keccak-256 is signed: ``json`` compact, UTF-8.
    public var canonicalBytes: [UInt8] { Array(json.serialized(indent: nil).utf8) }

    /// Keccak-256 of ``canonicalBytes``.
    public var digest: Keccak256.Digest { Keccak256.hash(canonicalBytes) }

    /// Signs ``digest`` (32 bytes) as an EIP-191 personal message with `key`.
    public func signed(with key: PrivateKey) -> SignedManifest {
        SignedManifest(body: self, signer: key.address, signature: PersonalMessage.sign(digest.bytes, with: key))
    }

    /// Reads a body back from its JSON.
    /// - Throws: ``ConfigurationError`` naming `file` and the missing or mistyped key.
    static func read(_ value: JSONValue, file: String) throws(ConfigurationError) -> Manifest {
        func text(_ key: String) throws(ConfigurationError) -> String {
            guard let text = value[key]?.text else {
                throw ConfigurationError(file: file, key: "body.\(key)", line: nil, expected: "a string", found: value[key]?.serialized(indent: nil) ?? "nothing")
            }
            return text
        }
        func texts(_ key: String) throws(ConfigurationError) -> [String] {
            guard let items = value[key]?.items, items.allSatisfy({ $0.text != nil }) else {
                throw ConfigurationError(file: file, key: "body.\(key)", line: nil, expected: "an array of strings", found: value[key]?.serialized(indent: nil) ?? "nothing")
            }
            return items.compactMap(\.text)
        }
        func files(_ key: String) throws(ConfigurationError) -> [File] {
            guard let items = value[key]?.items else {
                throw ConfigurationError(file: file, key: "body.\(key)", line: nil, expected: "an array of {path, keccak256}", found: "nothing")
            }
            var files: [File] = []
            for (index, item) in items.enumerated() {
                guard let path = item["path"]?.text, let digest = item["keccak256"]?.text else {
                    throw ConfigurationError(file: file, key: "body.\(key)[\(index)]", line: nil, expected: "{path, keccak256}",
                                             found: item.serialized(indent: nil))
                }
                files.append(File(path: path, keccak256: digest))
            }
            return files
        }
        let format = try text("format")
        guard format == Self.format else {
            throw ConfigurationError(file: file, key: "body.format", line: nil, expected: Self.format, found: format)
        }
        return Manifest(command: try text("command"), scenario: try text("scenario"), overrides: try texts("overrides"),
                        seed: try text("seed"), engineVersion: try text("engine_version"), arguments: try texts("arguments"),
                        inputs: try files("inputs"), outputs: try files("outputs"))
    }
}
