extension Report {
    /// The report as Markdown: sections, tables and paragraphs; each chart by its caption (the
    /// charts themselves are in report.html).
    public var markdown: String {
        var out = "# \(title)\n\nWritten by `cascade report`; the charts are in report.html beside this file.\n"
        for section in sections {
            out += "\n## \(section.title)\n"
            for block in section.blocks {
                switch block {
                case .paragraph(let text): out += "\n\(text)\n"
                case .table(let table):
                    out += "\n| " + table.header.map(Self.cell).joined(separator: " | ") + " |\n"
                    out += "|" + String(repeating: " --- |", count: table.header.count) + "\n"
                    for row in table.rows { out += "| " + row.map(Self.cell).joined(separator: " | ") + " |\n" }
                case .chart(let chart): out += "\n*Chart `\(chart.id)` (report.html):* \(chart.caption)\n"
                }
            }
        }
        return out
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// The report as one self-contained XHTML document (well-formed XML): inline CSS, inline SVG
    /// charts, no scripts and no external resources.
    public var html: String {
        let e = XMLText.escape
        var out = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
            <head>
            <meta charset="utf-8"/>
            <title>\(e(title))</title>
            <style>
            body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 2em auto; max-width: 1100px; color: #222; }
            table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.85em; }
            th, td { border: 1px solid #ccc; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
            td { font-variant-numeric: tabular-nums; word-break: break-all; }
            figure { margin: 1.2em 0; }
            figcaption { font-size: 0.85em; color: #555; max-width: 720px; }
            </style>
            </head>
            <body>
            <h1>\(e(title))</h1>

            """
        for section in sections {
            out += "<section>\n<h2>\(e(section.title))</h2>\n"
            for block in section.blocks {
                switch block {
                case .paragraph(let text): out += "<p>\(e(text))</p>\n"
                case .table(let table):
                    out += "<table>\n<tr>" + table.header.map { "<th>\(e($0))</th>" }.joined() + "</tr>\n"
                    for row in table.rows { out += "<tr>" + row.map { "<td>\(e($0))</td>" }.joined() + "</tr>\n" }
                    out += "</table>\n"
                case .chart(let chart):
                    out += "<figure>\n\(chart.svg)\n<figcaption>\(e(chart.caption))</figcaption>\n</figure>\n"
                }
            }
            out += "</section>\n"
        }
        return out + "</body>\n</html>\n"
    }
}
