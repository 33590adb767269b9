import Foundation
import Planning
import ZIPFoundation

/// The report as a WordprocessingML package built in memory, ready to submit: a title page with
/// the approval block, page numbers in the footer, tables with fitted columns and repeated header
/// rows (landscape pages for wide ones), charts as PNG images drawn from the HTML report's SVG.
/// Entries carry the report's date, so the same report gives the same bytes.
public func renderDOCX(_ report: ActivityReport, language: Language = .ru) throws(RenderError) -> Data {
    try docxPackage(ReportDocument(report, language: language), modified: report.asOf)
}

func docxPackage(_ doc: ReportDocument, modified day: LocalDate) throws(RenderError) -> Data {
    var body = DOCXBody()
    let document = body.documentXML(doc)
    var parts: [(String, Data)] = [
        ("[Content_Types].xml", Data(contentTypes.utf8)),
        ("_rels/.rels", Data(packageRelationships.utf8)),
        ("word/_rels/document.xml.rels", Data(documentRelationships(images: body.images.count).utf8)),
        ("word/styles.xml", Data(styles(doc.language).utf8)),
        ("word/settings.xml", Data(settings.utf8)),
        ("word/footer1.xml", Data(footer.utf8)),
        ("word/document.xml", Data(document.utf8)),
    ]
    for (i, png) in body.images.enumerated() { parts.append(("word/media/chart\(i + 1).png", png)) }
    let modified = Date(timeIntervalSince1970: TimeInterval(day.daysSinceEpoch) * 86_400 + 43_200)
    do {
        let archive = try Archive(accessMode: .create)
        for (path, data) in parts {
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

let xmlHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

private let contentTypes = xmlHeader + """
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Default Extension="png" ContentType="image/png"/>\
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
</Types>
"""

private let packageRelationships = xmlHeader + """
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
</Relationships>
"""

/// rId1 styles, rId2 settings, rId3 the footer, rId10… the chart images.
private func documentRelationships(images: Int) -> String {
    let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    return xmlHeader + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(base)/styles\" Target=\"styles.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"\(base)/settings\" Target=\"settings.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"\(base)/footer\" Target=\"footer1.xml\"/>"
        + (0..<images).map { "<Relationship Id=\"rId\($0 + 10)\" Type=\"\(base)/image\" Target=\"media/chart\($0 + 1).png\"/>" }.joined()
        + "</Relationships>"
}

/// No automatic hyphenation: words stay whole, the column widths make room for them.
private let settings = xmlHeader + """
<w:settings xmlns:w="\(wordNamespace)"><w:autoHyphenation w:val="false"/>\
<w:defaultTabStop w:val="708"/><w:compat><w:compatSetting w:name="compatibilityMode" \
w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>
"""

/// The page number, centred: a PAGE field, which Word and LibreOffice fill in on every page.
private let footer = xmlHeader + """
<w:ftr xmlns:w="\(wordNamespace)"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>\
<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>\
<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>
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
