import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Planning
import TestSupport
import Testing
import ZIPFoundation
@testable import Reports

/// The DOCX report and work plan as LibreOffice prints them: converted to PDF, then measured
/// with poppler's `pdftotext -bbox` (every word's box on every page).
@Suite(.serialized, .enabled(if: PrintedPDF.available, "needs libreoffice-writer-nogui and poppler-utils (scripts/install-deps.sh test)"))
struct PrintedPagesTests {
    @Test func reportPrintsWithTitlePageLandscapeEventsAndWholeWords() throws {
        let report = try buildReport(Seeds.nevskySnapshot(), year: Seeds.y2019, today: Seeds.date("2020-06-30"))
        let docx = try renderDOCX(report, language: .ru)
        let pdf = try PrintedPDF(docx: docx, name: "report")
        #expect(pdf.pages.count == 5)
        #expect(pdf.pages.allSatisfy { $0.isA4 })
        // Title page: the approval block, and no page number.
        #expect(pdf.pages[0].words.first == "УТВЕРЖДАЮ")
        #expect(!pdf.pages[0].words.contains("1"))
        #expect(pdf.pages[1].words.last == "2")
        // The events table (8 columns) is on landscape pages; the others are portrait.
        let eventPages = pdf.pages.filter { $0.words.contains("Примечание") }
        #expect(!eventPages.isEmpty)
        #expect(eventPages.allSatisfy { $0.landscape })
        #expect(pdf.pages.filter(\.landscape).count == eventPages.count)
        try expectWholeWordsInsidePages(docx: docx, pdf: pdf)
    }

    @Test func workPlanPrintsWithItsTableInsideThePage() throws {
        let snapshot = try Seeds.nevskySnapshot()
        let docx = try renderWorkPlan(snapshot, cluster: "nevsky-exact", as: .docx, today: Seeds.date("2019-09-02"))
        let pdf = try PrintedPDF(docx: docx, name: "workplan")
        #expect(pdf.pages.count == 3)
        #expect(pdf.pages.allSatisfy { $0.isA4 && !$0.landscape })
        // Page 1 is the title block; the table runs over pages 2 and 3, its header row on both.
        #expect(pdf.pages.map { $0.words.contains("Площадка") && $0.words.contains("проведения") } == [false, true, true])
        try expectWholeWordsInsidePages(docx: docx, pdf: pdf)
    }

    @Test func htmlReportAndPlanPrintOnA4WithTheWideTableLandscape() throws {
        let report = try buildReport(Seeds.nevskySnapshot(), year: Seeds.y2019, today: Seeds.date("2020-06-30"))
        let printed = try PrintedPDF(html: renderHTML(report, language: .ru), name: "report")
        #expect(printed.pages.allSatisfy { $0.isA4 && $0.maxX <= $0.width - 28 })
        #expect(printed.pages[0].words.first == "УТВЕРЖДАЮ")
        let eventPages = printed.pages.filter { $0.words.contains("Примечание") }
        #expect(!eventPages.isEmpty && eventPages.allSatisfy { $0.landscape })
        let plan = try renderWorkPlan(Seeds.nevskySnapshot(), cluster: "nevsky-exact", as: .html, today: Seeds.date("2019-09-02"))
        let planPages = try PrintedPDF(html: String(decoding: plan, as: UTF8.self), name: "workplan").pages
        #expect(planPages.allSatisfy { $0.isA4 && !$0.landscape && $0.maxX <= $0.width - 28 })
        #expect(planPages.filter { $0.words.contains("Площадка") }.count >= 2)
    }

    /// No table wider than its page (in the DOCX geometry and in the printed boxes), and every
    /// word of every table printed whole: a word broken mid-word prints as two pieces.
    private func expectWholeWordsInsidePages(docx: Data, pdf: PrintedPDF) throws {
        let xml = try PrintedPDF.documentXML(docx)
        for table in try xml.nodes(forXPath: "//*[local-name()='tbl']") {
            let grid = try table.nodes(forXPath: "*[local-name()='tblGrid']/*[local-name()='gridCol']/@*[local-name()='w']")
                .compactMap { $0.stringValue.flatMap(Int.init) }.reduce(0, +)
            // The section a table is in: the next sectPr after it in document order.
            let section = try table.nodes(forXPath: "following::*[local-name()='sectPr'][1]/*[local-name()='pgSz']/@*[local-name()='w']")
                .first?.stringValue.flatMap(Int.init) ?? 0
            #expect(grid <= section - 2 * 1134, "table of \(grid) twips on a page of \(section)")
        }
        let printed = Set(pdf.pages.flatMap(\.words))
        let cellWords = try xml.nodes(forXPath: "//*[local-name()='tc']//*[local-name()='t']").flatMap {
            ($0.stringValue ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        }
        // «2018-2019» may wrap after its hyphen, as typesetting allows; anywhere else is a broken word.
        let broken = Set(cellWords.filter { word in
            !printed.contains(word) && !word.split(separator: "-").enumerated().allSatisfy { i, piece in
                printed.contains(String(piece) + (i < word.split(separator: "-").count - 1 ? "-" : ""))
            }
        })
        #expect(broken.isEmpty, "printed in pieces: \(broken.sorted().prefix(10))")
        for page in pdf.pages {
            #expect(page.maxX <= page.width - 28, "text beyond the right margin on a page")
        }
    }
}

struct PrintedPDF {
    struct Page {
        var width: Double
        var height: Double
        var words: [String]
        var maxX: Double
        var landscape: Bool { width > height }
        var isA4: Bool { abs(min(width, height) - 595.3) < 1 && abs(max(width, height) - 841.9) < 1 }
    }

    var pages: [Page]

    static let available = FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")

    init(docx: Data, name: String) throws {
        let dir = try Fixtures.temporaryDirectory()
        let source = dir.appendingPathComponent("\(name).docx")
        try docx.write(to: source)
        // A profile of its own, so a second LibreOffice (another test run) cannot block this one.
        try Self.run("/usr/bin/soffice", ["-env:UserInstallation=\(dir.appendingPathComponent("profile").absoluteString)",
                                          "--headless", "--convert-to", "pdf", "--outdir", dir.path, source.path])
        try self.init(pdf: dir.appendingPathComponent("\(name).pdf"))
    }

    /// The page as Chromium prints it, with the page's own @page rules.
    init(html: String, name: String) throws {
        let dir = try Fixtures.temporaryDirectory()
        let source = dir.appendingPathComponent("\(name).html")
        try Data(html.utf8).write(to: source)
        let pdf = dir.appendingPathComponent("\(name).pdf")
        try Self.run("/usr/bin/chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                           "--user-data-dir=\(dir.appendingPathComponent("profile").path)",
                                           "--print-to-pdf=\(pdf.path)", source.absoluteString])
        try self.init(pdf: pdf)
    }

    private init(pdf: URL) throws {
        let boxes = pdf.deletingPathExtension().appendingPathExtension("bbox.html")
        try Self.run("/usr/bin/pdftotext", ["-bbox", pdf.path, boxes.path])
        let xml = try XMLDocument(contentsOf: boxes, options: [])
        pages = try xml.nodes(forXPath: "//*[local-name()='page']").map { page in
            func number(_ path: String) throws -> [Double] {
                try page.nodes(forXPath: path).compactMap { $0.stringValue.flatMap(Double.init) }
            }
            return Page(width: try number("@width").first ?? 0, height: try number("@height").first ?? 0,
                        words: try page.nodes(forXPath: "*[local-name()='word']").compactMap(\.stringValue),
                        maxX: try number("*[local-name()='word']/@xMax").max() ?? 0)
        }
    }

    static func documentXML(_ docx: Data) throws -> XMLDocument {
        let archive = try Archive(data: docx, accessMode: .read)
        var xml = Data()
        _ = try archive.extract(try #require(archive["word/document.xml"])) { xml.append($0) }
        return try XMLDocument(data: xml, options: [])
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool) failed")
    }
}
