import CascadeChain
import CascadeEngine
import Foundation

/// A signing key file for `cascade report --sign KEYFILE`: one line holding `0x` and the 64 hex
/// digits of a secp256k1 private key (1 ≤ k < n), optionally followed by a newline. Errors name
/// the file and what is wrong, never its content.
public struct PrivateKeyFile: Sendable {
    public let key: PrivateKey

    /// Reads and checks `path`.
    /// - Throws: ``ConfigurationError`` naming the file: unreadable, not one line, no `0x`,
    ///   wrong length, a non-hex digit, or a scalar out of range.
    public static func read(path: String) throws(ConfigurationError) -> PrivateKeyFile {
        let expected = "one line: 0x followed by 64 hex digits (a secp256k1 private key)"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(file: path, key: "", line: nil, expected: "a readable key file", found: "no such file or no permission")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: path, key: "", line: nil, expected: expected, found: "bytes that are not UTF-8 text")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard lines.count == 1 else {
            throw ConfigurationError(file: path, key: "", line: lines.isEmpty ? 1 : 2, expected: expected,
                                     found: lines.isEmpty ? "an empty file" : "\(lines.count) lines")
        }
        let line = lines[0]
        guard line.hasPrefix("0x") else {
            throw ConfigurationError(file: path, key: "", line: 1, expected: expected, found: "no 0x prefix")
        }
        do {
            return PrivateKeyFile(key: try PrivateKey(hex: line))
        } catch {
            throw ConfigurationError(file: path, key: "", line: 1, expected: expected, found: error.description)
        }
    }
}
