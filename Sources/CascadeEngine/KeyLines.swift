/// The line on which each key of a TOML text is set, found by scanning `[table]` headers and
/// `key = …` lines. TOMLKit parses the values; this only locates them for error messages.
///
/// A line inside a multi-line string or array that happens to look like `key = …` could be taken
/// for a key; the worst outcome is a wrong line number in a message, never a wrong value.
struct KeyLines: Sendable {
    private var lines: [String: Int] = [:]

    init(_ text: String) {
        var table = ""
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[") {
                let inner = line.drop { $0 == "[" }.prefix { $0 != "]" }
                table = Self.path(inner)
                if lines[table] == nil { lines[table] = index + 1 }
            } else if let equals = Self.topLevelEquals(line), let first = line.first, first != "#" {
                let key = Self.path(line[..<equals])
                let full = table.isEmpty ? key : table + "." + key
                if lines[full] == nil { lines[full] = index + 1 }
            }
        }
    }

    /// The line of `key`, else of its nearest enclosing key or table.
    func line(of key: String) -> Int? {
        var parts = key.split(separator: ".")
        while !parts.isEmpty {
            if let line = lines[parts.joined(separator: ".")] { return line }
            parts.removeLast()
        }
        return nil
    }

    /// `a . "b c" . d` → `a.b c.d`.
    private static func path(_ text: Substring) -> String {
        var parts: [String] = [], current = "", quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "." {
                parts.append(current)
                current = ""
            } else if character != " " && character != "\t" {
                current.append(character)
            }
        }
        parts.append(current)
        return parts.joined(separator: ".")
    }

    /// The index of the first `=` outside quotes, if the line is a key/value pair.
    private static func topLevelEquals(_ line: Substring) -> Substring.Index? {
        var quote: Character?
        for index in line.indices {
            let character = line[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "=" {
                return index
            } else if character == "#" {
                return nil
            }
        }
        return nil
    }
}
