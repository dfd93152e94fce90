import CascadeProtocols
import Foundation

/// Reads `protocols/*.toml` files into validated ``ProtocolDefinition``s. The engine layer is
/// where files are read (docs/ARCHITECTURE.md); the protocol layer below only validates values.
///
/// Loading checks, in this order, and stops at the first failing step:
/// 1. the file can be read and is well-formed TOML (``TOMLDocument``), else a located syntax error;
/// 2. `kind` names a known protocol; every required key is present with the right type and every
///    amount string parses (the first such error is thrown);
/// 3. no key is unknown, and the parameters pass the protocol types' own checks
///    (`validationErrors`, the gas schedule's included), all reported together, each key
///    prefixed with its table path.
///
/// See docs/protocols.md for every key.
public enum ProtocolDefinitionLoader {
    /// The `kind` values accepted.
    public static let kinds = ["aave-v3", "compound-v2", "maker", "uniswap-v2"]

    /// Reads and validates the file at `path` (errors name the file as given).
    /// `overrides` are `(key, TOML value text)` pairs applied over the file's keys before
    /// validation (a scenario's `--set protocols.NAME.KEY=VALUE`, see ``TOMLDocument/override(_:with:)``).
    public static func load(path: String, overrides: [(key: String, value: String)] = []) throws(ConfigurationError) -> ProtocolDefinition {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError(file: path, key: "", line: nil, expected: "a readable UTF-8 file",
                                     found: "\(error.localizedDescription)")
        }
        return try parse(text: text, source: path, overrides: overrides)
    }

    /// Parses and validates `text`; `source` names it in errors.
    public static func parse(text: String, source: String,
                             overrides: [(key: String, value: String)] = []) throws(ConfigurationError) -> ProtocolDefinition {
        var document: TOMLDocument
        do {
            document = try TOMLDocument(parsing: text)
        } catch {
            throw ConfigurationError(file: source, key: "", line: error.line,
                                     expected: "\(error.expected) at column \(error.column)", found: error.found)
        }
        for (key, value) in overrides { document.override(key, with: value) }
        var reader = KeyReader(file: source, document: document)
        let definition: ProtocolDefinition
        let validation: [(key: String, expected: String, found: String)]
        switch try reader.choice("kind", among: kinds) {
        case "aave-v3":
            let aave = try readAave(&reader)
            definition = .aaveV3(aave)
            validation = (aave.reserves.flatMap { reserve in
                reserve.configuration.validationErrors(key: "reserves.\(reserve.token.symbol)")
            } + aave.pool.gasSchedule.validationErrors(key: "gas")).map { ($0.key, $0.expected, $0.found) }
        case "compound-v2":
            let compound = try readCompound(&reader)
            definition = .compoundV2(compound)
            validation = (compound.comptroller.validationErrors(key: "comptroller")
                + compound.markets.flatMap { $0.configuration.validationErrors(key: "markets.\($0.name)") }
                + compound.comptroller.gasSchedule.validationErrors(key: "gas"))
                .map { ($0.key, $0.expected, $0.found) }
        case "maker":
            let maker = try readMaker(&reader)
            definition = .maker(maker)
            validation = maker.validationErrors().map(splitMakerMessage)
        default:
            let uniswap = try readUniswap(&reader)
            definition = .uniswapV2(uniswap)
            validation = uniswap.gasSchedule.validationErrors(key: "gas").map { ($0.key, $0.expected, $0.found) }
        }
        let problems = reader.unknownKeys() + validation.map { item in
            ConfigurationError.Problem(file: source, key: item.key, line: reader.line(item.key),
                                       expected: item.expected, found: item.found)
        }
        if !problems.isEmpty { throw ConfigurationError(problems: problems) }
        return definition
    }

    /// Maker's checks return `"key: expected …, found …"` strings; split them back.
    private static func splitMakerMessage(_ message: String) -> (key: String, expected: String, found: String) {
        guard let colon = message.range(of: ": expected "), let found = message.range(of: ", found ", options: .backwards) else {
            return ("", message, "")
        }
        return (String(message[..<colon.lowerBound]), String(message[colon.upperBound..<found.lowerBound]),
                String(message[found.upperBound...]))
    }

}
