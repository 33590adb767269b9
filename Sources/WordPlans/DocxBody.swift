import Foundation
import SWXMLHash
import ZIPFoundation

/// The text of a Word document's body, in order: paragraphs and tables (a table as rows of cell
/// texts, a cell's paragraphs joined with line breaks). Formatting is dropped: the plan is in the words.
struct DocxBody: Equatable {
    enum Block: Equatable {
        /// `numbered`: Word's automatic list numbering, which leaves no "1." in the text.
        case paragraph(String, numbered: Bool)
        case table([[String]])
    }
    var blocks: [Block]
}

enum DocxError: Error, Equatable {
    case notAZipPackage
    case noDocumentPart
    case tooLarge
    case badXML
    case tooDeep
    case unreadable
}

/// `word/document.xml` may be no larger than this once unpacked: a plan is kilobytes, and a
/// crafted package must not make us inflate gigabytes.
let maxDocumentPartBytes = 32 << 20

/// Elements nested deeper than this are refused before parsing: the parsed tree is walked and freed
/// recursively, so a crafted part with 20,000 nested tables would overflow the stack. Word's own
/// documents stay far below it (a nested table adds three levels).
let maxNestingDepth = 256

extension DocxBody {
    init(docx data: Data) throws(DocxError) {
        let xml = try Self.documentPart(data)
        // Foundation's XMLParser on Linux traps on some malformed names instead of failing; text that
        // is not UTF-8 is not a Word document part anyway.
        guard String(validating: xml, as: UTF8.self) != nil else { throw .badXML }
        guard Self.nestingDepth(xml, stoppingAbove: maxNestingDepth) <= maxNestingDepth else { throw .tooDeep }
        let root = XMLHash.config { $0.detectParsingErrors = true }.parse(xml)
        if case .parsingError = root { throw .badXML }
        guard let document = root.children.first?.element, document.name == "w:document",
              let body = document.childElements("w:body").first else { throw .noDocumentPart }
        blocks = Self.blocks(in: body)
    }

    private static func documentPart(_ data: Data) throws(DocxError) -> Data {
        // Read from a temporary file, not with `Archive(data:)`: ZIPFoundation 0.9.20's in-memory file
        // traps on a read past its end (a crafted central directory) and leaks the package when the
        // end-of-central-directory record is missing; its file-backed archive fails cleanly on both
        // (found by `make fuzz`, inputs in Tests/Fixtures/fuzz/word-plan/).
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("clusterplan-\(UUID().uuidString).docx")
        do { try data.write(to: file) } catch { throw .unreadable }
        defer { try? FileManager.default.removeItem(at: file) }
        let archive: Archive
        do { archive = try Archive(url: file, accessMode: .read) } catch { throw .notAZipPackage }
        guard let entry = archive["word/document.xml"] else { throw .noDocumentPart }
        guard entry.uncompressedSize <= UInt64(maxDocumentPartBytes) else { throw .tooLarge }
        var xml = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                // The declared size may lie; stop at the same limit while inflating.
                guard xml.count + chunk.count <= maxDocumentPartBytes else { throw DocxError.tooLarge }
                xml.append(chunk)
            }
        } catch DocxError.tooLarge {
            throw .tooLarge
        } catch {
            throw .notAZipPackage
        }
        return xml
    }

    /// How deep elements nest, from the bytes alone (start tags, end tags, self-closing tags; quoted
    /// attribute values, comments and declarations skipped), stopping once past `limit`.
    static func nestingDepth(_ xml: Data, stoppingAbove limit: Int) -> Int {
        var depth = 0, deepest = 0
        var inTag = false, quote: UInt8? = nil, previous: UInt8 = 0, opening = false
        for byte in xml {
            if let q = quote {
                if byte == q { quote = nil }
            } else if inTag {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
                case UInt8(ascii: ">"):
                    inTag = false
                    if opening && previous != UInt8(ascii: "/") {
                        depth += 1
                        deepest = max(deepest, depth)
                        if deepest > limit { return deepest }
                    }
                default: break
                }
            } else if byte == UInt8(ascii: "<") {
                inTag = true
                opening = true
            }
            if inTag && previous == UInt8(ascii: "<") {
                switch byte {
                case UInt8(ascii: "/"): opening = false; depth -= 1
                case UInt8(ascii: "?"), UInt8(ascii: "!"): opening = false
                default: break
                }
            }
            previous = byte
        }
        return deepest
    }

    /// Paragraphs and tables, also inside content controls (`w:sdt`), which Word wraps around blocks.
    private static func blocks(in parent: XMLElement) -> [Block] {
        var out: [Block] = []
        for child in parent.childElements() {
            switch child.name {
            case "w:p": out.append(.paragraph(paragraphText(child), numbered: isNumbered(child)))
            case "w:tbl": out.append(.table(tableRows(child)))
            case "w:sdt": out += child.childElements("w:sdtContent").flatMap(blocks(in:))
            default: continue
            }
        }
        return out
    }

    private static func tableRows(_ table: XMLElement) -> [[String]] {
        table.childElements("w:tr").map { row in
            var cells: [String] = []
            for cell in row.childElements() where cell.name == "w:tc" || cell.name == "w:sdt" {
                let cellElements = cell.name == "w:tc" ? [cell] : cell.childElements("w:sdtContent").flatMap { $0.childElements("w:tc") }
                for tc in cellElements {
                    let text = blocks(in: tc).compactMap { block -> String? in
                        if case .paragraph(let text, _) = block { return text }
                        return nil
                    }.joined(separator: "\n")
                    // A cell merged across columns keeps its grid places, so columns stay aligned with the
                    // header; a continued vertical merge is an empty cell already.
                    cells.append(text)
                    let span = tc.childElements("w:tcPr").first?.childElements("w:gridSpan").first?
                        .attribute(by: "w:val").flatMap { Int($0.text) } ?? 1
                    if span > 1 { cells += Array(repeating: "", count: min(span, 64) - 1) }
                }
            }
            return cells
        }
    }

    private static func isNumbered(_ paragraph: XMLElement) -> Bool {
        paragraph.childElements("w:pPr").contains { !$0.childElements("w:numPr").isEmpty }
    }

    /// Runs' text with Word's breaks and tabs; hyperlinks, insertions and fields are followed
    /// into, deleted text (`w:del`) is not.
    private static func paragraphText(_ element: XMLElement) -> String {
        var text = ""
        for child in element.childElements() {
            switch child.name {
            case "w:t": text += child.text
            case "w:br", "w:cr": text += "\n"
            case "w:tab": text += "\t"
            case "w:noBreakHyphen": text += "-"
            case "w:r", "w:hyperlink", "w:ins", "w:smartTag", "w:fldSimple", "w:sdtContent", "w:sdt":
                text += paragraphText(child)
            default: continue
            }
        }
        return text
    }
}

extension XMLElement {
    func childElements(_ name: String? = nil) -> [XMLElement] {
        children.compactMap { $0 as? XMLElement }.filter { name == nil || $0.name == name }
    }
}
