import Planning

/// GitHub-flavoured Markdown; charts become tables of their figures.
public func renderMarkdown(_ report: ActivityReport, language: Language = .ru) -> String {
    markdownText(ReportDocument(report, language: language))
}

func markdownText(_ doc: ReportDocument) -> String {
    var out = ""
    for block in doc.blocks {
        switch block {
        case .heading(let level, let text): out += "\(String(repeating: "#", count: level)) \(markdownEscaped(text))\n\n"
        case .paragraph(let text): out += "\(markdownEscaped(text))\n\n"
        case .centered(let text): out += "**\(markdownEscaped(text))**\n\n"
        case .table(let table): out += markdownTable(table)
        case .chart(let chart): out += markdownTable(chart.table)
        case .pageBreak: out += "---\n\n"
        }
    }
    return out
}

private func markdownTable(_ table: Table) -> String {
    func line(_ cells: [String]) -> String { "| " + cells.map(markdownEscaped).joined(separator: " | ") + " |\n" }
    let rule = table.header.indices.map { table.numericColumns.contains($0) ? "---:" : "---" }
    var out = line(table.header) + "| " + rule.joined(separator: " | ") + " |\n"
    for (i, row) in table.rows.enumerated() {
        // Markdown has no cell across columns: the group's label stands in the first one, in bold.
        if let label = table.groups[i] {
            out += "| **\(markdownEscaped(label))** |" + String(repeating: "  |", count: max(table.header.count - 1, 0)) + "\n"
        }
        out += line(row)
    }
    return out + "\n"
}

/// Plain text for a Markdown line or table cell: characters Markdown would read as markup are
/// backslash-escaped, `<` and `&` become entities so no raw HTML passes, and line breaks become
/// spaces so a note cannot break a table row.
func markdownEscaped(_ text: String) -> String {
    guard text.utf8.contains(where: { markdownSpecial.contains($0) }) else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\", "`", "*", "_", "[", "]", "|", "#", "~": out += "\\\(scalar)"
        case "<": out += "&lt;"
        case "&": out += "&amp;"
        case "\n", "\r": out += " "
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}

private let markdownSpecial = Set("\\`*_[]|#~<&\n\r".utf8)
