import Foundation
import Planning

/// The report in `format`, as the bytes of a file: UTF-8 text, or a DOCX package.
public func render(_ report: ActivityReport, as format: ReportFormat, language: Language = .ru) throws(RenderError) -> Data {
    switch format {
    case .html: Data(renderHTML(report, language: language).utf8)
    case .md: Data(renderMarkdown(report, language: language).utf8)
    case .csv: Data(renderCSV(report, language: language).utf8)
    case .docx: try renderDOCX(report, language: language)
    }
}

public enum RenderError: Error, Hashable, Sendable {
    /// ZIPFoundation could not build the DOCX package in memory.
    case docxPackage(String)
}

/// Text for XML and XHTML-compatible HTML: markup characters escaped, and the control characters
/// XML 1.0 forbids dropped, since a plan file may carry them and they would break the parser.
func xmlEscaped(_ text: String) -> String {
    // Most text needs nothing: checking the UTF-8 bytes first keeps a city-sized report fast
    // (0xEF leads U+FFFE and U+FFFF).
    guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27
        || $0 == 0xEF }) else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
        case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}
