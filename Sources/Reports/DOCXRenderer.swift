import Foundation
import Planning
import ZIPFoundation

/// A WordprocessingML package built in memory: styled headings and real tables (charts become
/// tables of their figures), A4 portrait. Nothing is written to disk. Entries carry the report's
/// date, so the same report gives the same bytes.
public func renderDOCX(_ report: ActivityReport, language: Language = .ru) throws(RenderError) -> Data {
    let doc = ReportDocument(report, language: language)
    let parts: [(String, String)] = [
        ("[Content_Types].xml", contentTypes),
        ("_rels/.rels", packageRelationships),
        ("word/_rels/document.xml.rels", documentRelationships),
        ("word/styles.xml", styles(language)),
        ("word/document.xml", documentXML(doc)),
    ]
    let modified = Date(timeIntervalSince1970: TimeInterval(report.asOf.daysSinceEpoch) * 86_400 + 43_200)
    do {
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: modified,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw RenderError.docxPackage("the in-memory archive has no data") }
        return data
    } catch let error as RenderError {
        throw error
    } catch {
        throw RenderError.docxPackage(String(describing: error))
    }
}

private let xmlHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
private let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

private let contentTypes = xmlHeader + """
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
</Types>
"""

private let packageRelationships = xmlHeader + """
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
</Relationships>
"""

// Word finds styles.xml only through the main part's relationships.
private let documentRelationships = xmlHeader + """
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
</Relationships>
"""

private func styles(_ language: Language) -> String {
    func heading(_ id: String, _ name: String, _ level: Int, halfPoints: Int) -> String {
        """
        <w:style w:type="paragraph" w:styleId="\(id)"><w:name w:val="\(name)"/><w:basedOn w:val="Normal"/>\
        <w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/>\
        \(level > 0 ? "<w:outlineLvl w:val=\"\(level - 1)\"/>" : "")</w:pPr>\
        <w:rPr><w:b/><w:sz w:val="\(halfPoints)"/><w:szCs w:val="\(halfPoints)"/></w:rPr></w:style>
        """
    }
    let lang = language == .ru ? "ru-RU" : "en-GB"
    return xmlHeader + """
    <w:styles xmlns:w="\(wordNamespace)">\
    <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/>\
    <w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="\(lang)"/></w:rPr></w:rPrDefault>\
    <w:pPrDefault><w:pPr><w:spacing w:after="100" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
    <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
    \(heading("Title", "Title", 0, halfPoints: 32))\
    \(heading("Heading1", "heading 1", 1, halfPoints: 28))\
    \(heading("Heading2", "heading 2", 2, halfPoints: 24))\
    <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>\
    <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>\
    <w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
    <w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>\
    <w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>\
    <w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="555555"/>\
    <w:left w:val="single" w:sz="4" w:space="0" w:color="555555"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="555555"/>\
    <w:right w:val="single" w:sz="4" w:space="0" w:color="555555"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="555555"/>\
    <w:insideV w:val="single" w:sz="4" w:space="0" w:color="555555"/></w:tblBorders></w:tblPr></w:style>\
    </w:styles>
    """
}

/// A4 with 2 cm margins leaves 9638 twips for a table.
private let textWidth = 9638

private func documentXML(_ doc: ReportDocument) -> String {
    var body = ""
    for block in doc.blocks {
        switch block {
        case .heading(let level, let text):
            body += paragraph(text, style: level == 1 ? "Title" : "Heading\(level - 1)")
        case .paragraph(let text): body += paragraph(text)
        case .table(let table): body += docxTable(table)
        case .chart(let chart): body += docxTable(chart.table)
        }
    }
    return xmlHeader + """
    <w:document xmlns:w="\(wordNamespace)"><w:body>\(body)\
    <w:sectPr><w:pgSz w:w="11906" w:h="16838"/>\
    <w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>\
    </w:body></w:document>
    """
}

private func paragraph(_ text: String, style: String? = nil, bold: Bool = false, right: Bool = false) -> String {
    var properties = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
    if right { properties += "<w:jc w:val=\"right\"/>" }
    let run = "<w:r>\(bold ? "<w:rPr><w:b/></w:rPr>" : "")<w:t xml:space=\"preserve\">\(xmlEscaped(text))</w:t></w:r>"
    return "<w:p>\(properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>")\(run)</w:p>"
}

private func docxTable(_ table: Table) -> String {
    let columns = max(table.header.count, 1)
    let width = textWidth / columns
    func row(_ cells: [String], header: Bool) -> String {
        let properties = header ? "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" : "<w:trPr><w:cantSplit/></w:trPr>"
        return "<w:tr>\(properties)" + cells.enumerated().map { i, text in
            "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>\(header ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8E8E8\"/>" : "")</w:tcPr>"
                + paragraph(text, bold: header, right: table.numericColumns.contains(i)) + "</w:tc>"
        }.joined() + "</w:tr>"
    }
    return "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
        + "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr>"
        + "<w:tblGrid>" + String(repeating: "<w:gridCol w:w=\"\(width)\"/>", count: columns) + "</w:tblGrid>"
        + row(table.header, header: true) + table.rows.map { row($0, header: false) }.joined()
        + "</w:tbl><w:p/>"
}
