import Planning

/// A printable page (A4) that is also well-formed XML, so it can be checked and transformed
/// with any XML tool. Charts are inline SVG; every piece of user text goes through `xmlEscaped`.
public func renderHTML(_ report: ActivityReport, language: Language = .ru) -> String {
    let doc = ReportDocument(report, language: language)
    var out = """
    <!DOCTYPE html>
    <html xmlns="http://www.w3.org/1999/xhtml" lang="\(language.rawValue)" xml:lang="\(language.rawValue)">
    <head>
    <meta charset="utf-8"/>
    <meta name="viewport" content="width=device-width, initial-scale=1"/>
    <title>\(xmlEscaped(doc.title))</title>
    <style>\(printCSS)</style>
    </head>
    <body>

    """
    for block in doc.blocks {
        switch block {
        case .heading(let level, let text): out += "<h\(level)>\(xmlEscaped(text))</h\(level)>\n"
        case .paragraph(let text): out += "<p>\(xmlEscaped(text))</p>\n"
        case .table(let table): out += htmlTable(table)
        case .chart(let chart): out += "<figure>\(svg(chart))</figure>\n"
        }
    }
    out += "</body>\n</html>\n"
    return out
}

private let printCSS = """

@page { size: A4; margin: 18mm 15mm 18mm 20mm; }
body { font-family: "Liberation Serif", "Times New Roman", serif; font-size: 11pt; line-height: 1.3; color: #000; max-width: 180mm; margin: 0 auto; }
h1 { font-size: 16pt; } h2 { font-size: 13.5pt; margin-top: 1.4em; } h3 { font-size: 12pt; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0 0.8em; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.5pt solid #555; padding: 2pt 4pt; vertical-align: top; text-align: left; }
th { background: #e8e8e8; }
td.n, th.n { text-align: right; }
figure { margin: 0.5em 0; break-inside: avoid; page-break-inside: avoid; }
svg { max-width: 100%; height: auto; }
@media print { body { max-width: none; } th { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }

"""

private func htmlTable(_ table: Table) -> String {
    func cell(_ tag: String, _ i: Int, _ text: String) -> String {
        "<\(tag)\(table.numericColumns.contains(i) ? " class=\"n\"" : "")>\(xmlEscaped(text))</\(tag)>"
    }
    var out = "<table>\n<thead><tr>"
    for (i, h) in table.header.enumerated() { out += cell("th", i, h) }
    out += "</tr></thead>\n<tbody>\n"
    for row in table.rows {
        out += "<tr>"
        for (i, text) in row.enumerated() { out += cell("td", i, text) }
        out += "</tr>\n"
    }
    return out + "</tbody>\n</table>\n"
}

/// Two bar charts: months (grouped vertical bars, one per series) and schools (horizontal bars).
private func svg(_ chart: Chart) -> String {
    let colours = ["#9bb7d4", "#1f4e79"]
    let maxValue = max(chart.series.flatMap(\.values).max() ?? 0, 1)
    let width = 680
    var body = ""
    var height: Int
    switch chart.orientation {
    case .vertical:
        let left = 36, top = 24, plot = 170, group = (width - left - 8) / max(chart.categories.count, 1)
        let bar = max((group - 8) / max(chart.series.count, 1), 2)
        height = top + plot + 70
        body += axisLine(x1: left, y1: top + plot, x2: width - 8, y2: top + plot)
        for (i, label) in chart.categories.enumerated() {
            let x0 = left + i * group + 4
            for (s, series) in chart.series.enumerated() {
                let h = series.values[i] * plot / maxValue
                let x = x0 + s * bar
                body += "<rect x=\"\(x)\" y=\"\(top + plot - h)\" width=\"\(bar - 1)\" height=\"\(h)\" fill=\"\(colours[s % 2])\"/>"
                if series.values[i] > 0 {
                    body += "<text x=\"\(x + bar / 2)\" y=\"\(top + plot - h - 3)\" font-size=\"9\" text-anchor=\"middle\">\(series.values[i])</text>"
                }
            }
            let lx = x0 + group / 2, ly = top + plot + 12
            body += "<text x=\"\(lx)\" y=\"\(ly)\" font-size=\"9\" text-anchor=\"end\" transform=\"rotate(-35 \(lx) \(ly))\">\(xmlEscaped(label))</text>"
        }
        for (s, series) in chart.series.enumerated() {
            let x = left + s * 150
            body += "<rect x=\"\(x)\" y=\"4\" width=\"10\" height=\"10\" fill=\"\(colours[s % 2])\"/>"
            body += "<text x=\"\(x + 14)\" y=\"13\" font-size=\"10\">\(xmlEscaped(series.name))</text>"
        }
    case .horizontal:
        let left = 300, row = 16, plot = width - left - 50
        height = max(chart.categories.count, 1) * row + 10
        let values = chart.series.first?.values ?? []
        for (i, label) in chart.categories.enumerated() {
            let y = 5 + i * row
            let w = values[i] * plot / maxValue
            body += "<text x=\"\(left - 6)\" y=\"\(y + 11)\" font-size=\"10\" text-anchor=\"end\">\(xmlEscaped(shortened(label, to: 48)))</text>"
            body += "<rect x=\"\(left)\" y=\"\(y + 2)\" width=\"\(w)\" height=\"\(row - 4)\" fill=\"\(colours[1])\"/>"
            body += "<text x=\"\(left + w + 4)\" y=\"\(y + 11)\" font-size=\"10\">\(values[i])</text>"
        }
        body += axisLine(x1: left, y1: 4, x2: left, y2: height - 4)
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(xmlEscaped(chart.title))\" font-family=\"sans-serif\"><title>\(xmlEscaped(chart.title))</title>\(body)</svg>"
}

private func axisLine(x1: Int, y1: Int, x2: Int, y2: Int) -> String {
    "<line x1=\"\(x1)\" y1=\"\(y1)\" x2=\"\(x2)\" y2=\"\(y2)\" stroke=\"#333\" stroke-width=\"1\"/>"
}

/// Long school names would run off the chart's left edge; the events tables carry them whole.
private func shortened(_ text: String, to length: Int) -> String {
    text.count <= length ? text : String(text.prefix(length - 1)) + "…"
}
