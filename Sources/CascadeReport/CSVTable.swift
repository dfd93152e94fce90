import CascadeEngine
import Foundation

/// A comma-separated table with a header line, as `cascade montecarlo` and `cascade sweep` write
/// them (`paths.csv`, `cells.csv`: unquoted fields, docs/outputs.md).
public struct CSVTable: Sendable, Equatable {
    public let header: [String]
    public let rows: [[String]]

    /// Reads `path`.
    /// - Throws: ``ConfigurationError`` naming the file and the line whose field count differs
    ///   from the header's.
    public static func read(path: String) throws(ConfigurationError) -> CSVTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(file: path, key: "", line: nil, expected: "a readable CSV file", found: "no such file")
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        guard let first = lines.first, !first.isEmpty else {
            throw ConfigurationError(file: path, key: "", line: 1, expected: "a header line", found: "an empty file")
        }
        let header = first.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var rows: [[String]] = []
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == header.count else {
                throw ConfigurationError(file: path, key: "", line: index + 1, expected: "\(header.count) fields as in the header",
                                         found: "\(fields.count)")
            }
            rows.append(fields)
        }
        return CSVTable(header: header, rows: rows)
    }

    /// The numbers of column `name` (`nil` when there is no such column; `NaN` for fields that
    /// are not numbers).
    public func numbers(_ name: String) -> [Double]? {
        guard let column = header.firstIndex(of: name) else { return nil }
        return rows.map { Double($0[column]) ?? .nan }
    }
}
