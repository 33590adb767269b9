import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Planning
import TestSupport
import Testing
import ZIPFoundation
@testable import Reports

/// Every text node of an XML document, in document order.
private func texts(_ xml: XMLDocument) throws -> [String] {
    try xml.nodes(forXPath: "//text()").compactMap(\.stringValue)
}

private func nevsky2019(rename: (String, String) -> String = { $1 }) throws -> ActivityReport {
    try buildReport(Seeds.nevskySnapshot(rename: rename), year: Seeds.y2019, today: Seeds.date("2020-06-30"))
}

@Suite struct HTMLRenderTests {
    @Test(arguments: Language.allCases)
    func htmlIsWellFormedXMLWithPrintCSSAndTwoCharts(language: Language) throws {
        let html = renderHTML(try nevsky2019(), language: language)
        let xml = try XMLDocument(xmlString: html, options: [])
        #expect(xml.rootElement()?.name == "html")
        #expect(try xml.nodes(forXPath: "//*[local-name()='svg']").count == 2)
        #expect(try xml.nodes(forXPath: "//*[local-name()='table']").count == 4)
        #expect(html.contains("@page { size: A4;"))
    }

    @Test func schoolNameWithMarkupIsEscaped() throws {
        let report = try nevsky2019 { id, name in id == "344" ? "<script>alert('x')</script> & Co" : name }
        let html = renderHTML(report, language: .en)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co"))
        let xml = try XMLDocument(xmlString: html, options: [])
        #expect(try xml.nodes(forXPath: "//*[local-name()='script']").isEmpty)
        #expect(try texts(xml).contains("<script>alert('x')</script> & Co"))
    }

    @Test func russianSummaryAndEventsTableCarryTheFigures() throws {
        let xml = try XMLDocument(xmlString: renderHTML(try nevsky2019(), language: .ru), options: [])
        let summary = try xml.nodes(forXPath: "(//*[local-name()='table'])[1]//*[local-name()='tr']")
            .map { row in try row.nodes(forXPath: "*").compactMap(\.stringValue) }
        #expect(summary.contains(["Мероприятий запланировано", "4"]))
        #expect(summary.contains(["— проведено", "3"]))
        #expect(summary.contains(["— отменено", "1"]))
        #expect(summary.contains(["— перенесено", "0"]))
        #expect(summary.contains(["Участников всего", "105"]))
        #expect(summary.contains(["Школ охвачено", "7"]))
        let all = try texts(xml)
        #expect(all.contains("17.10.2019"))
        #expect(all.contains("октябрь 2019"))
        #expect(all.contains("71,25 %"))
        #expect(all.contains("Карантин"))
    }

    @Test func kirovSummaryShowsTrainingAndNoChartsWithoutEvents() throws {
        let report = try buildReport(try Seeds.kirovSnapshot(), year: Seeds.y2019, today: Seeds.date("2020-06-30"))
        let xml = try XMLDocument(xmlString: renderHTML(report, language: .ru), options: [])
        let summary = try xml.nodes(forXPath: "(//*[local-name()='table'])[1]//*[local-name()='tr']")
            .map { row in try row.nodes(forXPath: "*").compactMap(\.stringValue) }
        #expect(summary.contains(["Кластеров", "4"]))
        #expect(summary.contains(["Школ в кластерах", "43"]))
        #expect(summary.contains(["Слушателей курсов", "25"]))
        #expect(summary.contains(["Школ, обучавшихся на курсах", "9"]))
        #expect(try xml.nodes(forXPath: "//*[local-name()='svg']").isEmpty)
        #expect(try texts(xml).contains("Всего 25 слушателей (9 команд) из 9 школ."))
    }

    @Test func englishUsesEnglishLabelsAndDates() throws {
        let all = try texts(XMLDocument(xmlString: renderHTML(try nevsky2019(), language: .en), options: []))
        #expect(all.contains("17 Oct 2019"))
        #expect(all.contains("October 2019"))
        #expect(all.contains("71.25 %"))
        #expect(all.contains("not met"))
        #expect(all.contains("cancelled"))
    }
}

@Suite struct MarkdownAndCSVRenderTests {
    @Test func markdownHasTheSummaryAndPerTaskRows() throws {
        let md = renderMarkdown(try nevsky2019(), language: .ru)
        #expect(md.hasPrefix("# Отчёт о работе кластеров за 2019/2020 учебный год\n"))
        #expect(md.contains("| — проведено | 3 |\n"))
        #expect(md.contains("| — отменено | 1 |\n"))
        #expect(md.contains("| T3. Интегрировать опыт, возможности, знания и ресурсы участников кластера в области преподавания точных и естественнонаучных дисциплин для повышения квалификации учителей и качества образования в данных предметных областях. | 3 | Подходы к разработке инструментария по оценке метапредметных результатов обучения | отменено |\n"))
        #expect(md.contains("| Проведено мероприятий кластера | 8 шт. | 3 шт. (по мероприятиям) | не выполнено |\n"))
        #expect(md.contains("| Подготовлен отчёт о работе кластера | 1 шт. | — | — |\n"))
    }

    @Test func markdownEscapesMarkupInUserText() {
        #expect(markdownEscaped("a|b *c* <i>\nd & [x]") == "a\\|b \\*c\\* &lt;i> d &amp; \\[x\\]")
    }

    @Test func csvHasOneRowPerEventWithStableColumnsAndRFC4180Quoting() throws {
        let csv = renderCSV(try nevsky2019(), language: .en)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.count == 6)  // header, four events, and the empty string after the last CRLF
        #expect(lines[0] == "cluster,number,academic year,format,title,planned,date,status,held on,host,host name,participants,schools,tasks,note,cancellation reason")
        #expect(lines[1].hasPrefix("nevsky-exact,1,2019/2020,Conference,"))
        #expect(lines[1].hasSuffix(",2019-10,2019-10-17,held,2019-10-17,344,ГБОУ лицей № 344 Невского района,42,344;498;329;572;331;512;625,T1,Стартовая конференция: план на год принят,"))
        #expect(lines[2].hasSuffix(",T1;T2,\"Модели ОКО, \"\"черновик\"\", сборник материалов\","))
        #expect(lines[3].hasSuffix(",2020-02,,cancelled,,498,ГБОУ гимназия № 498 Невского района,,,T3,,Карантин"))
        #expect(lines[5].isEmpty)
    }

    @Test func csvHeaderFollowsTheLanguage() throws {
        let csv = renderCSV(try nevsky2019(), language: .ru)
        #expect(csv.hasPrefix("кластер,номер,учебный год,формат,название,по плану,дата,статус,"))
    }
}

@Suite struct DOCXRenderTests {
    /// Opens the package and parses its main part.
    private func documentXML(_ data: Data) throws -> (Archive, XMLDocument) {
        let archive = try Archive(data: data, accessMode: .read)
        let entry = try #require(archive["word/document.xml"])
        var xml = Data()
        _ = try archive.extract(entry) { xml.append($0) }
        return (archive, try XMLDocument(data: xml, options: []))
    }

    @Test func docxIsAZipWithTheWordPartsHeadingsAndRealTables() throws {
        let data = try renderDOCX(try nevsky2019(), language: .ru)
        let (archive, xml) = try documentXML(data)
        let paths = Set(archive.map(\.path))
        #expect(paths == ["[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/styles.xml", "word/document.xml"])
        #expect(try xml.nodes(forXPath: "//*[local-name()='tbl']").count == 6)  // 4 tables and 2 charts as tables
        let styles = try xml.nodes(forXPath: "//*[local-name()='pStyle']/@*[local-name()='val']").compactMap(\.stringValue)
        #expect(styles.first == "Title")
        #expect(styles.contains("Heading1"))
        #expect(styles.contains("Heading2"))
        let rows = try xml.nodes(forXPath: "(//*[local-name()='tbl'])[1]/*[local-name()='tr']")
            .map { try $0.nodes(forXPath: "*[local-name()='tc']").compactMap(\.stringValue) }
        #expect(rows.contains(["— проведено", "3"]))
        #expect(rows.contains(["— отменено", "1"]))
        #expect(rows.contains(["Участников всего", "105"]))
    }

    @Test func kirovDocxShowsTrainingFiguresAndTheTarget() throws {
        let report = try buildReport(try Seeds.kirovSnapshot(schools2020: 11), year: Seeds.y2020, today: Seeds.date("2021-06-30"))
        let (_, xml) = try documentXML(try renderDOCX(report, language: .en))
        let all = try texts(xml)
        #expect(all.contains("Target for 2020/2021: at least 36 listeners from 12 schools of cluster kirov-1; actual 33 listeners from 11 schools — not met."))
        #expect(all.contains("In all 35 listeners (12 teams) from 12 schools."))
    }

    @Test func sameReportGivesTheSameBytes() throws {
        let report = try nevsky2019()
        #expect(try renderDOCX(report) == renderDOCX(report))
    }

    @Test(.enabled(if: LibreOffice.executable != nil, "LibreOffice (soffice or libreoffice) is not on PATH; `make test` installs libreoffice-writer-nogui"))
    func libreOfficeConvertsTheDocxToPDF() throws {
        let soffice = try #require(LibreOffice.executable)
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("report.docx")
        try render(try nevsky2019(), as: .docx, language: .ru).write(to: input)
        let process = Process()
        process.executableURL = soffice
        process.arguments = ["-env:UserInstallation=file://\(dir.path)/profile", "--headless", "--convert-to", "pdf",
                             "--outdir", dir.path, input.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let pdf = try Data(contentsOf: dir.appendingPathComponent("report.pdf"))
        #expect(pdf.starts(with: Data("%PDF".utf8)))
    }
}

enum LibreOffice {
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for dir in path.split(separator: ":") {
            for name in ["soffice", "libreoffice"] {
                let url = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
        }
        return nil
    }()
}

@Suite struct RenderFormatTests {
    @Test(arguments: ReportFormat.allCases)
    func everyFormatRendersBothLanguages(format: ReportFormat) throws {
        let report = try nevsky2019()
        let ru = try render(report, as: format, language: .ru)
        let en = try render(report, as: format, language: .en)
        #expect(!ru.isEmpty)
        #expect(ru != en)
    }
}
