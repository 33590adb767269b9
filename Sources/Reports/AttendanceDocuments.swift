import Foundation
import Planning

/// Certificates of attendance, one page each, as one DOCX (for one event, or one teacher's file):
/// the district, «СЕРТИФИКАТ», the name and school, the event, its date, host and length, and the
/// register number. `issued` dates the package, so the same list gives the same bytes.
public func renderCertificates(_ entries: [CertificateEntry], district: String, issued: LocalDate) throws(RenderError) -> Data {
    var blocks: [Block] = []
    for (i, entry) in entries.enumerated() {
        if i > 0 { blocks.append(.pageBreak) }
        blocks += [
            .centered(district),
            .heading(1, "СЕРТИФИКАТ"),
            .centered("участника мероприятия"),
            .paragraph("Настоящий сертификат подтверждает, что"),
            .centered(entry.name),
            .paragraph(entry.school),
            .paragraph("принял(а) участие в мероприятии «\(entry.eventTitle)»."),
            .paragraph("Дата: \(entry.date.russian)"),
            .paragraph("Площадка: \(entry.host)"),
            .paragraph("Объём: \(entry.hours)"),
            .paragraph("Регистрационный номер: \(entry.registerNumber)"),
            .paragraph("\n\nКоординатор кластера ____________________ / ____________________"),
        ]
    }
    if entries.isEmpty { blocks.append(.paragraph("Нет отмеченных участников.")) }
    return try docxPackage(ReportDocument(title: "Сертификаты", language: .ru, blocks: blocks, titlePage: nil), modified: issued)
}

/// The printable sign-in sheet of an event: its title, date and host, then a table of the
/// registered (number, name, school) with an empty column to sign and blank rows for walk-ins.
public func renderSignInSheet(eventTitle: String, when: String, host: String, registered: [Attendee], issued: LocalDate,
                              blankRows: Int = 5) throws(RenderError) -> Data {
    let sorted = registered.sorted { ($0.name.lowercased(), $0.school) < ($1.name.lowercased(), $1.school) }
    let rows = sorted.enumerated().map { [String($0 + 1), $1.name, $1.school, ""] }
        + (0..<max(blankRows, 0)).map { [String(sorted.count + $0 + 1), "", "", ""] }
    let blocks: [Block] = [
        .heading(1, "Лист регистрации участников"),
        .centered(eventTitle),
        .paragraph("Дата и время: \(when)"),
        .paragraph("Площадка: \(host)"),
        .table(Table(header: ["№", "Фамилия, имя, отчество", "Образовательная организация", "Подпись"], rows: rows,
                     numericColumns: [0])),
    ]
    return try docxPackage(ReportDocument(title: "Лист регистрации", language: .ru, blocks: blocks, titlePage: nil), modified: issued)
}
