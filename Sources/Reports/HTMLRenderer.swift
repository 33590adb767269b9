import Planning

/// A printable page (A4) that is also well-formed XML, so it can be checked and transformed
/// with any XML tool. Charts are inline SVG; every piece of user text goes through `xmlEscaped`.
/// `stylesheet`: the address of `reportStylesheet` on a site whose Content-Security-Policy forbids
/// inline styles; nil (a file on its own) puts the styles inline.
public func renderHTML(_ report: ActivityReport, language: Language = .ru, stylesheet: String? = nil) -> String {
    htmlPage(ReportDocument(report, language: language), stylesheet: stylesheet)
}

func htmlPage(_ doc: ReportDocument, stylesheet: String? = nil) -> String {
    let language = doc.language
    var out = """
    <!DOCTYPE html>
    <html xmlns="http://www.w3.org/1999/xhtml" lang="\(language.rawValue)" xml:lang="\(language.rawValue)">
    <head>
    <meta charset="utf-8"/>
    <meta name="viewport" content="width=device-width, initial-scale=1"/>
    <title>\(xmlEscaped(doc.title))</title>
    \(stylesheet.map { "<link rel=\"stylesheet\" href=\"\(xmlEscaped($0))\"/>" } ?? "<style>\(printCSS)</style>")
    </head>
    <body>

    """
    if let page = doc.titlePage {
        out += "<section class=\"title-page\">\n<div class=\"approval\">"
            + page.approval.map { "<p>\(xmlEscaped($0))</p>" }.joined() + "</div>\n"
            + page.lines.map { "<p class=\"title-line\">\(xmlEscaped($0))</p>" }.joined() + "\n</section>\n"
    }
    for block in doc.blocks {
        switch block {
        case .heading(let level, let text): out += "<h\(level)>\(xmlEscaped(text))</h\(level)>\n"
        case .paragraph(let text): out += "<p>\(lines(text))</p>\n"
        case .centered(let text): out += "<p class=\"centered\">\(lines(text))</p>\n"
        case .table(let table): out += htmlTable(table)
        case .chart(let chart): out += "<figure>\(chartSVG(chart).svg)</figure>\n"
        case .pageBreak: out += "<hr class=\"page-break\">\n"
        }
    }
    out += "</body>\n</html>\n"
    return out
}

/// The report's print styles, for a site to serve as a file (see `renderHTML(stylesheet:)`).
public var reportStylesheet: String { printCSS }

/// A4 pages; a wide table prints on landscape pages of its own (`page: wide`, a named page), every
/// table with fixed column widths from `TableLayout`, header rows repeated, no row split across
/// pages, no word broken inside.
private let printCSS = """

@page { size: A4; margin: 20mm 20mm 20mm 20mm; @bottom-center { content: counter(page); } }
@page wide { size: A4 landscape; margin: 20mm; }
@page cover { @bottom-center { content: none; } }
body { font-family: "Liberation Serif", "Times New Roman", serif; font-size: 11pt; line-height: 1.3; color: #000; max-width: 170mm; margin: 0 auto; }
h1 { font-size: 16pt; } h2 { font-size: 13.5pt; margin-top: 1.4em; } h3 { font-size: 12pt; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
p.centered { text-align: center; font-weight: bold; }
.title-page { page: cover; break-after: page; page-break-after: always; }
.title-page .approval { margin-left: 60%; margin-bottom: 45mm; } .title-page .approval p { margin: 0.2em 0; }
.title-page .approval p:first-child { font-weight: bold; }
.title-page .title-line { text-align: center; font-size: 14pt; font-weight: bold; }
.wide { page: wide; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 0.4em 0 0.8em; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.5pt solid #555; padding: 2pt 4pt; vertical-align: top; text-align: left; overflow-wrap: normal; word-break: normal; hyphens: manual; }
th { background: #e8e8e8; }
td.n, th.n { text-align: right; }
td.group { text-align: center; font-weight: bold; }
figure { margin: 0.5em 0; break-inside: avoid; page-break-inside: avoid; }
hr.page-break { border: 0; break-after: page; page-break-after: always; }
svg { max-width: 100%; height: auto; }
@media print {
  body { max-width: none; font-size: 10.5pt; }
  th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  table { font-size: 9.5pt; }
  a { color: inherit; text-decoration: none; }
}

"""

/// Line breaks of a text kept as `<br/>`.
private func lines(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { xmlEscaped(String($0)) }.joined(separator: "<br/>")
}

private func htmlTable(_ table: Table) -> String {
    let layout = TableLayout(table)
    let total = max(layout.widths.reduce(0, +), 1)
    func cell(_ tag: String, _ i: Int, _ text: String) -> String {
        "<\(tag)\(table.numericColumns.contains(i) ? " class=\"n\"" : "")>\(lines(text))</\(tag)>"
    }
    var out = layout.landscape ? "<div class=\"wide\">\n<table>\n" : "<table>\n"
    out += "<colgroup>" + layout.widths.map { "<col width=\"\(Double($0 * 1000 / total) / 10)%\"/>" }.joined() + "</colgroup>\n"
    out += "<thead><tr>"
    for (i, h) in table.header.enumerated() { out += cell("th", i, h) }
    out += "</tr></thead>\n<tbody>\n"
    for (r, row) in table.rows.enumerated() {
        if let label = table.groups[r] {
            out += "<tr><td class=\"group\" colspan=\"\(max(table.header.count, 1))\">\(xmlEscaped(label))</td></tr>\n"
        }
        out += "<tr>"
        for (i, text) in row.enumerated() { out += cell("td", i, text) }
        out += "</tr>\n"
    }
    return out + "</tbody>\n</table>\n" + (layout.landscape ? "</div>\n" : "")
}
