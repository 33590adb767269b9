import Foundation
import GRDB
import Planning
import Store

// Row types, kept apart from the domain values they store.

struct MetaRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "meta"
    var key: String
    var value: String
}

struct SchoolRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "school"
    enum Columns { static let position = Column(CodingKeys.position) }
    var id: String
    var position: Int
    var name: String
    var district: String?
    var kind: String
    var address: String?
    var contingent: String?

    init(_ s: School, position: Int) {
        id = s.id
        self.position = position
        name = s.name
        district = s.district
        kind = s.kind.rawValue
        address = s.address
        contingent = s.contingent?.rawValue
    }

    func school() throws(StoreError) -> School {
        School(id: id, name: name, district: district, kind: try parse(kind, SchoolKind.init(rawValue:), "вид школы \(id)"),
               address: address, contingent: try contingent.map { c throws(StoreError) in
                   try parse(c, Contingent.init(rawValue:), "контингент школы \(id)")
               })
    }
}

struct VenueRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "venue"
    enum Columns { static let position = Column(CodingKeys.position) }
    var id: String
    var position: Int
    var name: String
    var address: String?
    var district: String?

    init(_ v: Venue, position: Int) {
        id = v.id
        self.position = position
        name = v.name
        address = v.address
        district = v.district
    }

    var venue: Venue { Venue(id: id, name: name, address: address, district: district) }
}

struct ClusterRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "cluster"
    enum Columns { static let position = Column(CodingKeys.position) }
    var id: String
    var position: Int
    var title: String
    var district: String?
    var profile: String?
    var lead: String
    var coordinatorName: String?
    var coordinatorEmail: String?
    var hasPlan: Bool
    var planYears: String
    var theme: String?
    var goal: String
    var contactPrivate: Bool
    var notesPrivate: Bool

    init(_ c: Cluster, position: Int) {
        contactPrivate = c.privacy.contactPrivate
        notesPrivate = c.privacy.notesPrivate
        id = c.id
        self.position = position
        title = c.title
        district = c.district
        profile = c.profile
        lead = c.lead
        coordinatorName = c.coordinator?.name
        coordinatorEmail = c.coordinator?.email
        hasPlan = c.plan != nil
        planYears = (c.plan?.years ?? []).map(\.description).joined(separator: ",")
        theme = c.plan?.theme
        goal = c.plan?.goal ?? ""
    }
}

struct ClusterMemberRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "clusterMember"
    enum Columns { static let position = Column(CodingKeys.position) }
    var cluster: String
    var school: String
    var position: Int
}

struct PlanTaskRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "planTask"
    enum Columns { static let position = Column(CodingKeys.position) }
    var cluster: String
    var id: String
    var position: Int
    var text: String
}

struct DirectionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "direction"
    enum Columns { static let position = Column(CodingKeys.position) }
    var cluster: String
    var id: String
    var position: Int
    var title: String
    var items: [String]
}

struct IndicatorRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "indicator"
    enum Columns { static let position = Column(CodingKeys.position) }
    var cluster: String
    var id: String
    var position: Int
    var title: String
    var target: Double?
    var unit: String?
    /// `["2019/2020=4"]`: per-year targets (`Indicator.targets`).
    var targets: [String]

    init(cluster: String, position: Int, _ i: Indicator) {
        self.cluster = cluster
        id = i.id
        self.position = position
        title = i.title
        target = i.target
        unit = i.unit
        targets = i.targets.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    }

    func indicator() throws(StoreError) -> Indicator {
        var byYear: [AcademicYear: Double] = [:]
        for item in targets {
            let parts = item.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let year = AcademicYear(parts[0]), let value = Double(parts[1]) else {
                throw .corrupt("показатель \(cluster)/\(id): цель «\(item)»")
            }
            byYear[year] = value
        }
        return Indicator(id: id, title: title, target: target, targets: byYear, unit: unit)
    }
}

struct VacationRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "vacation"
    var title: String
    var fromDate: String
    var toDate: String
    var district: String?
}

struct HolidayRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "holiday"
    var date: String
}

struct PublicHolidayRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "publicHoliday"
    var date: String
    var kind: String
    var name: String?

    static func records(_ h: PublicHolidays) -> [PublicHolidayRecord] {
        h.holidays.map { PublicHolidayRecord(date: $0.key.description, kind: "holiday", name: $0.value) }
            + h.transferredDaysOff.map { PublicHolidayRecord(date: $0.description, kind: "dayOff", name: nil) }
            + h.extraWorkingDays.map { PublicHolidayRecord(date: $0.description, kind: "workingDay", name: nil) }
    }

    static func publicHolidays(_ db: Database) throws -> PublicHolidays {
        var result = PublicHolidays()
        for r in try fetchAll(db) {
            let d = try parse(r.date, { LocalDate(iso: $0) }, "государственный праздник")
            switch r.kind {
            case "holiday": result.holidays[d] = r.name ?? ""
            case "dayOff": result.transferredDaysOff.insert(d)
            case "workingDay": result.extraWorkingDays.insert(d)
            default: throw StoreError.corrupt("вид дня \(r.date): «\(r.kind)»")
            }
        }
        return result
    }
}

struct BusyPeriodRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "busyPeriod"
    var school: String?
    var fromDate: String?
    var toDate: String?
    var reason: String?
    var icsPath: String?
}

struct CourseRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "course"
    enum Columns { static let position = Column(CodingKeys.position) }
    var id: String
    var position: Int
    var title: String
    var provider: String?
}

struct EnrolmentRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "enrolment"
    var course: String
    var year: String
    var school: String
    var teams: Int
    var listeners: Int
}

struct CourseTargetRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "courseTarget"
    var course: String
    var year: String
    var listeners: Int
    var schools: Int
    var cluster: String?
}

struct IndicatorValueRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "indicatorValue"
    enum Columns {
        static let cluster = Column(CodingKeys.cluster)
        static let indicator = Column(CodingKeys.indicator)
        static let year = Column(CodingKeys.year)
    }
    var cluster: String
    var indicator: String
    var year: String
    var value: Double
}
