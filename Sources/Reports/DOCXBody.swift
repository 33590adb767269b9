import Foundation

/// The body of `word/document.xml`: blocks in sections of one orientation each (a wide table gets
/// landscape pages, with the headings just before it), the footer's page number in every section,
/// none on the title page. Collects the chart images it refers to.
struct DOCXBody {
    private(set) var images: [Data] = []

    private struct Page: Equatable {
        var landscape: Bool
        var width: Int { landscape ? 16838 : 11906 }
        var height: Int { landscape ? 11906 : 16838 }
        var textWidth: Int { landscape ? TableLayout.landscapeWidth : TableLayout.portraitWidth }
    }

    mutating func documentXML(_ doc: ReportDocument) -> String {
        let layouts: [TableLayout?] = doc.blocks.map { block in
            switch block {
            case .table(let table): TableLayout(table)
            case .chart(let chart): TableLayout(chart.table)
            default: nil
            }
        }
        // A heading goes on the page of the table it introduces; everything else is portrait.
        var landscape = Array(repeating: false, count: doc.blocks.count)
        var next = false
        for i in doc.blocks.indices.reversed() {
            switch doc.blocks[i] {
            case .table: next = layouts[i]?.landscape ?? false
            case .heading: break
            case .paragraph, .centered, .chart, .pageBreak: next = false
            }
            landscape[i] = next
        }

        var body = ""
        var first = true
        if let titlePage = doc.titlePage {
            body += titlePageXML(titlePage)
            body += sectionBreak(Page(landscape: false), first: true)
            first = false
        }
        var page = Page(landscape: landscape.first ?? false)
        for (i, block) in doc.blocks.enumerated() {
            let wanted = Page(landscape: landscape[i])
            if wanted != page {
                body += sectionBreak(page, first: first)
                first = false
                page = wanted
            }
            switch block {
            case .heading(let level, let text):
                body += paragraph(text, style: level == 1 ? "Title" : "Heading\(level - 1)")
            case .paragraph(let text): body += paragraph(text)
            case .centered(let text): body += paragraph(text, bold: true, align: "center")
            case .table(let table): body += docxTable(table, layout: layouts[i] ?? TableLayout(table))
            case .chart(let chart): body += image(chart, width: page.textWidth) ?? docxTable(chart.table, layout: TableLayout(chart.table))
            case .pageBreak: body += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
            }
        }
        return xmlHeader + """
        <w:document xmlns:w="\(wordNamespace)" xmlns:r="\(relationshipNamespace)" \
        xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
        xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
        xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>\(body)\
        \(sectionProperties(page, first: first))</w:body></w:document>
        """
    }

    private func sectionProperties(_ page: Page, first: Bool) -> String {
        "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId3\"/>"
            + "<w:pgSz w:w=\"\(page.width)\" w:h=\"\(page.height)\"\(page.landscape ? " w:orient=\"landscape\"" : "")/>"
            + "<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"709\" w:footer=\"567\" w:gutter=\"0\"/>"
            // The title page has no number; numbering runs on through the following sections.
            + (first ? "<w:titlePg/>" : "")
            + "</w:sectPr>"
    }

    /// Ends the section before it: Word keeps a section's properties in its last paragraph.
    private func sectionBreak(_ page: Page, first: Bool) -> String {
        "<w:p><w:pPr>\(sectionProperties(page, first: first))</w:pPr></w:p>"
    }

    private func titlePageXML(_ page: TitlePage) -> String {
        var out = ""
        for (i, line) in page.approval.enumerated() {
            out += "<w:p><w:pPr><w:ind w:left=\"5400\"/><w:spacing w:after=\"60\"/></w:pPr><w:r>"
                + (i == 0 ? "<w:rPr><w:b/></w:rPr>" : "")
                + "<w:t xml:space=\"preserve\">\(xmlEscaped(line))</w:t></w:r></w:p>"
        }
        out += "<w:p><w:pPr><w:spacing w:before=\"4000\"/></w:pPr></w:p>"
        for (i, line) in page.lines.enumerated() {
            out += paragraph(line, style: i == 0 ? "Title" : nil, align: "center")
        }
        return out
    }

    private mutating func image(_ chart: Chart, width textWidth: Int) -> String? {
        let drawn = chartSVG(chart)
        guard let png = pngImage(svg: drawn.svg, width: drawn.width, height: drawn.height) else { return nil }
        images.append(png)
        let id = images.count
        // EMU: 635 per twip; the chart spans the text width, its height in proportion.
        let cx = textWidth * 635
        let cy = cx * drawn.height / max(drawn.width, 1)
        let name = xmlEscaped(chart.title)
        return """
        <w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">\
        <wp:extent cx="\(cx)" cy="\(cy)"/><wp:docPr id="\(id)" name="chart\(id)" descr="\(name)"/>\
        <a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">\
        <pic:pic><pic:nvPicPr><pic:cNvPr id="\(id)" name="chart\(id).png"/><pic:cNvPicPr/></pic:nvPicPr>\
        <pic:blipFill><a:blip r:embed="rId\(id + 9)"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
        <pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="\(cx)" cy="\(cy)"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>\
        </pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>
        """
    }
}

private func paragraph(_ text: String, style: String? = nil, bold: Bool = false, align: String? = nil) -> String {
    var properties = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
    if let align { properties += "<w:jc w:val=\"\(align)\"/>" }
    // A line break inside a cell or paragraph stays a line break.
    let runs = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        "<w:t xml:space=\"preserve\">\(xmlEscaped(String(line)))</w:t>"
    }.joined(separator: "<w:br/>")
    let run = "<w:r>\(bold ? "<w:rPr><w:b/></w:rPr>" : "")\(runs)</w:r>"
    return "<w:p>\(properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>")\(run)</w:p>"
}

private func docxTable(_ table: Table, layout: TableLayout) -> String {
    let widths = layout.widths
    func row(_ cells: [String], header: Bool) -> String {
        // Header rows repeat on every page; no row is split across two pages.
        let properties = header ? "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:trPr><w:cantSplit/></w:trPr>"
        return "<w:tr>\(properties)" + cells.enumerated().map { i, text in
            "<w:tc><w:tcPr><w:tcW w:w=\"\(i < widths.count ? widths[i] : 0)\" w:type=\"dxa\"/>"
                + (header ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8E8E8\"/>" : "") + "</w:tcPr>"
                + paragraph(text, bold: header, align: table.numericColumns.contains(i) ? "right" : nil) + "</w:tc>"
        }.joined() + "</w:tr>"
    }
    func group(_ text: String) -> String {
        "<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/>"
            + "<w:gridSpan w:val=\"\(max(widths.count, 1))\"/></w:tcPr>"
            + paragraph(text, bold: true, align: "center").replacingOccurrences(of: "<w:pPr>", with: "<w:pPr><w:keepNext/>")
            + "</w:tc></w:tr>"
    }
    var rows = row(table.header, header: true)
    for (i, cells) in table.rows.enumerated() {
        if let label = table.groups[i] { rows += group(label) }
        rows += row(cells, header: false)
    }
    return "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/>"
        + "<w:tblLayout w:type=\"fixed\"/>"
        + "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr>"
        + "<w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        + rows + "</w:tbl><w:p/>"
}
