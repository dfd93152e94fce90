/// A plain-text table with aligned columns: text columns padded on the right, numeric columns
/// (those listed in `numeric`) on the left, two spaces between columns, no trailing spaces.
struct TextTable {
    let header: [String]
    var rows: [[String]] = []
    /// Indices of the columns aligned to the right.
    var numeric: Set<Int> = []

    var text: String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            var line = row.indices.map { column in
                let padding = String(repeating: " ", count: widths[column] - row[column].count)
                return numeric.contains(column) ? padding + row[column] : row[column] + padding
            }.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
