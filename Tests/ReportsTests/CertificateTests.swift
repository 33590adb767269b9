import Foundation
import PlanFiles
import Planning
import Reports
import Testing
import TestSupport

/// Certificates and the sign-in sheet as LibreOffice prints them: one page per attendee with the
/// name, the event, the date, the hours and the register number (read back with `pdftotext`).
@Suite(.serialized, .enabled(if: PrintedPDF.available, "needs libreoffice-writer-nogui and poppler-utils (scripts/install-deps.sh test)"))
struct CertificateTests {
    static let attendees = [Attendee(name: "Смирнова Елена Викторовна", school: "ГБОУ СОШ № 498 Невского района"),
                            Attendee(name: "Андреев Иван Сергеевич", school: "ГБОУ СОШ № 344 Невского района"),
                            Attendee(name: "Кузнецова Мария Олеговна", school: "ГБОУ СОШ № 329 Невского района")]

    static func event() throws -> (EventSnapshot, District) {
        let district = try PlanLoader.load(paths: [Fixtures.plansDirectory.path])
        let first = try #require(district.cluster("nevsky-exact")?.plan?.events.first)
        let state = EventState(date: LocalDate(iso: "2019-10-17"), start: TimeOfDay(hour: 15, minute: 0), sequence: 1,
                               lastModified: 100, status: .held, outcome: Outcome(heldOn: LocalDate(iso: "2019-10-17"), participants: 3))
        return (EventSnapshot(event: first, state: state), district)
    }

    @Test func onePrintedPagePerAttendeeWithNameEventDateHoursAndNumber() throws {
        let (item, district) = try Self.event()
        let entries = try #require(CertificateEntry.entries(for: item, attendees: Self.attendees, district: district))
        let pdf = try PrintedPDF(docx: try renderCertificates(entries, district: district.name, issued: LocalDate(iso: "2019-10-18")!),
                                 name: "certificates")
        #expect(pdf.pages.count == 3)
        let sorted = ["Андреев Иван Сергеевич", "Кузнецова Мария Олеговна", "Смирнова Елена Викторовна"]
        let hours = CertificateEntry(name: "", school: "", eventTitle: "", date: LocalDate(iso: "2019-10-17")!, host: "",
                                     minutes: item.event.durationMinutes, registerNumber: "").hours
        for (i, page) in pdf.pages.enumerated() {
            let text = page.words.joined(separator: " ")
            #expect(text.contains(sorted[i]))
            #expect(text.contains(item.event.title.split(separator: " ").prefix(4).joined(separator: " ")))
            #expect(text.contains("Дата: 17.10.2019"))
            #expect(text.contains("Объём: \(hours)"))
            #expect(text.contains("Регистрационный номер: nevsky-exact/\(item.id.number)-00\(i + 1)"))
            #expect(page.isA4)
        }
    }

    @Test func signInSheetListsTheRegisteredWithAColumnToSign() throws {
        let (item, district) = try Self.event()
        let docx = try renderSignInSheet(eventTitle: item.event.title, when: "четверг, 17 октября 2019, 15:00",
                                         host: district.place(of: item.event).locationLine, registered: Self.attendees,
                                         issued: LocalDate(iso: "2019-10-18")!)
        let pdf = try PrintedPDF(docx: docx, name: "sign-in")
        #expect(pdf.pages.count == 1)
        let text = pdf.pages.first?.words.joined(separator: " ") ?? ""
        #expect(text.contains("Лист регистрации участников"))
        #expect(text.contains("Подпись"))
        for person in Self.attendees { #expect(text.contains(person.name)) }
        // pdftotext reads the table column by column: rows numbered 1 to 3 for the registered in
        // alphabetical order, then five blank numbered rows for walk-ins.
        #expect(text.contains("№ 1 2 3 4 5 6 7 8 Фамилия, имя, отчество Андреев Иван Сергеевич Кузнецова Мария Олеговна Смирнова Елена Викторовна"))
    }
}
