import GRDB
import Planning
import Store

/// One busy interval read from a school's calendar at import (`busy: {ics: …}`): `schedule` uses
/// these rows and never opens the file again.
struct BusyIntervalRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "busyInterval"
    var school: String?
    var startDay: String
    var startMinute: Int
    var endDay: String
    var endMinute: Int
    var reason: String?
    var source: String

    init(_ b: BusyInterval) {
        school = b.school
        startDay = b.startDay.description
        startMinute = b.startMinute
        endDay = b.endDay.description
        endMinute = b.endMinute
        reason = b.reason
        source = b.source
    }

    func interval() throws -> BusyInterval {
        BusyInterval(school: school, startDay: try parse(startDay, { LocalDate(iso: $0) }, "занятость из \(source)"),
                     startMinute: startMinute, endDay: try parse(endDay, { LocalDate(iso: $0) }, "занятость из \(source)"),
                     endMinute: endMinute, reason: reason, source: source)
    }
}
