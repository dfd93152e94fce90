import Foundation

extension KeyReader {
    /// The data file named at `key` (a path relative to `dataDirectory`, the scenario's folder,
    /// unless absolute): its path and its text, or a located error naming the key and the path.
    mutating func dataFile(_ key: String, dataDirectory: String) throws(ConfigurationError) -> (path: String, text: String) {
        let name = try string(key)
        let path = name.hasPrefix("/") || dataDirectory.isEmpty ? name : (dataDirectory as NSString).appendingPathComponent(name)
        do {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            noteFile(path)
            return (path, text)
        } catch {
            throw self.error(key, expected: "a readable UTF-8 CSV file (path relative to the scenario's folder)",
                             found: "\"\(path)\": \(error.localizedDescription)")
        }
    }
}
