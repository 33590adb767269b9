import Planning

/// GitHub-flavoured Markdown; charts become tables of their figures.
public func renderMarkdown(_ report: ActivityReport, language: ReportLanguage = .ru) -> String {
    let doc = ReportDocument(report, language: language)
    var out = ""
    for block in doc.blocks {
        switch block {
        case .heading(let level, let text): out += "\(String(repeating: "#", count: level)) \(markdownEscaped(text))\n\n"
        case .paragraph(let text): out += "\(markdownEscaped(text))\n\n"
        case .table(let table): out += markdownTable(table)
        case .chart(let chart): out += markdownTable(chart.table)
        }
    }
    return out
}

private func markdownTable(_ table: Table) -> String {
    func line(_ cells: [String]) -> String { "| " + cells.map(markdownEscaped).joined(separator: " | ") + " |\n" }
    let rule = table.header.indices.map { table.numericColumns.contains($0) ? "---:" : "---" }
    return line(table.header) + "| " + rule.joined(separator: " | ") + " |\n"
        + table.rows.map(line).joined() + "\n"
}

/// Plain text for a Markdown line or table cell: characters Markdown would read as markup are
/// backslash-escaped, `<` and `&` become entities so no raw HTML passes, and line breaks become
/// spaces so a note cannot break a table row.
func markdownEscaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for ch in text {
        switch ch {
        case "\\", "`", "*", "_", "[", "]", "|", "#", "~": out += "\\\(ch)"
        case "<": out += "&lt;"
        case "&": out += "&amp;"
        case "\n", "\r", "\r\n": out += " "
        default: out.append(ch)
        }
    }
    return out
}
